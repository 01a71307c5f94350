#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace metodika::diag {
namespace {

constexpr std::string_view kMoreErrors = "more errors in this file are not shown";
constexpr std::string_view kMoreWarnings = "more warnings in this file are not shown";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The byte offset where the character at `index` (0-based, in code points) starts; s.size()
// when the line is shorter.
size_t byte_offset(std::string_view s, size_t index) {
  size_t cp = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(s[i]))) continue;
    if (cp++ == index) return i;
  }
  return s.size();
}

// The caret line: the quoted text's characters before the caret replaced by spaces (tabs kept,
// so the caret lines up in a terminal), then spaces up to `width` characters in all.
std::string caret_prefix(std::string_view shown, size_t width) {
  std::string out;
  size_t cp = 0;
  for (size_t i = 0; i < shown.size() && cp < width; ++i) {
    unsigned char c = static_cast<unsigned char>(shown[i]);
    if (is_continuation(c)) continue;
    out += (c == '\t') ? '\t' : ' ';
    ++cp;
  }
  while (cp < width) {
    out += ' ';
    ++cp;
  }
  return out;
}

// What is quoted of a source line for a caret at column `col` (1-based, in code points): the
// whole line when it is short, else a window of kQuoteWindow characters around the caret with
// "…" where the line goes on, cut between characters. Returns the text and the caret's width.
std::pair<std::string, size_t> quote_window(std::string_view line, uint32_t col) {
  const size_t caret = col > 0 ? col - 1 : 0;  // characters before the caret
  size_t length = 0;
  for (char c : line) length += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  if (length <= Diagnostics::kQuoteMaxWidth) return {std::string(line), caret};
  constexpr size_t kWindow = Diagnostics::kQuoteWindow;
  size_t start = caret > kWindow / 2 ? caret - kWindow / 2 : 0;
  if (start + kWindow > length) start = length > kWindow ? length - kWindow : 0;
  const size_t end = std::min(length, start + kWindow);
  const size_t from = byte_offset(line, start);
  const size_t to = from + byte_offset(line.substr(from), end - start);
  std::string shown;
  size_t width = caret - std::min(caret, start);
  if (start > 0) {
    shown = "\u2026";
    ++width;
  }
  shown.append(line.substr(from, to - from));
  if (end < length) shown += "\u2026";
  return {std::move(shown), width};
}

// The length of the UTF-8 sequence starting at s[i], 0 when it is not a valid one.
size_t sequence_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || (n == 2 && c < 0xC2) || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  }
  return n;
}

// Text from the data (a file's name, a quoted value, a line) made safe to print on a terminal: a
// control character (C0, DEL, C1) or a byte that is not UTF-8 would otherwise be sent to the
// terminal as it is, and ESC or CSI sequences in a file name can rewrite what the screen shows.
// In a message each becomes a visible escape (\n, \x1B, \xFF, \u009B); in a quoted source line
// (`in_line`) one U+FFFD each, so that the caret below still counts one character a character.
// Tabs stay in quoted lines (the caret line keeps them too).
std::string printable(std::string_view s, bool in_line) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](unsigned v, int digits) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string h;
    for (int d = digits - 1; d >= 0; --d) h += kDigits[(v >> (4 * d)) & 0xF];
    return h;
  };
  for (size_t i = 0; i < s.size();) {
    const size_t n = sequence_length(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c0 = n == 1 && (c < 0x20 || c == 0x7F) && !(in_line && c == '\t');
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
    if (n != 0 && !c0 && !c1) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    if (in_line) {
      out += "\uFFFD";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c1) {
      out += "\\u00" + hex(static_cast<unsigned char>(s[i + 1]), 2);
    } else {
      out += "\\x" + hex(c, 2);
    }
    i += n == 0 ? 1 : n;
  }
  return out;
}

Diagnostic summary(const std::string& file, Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.pos = {file, 0, 0};
  d.message = std::string(severity == Severity::kError ? kMoreErrors : kMoreWarnings) +
              " (only the first " + std::to_string(Diagnostics::kMaxPerFile) + ")";
  d.hint = "fix these and build again to see the rest";
  return d;
}

bool less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.pos, a.severity, a.message) < std::tie(b.pos, b.severity, b.message);
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.pos == b.pos && a.severity == b.severity && a.message == b.message;
}

size_t sev_index(Severity s) { return s == Severity::kError ? 0 : 1; }

}  // namespace

void Diagnostics::add_locked(Diagnostic d) {
  auto it = files_.find(d.pos.file);
  if (it == files_.end()) it = files_.emplace(d.pos.file, FileItems{}).first;
  FileItems& f = it->second;
  const Severity severity = d.severity;
  const bool positioned = d.pos.line > 0;
  f.items.push_back(std::move(d));
  if (positioned && ++f.positioned[sev_index(severity)] > 2 * kMaxPerFile) trim(f, severity);
}

// Keeps the first kMaxPerFile distinct positioned diagnostics of `severity`, in file order.
// Whatever the order of adding, the ones dropped can never be among the first kMaxPerFile of
// all (kMaxPerFile others come before each), so the result is the same for every order.
void Diagnostics::trim(FileItems& f, Severity severity) {
  auto group = [&](const Diagnostic& d) { return d.severity == severity && d.pos.line > 0; };
  auto split = std::stable_partition(f.items.begin(), f.items.end(),
                                     [&](const Diagnostic& d) { return !group(d); });
  std::sort(split, f.items.end(), less);
  auto last = std::unique(split, f.items.end(), same);
  if (static_cast<size_t>(last - split) > kMaxPerFile) {
    last = split + static_cast<std::ptrdiff_t>(kMaxPerFile);
    f.truncated[sev_index(severity)] = true;
  }
  f.items.erase(last, f.items.end());
  f.positioned[sev_index(severity)] = static_cast<size_t>(f.items.end() - split);
}

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  std::lock_guard lock(mu_);
  add_locked({Severity::kError, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
  std::lock_guard lock(mu_);
  add_locked({Severity::kWarning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning_once(std::string_view key, SourcePos pos, std::string message,
                               std::string hint) {
  std::lock_guard lock(mu_);
  if (!once_.emplace(std::string(key), std::string()).second) return;
  add_locked({Severity::kWarning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(const std::vector<Diagnostic>& earlier) {
  std::lock_guard lock(mu_);
  for (const Diagnostic& d : earlier) add_locked(d);
}

void Diagnostics::add_source(const std::string& file, std::shared_ptr<const std::string> text,
                             Locator locator) {
  std::lock_guard lock(mu_);
  sources_[file] = {std::move(text), std::move(locator)};
  cursors_.erase(file);
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
  std::lock_guard lock(mu_);
  // Files in name order, each sorted: the same order as sorting everything by position.
  for (const auto& [file, items] : files_) {
    FileItems f = items;
    bool cut[2] = {f.truncated[0], f.truncated[1]};
    for (Severity s : {Severity::kError, Severity::kWarning}) {
      trim(f, s);
      cut[sev_index(s)] = cut[sev_index(s)] || f.truncated[sev_index(s)];
    }
    for (Severity s : {Severity::kError, Severity::kWarning}) {
      // Added again from a memoised file's list (add()), the note is already there.
      if (cut[sev_index(s)]) f.items.push_back(summary(file, s));
    }
    std::sort(f.items.begin(), f.items.end(), less);
    f.items.erase(std::unique(f.items.begin(), f.items.end(), same), f.items.end());
    for (Diagnostic& d : f.items) out.push_back(std::move(d));
  }
  return out;
}

std::string_view Diagnostics::source_line(const std::string& file, std::string_view text,
                                          uint32_t line) const {
  std::lock_guard lock(mu_);
  LineCursor& c = cursors_[file];
  if (line < c.line) c = LineCursor{};
  while (c.line < line) {
    size_t nl = text.find('\n', c.offset);
    if (nl == std::string_view::npos) return {};
    c.offset = nl + 1;
    ++c.line;
  }
  size_t end = text.find('\n', c.offset);
  std::string_view s = text.substr(c.offset, end == std::string_view::npos ? text.size() - c.offset
                                                                          : end - c.offset);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  // A byte order mark is invisible in editors and not counted in columns (a spreadsheet's CSV
  // starts with one): the quoted line leaves it out, so that the caret lines up.
  if (line == 1 && s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

std::string Diagnostics::format_one(const Diagnostic& d, bool quote_source) const {
  std::string out = d.pos.file.empty() ? std::string("metodika") : printable(d.pos.file, false);
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += printable(d.message, false);
  out += '\n';
  if (quote_source && d.pos.line > 0) {
    Source source;
    {
      std::lock_guard lock(mu_);
      auto it = sources_.find(d.pos.file);
      if (it != sources_.end()) source = it->second;
    }
    if (source.text) {
      auto [shown, caret] = quote_window(
          printable(source_line(d.pos.file, *source.text, d.pos.line), true), d.pos.col);
      std::string num = std::to_string(d.pos.line);
      std::string gutter(num.size(), ' ');
      out += ' ' + num + " | " + shown + '\n';
      out += ' ' + gutter + " | " + caret_prefix(shown, caret) + '^';
      if (source.locator) {
        std::string note = source.locator(d.pos.line, d.pos.col);
        if (!note.empty()) out += ' ' + printable(note, false);
      }
      out += '\n';
    }
  }
  if (!d.hint.empty()) out += "  hint: " + printable(d.hint, false) + '\n';
  return out;
}

std::string Diagnostics::format(bool quote_source) const {
  std::string out;
  for (const Diagnostic& d : sorted()) out += format_one(d, quote_source);
  return out;
}

}  // namespace metodika::diag
