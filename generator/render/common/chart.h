// Charts as data: what to draw (`Chart`), how each series looks (`series_style`) and where every
// mark goes (`layout_chart`). Nothing here knows an output format: `svg_chart.h` writes a layout
// as inline SVG for the site, and the PDF renderer draws the same layout as vectors, so a chart
// looks the same on the web and on paper.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::render {

// ---------------------------------------------------------------------------------------------
// Description

/// What a chart shows its categories as.
enum class ChartKind {
  kBars,         ///< grouped vertical bars, one group per category
  kLines,        ///< one line with markers per series, categories along the x axis
  kStackedBars,  ///< one horizontal bar per category split 100% among the series (a time split)
};

/// One data series: a value per category, in the order of `Chart::categories`.
struct Series {
  std::string label;
  /// nullopt (or a non-finite value) is "no data": a gap, never drawn as zero. Missing trailing
  /// entries count as nullopt.
  std::vector<std::optional<double>> values;
};

/// A threshold drawn as a dashed line, in force for the categories `from_category` through
/// `to_category` (inclusive; nullopt = from the first / to the last). A threshold that changed
/// (40 until 2025, then 50) is two lines with the same label. On stacked bars `value` is a share
/// in percent, drawn as a vertical line across the rows it covers.
struct ReferenceLine {
  std::string label;
  double value = 0;
  std::optional<size_t> from_category;
  std::optional<size_t> to_category;
};

/// A chart, ready to lay out. Values are already computed by `rules`; a chart only draws them.
struct Chart {
  ChartKind kind = ChartKind::kBars;
  std::string title;
  /// What the chart shows, in a sentence or two, for screen readers (SVG `<desc>`).
  std::string description;
  /// Category labels: x labels for bars and lines ("2021./2022."), row labels for stacked bars.
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::vector<ReferenceLine> references;
  /// Unit after every value and tick label: "%" is written without a space ("45,3%"), any other
  /// unit after one ("16 018 EUR"), as util/format.h does.
  std::string unit;
  /// Value axis range; by default min(0, smallest value) .. the first tick at or above the
  /// largest value (or reference). Stacked bars always run 0..100%.
  std::optional<double> y_min;
  std::optional<double> y_max;
  /// Digits after the decimal separator in value labels (tooltips, table, stacked shares).
  int decimals = 0;
};

/// `value` with `decimals` digits and `unit` as described at `Chart::unit`: lv "45,3%",
/// "208 748 EUR" (NO-BREAK SPACE groups), en "45.3%".
[[nodiscard]] std::string format_value(double value, int decimals, std::string_view lang,
                                       std::string_view unit);

/// A labelled value on an axis.
struct Tick {
  double value = 0;
  std::string label;
};

/// Ticks at multiples of a 1-2-5 step (…, 0.5, 1, 2, 5, 10, 20, …) covering [min, max]: the
/// smallest such step that needs at most `max_ticks` ticks (at least 2), from the last multiple
/// at or below `min` to the first at or above `max`. 0..57 with 8 ticks gives 0, 10, …, 60.
/// Labels use `format_value` with at least `decimals` digits, more when the step needs them
/// (a step of 0.5 gets one). Empty if a bound is not finite.
[[nodiscard]] std::vector<Tick> nice_ticks(double min, double max, int max_ticks, int decimals,
                                           std::string_view lang, std::string_view unit);

/// The value axis a chart is drawn against.
struct ValueAxis {
  double min = 0;
  double max = 1;
  std::vector<Tick> ticks;  ///< within [min, max]
};

/// At most this many ticks on a value axis: 27 px apart or more on a 320 px chart.
inline constexpr int kMaxValueTicks = 8;

/// The value axis of `chart`: its explicit `y_min`/`y_max` where given (ticks outside them are
/// dropped), otherwise the outer ticks of `nice_ticks` over the data and the reference lines,
/// with zero always included. Tick labels get no more decimals than the step needs: a 10-step
/// axis reads "40%", not "40,0%". Stacked bars: 0..100%.
/// `max_ticks` lowers the tick count for a short axis (a narrow chart's horizontal one).
[[nodiscard]] ValueAxis value_axis(const Chart& chart, std::string_view lang,
                                   int max_ticks = kMaxValueTicks);

// ---------------------------------------------------------------------------------------------
// Style

/// An sRGB colour.
struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// How the inside of a bar or a legend swatch is painted: the series colour, overlaid with a
/// pattern in the series' `ink` colour.
enum class Fill { kSolid, kDiagonal, kDots, kCrosshatch, kHorizontal, kBackDiagonal };

/// The marker at each point of a line.
enum class Marker { kCircle, kSquare, kTriangle, kDiamond, kTriangleDown, kPlus };

/// How a series' line is stroked.
enum class Stroke { kSolid, kDashed, kDotted };

/// The look of series number `index`.
struct SeriesStyle {
  Rgb colour;
  /// Text and pattern colour that reads on `colour` (white on dark colours, near-black on light).
  Rgb ink;
  Fill fill = Fill::kSolid;
  Marker marker = Marker::kCircle;
  Stroke stroke = Stroke::kSolid;
};

/// Number of distinct series styles; series past it repeat them (cycle by index).
inline constexpr size_t kSeriesStyles = 6;

/// Style of series `index`. The six colours (from the Okabe–Ito colour-blind-safe set, plus a
/// navy, a wine and a light blue) have CIE lightness 46, 71, 17, 58, 32 and 82, so neighbours
/// differ in greyscale too; each series also has its own fill pattern, marker and stroke, so no
/// reader needs colour at all.
[[nodiscard]] SeriesStyle series_style(size_t index);

/// Colours shared by every chart.
inline constexpr Rgb kTextColour{0x1A, 0x1A, 0x1A};
inline constexpr Rgb kGridColour{0xD9, 0xD9, 0xD9};
inline constexpr Rgb kAxisColour{0x59, 0x59, 0x59};
inline constexpr Rgb kReferenceColour{0x1A, 0x1A, 0x1A};
inline constexpr Rgb kOutlineColour{0x33, 0x33, 0x33};

// ---------------------------------------------------------------------------------------------
// Layout

/// Coordinates are in chart units (1 unit = 1 CSS px at 640 px wide), origin at the top left,
/// y growing downwards as in SVG; the PDF renderer flips y.
struct Point {
  double x = 0;
  double y = 0;
};

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

/// Which end of the text `TextMark::at` is.
enum class TextAnchor { kStart, kMiddle, kEnd };

/// Text size of every label; the line pitch of wrapped labels.
inline constexpr double kFontSize = 12;
inline constexpr double kLineHeight = 14;

/// A label, in one or more lines.
struct TextMark {
  std::vector<std::string> lines;
  Point at;  ///< on the baseline of the first line; further lines `kLineHeight` below
  TextAnchor anchor = TextAnchor::kStart;
  double rotate = 0;  ///< degrees about `at`, clockwise (SVG sense)
};

/// A tick on the value axis: `position` is y for vertical value axes, x for horizontal ones. Its
/// gridline crosses the whole plot.
struct AxisTick {
  double value = 0;
  double position = 0;
  TextMark label;
};

/// A bar, or a segment of a stacked bar.
struct BarMark {
  size_t series = 0;
  size_t category = 0;
  Box box;
  std::string text;               ///< "category, series: value", for tooltips
  std::optional<TextMark> share;  ///< stacked bars: the share printed inside, if it fits
};

/// A data point of a line.
struct PointMark {
  size_t category = 0;
  Point at;
  std::string text;  ///< "category, series: value", for tooltips
};

/// One series of a line chart: `runs` are the unbroken stretches between missing values (a run
/// of one point has only its marker).
struct LineMark {
  size_t series = 0;
  std::vector<std::vector<Point>> runs;
  std::vector<PointMark> points;
};

struct ReferenceMark {
  size_t reference = 0;  ///< index into `Chart::references`
  Point from;
  Point to;
  TextMark label;  ///< "label: value"
};

struct LegendEntry {
  size_t series = 0;
  Box swatch;  ///< a filled box for bars, a line sample with its marker in the middle for lines
  TextMark label;
};

/// Everything to draw. Gridlines go under the marks, reference lines over them, text on top.
struct ChartLayout {
  ChartKind kind = ChartKind::kBars;
  double width = 0;
  double height = 0;
  Box plot;
  bool value_axis_horizontal = false;  ///< stacked bars, and bars laid out for a narrow width
  std::vector<AxisTick> ticks;
  Point axis_from;  ///< the category axis line (value 0, or the axis end nearest to it)
  Point axis_to;
  std::vector<TextMark> category_labels;
  std::vector<BarMark> bars;
  std::vector<LineMark> lines;
  std::vector<ReferenceMark> references;
  std::vector<LegendEntry> legend;  ///< empty for a single series
};

/// Width of `text` in chart units at `font_size`. The SVG cannot know the page's font, so it
/// uses `estimate_text_width`; the PDF passes its embedded font's metrics.
using TextWidth = std::function<double(std::string_view text, double font_size)>;

/// A generous estimate: 0.62 em per code point (DejaVu Sans digits are 0.636 em, most
/// letters narrower), so labels laid out with it do not collide in common fonts.
[[nodiscard]] double estimate_text_width(std::string_view text, double font_size);

/// Chart width; bars and lines are `kChartHeight` tall, stacked bars as tall as their rows need.
inline constexpr double kChartWidth = 640;
inline constexpr double kChartHeight = 320;
/// The width of a chart laid out for a phone: a 360 px screen less the page's margins, so that
/// its 12-unit text is drawn 12 CSS px high there (issue 21), and larger on wider phones.
inline constexpr double kNarrowChartWidth = 328;

/// Lays `chart` out `width` units wide: legend on top (more than one series), value axis with
/// gridlines, category labels (wrapped after "/" or at spaces when the bands are narrow, slanted
/// when that is not enough), marks and reference lines. Below `kChartWidth`, bars whose labels
/// would have to slant, or more than 12 bars, are laid out across instead: a row per category,
/// its name on the left and its bars to the right, the value axis along the bottom; a chart of
/// 30 schools on a phone then grows down, not into 10-unit bands of slanted names.
[[nodiscard]] ChartLayout layout_chart(const Chart& chart, std::string_view lang,
                                       const TextWidth& text_width = estimate_text_width,
                                       double width = kChartWidth);

/// A chart's text alternative in `lang` ("lv" or English), from what it draws: its kind and
/// title, each series' first and last value with their categories, and its thresholds. The
/// PDF's /Alt of the chart's Figure and the workbook chart's description.
[[nodiscard]] std::string chart_alt(const Chart& chart, std::string_view lang);

}  // namespace metodika::render
