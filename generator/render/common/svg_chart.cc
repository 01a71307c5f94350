#include "render/common/svg_chart.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>
#include <vector>

#include "render/common/html.h"

namespace metodika::render {

namespace {

// Coordinates with one decimal, through std::to_chars so that no locale can turn the point into
// a comma, and without a trailing ".0" ("12", "12.5"): the same bytes on every machine.
std::string num(double value) {
  const double rounded = std::round(value * 10) / 10;
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                       rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 1);
  if (ec != std::errc()) return "0";  // only for absurd coordinates (> 10^60)
  std::string_view text(buffer.data(), static_cast<size_t>(end - buffer.data()));
  if (text.ends_with(".0")) text.remove_suffix(2);
  return std::string(text);
}

std::string hex(Rgb colour) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out = "#";
  for (const uint8_t channel : {colour.r, colour.g, colour.b}) {
    out += kDigits[channel >> 4];
    out += kDigits[channel & 0xF];
  }
  return out;
}

class SvgWriter {
 public:
  SvgWriter(const Chart& chart, const ChartLayout& layout, std::string_view id,
            std::string_view css_class)
      : chart_(chart), layout_(layout), id_(html_escape(id)), class_(css_class) {}

  std::string write() {
    const bool has_desc = !chart_.description.empty();
    out_ += R"(<svg xmlns="http://www.w3.org/2000/svg" class=")";
    out_ += class_;
    out_ += R"(" role="img" aria-labelledby=")";
    out_ += id_ + "-title";
    if (has_desc) out_ += " " + id_ + "-desc";
    out_ += "\" viewBox=\"0 0 " + num(layout_.width) + " " + num(layout_.height) + "\" width=\"" +
            num(layout_.width) + "\" height=\"" + num(layout_.height) +
            R"(" font-size=")" + num(kFontSize) +
            "\">\n";
    out_ += "<title id=\"" + id_ + "-title\">" + html_escape(chart_.title) + "</title>\n";
    if (has_desc) {
      out_ += "<desc id=\"" + id_ + "-desc\">" + html_escape(chart_.description) + "</desc>\n";
    }
    write_patterns();
    write_grid();
    write_bars();
    write_lines();
    write_axis();
    write_reference_lines();
    write_shares();
    write_reference_labels();
    write_legend();
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  bool uses_fills() const { return chart_.kind != ChartKind::kLines; }

  std::string fill_of(size_t series) const {
    const SeriesStyle style = series_style(series);
    if (style.fill == Fill::kSolid) return hex(style.colour);
    return "url(#" + id_ + "-fill-" + std::to_string(series % kSeriesStyles) + ")";
  }

  // One tile per patterned style in use: the series colour with ink lines or dots on it.
  void write_patterns() {
    if (!uses_fills()) return;
    std::string defs;
    for (size_t s = 0; s < std::min(chart_.series.size(), kSeriesStyles); ++s) {
      const SeriesStyle style = series_style(s);
      if (style.fill == Fill::kSolid) continue;
      const std::string ink = hex(style.ink);
      std::string_view transform;
      std::string shape;
      switch (style.fill) {
        case Fill::kSolid:
          break;
        case Fill::kDiagonal:
          transform = "rotate(45)";
          shape = "<path d=\"M3 0V6\" stroke=\"" + ink + "\" stroke-width=\"1.5\"/>";
          break;
        case Fill::kBackDiagonal:
          transform = "rotate(-45)";
          shape = "<path d=\"M3 0V6\" stroke=\"" + ink + "\" stroke-width=\"1.5\"/>";
          break;
        case Fill::kCrosshatch:
          transform = "rotate(45)";
          shape = "<path d=\"M3 0V6M0 3H6\" stroke=\"" + ink + "\" stroke-width=\"1\"/>";
          break;
        case Fill::kHorizontal:
          shape = "<path d=\"M0 3H6\" stroke=\"" + ink + "\" stroke-width=\"1.5\"/>";
          break;
        case Fill::kDots:
          shape = "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"" + ink + "\"/>";
          break;
      }
      defs += "<pattern id=\"" + id_ + "-fill-" + std::to_string(s) +
              R"(" width="6" height="6" patternUnits="userSpaceOnUse")";
      if (!transform.empty()) defs += " patternTransform=\"" + std::string(transform) + "\"";
      defs += "><rect width=\"6\" height=\"6\" fill=\"" + hex(style.colour) + "\"/>" + shape +
              "</pattern>\n";
    }
    if (!defs.empty()) out_ += "<defs>\n" + defs + "</defs>\n";
  }

  void write_grid() {
    const Box& plot = layout_.plot;
    out_ += "<g class=\"grid\" stroke=\"" + hex(kGridColour) + "\" stroke-width=\"1\">\n";
    for (const AxisTick& tick : layout_.ticks) {
      if (layout_.value_axis_horizontal) {
        line(tick.position, plot.y, tick.position, plot.y + plot.height);
      } else {
        line(plot.x, tick.position, plot.x + plot.width, tick.position);
      }
      out_ += "/>\n";
    }
    out_ += "</g>\n<g class=\"ticks\" fill=\"" + hex(kTextColour) + "\">\n";
    for (const AxisTick& tick : layout_.ticks) text(tick.label);
    out_ += "</g>\n";
  }

  void write_axis() {
    out_ += "<g class=\"categories\" fill=\"" + hex(kTextColour) + "\">\n";
    for (const TextMark& label : layout_.category_labels) text(label);
    out_ += "</g>\n";
    line(layout_.axis_from.x, layout_.axis_from.y, layout_.axis_to.x, layout_.axis_to.y, "axis");
    out_ += " stroke=\"" + hex(kAxisColour) + "\" stroke-width=\"1\"/>\n";
  }

  void write_bars() {
    if (layout_.bars.empty()) return;
    out_ += "<g class=\"bars\" stroke=\"" + hex(kOutlineColour) + "\" stroke-width=\"0.8\">\n";
    for (const BarMark& bar : layout_.bars) {
      out_ += "<rect class=\"bar\" x=\"" + num(bar.box.x) + "\" y=\"" + num(bar.box.y) +
              "\" width=\"" + num(bar.box.width) + "\" height=\"" + num(bar.box.height) +
              "\" fill=\"" + fill_of(bar.series) + "\"><title>" + html_escape(bar.text) +
              "</title></rect>\n";
    }
    out_ += "</g>\n";
  }

  // Shares inside stacked segments, haloed in the segment colour to stay legible on patterns,
  // and drawn over reference lines.
  void write_shares() {
    bool any_share = false;
    for (const BarMark& bar : layout_.bars) {
      if (!bar.share) continue;
      if (!any_share) out_ += "<g class=\"shares\" stroke-width=\"3\" paint-order=\"stroke\">\n";
      any_share = true;
      const SeriesStyle style = series_style(bar.series);
      text(*bar.share, "fill=\"" + hex(style.ink) + "\" stroke=\"" + hex(style.colour) + "\"");
    }
    if (any_share) out_ += "</g>\n";
  }

  void write_lines() {
    for (const LineMark& series_line : layout_.lines) {
      const SeriesStyle style = series_style(series_line.series);
      out_ += "<g class=\"series\">\n";
      for (const auto& run : series_line.runs) {
        if (run.size() < 2) continue;
        out_ += "<path d=\"";
        for (size_t i = 0; i < run.size(); ++i) {
          // Appended piece by piece: GCC 12 -O2 misfires -Wrestrict on "M" + std::string.
          out_.append(i == 0 ? "M" : "L").append(num(run[i].x)).append(" ").append(num(run[i].y));
        }
        out_ += "\" fill=\"none\"";
        stroke_attributes(style, "2.5");
        out_ += "/>\n";
      }
      for (const PointMark& point : series_line.points) {
        marker(style, point.at);
        out_ += "><title>" + html_escape(point.text) + "</title>" + marker_end(style) + "\n";
      }
      out_ += "</g>\n";
    }
  }

  void write_reference_lines() {
    if (layout_.references.empty()) return;
    out_ += "<g class=\"references\">\n";
    for (const ReferenceMark& reference : layout_.references) {
      line(reference.from.x, reference.from.y, reference.to.x, reference.to.y, "reference");
      out_ += " stroke=\"" + hex(kReferenceColour) +
              R"(" stroke-width="1.5" stroke-dasharray="8 4"/>)" + "\n";
    }
    out_ += "</g>\n";
  }

  void write_reference_labels() {
    if (layout_.references.empty()) return;
    out_ += "<g class=\"reference-labels\" fill=\"" + hex(kTextColour) +
            R"(" stroke="#FFFFFF" stroke-width="3" paint-order="stroke">)" + "\n";
    for (const ReferenceMark& reference : layout_.references) text(reference.label);
    out_ += "</g>\n";
  }

  void write_legend() {
    if (layout_.legend.empty()) return;
    out_ += "<g class=\"legend\">\n";
    for (const LegendEntry& entry : layout_.legend) {
      const SeriesStyle style = series_style(entry.series);
      const Box& box = entry.swatch;
      if (uses_fills()) {
        out_ += "<rect class=\"swatch\" x=\"" + num(box.x) + "\" y=\"" + num(box.y) +
                "\" width=\"" + num(box.width) + "\" height=\"" + num(box.height) + "\" fill=\"" +
                fill_of(entry.series) + "\" stroke=\"" + hex(kOutlineColour) +
                "\" stroke-width=\"0.8\"/>\n";
      } else {
        const double middle = box.y + box.height / 2;
        line(box.x, middle, box.x + box.width, middle);
        stroke_attributes(style, "2.5");
        out_ += "/>\n";
        marker(style, {box.x + box.width / 2, middle});
        out_ += "/>\n";
      }
      text(entry.label, "fill=\"" + hex(kTextColour) + "\"");
    }
    out_ += "</g>\n";
  }

  // Writes `<line …` with the coordinates; the caller adds attributes and closes it.
  void line(double x1, double y1, double x2, double y2, std::string_view css_class = {}) {
    out_ += "<line";
    if (!css_class.empty()) out_ += " class=\"" + std::string(css_class) + "\"";
    out_ += " x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
            num(y2) + "\"";
  }

  void stroke_attributes(const SeriesStyle& style, std::string_view width) {
    out_ += " stroke=\"" + hex(style.colour) + "\" stroke-width=\"" + std::string(width) + "\"";
    switch (style.stroke) {
      case Stroke::kSolid:
        break;
      case Stroke::kDashed:
        out_ += " stroke-dasharray=\"7 4\"";
        break;
      case Stroke::kDotted:
        out_ += " stroke-dasharray=\"2 3\"";
        break;
    }
    out_ += " stroke-linejoin=\"round\"";
  }

  // Writes the opening of the marker shape at `at`, unclosed (`>` or `/>` follows); the shapes
  // have about the same area so that none looks more important.
  void marker(const SeriesStyle& style, Point at) {
    const std::string x = num(at.x);
    const std::string y = num(at.y);
    const auto path = [&](std::string_view steps) {
      out_ += "<path d=\"M" + x + " " + y + std::string(steps) + "z\"";
    };
    switch (style.marker) {
      case Marker::kCircle:
        out_ += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"4.5\"";
        break;
      case Marker::kSquare:
        path("m-4-4h8v8h-8");
        break;
      case Marker::kTriangle:
        path("m0-5.5l5 9h-10");
        break;
      case Marker::kDiamond:
        path("m0-5.5l5.5 5.5l-5.5 5.5l-5.5-5.5");
        break;
      case Marker::kTriangleDown:
        path("m0 5.5l5-9h-10");
        break;
      case Marker::kPlus:
        path("m-1.8-5.5h3.6v3.7h3.7v3.6h-3.7v3.7h-3.6v-3.7h-3.7v-3.6h3.7");
        break;
    }
    out_ += " fill=\"" + hex(style.colour) + "\" stroke=\"" + hex(kOutlineColour) +
            "\" stroke-width=\"0.8\"";
  }

  static std::string marker_end(const SeriesStyle& style) {
    return style.marker == Marker::kCircle ? "</circle>" : "</path>";
  }

  void text(const TextMark& mark, std::string_view attributes = {}) {
    const std::string x = num(mark.at.x);
    out_ += "<text x=\"" + x + "\" y=\"" + num(mark.at.y) + "\"";
    if (mark.anchor == TextAnchor::kMiddle) out_ += " text-anchor=\"middle\"";
    if (mark.anchor == TextAnchor::kEnd) out_ += " text-anchor=\"end\"";
    if (mark.rotate != 0) {
      out_ += " transform=\"rotate(" + num(mark.rotate) + " " + x + " " + num(mark.at.y) + ")\"";
    }
    if (!attributes.empty()) out_ += " " + std::string(attributes);
    out_ += ">";
    if (mark.lines.size() == 1) {
      html_escape_to(out_, mark.lines.front());
    } else {
      for (size_t i = 0; i < mark.lines.size(); ++i) {
        out_.append("<tspan x=\"").append(x).append("\"");
        if (i > 0) out_.append(" dy=\"").append(num(kLineHeight)).append("\"");
        // Appended piece by piece: GCC 12 reports a false -Wrestrict (bug 105651) inside
        // ">" + std::string.
        out_ += '>';
        html_escape_to(out_, mark.lines[i]);
        out_ += "</tspan>";
      }
    }
    out_ += "</text>\n";
  }

  const Chart& chart_;
  const ChartLayout& layout_;
  const std::string id_;
  const std::string_view class_;
  std::string out_;
};

}  // namespace

std::string render_svg(const Chart& chart, std::string_view lang, std::string_view id,
                       double width) {
  const ChartLayout layout = layout_chart(chart, lang, estimate_text_width, width);
  return SvgWriter(chart, layout, id, "chart").write();
}

std::string render_svg_pair(const Chart& chart, std::string_view lang, std::string_view id) {
  const ChartLayout wide = layout_chart(chart, lang);
  const ChartLayout narrow = layout_chart(chart, lang, estimate_text_width, kNarrowChartWidth);
  return SvgWriter(chart, wide, id, "chart chart-wide").write() +
         SvgWriter(chart, narrow, std::string(id) + "-n", "chart chart-narrow").write();
}

std::string render_table_html(const Chart& chart, std::string_view lang, std::string_view caption,
                              std::string_view region_label) {
  const size_t categories = chart.categories.size();
  const auto cell = [&](std::optional<double> value, std::string_view unit) {
    if (!value || !std::isfinite(*value)) return std::string("<td>—</td>");
    return "<td>" + html_escape(format_value(*value, chart.decimals, lang, unit)) + "</td>";
  };

  std::string out;
  if (!region_label.empty()) {
    out += "<section class=\"table-wrap\" aria-label=\"" + html_escape(region_label) +
           "\" tabindex=\"0\">\n";
  }
  out += "<table class=\"chart-data\">\n<caption>" + html_escape(caption) +
         "</caption>\n<thead>\n<tr><td></td>";
  for (const std::string& category : chart.categories) {
    out += "<th scope=\"col\">" + html_escape(category) + "</th>";
  }
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const Series& series : chart.series) {
    out += "<tr><th scope=\"row\">" + html_escape(series.label) + "</th>";
    for (size_t c = 0; c < categories; ++c) {
      out += cell(c < series.values.size() ? series.values[c] : std::nullopt, chart.unit);
    }
    out += "</tr>\n";
  }

  // References sharing a label (a threshold that changed) fill one row, in order of first use.
  std::vector<std::string_view> labels;
  for (const ReferenceLine& reference : chart.references) {
    if (std::find(labels.begin(), labels.end(), reference.label) == labels.end()) {
      labels.push_back(reference.label);
    }
  }
  for (const std::string_view label : labels) {
    std::vector<std::optional<double>> values(categories);
    for (const ReferenceLine& reference : chart.references) {
      if (reference.label != label || categories == 0) continue;
      const size_t last = std::min(reference.to_category.value_or(categories - 1), categories - 1);
      for (size_t c = reference.from_category.value_or(0); c <= last; ++c) {
        if (!values[c]) values[c] = reference.value;
      }
    }
    out += "<tr class=\"reference\"><th scope=\"row\">" + html_escape(label) + "</th>";
    // On stacked bars a threshold is a share of the row, not a value in the data's unit.
    const std::string_view unit = chart.kind == ChartKind::kStackedBars
                                      ? std::string_view("%")
                                      : std::string_view(chart.unit);
    for (const auto& value : values) out += cell(value, unit);
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!region_label.empty()) out += "</section>\n";
  return out;
}

}  // namespace metodika::render
