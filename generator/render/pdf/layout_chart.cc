// FlowBuilder, part 3: charts. The same layout as the site's SVG (render/common/chart.h), measured
// with the embedded font, scaled from its 640 units to the text width and drawn as vectors: bars
// filled with their series' pattern over its colour, so that they differ in greyscale too.
#include <algorithm>
#include <cmath>
#include <optional>

#include "render/pdf/layout.h"
#include "util/typography.h"

namespace metodika::render::pdf {

namespace {

// More room between a threshold's label and its line, in chart units.
constexpr double kReferenceClearance = 3;

class ChartDrawer {
 public:
  ChartDrawer(const ChartLayout& layout, const FontMetrics& font, double scale)
      : layout_(layout), font_(font), s_(scale) {}

  std::vector<Op> draw() {
    const Box& plot = layout_.plot;
    for (const AxisTick& tick : layout_.ticks) {
      if (layout_.value_axis_horizontal) {
        line({tick.position, plot.y}, {tick.position, plot.y + plot.height}, 0.5, kGridColour);
      } else {
        line({plot.x, tick.position}, {plot.x + plot.width, tick.position}, 0.5, kGridColour);
      }
    }
    for (const BarMark& bar : layout_.bars) {
      const SeriesStyle style = series_style(bar.series);
      ops_.emplace_back(RectOp{box(bar.box), style.colour, style.fill, style.ink, kOutlineColour,
                               0.8 * s_});
    }
    for (const LineMark& series : layout_.lines) {
      const SeriesStyle style = series_style(series.series);
      for (const auto& run : series.runs) {
        if (run.size() < 2) continue;
        LineOp op{{}, 2.5 * s_, style.colour, dash_of(style.stroke)};
        for (const Point& p : run) op.points.push_back(point(p));
        ops_.emplace_back(std::in_place_type<LineOp>, std::move(op));
      }
      for (const PointMark& mark : series.points) {
        ops_.emplace_back(MarkerOp{point(mark.at), style.marker, s_, style.colour, kOutlineColour});
      }
    }
    line(layout_.axis_from, layout_.axis_to, 1 * s_, kAxisColour);
    for (const ReferenceMark& reference : layout_.references) {
      ops_.emplace_back(LineOp{{point(reference.from), point(reference.to)}, 1.5 * s_,
                               kReferenceColour, Dash::kReference});
    }
    for (const AxisTick& tick : layout_.ticks) text(tick.label, kTextColour);
    for (const TextMark& label : layout_.category_labels) text(label, kTextColour);
    for (const BarMark& bar : layout_.bars) {
      if (bar.share) text(*bar.share, series_style(bar.series).ink);
    }
    // A threshold's label keeps clear of its dashed line: the layout puts its baseline 4 units
    // above the line or its top 4.4 below, where descenders and the halo touch the dashes.
    for (const ReferenceMark& reference : layout_.references) {
      TextMark label = reference.label;
      label.at.y += label.at.y < reference.from.y ? -kReferenceClearance : kReferenceClearance;
      text(label, kTextColour, /*halo=*/true);
    }
    for (const LegendEntry& entry : layout_.legend) {
      const SeriesStyle style = series_style(entry.series);
      if (layout_.kind != ChartKind::kLines) {
        ops_.emplace_back(RectOp{box(entry.swatch), style.colour, style.fill, style.ink,
                                 kOutlineColour, 0.8 * s_});
      } else {
        const Box& b = entry.swatch;
        const double middle = b.y + b.height / 2;
        ops_.emplace_back(LineOp{{point({b.x, middle}), point({b.x + b.width, middle})}, 2.5 * s_,
                                 style.colour, dash_of(style.stroke)});
        ops_.emplace_back(MarkerOp{point({b.x + b.width / 2, middle}), style.marker, s_,
                                   style.colour, kOutlineColour});
      }
      text(entry.label, kTextColour);
    }
    return std::move(ops_);
  }

 private:
  static Dash dash_of(Stroke stroke) {
    switch (stroke) {
      case Stroke::kDashed:
        return Dash::kDashed;
      case Stroke::kDotted:
        return Dash::kDotted;
      case Stroke::kSolid:
        break;
    }
    return Dash::kSolid;
  }
  Point point(Point p) const { return {p.x * s_, p.y * s_}; }
  Box box(const Box& b) const { return {b.x * s_, b.y * s_, b.width * s_, b.height * s_}; }

  void line(Point from, Point to, double width, Rgb colour) {
    ops_.emplace_back(LineOp{{point(from), point(to)}, width, colour, Dash::kSolid});
  }

  void text(const TextMark& mark, Rgb colour, bool halo = false) {
    const double size = kFontSize * s_;
    const double angle = mark.rotate * M_PI / 180.0;
    for (size_t k = 0; k < mark.lines.size(); ++k) {
      const std::string& line_text = mark.lines[k];
      const double w = font_.width(line_text, size);
      double dx = 0;
      if (mark.anchor == TextAnchor::kMiddle) dx = -w / 2;
      if (mark.anchor == TextAnchor::kEnd) dx = -w;
      // Further lines go kLineHeight below, in the label's own (possibly rotated) frame.
      const double dy = static_cast<double>(k) * kLineHeight * s_;
      const Point at = point(mark.at);
      const double x = at.x + dx * std::cos(angle) - dy * std::sin(angle);
      const double y = at.y + dx * std::sin(angle) + dy * std::cos(angle);
      if (halo && mark.rotate == 0) {
        ops_.emplace_back(RectOp{{x - 1.5, y - 0.8 * size, w + 3, 1.05 * size}, Rgb{0xFF, 0xFF, 0xFF},
                                 Fill::kSolid, kBlack, std::nullopt, 0});
      }
      ops_.emplace_back(TextOp{x, y, FontStyle::kRegular, size, colour, line_text, mark.rotate});
    }
  }

  const ChartLayout& layout_;
  const FontMetrics& font_;
  double s_;
  std::vector<Op> ops_;
};

}  // namespace

void FlowBuilder::add_chart(const Chart& chart) {
  if (!chart.title.empty()) {
    add_paragraph({{util::tie_words(chart.title, lang_), {FontStyle::kBold, 9.5, kBlack}, {}}}, 0,
                  13, 10,
                  structure_.add(Role::kP, parent_));
    flow_.items.back().keep_with_next = true;
  }
  // The chart is one Figure: its marks and labels are not read, its /Alt is, written from the
  // data it draws (PDF/UA-1 7.3).
  const int figure = structure_.add(Role::kFigure, parent_);
  structure_[figure].alt = chart_alt(chart, lang_);
  const FontMetrics& font = ts_.fonts.metrics(FontStyle::kRegular);
  // Labels keep "2023./2024. m. g." and "16 018 EUR" whole when the layout wraps them.
  Chart tied = chart;
  for (std::string& category : tied.categories) category = util::tie_words(category, lang_);
  for (Series& series : tied.series) series.label = util::tie_words(series.label, lang_);
  for (ReferenceLine& reference : tied.references) {
    reference.label = util::tie_words(reference.label, lang_);
  }
  const ChartLayout layout = layout_chart(
      tied, lang_, [&font](std::string_view text, double size) { return font.width(text, size); });
  const double scale = layout.width > 0 ? width_ / layout.width : 1;
  Item item;
  item.space_before = 4;
  item.height = layout.height * scale + 6;
  item.ops = ChartDrawer(layout, font, scale).draw();
  set_node(item.ops, figure);
  push(std::move(item));
}

}  // namespace metodika::render::pdf
