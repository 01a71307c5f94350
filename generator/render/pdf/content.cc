#include "render/pdf/content.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace metodika::render::pdf {

namespace {

// libharu's circle constant (hpdf_page_operator.c), kept so circles look as they did.
constexpr double kKappa = 0.552;

}  // namespace

Content::Content()
    : fill_(Rgb{0, 0, 0}), stroke_(Rgb{0, 0, 0}), width_(1.0), dash_(Dash::kSolid) {
  out_.reserve(16 * 1024);
}

void Content::forget_state() {
  fill_.reset();
  stroke_.reset();
  width_.reset();
  dash_.reset();
}

void Content::milli(int64_t v) {
  if (v < 0) {
    out_ += '-';
    v = -v;
  }
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v / 1000);
  out_.append(buffer, end);
  const auto fraction = static_cast<int>(v % 1000);
  if (fraction != 0) {
    char digits[4] = {'.', static_cast<char>('0' + fraction / 100),
                      static_cast<char>('0' + fraction / 10 % 10),
                      static_cast<char>('0' + fraction % 10)};
    size_t n = 4;
    while (digits[n - 1] == '0') --n;
    out_.append(digits, n);
  }
  out_ += ' ';
}

void Content::number(double v) { milli(std::llround(v * 1000)); }

void Content::op(std::string_view op) {
  out_ += op;
  out_ += '\n';
}

void Content::begin_marked(std::string_view tag, int mcid) {
  out_ += '/';
  out_ += tag;
  out_ += "<</MCID ";
  char buffer[16];
  out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, mcid).ptr);
  out_ += ">>BDC\n";
}

void Content::begin_artifact(bool pagination) {
  out_ += pagination ? "/Artifact <</Type /Pagination>> BDC\n" : "/Artifact BMC\n";
}

void Content::fill_colour(Rgb c) {
  if (fill_ == c) return;
  fill_ = c;
  for (uint8_t v : {c.r, c.g, c.b}) milli(std::lround(v * 1000.0 / 255.0));
  op("rg");
}

void Content::stroke_colour(Rgb c) {
  if (stroke_ == c) return;
  stroke_ = c;
  for (uint8_t v : {c.r, c.g, c.b}) milli(std::lround(v * 1000.0 / 255.0));
  op("RG");
}

void Content::line_width(double width) {
  if (width_ == width) return;
  width_ = width;
  number(width);
  op("w");
}

void Content::dash(Dash dash) {
  if (dash_ == dash) return;
  dash_ = dash;
  switch (dash) {
    case Dash::kSolid:
      op("[] 0 d");
      break;
    case Dash::kDashed:
      op("[5 3] 0 d");
      break;
    case Dash::kDotted:
      op("[1 2] 0 d");
      break;
    case Dash::kReference:
      op("[6 3] 0 d");
      break;
  }
}

void Content::fill_pattern(std::string_view name) {
  out_ += "/Pattern cs /";
  out_ += name;
  op(" scn");
  fill_.reset();  // the next colour must be set again, in DeviceRGB
}

void Content::move_to(double x, double y) {
  number(x);
  number(y);
  op("m");
}

void Content::line_to(double x, double y) {
  number(x);
  number(y);
  op("l");
}

void Content::rectangle(double x, double y, double width, double height) {
  number(x);
  number(y);
  number(width);
  number(height);
  op("re");
}

void Content::circle(double x, double y, double r) {
  const double k = r * kKappa;
  move_to(x - r, y);
  const double curves[4][6] = {{x - r, y + k, x - k, y + r, x, y + r},
                               {x + k, y + r, x + r, y + k, x + r, y},
                               {x + r, y - k, x + k, y - r, x, y - r},
                               {x - k, y - r, x - r, y - k, x - r, y}};
  for (const auto& curve : curves) {
    for (double v : curve) number(v);
    op("c");
  }
}

void Content::begin_text() {
  op("BT");
  line_origin_.emplace(0, 0);  // BT starts from the identity matrix
}

void Content::font(std::string_view name, double size) {
  if (font_ == name && size_ == size) return;
  font_ = name;
  size_ = size;
  out_ += '/';
  out_ += name;
  out_ += ' ';
  number(size);
  op("Tf");
}

void Content::text_position(double x, double y, double degrees) {
  const int64_t mx = std::llround(x * 1000);
  const int64_t my = std::llround(y * 1000);
  if (degrees == 0 && line_origin_) {
    // Relative to the previous line's start: short, and exact in thousandths.
    milli(mx - line_origin_->first);
    milli(my - line_origin_->second);
    op("Td");
    line_origin_.emplace(mx, my);
    return;
  }
  const double a = degrees * M_PI / 180.0;
  const double m[4] = {std::cos(a), std::sin(a), -std::sin(a), std::cos(a)};
  char buffer[24];
  for (double v : m) {
    // Five decimals: a long turned label must not drift.
    const int n = std::snprintf(buffer, sizeof buffer, "%.5f", std::abs(v) < 5e-6 ? 0.0 : v);
    std::string_view text(buffer, static_cast<size_t>(n));
    while (text.back() == '0') text.remove_suffix(1);
    if (text.back() == '.') text.remove_suffix(1);
    out_ += text;
    out_ += ' ';
  }
  milli(mx);
  milli(my);
  op("Tm");
  if (degrees == 0) {
    line_origin_.emplace(mx, my);
  } else {
    line_origin_.reset();
  }
}

void Content::show(std::string_view utf8) {
  out_ += '(';
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    const char32_t code = c > 0xFFFF ? 0 : c;
    for (auto byte : {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)}) {
      // A literal string escapes its delimiters and backslash; a raw CR would be read as LF.
      switch (byte) {
        case '(':
        case ')':
        case '\\':
          out_ += '\\';
          out_ += byte;
          break;
        case '\r':
          out_ += "\\r";
          break;
        default:
          out_ += byte;
      }
    }
  }
  op(") Tj");
}

}  // namespace metodika::render::pdf
