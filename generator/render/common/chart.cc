#include "render/common/chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "util/format.h"
#include "util/text.h"

namespace metodika::render {

namespace {

// Space around the chart and between its parts, in chart units.
constexpr double kPad = 8;
constexpr double kTickGap = 6;           // tick label to plot edge
constexpr double kLegendRow = 20;        // legend line pitch
constexpr double kLegendGap = 18;        // between legend entries
constexpr double kSwatchSize = 14;       // a bar swatch is a square this big
constexpr double kLineSwatchWidth = 28;  // a line swatch is a line this long
constexpr double kBaselineShift = 4;     // baseline below the centre of a 12-unit line of text
constexpr double kMinPlotHeight = 120;
constexpr double kStackedBand = 36;  // stacked bars: row pitch
constexpr double kStackedBar = 22;   // stacked bars: bar thickness
constexpr double kMaxBarWidth = 60;
constexpr double kAcrossBar = 16;         // bars across: thickness of a single series' bar
constexpr double kAcrossGroupedBar = 10;  // bars across: thickness of each bar in a group
constexpr size_t kMostNarrowColumns = 12;  // more bars than this go across on a narrow chart

// The value of `series` for `category`, or nullopt when it has none (missing, NaN, infinite).
std::optional<double> value_at(const Series& series, size_t category) {
  if (category >= series.values.size() || !series.values[category]) return std::nullopt;
  const double value = *series.values[category];
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

// "category, series: value" for a tooltip (the series is left out when it has no name).
std::string mark_text(const Chart& chart, size_t series, size_t category, std::string_view value) {
  std::string text = chart.categories[category];
  if (!chart.series[series].label.empty()) {
    text += ", ";
    text += chart.series[series].label;
  }
  text += ": ";
  text += value;
  return text;
}

// "label: value"; on stacked bars the value is a share, whatever the unit of the data.
std::string reference_text(const Chart& chart, const ReferenceLine& reference,
                           std::string_view lang) {
  const std::string_view unit =
      chart.kind == ChartKind::kStackedBars ? std::string_view("%") : std::string_view(chart.unit);
  const std::string value = format_value(reference.value, chart.decimals, lang, unit);
  return reference.label.empty() ? value : reference.label + ": " + value;
}

// The categories [first, last] a reference line spans, or nullopt if that range is empty.
std::optional<std::pair<size_t, size_t>> reference_range(const ReferenceLine& reference,
                                                         size_t categories) {
  if (categories == 0) return std::nullopt;
  const size_t first = reference.from_category.value_or(0);
  const size_t last = std::min(reference.to_category.value_or(categories - 1), categories - 1);
  if (first > last) return std::nullopt;
  return std::pair{first, last};
}

// True if any part of the segment a–b lies inside `box` (Liang–Barsky clipping).
bool crosses(Point a, Point b, const Box& box) {
  double enter = 0;
  double leave = 1;
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const std::array<std::pair<double, double>, 4> edges = {{{-dx, a.x - box.x},
                                                           {dx, box.x + box.width - a.x},
                                                           {-dy, a.y - box.y},
                                                           {dy, box.y + box.height - a.y}}};
  for (const auto& [p, q] : edges) {
    if (p == 0) {
      if (q < 0) return false;
      continue;
    }
    const double t = q / p;
    if (p < 0) {
      enter = std::max(enter, t);
    } else {
      leave = std::min(leave, t);
    }
  }
  return enter <= leave;
}

bool overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// The box a one-line label covers, from its ascent to its descent.
Box text_box(const TextMark& mark, double width) {
  double left = mark.at.x;
  if (mark.anchor == TextAnchor::kMiddle) left -= width / 2;
  if (mark.anchor == TextAnchor::kEnd) left -= width;
  return {left, mark.at.y - kFontSize * 0.8, width, kFontSize};
}

// How many marks already laid out `box` would cover: bars, points, lines, reference lines and
// their labels.
int collisions(const ChartLayout& layout, const Box& box, const TextWidth& text_width) {
  int hits = 0;
  for (const BarMark& bar : layout.bars) hits += overlaps(box, bar.box) ? 1 : 0;
  for (const LineMark& line : layout.lines) {
    for (const PointMark& point : line.points) {
      hits += overlaps(box, {point.at.x - 6, point.at.y - 6, 12, 12}) ? 1 : 0;
    }
    for (const auto& run : line.runs) {
      for (size_t i = 1; i < run.size(); ++i) hits += crosses(run[i - 1], run[i], box) ? 1 : 0;
    }
  }
  for (const ReferenceMark& reference : layout.references) {
    hits += crosses(reference.from, reference.to, box) ? 1 : 0;
    const Box label = text_box(reference.label, text_width(reference.label.lines[0], kFontSize));
    hits += overlaps(box, label) ? 1 : 0;
  }
  return hits;
}

// `label` broken into lines no wider than `max_width` where it can be: after '/' (school years
// "2021./2022.") and at spaces. A piece wider than `max_width` stays whole.
std::vector<std::string> wrap_label(std::string_view label, double max_width,
                                    const TextWidth& text_width) {
  // Pieces with the separator that joins each to the one before ("" after '/', " " at a space).
  std::vector<std::pair<std::string, std::string_view>> pieces;
  std::string piece;
  std::string_view joiner;
  for (const char c : label) {
    if (c == ' ') {
      if (!piece.empty()) pieces.emplace_back(std::move(piece), joiner);
      piece.clear();
      joiner = " ";
      continue;
    }
    piece += c;
    if (c == '/') {
      pieces.emplace_back(std::move(piece), joiner);
      piece.clear();
      joiner = "";
    }
  }
  if (!piece.empty()) pieces.emplace_back(std::move(piece), joiner);

  std::vector<std::string> lines;
  for (auto& [text, sep] : pieces) {
    if (!lines.empty()) {
      std::string joined = lines.back() + std::string(sep) + text;
      if (text_width(joined, kFontSize) <= max_width) {
        lines.back() = std::move(joined);
        continue;
      }
    }
    lines.push_back(std::move(text));
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

double widest_line(const std::vector<std::string>& lines, const TextWidth& text_width) {
  double widest = 0;
  for (const std::string& line : lines) widest = std::max(widest, text_width(line, kFontSize));
  return widest;
}

// Lays out the legend from `top` down and returns its bottom (`top` itself without a legend).
double layout_legend(const Chart& chart, const TextWidth& text_width, double width, double top,
                     std::vector<LegendEntry>& legend) {
  if (chart.series.size() < 2) return top;
  const double swatch_width = chart.kind == ChartKind::kLines ? kLineSwatchWidth : kSwatchSize;
  double x = kPad;
  double row_top = top;
  for (size_t i = 0; i < chart.series.size(); ++i) {
    const std::string& label = chart.series[i].label;
    const double entry_width = swatch_width + kTickGap + text_width(label, kFontSize);
    if (x > kPad && x + entry_width > width - kPad) {
      x = kPad;
      row_top += kLegendRow;
    }
    const double middle = row_top + kLegendRow / 2;
    LegendEntry entry;
    entry.series = i;
    entry.swatch = {x, middle - kSwatchSize / 2, swatch_width, kSwatchSize};
    entry.label = {{label}, {x + swatch_width + kTickGap, middle + kBaselineShift}};
    legend.push_back(std::move(entry));
    x += entry_width + kLegendGap;
  }
  return row_top + kLegendRow;
}

// Bars and lines: categories along x, values up.
ChartLayout layout_vertical(const Chart& chart, std::string_view lang, const TextWidth& text_width,
                            double width) {
  ChartLayout layout;
  layout.kind = chart.kind;
  layout.width = width;
  const ValueAxis axis = value_axis(chart, lang);
  const size_t categories = chart.categories.size();

  const double legend_bottom = layout_legend(chart, text_width, layout.width, kPad, layout.legend);
  // The top tick label is centred on the top gridline and needs half a line above it.
  const double top = legend_bottom + (layout.legend.empty() ? 0 : kTickGap) + kPad;

  double widest_tick = 0;
  for (const Tick& tick : axis.ticks) {
    widest_tick = std::max(widest_tick, text_width(tick.label, kFontSize));
  }
  double left = kPad + widest_tick + kTickGap;
  const double right = kPad + 4;
  double plot_width = layout.width - left - right;
  double band = categories == 0 ? plot_width : plot_width / static_cast<double>(categories);

  // Category labels: one line if they all fit their band, wrapped if that makes them fit,
  // slanted otherwise.
  const double room = band - 4;
  std::vector<std::vector<std::string>> label_lines;
  bool fits = true;
  for (const std::string& category : chart.categories) {
    fits = fits && text_width(category, kFontSize) <= room;
    label_lines.push_back({category});
  }
  bool slanted = false;
  if (!fits) {
    for (size_t i = 0; i < categories; ++i) {
      label_lines[i] = wrap_label(chart.categories[i], room, text_width);
      slanted =
          slanted || label_lines[i].size() > 3 || widest_line(label_lines[i], text_width) > room;
    }
    if (slanted) {
      for (size_t i = 0; i < categories; ++i) label_lines[i] = {chart.categories[i]};
    }
  }
  size_t most_lines = 1;
  double widest_label = 0;
  for (const auto& lines : label_lines) {
    most_lines = std::max(most_lines, lines.size());
    widest_label = std::max(widest_label, widest_line(lines, text_width));
  }
  if (slanted && categories > 0) {
    // A slanted label ends at its bar and runs down to the left: the first one must not leave
    // the chart ("…ntspils valstspilsēta"). The plot moves right until it fits; a narrower band
    // needs a little more, hence twice.
    const double first_width =
        (text_width(chart.categories.front(), kFontSize) + kFontSize) * std::sqrt(0.5);
    for (int pass = 0; pass < 2; ++pass) {
      const double needed = kPad + first_width - kBaselineShift - band / 2;
      if (needed <= left) break;
      left = needed;
      plot_width = layout.width - left - right;
      band = plot_width / static_cast<double>(categories);
    }
  }
  const double first_baseline = kTickGap + kFontSize;
  const double labels_height =
      slanted ? kTickGap + (widest_label + kFontSize) * std::sqrt(0.5)
              : first_baseline + static_cast<double>(most_lines - 1) * kLineHeight + 4;
  const double bottom = labels_height + kPad;

  const double plot_height = std::max(kChartHeight - top - bottom, kMinPlotHeight);
  layout.height = top + plot_height + bottom;
  layout.plot = {left, top, plot_width, plot_height};
  const Box& plot = layout.plot;

  const double span = axis.max - axis.min;
  const auto y_of = [&](double value) {
    const double clamped = std::clamp(value, axis.min, axis.max);
    return plot.y + plot.height * (axis.max - clamped) / span;
  };
  const auto centre_of = [&](size_t category) {
    return plot.x + band * (static_cast<double>(category) + 0.5);
  };

  for (const Tick& tick : axis.ticks) {
    const double y = y_of(tick.value);
    layout.ticks.push_back(
        {tick.value, y, {{tick.label}, {plot.x - kTickGap, y + kBaselineShift}, TextAnchor::kEnd}});
  }
  const double baseline = y_of(0);
  layout.axis_from = {plot.x, baseline};
  layout.axis_to = {plot.x + plot.width, baseline};

  for (size_t i = 0; i < categories; ++i) {
    TextMark label;
    label.lines = label_lines[i];
    if (slanted) {
      label.at = {centre_of(i) + kBaselineShift, plot.y + plot.height + kTickGap + 4};
      label.anchor = TextAnchor::kEnd;
      label.rotate = -45;
    } else {
      label.at = {centre_of(i), plot.y + plot.height + first_baseline};
      label.anchor = TextAnchor::kMiddle;
    }
    layout.category_labels.push_back(std::move(label));
  }

  const size_t series_count = chart.series.size();
  if (chart.kind == ChartKind::kBars && series_count > 0) {
    const double group = band * (series_count == 1 ? 0.6 : 0.8);
    const double bar = std::min(group / static_cast<double>(series_count), kMaxBarWidth);
    const double gap = bar > 8 ? 2 : 0;  // white space between neighbouring bars of a group
    const double group_left = (band - bar * static_cast<double>(series_count)) / 2;
    for (size_t c = 0; c < categories; ++c) {
      for (size_t s = 0; s < series_count; ++s) {
        const std::optional<double> value = value_at(chart.series[s], c);
        if (!value) continue;
        const double x = plot.x + band * static_cast<double>(c) + group_left +
                         bar * static_cast<double>(s) + gap / 2;
        const double y = y_of(*value);
        BarMark mark;
        mark.series = s;
        mark.category = c;
        mark.box = {x, std::min(y, baseline), bar - gap, std::fabs(baseline - y)};
        mark.text = mark_text(chart, s, c, format_value(*value, chart.decimals, lang, chart.unit));
        layout.bars.push_back(std::move(mark));
      }
    }
  } else if (chart.kind == ChartKind::kLines) {
    for (size_t s = 0; s < series_count; ++s) {
      LineMark line;
      line.series = s;
      bool in_run = false;
      for (size_t c = 0; c < categories; ++c) {
        const std::optional<double> value = value_at(chart.series[s], c);
        if (!value) {
          in_run = false;
          continue;
        }
        const Point at{centre_of(c), y_of(*value)};
        if (!in_run) line.runs.emplace_back();
        line.runs.back().push_back(at);
        in_run = true;
        line.points.push_back(
            {c, at,
             mark_text(chart, s, c, format_value(*value, chart.decimals, lang, chart.unit))});
      }
      layout.lines.push_back(std::move(line));
    }
  }

  for (size_t r = 0; r < chart.references.size(); ++r) {
    const ReferenceLine& reference = chart.references[r];
    const auto range = reference_range(reference, categories);
    // A threshold outside an explicit axis range is left out rather than drawn at the edge.
    if (!range || !std::isfinite(reference.value) || reference.value < axis.min ||
        reference.value > axis.max) {
      continue;
    }
    const double y = y_of(reference.value);
    const double x0 = plot.x + band * static_cast<double>(range->first);
    const double x1 = plot.x + band * static_cast<double>(range->second + 1);
    // The label goes above or below the line, at its start or its end: the first place inside
    // the plot that covers fewest marks, so it is rarely drawn over the data.
    const std::string text = reference_text(chart, reference, lang);
    const double width = text_width(text, kFontSize);
    const std::array<TextMark, 4> candidates = {{
        {{text}, {x0 + 4, y - 4}, TextAnchor::kStart},
        {{text}, {x1 - 4, y - 4}, TextAnchor::kEnd},
        {{text}, {x0 + 4, y + kFontSize + 2}, TextAnchor::kStart},
        {{text}, {x1 - 4, y + kFontSize + 2}, TextAnchor::kEnd},
    }};
    std::optional<TextMark> best;
    int fewest = 0;
    for (const TextMark& candidate : candidates) {
      const Box box = text_box(candidate, width);
      if (box.y < plot.y || box.y + box.height > plot.y + plot.height || box.x < 0 ||
          box.x + box.width > layout.width) {
        continue;
      }
      const int hits = collisions(layout, box, text_width);
      if (!best || hits < fewest) {
        best = candidate;
        fewest = hits;
      }
    }
    if (!best) best = candidates[y - kFontSize - 4 < plot.y ? 2 : 0];
    layout.references.push_back({r, {x0, y}, {x1, y}, std::move(*best)});
  }
  return layout;
}

// Stacked bars: one row per category, its series splitting 0..100% along x.
ChartLayout layout_stacked(const Chart& chart, std::string_view lang, const TextWidth& text_width,
                           double width) {
  ChartLayout layout;
  layout.kind = chart.kind;
  layout.width = width;
  layout.value_axis_horizontal = true;
  const ValueAxis axis = value_axis(chart, lang);
  const size_t rows = chart.categories.size();

  const double legend_bottom = layout_legend(chart, text_width, layout.width, kPad, layout.legend);
  double top = legend_bottom + (layout.legend.empty() ? 0 : kTickGap);
  if (!chart.references.empty()) top += kLineHeight;  // reference labels sit above the rows

  std::vector<std::vector<std::string>> label_lines;
  double widest_label = 0;
  size_t most_lines = 1;
  for (const std::string& category : chart.categories) {
    label_lines.push_back(wrap_label(category, layout.width * 0.3, text_width));
    widest_label = std::max(widest_label, widest_line(label_lines.back(), text_width));
    most_lines = std::max(most_lines, label_lines.back().size());
  }
  const double band =
      std::max(kStackedBand, static_cast<double>(most_lines) * kLineHeight + kTickGap * 2);
  const double left = kPad + widest_label + kTickGap + 2;
  const double right =
      kPad + text_width(axis.ticks.empty() ? "" : axis.ticks.back().label, kFontSize) / 2;
  const double bottom = kTickGap + kFontSize + 4 + kPad;
  layout.plot = {left, top, layout.width - left - right, band * static_cast<double>(rows)};
  layout.height = top + layout.plot.height + bottom;
  const Box& plot = layout.plot;

  const auto x_of = [&](double percent) {
    return plot.x + plot.width * std::clamp(percent, 0.0, 100.0) / 100;
  };
  for (const Tick& tick : axis.ticks) {
    const double x = x_of(tick.value);
    layout.ticks.push_back(
        {tick.value,
         x,
         {{tick.label}, {x, plot.y + plot.height + kTickGap + kFontSize}, TextAnchor::kMiddle}});
  }
  layout.axis_from = {plot.x, plot.y};
  layout.axis_to = {plot.x, plot.y + plot.height};

  const double thickness = std::min(kStackedBar, band - kTickGap * 2);
  for (size_t c = 0; c < rows; ++c) {
    const double middle = plot.y + band * (static_cast<double>(c) + 0.5);
    const auto& lines = label_lines[c];
    const double first_baseline =
        middle + kBaselineShift - static_cast<double>(lines.size() - 1) * kLineHeight / 2;
    layout.category_labels.push_back(
        {lines, {plot.x - kTickGap, first_baseline}, TextAnchor::kEnd});

    // Shares of the values present; a row with none (or only zeros) stays empty. Negative values
    // cannot be part of a split and are left out like missing ones.
    double total = 0;
    for (const Series& series : chart.series) {
      if (const auto value = value_at(series, c); value && *value > 0) total += *value;
    }
    if (total <= 0) continue;
    double cumulative = 0;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const auto value = value_at(chart.series[s], c);
      if (!value || *value <= 0) continue;
      const double x0 = x_of(cumulative / total * 100);
      cumulative += *value;
      const double x1 = x_of(cumulative / total * 100);
      const double percent = *value / total * 100;
      const std::string share = util::format_percent(percent, chart.decimals, lang);
      std::string value_text = format_value(*value, chart.decimals, lang, chart.unit);
      if (chart.unit != "%") value_text += " (" + share + ")";
      BarMark mark;
      mark.series = s;
      mark.category = c;
      mark.box = {x0, middle - thickness / 2, x1 - x0, thickness};
      mark.text = mark_text(chart, s, c, value_text);
      if (text_width(share, kFontSize) + kTickGap <= x1 - x0) {
        mark.share =
            TextMark{{share}, {(x0 + x1) / 2, middle + kBaselineShift}, TextAnchor::kMiddle};
      }
      layout.bars.push_back(std::move(mark));
    }
  }

  for (size_t r = 0; r < chart.references.size(); ++r) {
    const ReferenceLine& reference = chart.references[r];
    const auto range = reference_range(reference, rows);
    if (!range || !std::isfinite(reference.value) || reference.value < 0 || reference.value > 100) {
      continue;
    }
    const double x = x_of(reference.value);
    const double y0 = plot.y + band * static_cast<double>(range->first);
    const double y1 = plot.y + band * static_cast<double>(range->second + 1);
    layout.references.push_back(
        {r,
         {x, y0},
         {x, y1},
         {{reference_text(chart, reference, lang)}, {x, y0 - 4}, TextAnchor::kMiddle}});
  }
  return layout;
}

// Bars across, for a narrow width: a row per category with its name on the left (wrapped to at
// most 40 % of the width), a bar per series from the value axis' zero, the value axis along the
// bottom, reference lines drawn down the rows they cover with their labels above the rows.
ChartLayout layout_across(const Chart& chart, std::string_view lang, const TextWidth& text_width,
                          double width) {
  ChartLayout layout;
  layout.kind = chart.kind;
  layout.width = width;
  layout.value_axis_horizontal = true;
  const size_t rows = chart.categories.size();
  const size_t series_count = chart.series.size();

  const double legend_bottom = layout_legend(chart, text_width, layout.width, kPad, layout.legend);
  double top = legend_bottom + (layout.legend.empty() ? 0 : kTickGap) + kPad;
  // Each reference's label gets a line of its own above the rows, so that two never overlap.
  std::vector<size_t> drawn_references;
  for (size_t r = 0; r < chart.references.size(); ++r) {
    if (reference_range(chart.references[r], rows) && std::isfinite(chart.references[r].value)) {
      drawn_references.push_back(r);
    }
  }
  const double labels_top = top;
  top += static_cast<double>(drawn_references.size()) * kLineHeight;

  std::vector<std::vector<std::string>> label_lines;
  double widest_label = 0;
  size_t most_lines = 1;
  for (const std::string& category : chart.categories) {
    label_lines.push_back(wrap_label(category, layout.width * 0.4, text_width));
    widest_label = std::max(widest_label, widest_line(label_lines.back(), text_width));
    most_lines = std::max(most_lines, label_lines.back().size());
  }
  const double bar = series_count > 1 ? kAcrossGroupedBar : kAcrossBar;
  const double band = std::max(static_cast<double>(most_lines) * kLineHeight + kTickGap * 2,
                               bar * static_cast<double>(series_count) + kTickGap * 2);
  const double left = kPad + std::min(widest_label, layout.width * 0.5) + kTickGap;
  // Tick labels are centred on their gridlines: the axis needs half the widest one at each end,
  // and no more ticks than fit side by side with a gap.
  ValueAxis axis = value_axis(chart, lang);
  const auto widest_tick = [&](const ValueAxis& a) {
    double widest = 0;
    for (const Tick& tick : a.ticks) widest = std::max(widest, text_width(tick.label, kFontSize));
    return widest;
  };
  double right = kPad + widest_tick(axis) / 2;
  double plot_width = std::max(layout.width - left - right, 1.0);
  for (int max_ticks = kMaxValueTicks - 1;
       max_ticks >= 2 &&
       static_cast<double>(axis.ticks.size()) * (widest_tick(axis) + kLegendGap) > plot_width;
       --max_ticks) {
    axis = value_axis(chart, lang, max_ticks);
    right = kPad + widest_tick(axis) / 2;
    plot_width = std::max(layout.width - left - right, 1.0);
  }
  const double bottom = kTickGap + kFontSize + 4 + kPad;
  layout.plot = {left, top, plot_width, band * static_cast<double>(rows)};
  layout.height = top + layout.plot.height + bottom;
  const Box& plot = layout.plot;

  const double span = axis.max - axis.min;
  const auto x_of = [&](double value) {
    return plot.x + plot.width * (std::clamp(value, axis.min, axis.max) - axis.min) / span;
  };
  for (const Tick& tick : axis.ticks) {
    const double x = x_of(tick.value);
    layout.ticks.push_back(
        {tick.value,
         x,
         {{tick.label}, {x, plot.y + plot.height + kTickGap + kFontSize}, TextAnchor::kMiddle}});
  }
  const double zero = x_of(0);
  layout.axis_from = {zero, plot.y};
  layout.axis_to = {zero, plot.y + plot.height};

  for (size_t c = 0; c < rows; ++c) {
    const double row_top = plot.y + band * static_cast<double>(c);
    const double middle = row_top + band / 2;
    const auto& lines = label_lines[c];
    const double first_baseline =
        middle + kBaselineShift - static_cast<double>(lines.size() - 1) * kLineHeight / 2;
    layout.category_labels.push_back({lines, {plot.x - kTickGap, first_baseline}, TextAnchor::kEnd});
    const double group_top = middle - bar * static_cast<double>(series_count) / 2;
    for (size_t s = 0; s < series_count; ++s) {
      const std::optional<double> value = value_at(chart.series[s], c);
      if (!value) continue;
      const double x = x_of(*value);
      const double gap = series_count > 1 ? 1 : 0;
      BarMark mark;
      mark.series = s;
      mark.category = c;
      mark.box = {std::min(x, zero), group_top + bar * static_cast<double>(s) + gap / 2,
                  std::fabs(x - zero), bar - gap};
      mark.text = mark_text(chart, s, c, format_value(*value, chart.decimals, lang, chart.unit));
      layout.bars.push_back(std::move(mark));
    }
  }

  for (size_t n = 0; n < drawn_references.size(); ++n) {
    const size_t r = drawn_references[n];
    const ReferenceLine& reference = chart.references[r];
    if (reference.value < axis.min || reference.value > axis.max) continue;
    const auto range = reference_range(reference, rows);
    const double x = x_of(reference.value);
    const double y0 = plot.y + band * static_cast<double>(range->first);
    const double y1 = plot.y + band * static_cast<double>(range->second + 1);
    // The label sits above the rows, centred on its line unless that would leave the chart.
    const std::string text = reference_text(chart, reference, lang);
    const double text_w = text_width(text, kFontSize);
    TextMark label{{text}, {x, labels_top + kFontSize * 0.8 + kLineHeight * static_cast<double>(n)},
                   TextAnchor::kMiddle};
    if (x + text_w / 2 > layout.width - kPad) {
      label.at.x = std::min(x, layout.width - kPad);
      label.anchor = TextAnchor::kEnd;
    } else if (x - text_w / 2 < kPad) {
      label.at.x = std::max(x, kPad);
      label.anchor = TextAnchor::kStart;
    }
    layout.references.push_back({r, {x, y0}, {x, y1}, std::move(label)});
  }
  return layout;
}

}  // namespace

std::string format_value(double value, int decimals, std::string_view lang, std::string_view unit) {
  if (unit.empty()) return util::format_decimal(value, decimals, lang);
  if (unit == "%") return util::format_percent(value, decimals, lang);
  std::string out = util::format_decimal(value, decimals, lang);
  out += ' ';
  out += unit;
  return out;
}

std::vector<Tick> nice_ticks(double min, double max, int max_ticks, int decimals,
                             std::string_view lang, std::string_view unit) {
  if (!std::isfinite(min) || !std::isfinite(max)) return {};
  if (min > max) std::swap(min, max);
  if (min == max) max = min + (min == 0 ? 1 : std::fabs(min));
  if (!std::isfinite(max - min)) return {};
  max_ticks = std::clamp(max_ticks, 2, 1000);

  // Try steps m * 10^e upwards from just below the even split of the range; the first that
  // needs few enough ticks is the finest that does. Tolerances absorb binary noise in min/step.
  constexpr std::array<int, 3> kMantissas = {1, 2, 5};
  const int start =
      static_cast<int>(std::floor(std::log10((max - min) / static_cast<double>(max_ticks - 1)))) -
      1;
  for (int e = start; e <= start + 4; ++e) {
    // Negative exponents divide by an exact power of ten, so 3 * 0.2 prints as 0.6.
    const double scale = std::pow(10.0, std::abs(e));
    for (const int m : kMantissas) {
      const double step = e < 0 ? m / scale : m * scale;
      const double first = std::floor(min / step + 1e-9);
      const double last = std::ceil(max / step - 1e-9);
      // Beyond 2^53 consecutive multiples are no longer distinct doubles.
      if (!(std::fabs(first) < 0x1p53 && std::fabs(last) < 0x1p53)) continue;
      if (last - first + 1 > max_ticks) continue;
      const int label_decimals = std::max(decimals, e < 0 ? -e : 0);
      const auto count = static_cast<int>(last - first) + 1;
      std::vector<Tick> ticks;
      for (int i = 0; i < count; ++i) {
        const double k = first + i;
        const double value = e < 0 ? k * m / scale : k * m * scale;
        ticks.push_back({value, format_value(value, label_decimals, lang, unit)});
      }
      return ticks;
    }
  }
  // Only for ranges too narrow for their magnitude to have distinct multiples (1e300 .. +1).
  return {{min, format_value(min, decimals, lang, unit)},
          {max, format_value(max, decimals, lang, unit)}};
}

ValueAxis value_axis(const Chart& chart, std::string_view lang, int max_ticks) {
  if (chart.kind == ChartKind::kStackedBars) {
    return {0, 100, nice_ticks(0, 100, max_ticks, 0, lang, "%")};
  }
  double low = 0;
  double high = 0;
  for (const Series& series : chart.series) {
    for (size_t c = 0; c < series.values.size(); ++c) {
      if (const auto value = value_at(series, c)) {
        low = std::min(low, *value);
        high = std::max(high, *value);
      }
    }
  }
  for (const ReferenceLine& reference : chart.references) {
    if (!std::isfinite(reference.value)) continue;
    low = std::min(low, reference.value);
    high = std::max(high, reference.value);
  }
  if (chart.y_min && std::isfinite(*chart.y_min)) low = *chart.y_min;
  if (chart.y_max && std::isfinite(*chart.y_max)) high = *chart.y_max;
  if (!(high > low)) high = low + 1;

  ValueAxis axis;
  axis.ticks = nice_ticks(low, high, max_ticks, 0, lang, chart.unit);
  axis.min = chart.y_min && std::isfinite(*chart.y_min) ? low : axis.ticks.front().value;
  axis.max = chart.y_max && std::isfinite(*chart.y_max) ? high : axis.ticks.back().value;
  const double tolerance = (axis.max - axis.min) * 1e-9;
  std::erase_if(axis.ticks, [&](const Tick& tick) {
    return tick.value < axis.min - tolerance || tick.value > axis.max + tolerance;
  });
  return axis;
}

SeriesStyle series_style(size_t index) {
  constexpr Rgb kWhite{0xFF, 0xFF, 0xFF};
  constexpr Rgb kDark{0x1A, 0x1A, 0x1A};
  // Ordered so that neighbouring series differ most in lightness (CIE L*); ink is whichever of
  // white and near-black has the higher contrast on the colour.
  constexpr std::array<SeriesStyle, kSeriesStyles> kStyles = {{
      // blue, L* 46
      {{0x00, 0x72, 0xB2}, kWhite, Fill::kSolid, Marker::kCircle, Stroke::kSolid},
      // orange, L* 71
      {{0xE6, 0x9F, 0x00}, kDark, Fill::kDiagonal, Marker::kSquare, Stroke::kDashed},
      // navy, L* 17
      {{0x1B, 0x2A, 0x4A}, kWhite, Fill::kDots, Marker::kTriangle, Stroke::kDotted},
      // bluish green, L* 58
      {{0x00, 0x9E, 0x73}, kDark, Fill::kCrosshatch, Marker::kDiamond, Stroke::kSolid},
      // wine, L* 32
      {{0x88, 0x22, 0x55}, kWhite, Fill::kHorizontal, Marker::kTriangleDown, Stroke::kDashed},
      // light blue, L* 82
      {{0x9E, 0xD3, 0xF5}, kDark, Fill::kBackDiagonal, Marker::kPlus, Stroke::kDotted},
  }};
  return kStyles[index % kSeriesStyles];
}

double estimate_text_width(std::string_view text, double font_size) {
  return static_cast<double>(util::utf8_length(text)) * 0.62 * font_size;
}

ChartLayout layout_chart(const Chart& chart, std::string_view lang, const TextWidth& text_width,
                         double width) {
  if (chart.kind == ChartKind::kStackedBars) return layout_stacked(chart, lang, text_width, width);
  ChartLayout vertical = layout_vertical(chart, lang, text_width, width);
  if (width < kChartWidth && chart.kind == ChartKind::kBars) {
    const bool slanted = std::any_of(vertical.category_labels.begin(),
                                     vertical.category_labels.end(),
                                     [](const TextMark& label) { return label.rotate != 0; });
    if (slanted || chart.categories.size() * chart.series.size() > kMostNarrowColumns) {
      return layout_across(chart, lang, text_width, width);
    }
  }
  return vertical;
}

std::string chart_alt(const Chart& chart, std::string_view lang) {
  const bool lv = lang == "lv";
  std::string out;
  switch (chart.kind) {
    case ChartKind::kBars:
      out = lv ? "Stabiņu diagramma" : "Bar chart";
      break;
    case ChartKind::kLines:
      out = lv ? "Līniju diagramma" : "Line chart";
      break;
    case ChartKind::kStackedBars:
      out = lv ? "Sadalītu joslu diagramma" : "Stacked bar chart";
      break;
  }
  if (!chart.title.empty()) out += (lv ? " „" : " \u201C") + chart.title + (lv ? "“" : "\u201D");
  out += ". ";
  const auto value = [&](double v) { return format_value(v, chart.decimals, lang, chart.unit); };
  const auto category = [&](size_t c) {
    return c < chart.categories.size() ? chart.categories[c] : std::to_string(c + 1);
  };
  // Each series with its values when there are few categories, else from its first value to
  // its last (the data in full is in the table beside it and in the workbook); a chart of many
  // series names the first few.
  constexpr size_t kSeriesNamed = 12;
  constexpr size_t kCategoriesListed = 6;
  const size_t categories = chart.categories.size();
  const size_t named = std::min(chart.series.size(), kSeriesNamed);
  for (size_t s = 0; s < named; ++s) {
    const Series& series = chart.series[s];
    std::optional<size_t> first;
    std::optional<size_t> last;
    for (size_t c = 0; c < series.values.size(); ++c) {
      if (!series.values[c] || !std::isfinite(*series.values[c])) continue;
      if (!first) first = c;
      last = c;
    }
    if (!series.label.empty()) out += series.label + ": ";
    if (!first) {
      out += lv ? "nav datu" : "no data";
    } else if (categories <= kCategoriesListed) {
      for (size_t c = 0; c < categories; ++c) {
        if (c > 0) out += ", ";
        const bool known = c < series.values.size() && series.values[c] &&
                           std::isfinite(*series.values[c]);
        out += category(c) + " " + (known ? value(*series.values[c]) : lv ? "nav datu" : "no data");
      }
    } else if (*first == *last) {
      out += category(*first) + " " + value(*series.values[*first]);
    } else {
      out += category(*first) + " " + value(*series.values[*first]) + ", " + category(*last) +
             " " + value(*series.values[*last]);
    }
    out += s + 1 < named ? "; " : ".";
  }
  if (chart.series.size() > named) {
    out += lv ? " Un vēl " : " And ";
    out += std::to_string(chart.series.size() - named);
    out += lv ? " datu sērijas." : " more series.";
  }
  for (const ReferenceLine& reference : chart.references) {
    if (!std::isfinite(reference.value)) continue;
    out += lv ? " Slieksnis" : " Threshold";
    if (!reference.label.empty()) out += " " + reference.label;
    out += ": " + value(reference.value);
    if (reference.from_category || reference.to_category) {
      const size_t from = reference.from_category.value_or(0);
      const size_t to = reference.to_category.value_or(chart.categories.empty()
                                                           ? 0
                                                           : chart.categories.size() - 1);
      out += " (" + category(from) + (lv ? " – " : " to ") + category(to) + ")";
    }
    out += ".";
  }
  return out;
}

}  // namespace metodika::render
