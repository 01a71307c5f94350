#include "render/common/svg_chart.h"

#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::render {

namespace {

// Why not an XML library: the test needs only "tags balance, attributes are quoted, text has no
// raw < or stray &", and a few lines check that without a new dependency.
// Returns "" when `xml` is one well-formed element, otherwise what is wrong and where.
std::string xml_error(std::string_view xml) {
  std::vector<std::string> open;
  size_t roots = 0;
  const auto entity_ok = [&](size_t at) {
    const size_t end = xml.find(';', at);
    if (end == std::string_view::npos || end - at > 10) return false;
    const std::string_view name = xml.substr(at + 1, end - at - 1);
    if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") {
      return true;
    }
    return name.size() > 1 && name[0] == '#' &&
           name.find_first_not_of("0123456789", 1) == std::string_view::npos;
  };
  size_t i = 0;
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bad entity at " + std::to_string(i);
      ++i;
      continue;
    }
    if (c == '>') return "stray > at " + std::to_string(i);
    if (c != '<') {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) {
        return "text outside the root at " + std::to_string(i);
      }
      ++i;
      continue;
    }
    const bool closing = i + 1 < xml.size() && xml[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    const size_t name_start = j;
    while (j < xml.size() &&
           (std::isalnum(static_cast<unsigned char>(xml[j])) || xml[j] == '-' || xml[j] == ':')) {
      ++j;
    }
    const std::string name(xml.substr(name_start, j - name_start));
    if (name.empty()) return "tag without a name at " + std::to_string(i);
    // Attributes: name="value" pairs, values without < and with valid entities.
    bool self_closing = false;
    while (true) {
      while (j < xml.size() && xml[j] == ' ') ++j;
      if (j >= xml.size()) return "unterminated tag " + name;
      if (xml[j] == '>') break;
      if (xml.substr(j, 2) == "/>") {
        self_closing = true;
        ++j;
        break;
      }
      if (closing) return "attribute in a closing tag " + name;
      const size_t eq = xml.find('=', j);
      if (eq == std::string_view::npos || xml.substr(eq, 2) != "=\"") {
        return "unquoted attribute in " + name;
      }
      const size_t end = xml.find('"', eq + 2);
      if (end == std::string_view::npos) return "unterminated attribute in " + name;
      for (size_t k = eq + 2; k < end; ++k) {
        if (xml[k] == '<') return "< in an attribute of " + name;
        if (xml[k] == '&' && !entity_ok(k)) return "bad entity in an attribute of " + name;
      }
      j = end + 1;
      if (j < xml.size() && xml[j] != ' ' && xml[j] != '>' && xml[j] != '/') {
        return "attributes not separated in " + name;
      }
    }
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
      open.pop_back();
    } else {
      if (open.empty()) ++roots;
      if (!self_closing) open.push_back(name);
    }
    i = j + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (roots != 1) return std::to_string(roots) + " root elements";
  return "";
}

size_t count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

// The attributes of every element that starts with `start` ("<line class=\"reference\"").
std::vector<std::map<std::string, std::string>> elements(std::string_view svg,
                                                         std::string_view start) {
  std::vector<std::map<std::string, std::string>> found;
  for (size_t at = svg.find(start); at != std::string_view::npos; at = svg.find(start, at + 1)) {
    const std::string_view tag = svg.substr(at, svg.find('>', at) - at);
    std::map<std::string, std::string> attributes;
    for (size_t eq = tag.find("=\""); eq != std::string_view::npos; eq = tag.find("=\"", eq + 1)) {
      const size_t name_start = tag.rfind(' ', eq) + 1;
      const size_t value_end = tag.find('"', eq + 2);
      attributes[std::string(tag.substr(name_start, eq - name_start))] =
          std::string(tag.substr(eq + 2, value_end - eq - 2));
    }
    found.push_back(std::move(attributes));
  }
  return found;
}

// How the SVG writes a coordinate (one decimal, no trailing ".0").
std::string coordinate(double value) {
  std::string text = std::to_string(std::round(value * 10) / 10);
  text.resize(text.find('.') + 2);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

Chart bar_chart() {
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.title = "Centralizēto eksāmenu vidējais rezultāts";
  chart.description = "Kurzemes vidējais rezultāts ir virs valsts vidējā visos gados.";
  chart.categories = {"2021./2022.", "2022./2023.", "2023./2024."};
  chart.series = {{"Kurzeme", {45.3, std::nullopt, 51.0}}, {"Valstī", {44.0, 47.25, 49.5}}};
  chart.unit = "%";
  chart.decimals = 1;
  return chart;
}

// A threshold of 40% until 2022./2023., then 50%.
Chart line_chart() {
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = "Skolēnu īpatsvars virs sliekšņa";
  chart.description = "Īpatsvars aug; slieksnis no 2023./2024. ir 50%.";
  chart.categories = {"2019./2020.", "2020./2021.", "2021./2022.",
                      "2022./2023.", "2023./2024.", "2024./2025."};
  chart.series = {{"Kurzeme", {38.0, 41.5, std::nullopt, 47.0, 52.5, 55.0}},
                  {"Latgale", {35.0, 36.0, 39.5, std::nullopt, 44.0, std::nullopt}}};
  chart.references = {{"Slieksnis", 40, std::nullopt, 3}, {"Slieksnis", 50, 4, std::nullopt}};
  chart.unit = "%";
  chart.decimals = 1;
  return chart;
}

}  // namespace

TEST_CASE("xml_error, the test's own checker, catches what it should") {
  CHECK(xml_error("<a><b x=\"1\"/>t &amp; u</a>\n") == "");
  CHECK(xml_error("<a><b></a>") != "");
  CHECK(xml_error("<a>x < y</a>") != "");
  CHECK(xml_error("<a>x & y</a>") != "");
  CHECK(xml_error("<a x=1></a>") != "");
  CHECK(xml_error("<a></a><b></b>") != "");
}

TEST_CASE("render_svg: a grouped bar chart") {
  const Chart chart = bar_chart();
  const std::string svg = render_svg(chart, "lv", "chart-1");
  INFO(svg);
  CHECK(xml_error(svg) == "");
  CHECK(svg.starts_with(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
      "aria-labelledby=\"chart-1-title chart-1-desc\" viewBox=\"0 0 640 320\" width=\"640\" "
      "height=\"320\" font-size=\"12\">\n"
      "<title id=\"chart-1-title\">Centralizēto eksāmenu vidējais rezultāts</title>\n"
      "<desc id=\"chart-1-desc\">Kurzemes vidējais rezultāts ir virs valsts vidējā visos "
      "gados.</desc>\n"));
  CHECK(svg.ends_with("</svg>\n"));
  // No style attribute anywhere: the site's Content-Security-Policy (deploy/nginx/) refuses them;
  // the stylesheet sizes svg.chart.
  CHECK(svg.find("style=") == std::string::npos);

  // One bar per value present; none, not even a zero-height one, for the missing value.
  const auto bars = elements(svg, "<rect class=\"bar\"");
  CHECK(bars.size() == 5);
  CHECK(count(svg, "<title>2021./2022., Kurzeme: 45,3%</title>") == 1);
  CHECK(count(svg, "<title>2022./2023., Valstī: 47,3%</title>") == 1);
  CHECK(count(svg, "2022./2023., Kurzeme") == 0);
  for (const auto& bar : bars) CHECK(std::stod(bar.at("height")) > 0);

  // Series 0 is solid, series 1 filled with its own hatch pattern, defined once.
  CHECK(bars[0].at("fill") == "#0072B2");
  CHECK(bars[1].at("fill") == "url(#chart-1-fill-1)");
  CHECK(count(svg, "<pattern id=\"chart-1-fill-1\"") == 1);

  // Tick labels in Latvian; school years as category labels; a legend of two swatches.
  CHECK(count(svg, ">60%</text>") == 1);
  CHECK(count(svg, ">2023./2024.</text>") == 1);
  CHECK(elements(svg, "<rect class=\"swatch\"").size() == 2);
  CHECK(count(svg, ">Valstī</text>") == 1);
  CHECK(count(svg, "font-size=\"") == 1);  // nothing smaller than the 12 set on the root
}

TEST_CASE("render_svg_pair: the chart for wide screens and for phones, told apart") {
  const Chart chart = bar_chart();
  const std::string pair = render_svg_pair(chart, "lv", "ce-x");
  const size_t split = pair.find("<svg", 1);
  REQUIRE(split != std::string::npos);
  const std::string wide = pair.substr(0, split);
  const std::string narrow = pair.substr(split);
  CHECK(xml_error(wide) == "");
  CHECK(xml_error(narrow) == "");
  CHECK(wide == [&] {
    std::string plain = render_svg(chart, "lv", "ce-x");
    plain.replace(plain.find("class=\"chart\""), 13, "class=\"chart chart-wide\"");
    return plain;
  }());
  CHECK(narrow.starts_with(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-narrow\" role=\"img\" "
      "aria-labelledby=\"ce-x-n-title ce-x-n-desc\" viewBox=\"0 0 328 "));
  // Ids stay unique in the page; the same data in both.
  CHECK(count(narrow, "id=\"ce-x-n-title\"") == 1);
  CHECK(count(narrow, "id=\"ce-x-title\"") == 0);
  CHECK(elements(narrow, "<rect class=\"bar\"").size() == elements(wide, "<rect class=\"bar\"").size());
  CHECK(count(narrow, "<title>2021./2022., Kurzeme: 45,3%</title>") == 1);
  CHECK(count(narrow, "font-size=\"") == 1);
}

TEST_CASE("render_svg: a line chart with a threshold that changes") {
  const Chart chart = line_chart();
  const std::string svg = render_svg(chart, "lv", "c2");
  INFO(svg);
  CHECK(xml_error(svg) == "");
  CHECK(count(svg, "<title id=\"c2-title\">Skolēnu īpatsvars virs sliekšņa</title>") == 1);
  CHECK(count(svg, "<desc id=\"c2-desc\">Īpatsvars aug; slieksnis no 2023./2024. ir 50%.</desc>") ==
        1);

  // Kurzeme breaks at its gap into two lines; Latgale's last point stands alone.
  CHECK(count(svg, "fill=\"none\"") == 3);      // 2 + 1 runs of two points or more
  CHECK(count(svg, "<circle") == 5 + 1);        // Kurzeme's markers and its legend marker
  CHECK(count(svg, "m-4-4h8v8h-8z") == 4 + 1);  // Latgale's squares and its legend marker
  CHECK(count(svg, "<title>2024./2025., Latgale") == 0);

  // Two dashed reference lines, each at the height of its value's gridline, meeting where the
  // threshold changes.
  const ChartLayout layout = layout_chart(chart, "lv");
  std::map<double, double> gridline;
  for (const AxisTick& tick : layout.ticks) gridline[tick.value] = tick.position;
  const auto dashed = elements(svg, "<line class=\"reference\"");
  REQUIRE(dashed.size() == 2);
  CHECK(dashed[0].at("stroke-dasharray") == "8 4");
  CHECK(dashed[0].at("y1") == coordinate(gridline.at(40)));
  CHECK(dashed[0].at("y2") == dashed[0].at("y1"));
  CHECK(dashed[1].at("y1") == coordinate(gridline.at(50)));
  CHECK(dashed[0].at("x1") == coordinate(layout.plot.x));
  CHECK(dashed[0].at("x2") == dashed[1].at("x1"));
  CHECK(dashed[0].at("x2") == coordinate(layout.plot.x + layout.plot.width * 4 / 6));
  CHECK(dashed[1].at("x2") == coordinate(layout.plot.x + layout.plot.width));
  CHECK(count(svg, ">Slieksnis: 40,0%</text>") == 1);
  CHECK(count(svg, ">Slieksnis: 50,0%</text>") == 1);
  CHECK(count(svg, "<title>2023./2024., Kurzeme: 52,5%</title>") == 1);
}

TEST_CASE("render_svg: stacked bars") {
  Chart chart;
  chart.kind = ChartKind::kStackedBars;
  chart.title = "Darba laika sadalījums";
  chart.categories = {"Anna Bērziņa", "Jānis Kalniņš"};
  chart.series = {{"Stundas", {30.0, 10.0}},
                  {"Olimpiādes", {10.0, std::nullopt}},
                  {"Metodiskais darbs", {60.0, 30.0}}};
  chart.unit = "h";
  chart.references = {{"Norma", 50, std::nullopt, std::nullopt}};
  const std::string svg = render_svg(chart, "lv", "c3");
  INFO(svg);
  CHECK(xml_error(svg) == "");
  CHECK(count(svg, "aria-labelledby=\"c3-title\"") == 1);  // no description, no <desc>
  CHECK(count(svg, "<desc") == 0);
  CHECK(elements(svg, "<rect class=\"bar\"").size() == 5);
  CHECK(count(svg, ">60%</text>") == 2);  // a share inside Anna's bar and a tick
  CHECK(count(svg, ">100%</text>") == 1);
  CHECK(count(svg, ">Norma: 50%</text>") == 1);  // a share, not 50 h
  CHECK(count(svg, "<title>Anna Bērziņa, Metodiskais darbs: 60 h (60%)</title>") == 1);
  CHECK(render_table_html(chart, "lv", "Sadalījums") ==
        "<table class=\"chart-data\">\n<caption>Sadalījums</caption>\n<thead>\n"
        "<tr><td></td><th scope=\"col\">Anna Bērziņa</th><th scope=\"col\">Jānis Kalniņš</th>"
        "</tr>\n</thead>\n<tbody>\n"
        "<tr><th scope=\"row\">Stundas</th><td>30 h</td><td>10 h</td></tr>\n"
        "<tr><th scope=\"row\">Olimpiādes</th><td>10 h</td><td>—</td></tr>\n"
        "<tr><th scope=\"row\">Metodiskais darbs</th><td>60 h</td><td>30 h</td></tr>\n"
        "<tr class=\"reference\"><th scope=\"row\">Norma</th><td>50%</td><td>50%</td></tr>\n"
        "</tbody>\n</table>\n");
}

TEST_CASE("render_svg: the same chart gives the same bytes; text is escaped") {
  CHECK(render_svg(line_chart(), "lv", "x") == render_svg(line_chart(), "lv", "x"));
  CHECK(render_svg(bar_chart(), "lv", "x") == render_svg(bar_chart(), "lv", "x"));

  Chart chart = bar_chart();
  chart.title = "Rezultāti <2024> & \"vēl\"";
  chart.description = "a < b & c";
  chart.series[0].label = "<script>";
  chart.categories[0] = "A&B";
  const std::string svg = render_svg(chart, "lv", "e\"1");
  INFO(svg);
  CHECK(xml_error(svg) == "");
  CHECK(
      count(svg,
            "<title id=\"e&quot;1-title\">Rezultāti &lt;2024&gt; &amp; &quot;vēl&quot;</title>") ==
      1);
  CHECK(count(svg, "<desc id=\"e&quot;1-desc\">a &lt; b &amp; c</desc>") == 1);
  CHECK(count(svg, ">&lt;script&gt;</text>") == 1);
  CHECK(count(svg, "<script>") == 0);
}

TEST_CASE("render_svg: degenerate charts stay well-formed") {
  Chart empty;
  empty.title = "Nav datu";
  CHECK(xml_error(render_svg(empty, "lv", "d")) == "");
  empty.kind = ChartKind::kStackedBars;
  CHECK(xml_error(render_svg(empty, "lv", "d")) == "");
  Chart zeros = bar_chart();
  zeros.series = {{"Nulle", {0.0, 0.0, 0.0}}};
  CHECK(xml_error(render_svg(zeros, "lv", "d")) == "");
}

TEST_CASE("render_table_html: the chart's data with categories as columns") {
  const std::string expected =
      "<table class=\"chart-data\">\n"
      "<caption>Skolēnu īpatsvars &amp; slieksnis</caption>\n"
      "<thead>\n"
      "<tr><td></td><th scope=\"col\">2019./2020.</th><th scope=\"col\">2020./2021.</th>"
      "<th scope=\"col\">2021./2022.</th><th scope=\"col\">2022./2023.</th>"
      "<th scope=\"col\">2023./2024.</th><th scope=\"col\">2024./2025.</th></tr>\n"
      "</thead>\n"
      "<tbody>\n"
      "<tr><th scope=\"row\">Kurzeme</th><td>38,0%</td><td>41,5%</td><td>—</td><td>47,0%</td>"
      "<td>52,5%</td><td>55,0%</td></tr>\n"
      "<tr><th scope=\"row\">Latgale</th><td>35,0%</td><td>36,0%</td><td>39,5%</td><td>—</td>"
      "<td>44,0%</td><td>—</td></tr>\n"
      "<tr class=\"reference\"><th scope=\"row\">Slieksnis</th><td>40,0%</td><td>40,0%</td>"
      "<td>40,0%</td><td>40,0%</td><td>50,0%</td><td>50,0%</td></tr>\n"
      "</tbody>\n"
      "</table>\n";
  CHECK(render_table_html(line_chart(), "lv", "Skolēnu īpatsvars & slieksnis") == expected);
  // With a region name the table scrolls in its own labelled region, not the page, on a phone.
  CHECK(render_table_html(line_chart(), "lv", "Skolēnu īpatsvars & slieksnis", "Tabula: A & B") ==
        "<section class=\"table-wrap\" aria-label=\"Tabula: A &amp; B\" "
        "tabindex=\"0\">\n" + expected + "</section>\n");

  Chart money;
  money.categories = {"2024", "2025"};
  money.series = {{"Budžets", {208748.0}}};
  money.unit = "EUR";
  CHECK(render_table_html(money, "en", "Budget") ==
        "<table class=\"chart-data\">\n<caption>Budget</caption>\n<thead>\n"
        "<tr><td></td><th scope=\"col\">2024</th><th scope=\"col\">2025</th></tr>\n"
        "</thead>\n<tbody>\n"
        "<tr><th scope=\"row\">Budžets</th><td>208,748 EUR</td><td>—</td></tr>\n"
        "</tbody>\n</table>\n");
}

}  // namespace metodika::render
