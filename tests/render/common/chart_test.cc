#include "render/common/chart.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace metodika::render {

namespace {

std::vector<double> values_of(const std::vector<Tick>& ticks) {
  std::vector<double> values;
  for (const Tick& tick : ticks) values.push_back(tick.value);
  return values;
}

std::vector<std::string> labels_of(const std::vector<Tick>& ticks) {
  std::vector<std::string> labels;
  for (const Tick& tick : ticks) labels.push_back(tick.label);
  return labels;
}

// "\u00A0" spelled out, so the expected labels show where the NO-BREAK SPACE is.
const std::string kNbsp = "\u00A0";

}  // namespace

TEST_CASE("format_value writes % without a space and other units after one") {
  CHECK(format_value(45.3, 1, "lv", "%") == "45,3%");
  CHECK(format_value(45.3, 1, "en", "%") == "45.3%");
  CHECK(format_value(208748, 0, "lv", "EUR") == "208" + kNbsp + "748 EUR");
  CHECK(format_value(12.25, 1, "lv", "") == "12,3");
}

TEST_CASE("nice_ticks steps by 1, 2 or 5 times a power of ten") {
  SUBCASE("0..57 in tens") {
    const auto ticks = nice_ticks(0, 57, 8, 0, "lv", "%");
    CHECK(values_of(ticks) == std::vector<double>{0, 10, 20, 30, 40, 50, 60});
    CHECK(labels_of(ticks) ==
          std::vector<std::string>{"0%", "10%", "20%", "30%", "40%", "50%", "60%"});
  }
  SUBCASE("0..208748 EUR in fifty thousands, grouped with NO-BREAK SPACE") {
    const auto ticks = nice_ticks(0, 208748, 8, 0, "lv", "EUR");
    CHECK(values_of(ticks) == std::vector<double>{0, 50000, 100000, 150000, 200000, 250000});
    CHECK(labels_of(ticks) ==
          std::vector<std::string>{"0 EUR", "50" + kNbsp + "000 EUR", "100" + kNbsp + "000 EUR",
                                   "150" + kNbsp + "000 EUR", "200" + kNbsp + "000 EUR",
                                   "250" + kNbsp + "000 EUR"});
  }
  SUBCASE("38.5..62 in fives; from 0 in tens") {
    CHECK(values_of(nice_ticks(38.5, 62, 8, 0, "lv", "%")) ==
          std::vector<double>{35, 40, 45, 50, 55, 60, 65});
    CHECK(values_of(nice_ticks(0, 62, 8, 0, "lv", "%")) ==
          std::vector<double>{0, 10, 20, 30, 40, 50, 60, 70});
  }
  SUBCASE("fractional steps get the decimals they need, exactly") {
    const auto ticks = nice_ticks(0, 1, 6, 0, "lv", "");
    CHECK(labels_of(ticks) == std::vector<std::string>{"0,0", "0,2", "0,4", "0,6", "0,8", "1,0"});
    CHECK(ticks[3].value == 0.6);
    CHECK(labels_of(nice_ticks(0, 0.07, 8, 0, "en", "")) ==
          std::vector<std::string>{"0.00", "0.01", "0.02", "0.03", "0.04", "0.05", "0.06", "0.07"});
  }
  SUBCASE("a minimum number of decimals is kept") {
    CHECK(labels_of(nice_ticks(0, 20, 3, 1, "lv", "%")) ==
          std::vector<std::string>{"0,0%", "10,0%", "20,0%"});
  }
  SUBCASE("negative ranges, swapped and flat bounds") {
    CHECK(values_of(nice_ticks(-13, 27, 8, 0, "lv", "")) ==
          std::vector<double>{-20, -10, 0, 10, 20, 30});
    CHECK(values_of(nice_ticks(57, 0, 8, 0, "lv", "")) ==
          values_of(nice_ticks(0, 57, 8, 0, "lv", "")));
    CHECK(values_of(nice_ticks(0, 0, 8, 0, "lv", "")) ==
          std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1});
  }
  SUBCASE("never more ticks than asked for, and no hang on extreme input") {
    for (const auto& [low, high] : std::vector<std::pair<double, double>>{
             {0, 1}, {0, 99}, {0, 101}, {-0.3, 0.31}, {3, 3.0001}, {0, 1e15}, {1e300, 1e300 + 1}}) {
      for (int max_ticks = 2; max_ticks <= 12; ++max_ticks) {
        const auto ticks = nice_ticks(low, high, max_ticks, 0, "en", "");
        CHECK(ticks.size() >= 2);
        CHECK(ticks.size() <= static_cast<size_t>(max_ticks));
        CHECK(ticks.front().value <= low);
        CHECK(ticks.back().value >= high);
      }
    }
    CHECK(nice_ticks(0, std::numeric_limits<double>::infinity(), 8, 0, "en", "").empty());
    CHECK(nice_ticks(std::numeric_limits<double>::quiet_NaN(), 1, 8, 0, "en", "").empty());
  }
}

TEST_CASE("value_axis starts at zero and ends on a nice tick unless told otherwise") {
  Chart chart;
  chart.unit = "%";
  chart.categories = {"a", "b"};
  chart.series = {{"s", {38.5, 62}}};

  ValueAxis axis = value_axis(chart, "lv");
  CHECK(axis.min == 0);
  CHECK(axis.max == 70);
  CHECK(labels_of(axis.ticks) ==
        std::vector<std::string>{"0%", "10%", "20%", "30%", "40%", "50%", "60%", "70%"});

  SUBCASE("explicit bounds are kept and ticks outside them dropped") {
    chart.y_min = 30;
    chart.y_max = 64;
    axis = value_axis(chart, "lv");
    CHECK(axis.min == 30);
    CHECK(axis.max == 64);
    CHECK(values_of(axis.ticks) == std::vector<double>{30, 35, 40, 45, 50, 55, 60});
  }
  SUBCASE("reference lines are inside the range") {
    chart.references = {{"Mērķis", 75, std::nullopt, std::nullopt}};
    CHECK(value_axis(chart, "lv").max == 80);
  }
  SUBCASE("negative values pull the axis below zero") {
    chart.series[0].values = {-12.0, 30.0};
    axis = value_axis(chart, "lv");
    CHECK(axis.min == -20);
    CHECK(axis.max == 30);
  }
  SUBCASE("no data at all still gives an axis") {
    chart.series[0].values = {std::nullopt, std::nullopt};
    axis = value_axis(chart, "lv");
    CHECK(axis.min == 0);
    CHECK(axis.max == 1);
  }
  SUBCASE("stacked bars run 0..100%") {
    chart.kind = ChartKind::kStackedBars;
    chart.unit = "h";
    axis = value_axis(chart, "lv");
    CHECK(labels_of(axis.ticks) ==
          std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%"});
  }
}

TEST_CASE("series styles differ in colour, lightness, fill, marker and stroke") {
  std::set<std::tuple<int, int, int>> colours;
  std::set<Fill> fills;
  std::set<Marker> markers;
  for (size_t i = 0; i < kSeriesStyles; ++i) {
    const SeriesStyle style = series_style(i);
    colours.insert({style.colour.r, style.colour.g, style.colour.b});
    fills.insert(style.fill);
    markers.insert(style.marker);
    CHECK(style.ink != style.colour);
  }
  CHECK(colours.size() == kSeriesStyles);
  CHECK(fills.size() == kSeriesStyles);
  CHECK(markers.size() == kSeriesStyles);
  CHECK(series_style(0).stroke != series_style(1).stroke);
  CHECK(series_style(kSeriesStyles).colour == series_style(0).colour);
}

TEST_CASE("layout_chart: bars, gaps and category labels") {
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.unit = "%";
  chart.decimals = 1;
  chart.categories = {"2021./2022.", "2022./2023.", "2023./2024."};
  chart.series = {{"Valsts", {45.3, std::nullopt, 50.0}}, {"Novads", {40.0, 42.5}}};

  const ChartLayout layout = layout_chart(chart, "lv");
  CHECK(layout.width == kChartWidth);
  CHECK(layout.height == kChartHeight);
  REQUIRE(layout.bars.size() == 4);  // the nullopt and the missing trailing value draw nothing
  CHECK(layout.bars[0].text == "2021./2022., Valsts: 45,3%");
  CHECK(layout.bars[1].text == "2021./2022., Novads: 40,0%");
  CHECK(layout.bars[2].text == "2022./2023., Novads: 42,5%");
  CHECK(layout.bars[3].text == "2023./2024., Valsts: 50,0%");
  // Bars stand on the zero line and reach their value.
  const double axis_bottom = layout.plot.y + layout.plot.height;
  for (const BarMark& bar : layout.bars)
    CHECK(bar.box.y + bar.box.height == doctest::Approx(axis_bottom));
  CHECK(layout.bars[0].box.y ==
        doctest::Approx(layout.plot.y + layout.plot.height * (50 - 45.3) / 50));
  CHECK(layout.legend.size() == 2);
  REQUIRE(layout.category_labels.size() == 3);
  CHECK(layout.category_labels[0].lines == std::vector<std::string>{"2021./2022."});

  SUBCASE("a single series has no legend") {
    chart.series.pop_back();
    CHECK(layout_chart(chart, "lv").legend.empty());
  }
  SUBCASE("narrow bands wrap school years after the slash") {
    chart.categories.clear();
    for (int year = 2014; year < 2026; ++year) {
      chart.categories.push_back(std::to_string(year) + "./" + std::to_string(year + 1) + ".");
    }
    const ChartLayout narrow = layout_chart(chart, "lv");
    CHECK(narrow.category_labels[0].lines == std::vector<std::string>{"2014./", "2015."});
    CHECK(narrow.category_labels[0].rotate == 0);
  }
  SUBCASE("labels that cannot wrap are slanted") {
    chart.categories = {"Daugavpils", "Rēzekne", "Jēkabpils", "Ludza",   "Preiļi",  "Krāslava",
                        "Līvāni",     "Balvi",   "Madona",    "Gulbene", "Alūksne", "Smiltene"};
    const ChartLayout slanted = layout_chart(chart, "lv");
    CHECK(slanted.category_labels[0].rotate == -45);
    CHECK(slanted.plot.y + slanted.plot.height < layout.plot.y + layout.plot.height);
  }
}

TEST_CASE("layout_chart: a narrow chart of many bars runs them across, a row per category") {
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.unit = "%";
  chart.decimals = 1;
  for (int i = 0; i < 30; ++i) {
    chart.categories.push_back("Daugavpils " + std::to_string(i + 1) + ". vidusskola");
  }
  Series series{"CE indekss", {}};
  for (int i = 0; i < 30; ++i) series.values.emplace_back(20.0 + i * 1.5);
  series.values[3] = std::nullopt;  // a school without results has no bar
  chart.series = {series};
  chart.references = {{"Valsts vidējais", 49.4, std::nullopt, std::nullopt}};

  const ChartLayout wide = layout_chart(chart, "lv");
  CHECK_FALSE(wide.value_axis_horizontal);
  CHECK(wide.width == kChartWidth);

  const ChartLayout narrow = layout_chart(chart, "lv", estimate_text_width, kNarrowChartWidth);
  CHECK(narrow.value_axis_horizontal);
  CHECK(narrow.width == kNarrowChartWidth);
  const Box& plot = narrow.plot;
  REQUIRE(narrow.bars.size() == 29);
  REQUIRE(narrow.category_labels.size() == 30);
  // Rows go down in the categories' order, every bar inside the plot and starting at zero.
  for (size_t i = 1; i < narrow.bars.size(); ++i) {
    CHECK(narrow.bars[i].box.y > narrow.bars[i - 1].box.y);
  }
  for (const BarMark& bar : narrow.bars) {
    CHECK(bar.box.x == doctest::Approx(plot.x));
    CHECK(bar.box.x + bar.box.width <= plot.x + plot.width + 1e-9);
    CHECK(bar.box.y >= plot.y);
    CHECK(bar.box.y + bar.box.height <= plot.y + plot.height + 1e-9);
  }
  CHECK(narrow.bars[3].category == 4);
  CHECK(narrow.bars[3].text == "Daugavpils 5. vidusskola, CE indekss: 26,0%");
  // Names to the left of the plot, right-aligned to it, wrapped, and inside the chart.
  for (const TextMark& label : narrow.category_labels) {
    CHECK(label.anchor == TextAnchor::kEnd);
    CHECK(label.rotate == 0);
    CHECK(label.at.x < plot.x);
    double widest = 0;
    for (const auto& line : label.lines) widest = std::max(widest, estimate_text_width(line, 12));
    CHECK(label.at.x - widest >= 0);
  }
  CHECK(narrow.category_labels[0].lines.size() == 2);
  // The value axis along the bottom: ticks left to right, labels far enough apart not to touch.
  REQUIRE(narrow.ticks.size() >= 2);
  for (size_t i = 1; i < narrow.ticks.size(); ++i) {
    const AxisTick& a = narrow.ticks[i - 1];
    const AxisTick& b = narrow.ticks[i];
    CHECK(b.position > a.position);
    CHECK(b.position - a.position >
          (estimate_text_width(a.label.lines[0], 12) + estimate_text_width(b.label.lines[0], 12)) / 2);
    CHECK(b.label.at.y > plot.y + plot.height);
  }
  CHECK(narrow.ticks.back().label.at.x + estimate_text_width(narrow.ticks.back().label.lines[0], 12) / 2 <=
        narrow.width);
  // The national mean runs down the rows, its label above them.
  REQUIRE(narrow.references.size() == 1);
  const ReferenceMark& mean = narrow.references[0];
  CHECK(mean.from.x == doctest::Approx(mean.to.x));
  CHECK(mean.from.y == doctest::Approx(plot.y));
  CHECK(mean.to.y == doctest::Approx(plot.y + plot.height));
  CHECK(mean.label.at.y < plot.y);
  CHECK(mean.label.lines[0] == "Valsts vidējais: 49,4%");
  // Taller than wide: the chart grows down with its rows.
  CHECK(narrow.height > 30 * 20);
}

TEST_CASE("layout_chart: a narrow chart of few bars or of lines keeps its columns") {
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.categories = {"2021./2022.", "2022./2023.", "2023./2024.", "2024./2025."};
  chart.series = {{"Izglītojamie", {248.0, 241.0, 249.0, 237.0}}};
  ChartLayout narrow = layout_chart(chart, "lv", estimate_text_width, kNarrowChartWidth);
  CHECK_FALSE(narrow.value_axis_horizontal);
  CHECK(narrow.width == kNarrowChartWidth);
  CHECK(narrow.plot.x + narrow.plot.width <= kNarrowChartWidth);
  for (const TextMark& label : narrow.category_labels) CHECK(label.rotate == 0);

  chart.kind = ChartKind::kLines;
  for (int i = 0; i < 8; ++i) chart.series.push_back({"Skola " + std::to_string(i), {1.0, 2.0}});
  narrow = layout_chart(chart, "lv", estimate_text_width, kNarrowChartWidth);
  CHECK_FALSE(narrow.value_axis_horizontal);
  // The legend wraps to the narrow width.
  for (const LegendEntry& entry : narrow.legend) {
    CHECK(entry.label.at.x + estimate_text_width(entry.label.lines[0], 12) <= kNarrowChartWidth);
  }
}

TEST_CASE("layout_chart: lines break at missing values") {
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.categories = {"a", "b", "c", "d", "e"};
  chart.series = {{"s", {1.0, 2.0, std::nullopt, 4.0, 5.0}}, {"t", {std::nullopt, 3.0}}};
  const ChartLayout layout = layout_chart(chart, "en");
  REQUIRE(layout.lines.size() == 2);
  CHECK(layout.lines[0].runs.size() == 2);
  CHECK(layout.lines[0].runs[0].size() == 2);
  CHECK(layout.lines[0].runs[1].size() == 2);
  CHECK(layout.lines[0].points.size() == 4);
  CHECK(layout.lines[1].runs.size() == 1);
  CHECK(layout.lines[1].runs[0].size() == 1);
  CHECK(layout.lines[1].points[0].text == "b, t: 3");
}

TEST_CASE("layout_chart: stacked bars split each row 100%") {
  Chart chart;
  chart.kind = ChartKind::kStackedBars;
  chart.unit = "h";
  chart.categories = {"Anna Bērziņa", "Jānis Kalniņš"};
  chart.series = {{"Stundas", {30.0, 10.0}},
                  {"Olimpiādes", {10.0, std::nullopt}},
                  {"Metodiskais darbs", {60.0, 30.0}}};
  const ChartLayout layout = layout_chart(chart, "lv");
  CHECK(layout.value_axis_horizontal);
  REQUIRE(layout.bars.size() == 5);
  const Box& plot = layout.plot;
  CHECK(layout.bars[0].box.x == doctest::Approx(plot.x));
  CHECK(layout.bars[0].box.width == doctest::Approx(plot.width * 0.3));
  CHECK(layout.bars[2].box.x + layout.bars[2].box.width == doctest::Approx(plot.x + plot.width));
  CHECK(layout.bars[0].text == "Anna Bērziņa, Stundas: 30 h (30%)");
  // The second row splits what it has: 10 of 40 h and 30 of 40 h.
  CHECK(layout.bars[3].box.width == doctest::Approx(plot.width * 0.25));
  CHECK(layout.bars[4].text == "Jānis Kalniņš, Metodiskais darbs: 30 h (75%)");
  REQUIRE(layout.bars[4].share);
  CHECK(layout.bars[4].share->lines == std::vector<std::string>{"75%"});
  CHECK(layout.height == doctest::Approx(plot.y + plot.height + 30));
}

}  // namespace metodika::render
