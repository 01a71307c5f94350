#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace metodika::diag {
namespace {

// Returns line `line` (1-based) of `text`, without its line break.
std::string_view line_of(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view s = text.substr(start, end == std::string_view::npos ? text.size() - start
                                                                        : end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  // A byte order mark is invisible in editors and not counted in columns (a spreadsheet's CSV
  // starts with one): the quoted line leaves it out, so that the caret lines up.
  if (line == 1 && s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

// The caret line: the source line's leading characters up to `col` replaced by spaces (tabs
// kept, so the caret lines up in a terminal), counting UTF-8 code points.
std::string caret_prefix(std::string_view src_line, uint32_t col) {
  std::string out;
  uint32_t cp = 1;
  for (size_t i = 0; i < src_line.size() && cp < col; ++i) {
    unsigned char c = static_cast<unsigned char>(src_line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    out += (c == '\t') ? '\t' : ' ';
    ++cp;
  }
  while (cp < col) {
    out += ' ';
    ++cp;
  }
  return out;
}

}  // namespace

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  std::lock_guard lock(mu_);
  items_.push_back({Severity::kError, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
  std::lock_guard lock(mu_);
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning_once(std::string_view key, SourcePos pos, std::string message,
                               std::string hint) {
  std::lock_guard lock(mu_);
  if (!once_.emplace(std::string(key), std::string()).second) return;
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(const std::vector<Diagnostic>& earlier) {
  std::lock_guard lock(mu_);
  items_.insert(items_.end(), earlier.begin(), earlier.end());
}

void Diagnostics::add_source(const std::string& file, std::shared_ptr<const std::string> text,
                             Locator locator) {
  std::lock_guard lock(mu_);
  sources_[file] = {std::move(text), std::move(locator)};
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

// Counted over sorted(), so that a message reported twice at one place (e.g. a bad year key read
// by two checks) is counted as printed: once.
size_t Diagnostics::error_count() const {
  auto all = sorted();
  return static_cast<size_t>(std::count_if(
      all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

size_t Diagnostics::warning_count() const {
  auto all = sorted();
  return static_cast<size_t>(std::count_if(all.begin(), all.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mu_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos, a.severity, a.message) < std::tie(b.pos, b.severity, b.message);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.pos == b.pos && a.severity == b.severity &&
                                 a.message == b.message;
                        }),
            out.end());
  return out;
}

std::string Diagnostics::format_one(const Diagnostic& d, bool quote_source) const {
  std::string out = d.pos.file.empty() ? std::string("metodika") : d.pos.file;
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  out += '\n';
  if (quote_source && d.pos.line > 0) {
    Source source;
    {
      std::lock_guard lock(mu_);
      auto it = sources_.find(d.pos.file);
      if (it != sources_.end()) source = it->second;
    }
    if (source.text) {
      std::string_view src = line_of(*source.text, d.pos.line);
      std::string num = std::to_string(d.pos.line);
      std::string gutter(num.size(), ' ');
      out += ' ' + num + " | " + std::string(src) + '\n';
      out += ' ' + gutter + " | " + caret_prefix(src, d.pos.col) + '^';
      if (source.locator) {
        std::string note = source.locator(d.pos.line, d.pos.col);
        if (!note.empty()) out += ' ' + note;
      }
      out += '\n';
    }
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
  return out;
}

std::string Diagnostics::format(bool quote_source) const {
  std::string out;
  for (const Diagnostic& d : sorted()) out += format_one(d, quote_source);
  return out;
}

}  // namespace metodika::diag
