// A page's content stream (PDF 32000 8 and 9), written here rather than through libharu's page
// operators: those clear a 512-byte buffer and print every number with five decimals for each
// operator, and copy the result into the stream a byte at a time (about a quarter of a review's
// time went there). Coordinates are PDF's (y up); numbers keep three decimals (1/1000 pt, far
// below what any device shows), text is Identity-H: two bytes per character, its code point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "render/pdf/display.h"

namespace metodika::render::pdf {

class Content {
 public:
  /// A new page's state: black, 1 pt lines, solid.
  Content();

  // Graphics state. Each is written only when it changes (a table page sets the same rule
  // width and colour for every row).
  void fill_colour(Rgb c);
  void stroke_colour(Rgb c);
  void line_width(double width);
  void dash(Dash dash);
  /// Round or butt line ends.
  void line_cap(bool round) { op(round ? "1 J" : "0 J"); }
  /// Forgets the state, so that every setting is written (for a pattern cell, which is painted
  /// from the state its page started with, not the one in force where it is used).
  void forget_state();
  /// Fills with the tiling pattern named `name` in the page's resources (until the next
  /// fill_colour).
  void fill_pattern(std::string_view name);

  // Paths.
  void move_to(double x, double y);
  void line_to(double x, double y);
  void rectangle(double x, double y, double width, double height);
  /// A circle as four Bézier curves (as libharu's HPDF_Page_Circle draws it).
  void circle(double x, double y, double radius);
  void close_path() { out_ += "h\n"; }
  void stroke() { out_ += "S\n"; }
  void fill() { out_ += "f\n"; }
  void fill_stroke() { out_ += "B\n"; }

  // Text.
  void begin_text();
  void end_text() { out_ += "ET\n"; }
  /// The font resource `name` at `size` points.
  void font(std::string_view name, double size);
  /// The next text starts at (x, y), turned `degrees` anticlockwise.
  void text_position(double x, double y, double degrees = 0);
  /// Shows `utf8`: characters outside the BMP become code 0 (.notdef), as the fonts have none.
  void show(std::string_view utf8);

  // Marked content (PDF 32000 14.6): a structure element's content with its MCID, an
  // artifact (a pagination one: running heads and page numbers), and the end of either.
  void begin_marked(std::string_view tag, int mcid);
  void begin_artifact(bool pagination);
  void end_marked() { out_ += "EMC\n"; }

  [[nodiscard]] const std::string& bytes() const { return out_; }

 private:
  void number(double v);
  void milli(int64_t thousandths);
  void op(std::string_view op);

  std::string out_;
  std::optional<Rgb> fill_;
  std::optional<Rgb> stroke_;
  std::optional<double> width_;
  std::optional<Dash> dash_;
  std::string font_;
  double size_ = 0;
  // The text line matrix's origin in 1/1000 pt while it is a plain translation (so the next
  // position can be a short relative Td); unset after a rotation.
  std::optional<std::pair<int64_t, int64_t>> line_origin_;
};

}  // namespace metodika::render::pdf
