#include "render/xlsx/workbook.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <set>
#include <stdexcept>
#include <vector>

#include "util/fs.h"
#include "util/text.h"

namespace metodika::render::xlsx {
namespace {

// Excel's limit on a sheet name, in characters.
constexpr size_t kMaxSheetName = 31;

// Colours of the annex, as in the site's theme: a pale header, a paler group row, and Excel's
// own good/bad fills for the exam index (what a spreadsheet user already reads).
constexpr lxw_color_t kHeaderFill = 0xDDE6F0;
constexpr lxw_color_t kGroupFill = 0xF2F2F2;
constexpr lxw_color_t kGoodFill = 0xC6EFCE, kGoodFont = 0x006100;
constexpr lxw_color_t kBadFill = 0xFFC7CE, kBadFont = 0x9C0006;
constexpr lxw_color_t kHiddenFont = 0x595959;

// The first `n` code points of `text`.
std::string utf8_prefix(std::string_view text, size_t n) {
  size_t i = 0, count = 0;
  while (i < text.size() && count < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    i += len;
    ++count;
  }
  return std::string(text.substr(0, std::min(i, text.size())));
}

// A name Excel accepts: no []:*?/\ and no apostrophe at either end.
std::string clean_sheet_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  }
  while (!out.empty() && out.front() == '\'') out.erase(out.begin());
  while (!out.empty() && out.back() == '\'') out.pop_back();
  if (out.empty()) out = "Lapa";
  return utf8_prefix(out, kMaxSheetName);
}

}  // namespace

std::string Workbook::table_name(std::string_view text) {
  std::string name = util::slugify(text);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  if (name.empty()) name = "tabula";
  // "ab12" or "r1c1" would be a cell reference, "r" and "c" mean a row and a column.
  size_t letters = 0;
  while (letters < name.size() && name[letters] >= 'a' && name[letters] <= 'z') ++letters;
  const bool digits_after = letters < name.size() &&
                            name.find_first_not_of("0123456789", letters) == std::string::npos;
  if (letters == 0 || (letters <= 3 && digits_after) || name == "r" || name == "c" ||
      name.starts_with("r1c") || name.starts_with("r1")) {
    name.insert(0, "t_");  // not "t_" + name: GCC 12 warns falsely (-Wrestrict)
  }
  std::string unique = name;
  for (int n = 2; table_names_.contains(unique); ++n) unique = name + "_" + std::to_string(n);
  table_names_.insert(unique);
  return unique;
}

void fail(lxw_error err, std::string_view what, std::string_view where) {
  std::string place = where.empty() ? "" : " (" + std::string(where) + ")";
  throw std::runtime_error("XLSX: " + std::string(what) + place + ": " + lxw_strerror(err));
}

std::string cell_ref(lxw_row_t row, lxw_col_t col) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

std::string range_ref(lxw_row_t row1, lxw_col_t col1, lxw_row_t row2, lxw_col_t col2) {
  if (row1 == row2 && col1 == col2) return cell_ref(row1, col1);
  return cell_ref(row1, col1) + ":" + cell_ref(row2, col2);
}

std::string number_format(const Style& style) {
  switch (style.type) {
    case ColumnType::kText:
    case ColumnType::kSchoolYear:  // written as its Latvian name, a string
      return "";
    case ColumnType::kInteger:
      return "#,##0";
    case ColumnType::kYear:
      return "0";
    case ColumnType::kDecimal:
      return style.decimals > 0 ? "#,##0." + std::string(style.decimals, '0') : "#,##0";
    case ColumnType::kPercent:
      return style.decimals > 0 ? "0." + std::string(style.decimals, '0') + "%" : "0%";
    case ColumnType::kMoney:
      return style.cents ? "#,##0.00 \"EUR\"" : "#,##0 \"EUR\"";
    case ColumnType::kDate:
      return "dd.mm.yyyy.";
  }
  return "";
}

Workbook::Workbook(const Properties& p, const std::string& tmp_dir) : tmp_dir_(tmp_dir) {
  std::string pattern = tmp_dir + "/metodika-xlsx-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + tmp_dir);
  ::close(fd);
  path_ = buf.data();

  lxw_workbook_options options{};
  options.tmpdir = tmp_dir_.data();
  wb_ = workbook_new_opt(path_.c_str(), &options);
  if (wb_ == nullptr) {
    std::remove(path_.c_str());
    throw std::runtime_error("XLSX: cannot start a workbook in " + tmp_dir);
  }
  // The creation time is as_of at midnight UTC: never the clock (byte-identical builds).
  lxw_doc_properties props{};
  std::string title = p.title, subject = p.subject, author = p.author, company = p.company,
              keywords = p.keywords;
  props.title = title.data();
  props.subject = subject.data();
  props.author = author.data();
  props.company = company.data();
  props.keywords = keywords.data();
  // The description (File → Properties → Comments) a screen reader offers with the title.
  std::string comments = p.subject;
  props.comments = comments.data();
  // libxlsxwriter 1.1.4 formats `created` with gmtime(), whose buffer every thread shares, so
  // workbooks closed at once write it together (ThreadSanitizer reports it). Every workbook of a
  // build has the same date (the site's as_of), so they put the same values there.
  props.created = static_cast<time_t>(p.created.days()) * 86400;
  check(workbook_set_properties(wb_, &props), "document properties");
}

Workbook::~Workbook() noexcept {
  if (wb_ != nullptr) {
    // Never closed (an exception on the way): libxlsxwriter frees only on close, which also
    // writes the file; it is removed just after.
    workbook_close(wb_);
  }
  if (!path_.empty()) std::remove(path_.c_str());
}

lxw_worksheet* Workbook::add_sheet(std::string_view name) {
  std::string base = clean_sheet_name(name);
  std::set<std::string> taken;
  for (const auto& [ws, n] : names_) taken.insert(n);
  std::string candidate = base;
  for (int i = 2; taken.count(candidate) != 0; ++i) {
    std::string suffix = " (" + std::to_string(i) + ")";
    candidate = utf8_prefix(base, kMaxSheetName - suffix.size()) + suffix;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb_, candidate.c_str());
  if (ws == nullptr) throw std::runtime_error("XLSX: cannot add the sheet \"" + candidate + "\"");
  names_[ws] = candidate;
  return ws;
}

const std::string& Workbook::sheet_name(lxw_worksheet* ws) const { return names_.at(ws); }

lxw_format* Workbook::format(const Style& style) {
  auto it = formats_.find(style);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(wb_);
  if (style.role == CellRole::kConditional) {
    bool good = style.highlight == Style::Highlight::kGood;
    format_set_bg_color(f, good ? kGoodFill : kBadFill);
    format_set_font_color(f, good ? kGoodFont : kBadFont);
    formats_.emplace(style, f);
    return f;
  }
  std::string num = number_format(style);
  if (!num.empty() && style.role != CellRole::kHeader) format_set_num_format(f, num.c_str());
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (style.wrap) format_set_text_wrap(f);
  switch (style.role) {
    case CellRole::kHeader:
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_bg_color(f, kHeaderFill);
      format_set_bottom(f, LXW_BORDER_THIN);
      // Over numbers the header stands right, as the numbers do.
      if (style.type != ColumnType::kText && style.type != ColumnType::kSchoolYear &&
          style.type != ColumnType::kDate) {
        format_set_align(f, LXW_ALIGN_RIGHT);
      }
      break;
    case CellRole::kGroup:
      format_set_bold(f);
      format_set_bg_color(f, kGroupFill);
      break;
    case CellRole::kTotal:
      format_set_bold(f);
      format_set_top(f, LXW_BORDER_THIN);
      break;
    case CellRole::kNote:
      format_set_italic(f);
      format_set_text_wrap(f);
      break;
    case CellRole::kTitle:
      format_set_bold(f);
      format_set_font_size(f, 13);
      break;
    case CellRole::kData:
    case CellRole::kConditional:
      break;
  }
  switch (style.highlight) {
    case Style::Highlight::kGood:
      format_set_bg_color(f, kGoodFill);
      format_set_font_color(f, kGoodFont);
      break;
    case Style::Highlight::kBad:
      format_set_bg_color(f, kBadFill);
      format_set_font_color(f, kBadFont);
      break;
    case Style::Highlight::kHidden:
      format_set_italic(f);
      format_set_font_color(f, kHiddenFont);
      format_set_pattern(f, LXW_PATTERN_LIGHT_UP);
      format_set_fg_color(f, 0xD9D9D9);
      break;
    case Style::Highlight::kNone:
      break;
  }
  formats_.emplace(style, f);
  return f;
}

std::string Workbook::finish() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  check(workbook_close(wb), "writing", path_);
  // One read of the file's size, not a character iterator.
  std::string bytes = util::read_file(path_);
  std::remove(path_.c_str());
  path_.clear();
  return bytes;
}

}  // namespace metodika::render::xlsx
