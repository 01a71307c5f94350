// A review to typeset in tests: every kind of block the report template produces, with Latvian
// text, a table long enough to span pages, group and total rows, suppressed cells and charts.
#pragma once

#include <string>

#include "load/fonts.h"
#include "render/common/review.h"
#include "render/pdf/review.h"

namespace metodika::test {

inline const load::Fonts& test_fonts() {
  static const load::Fonts fonts = load::load_fonts(METODIKA_FONT_DIR, METODIKA_HYPHEN_DIR);
  return fonts;
}

inline const render::pdf::Resources& test_resources() {
  static const render::pdf::Resources resources(test_fonts());
  return resources;
}

inline render::ReviewBlock markdown_block(std::string text) {
  render::ReviewBlock block;
  block.kind = render::ReviewBlock::Kind::kMarkdown;
  block.markdown = std::move(text);
  return block;
}

inline render::Review sample_review(int schools = 60) {
  using namespace render;
  Review review;
  review.lang = "lv";
  review.title = "Pārskats par izglītības kvalitāti Ventspils valstspilsētā";
  review.municipality = "Ventspils valstspilsēta";
  review.board = "Ventspils valstspilsētas Izglītības pārvalde";
  review.period = "2021–2025";
  review.from = 2021;
  review.to = 2025;
  review.date = "2026. gada 23. novembris";
  review.subject = "Izglītības kvalitātes pārskats 2021–2025 (Izglītības likuma 18. pants)";
  review.keywords = {"izglītības kvalitāte", "Ventspils", "pārskats"};
  review.html_url = "https://metodika.example.lv/pasvaldibas/ventspils/parskats/";
  review.blocks.push_back(markdown_block(
      "# Galvenie secinājumi\n\n"
      "Ventspils valstspilsētā darbojas **14 izglītības iestādes**, kurās mācās 4 812 izglītojamie "
      "un strādā 612 pedagogi. Pārskata periodā centralizēto eksāmenu indekss *vairumā skolu* "
      "pārsniedza noteikto slieksni, bet pedagogu profesionālās pilnveides norma izpildīta "
      "78,4% pedagogu. Sīkāka informācija pieejama [pašvaldības tīmekļvietnē]"
      "(https://www.ventspils.lv/) un Valsts izglītības kvalitātes dienesta datos.\n\n"
      "- Izglītojamo skaits samazinājies par 3,1%;\n"
      "- pedagogu vidējais vecums — 49 gadi;\n"
      "  1. vispārējā izglītība;\n"
      "  2. profesionālā izglītība.\n"
      "- metodiķu darba laika sadalījums atbilst normai.\n\n"
      "> Pārskats sagatavots saskaņā ar Izglītības likuma 18. pantu un iesniegts domei.\n\n"
      "Latviešu burti: ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž – visi ar garumzīmēm un mīkstinājuma zīmēm.\n\n"
      "## Pārskata dati\n\n"
      "Dati ņemti no Valsts izglītības informācijas sistēmas un pašvaldības uzskaites. "
      "Pārskatā izmantoti tikai apkopoti dati; pedagogu personas dati nav publicēti. "
      "Šis teikums ir gara rindkopa ar daudziem vārdiem, lai pārbaudītu rindu dalīšanu un "
      "zilbju dalīšanu: neatkarīgi, profesionālās pilnveides programmas, starptautiskās "
      "konkurētspējas paaugstināšana, daudzfunkcionālās izglītības iestādes, "
      "dabaszinātņu olimpiādes, metodiskās apvienības, pašnovērtējuma ziņojumi.\n\n"
      "| Rādītājs | 2021 | 2025 |\n|---|--:|--:|\n| Iestādes | 15 | 14 |\n"
      "| Izglītojamie | 4 966 | 4 812 |\n"));
  review.blocks.push_back(markdown_block("# Izglītības iestāžu tīkls\n\n"
                                         "Tabulā katras iestādes izglītojamo skaits pa gadiem.\n"));
  ReviewBlock table;
  table.kind = ReviewBlock::Kind::kTable;
  table.table.id = "iestades";
  table.table.title = "Izglītības iestādes un izglītojamo skaits";
  table.table.note = "Izglītojamo skaits mācību gada sākumā (1. septembrī).";
  table.table.columns = {{"school", "Iestāde", ColumnType::kText, 0, true},
                         {"kind", "Veids", ColumnType::kText, 0, false},
                         {"students_2024", "Izglītojamie 2024./2025.", ColumnType::kInteger, 0,
                          false},
                         {"share", "Pilnveides normu izpildījuši", ColumnType::kPercent, 1, false},
                         {"budget", "Budžets", ColumnType::kMoney, 0, false}};
  for (int i = 0; i < schools; ++i) {
    Row row;
    row.cells.push_back(text_cell("Ventspils " + std::to_string(i + 1) +
                                  ". pamatskola ar ļoti garu nosaukumu „Zīlīte“"));
    row.cells.push_back(text_cell(i % 3 == 0 ? "pirmsskolas izglītības iestāde" : "pamatskola"));
    row.cells.push_back(int_cell(1000 + i * 37));
    row.cells.push_back(i % 7 == 3 ? suppressed_cell() : number_cell(45.3 + i % 10));
    row.cells.push_back(int_cell(int64_t{1601800} * (i + 1)));
    table.table.rows.push_back(std::move(row));
  }
  Row total;
  total.kind = RowKind::kTotal;
  total.cells = {text_cell("Kopā"), text_cell(""), int_cell(123456), number_cell(78.4),
                 int_cell(int64_t{2087480000})};
  table.table.rows.push_back(std::move(total));
  review.blocks.push_back(std::move(table));
  review.blocks.push_back(markdown_block("# Mācību sasniegumi\n\n## Centralizēto eksāmenu indekss\n\n"
                                         "Indekss pa skolām un gadiem salīdzinājumā ar slieksni.\n"));
  ReviewBlock chart;
  chart.kind = ReviewBlock::Kind::kChart;
  chart.chart.kind = ChartKind::kBars;
  chart.chart.title = "CE indekss pa gadiem";
  chart.chart.categories = {"2021./2022.", "2022./2023.", "2023./2024.", "2024./2025."};
  chart.chart.series = {{"Ventspils Valsts 1. ģimnāzija", {55.2, 57.1, 54.0, 58.3}},
                        {"Ventspils 4. vidusskola", {44.0, 46.5, std::nullopt, 49.9}},
                        {"Ventspils Tehnikums", {38.2, 41.0, 40.3, 42.7}}};
  chart.chart.references = {{"Slieksnis", 40, std::nullopt, 2}, {"Slieksnis", 50, 3, std::nullopt}};
  chart.chart.unit = "%";
  chart.chart.decimals = 1;
  review.blocks.push_back(chart);
  ReviewBlock lines = chart;
  lines.chart.kind = ChartKind::kLines;
  lines.chart.title = "CE indekss: dinamika";
  review.blocks.push_back(std::move(lines));
  review.blocks.push_back(markdown_block(
      "## Valsts diagnosticējošie darbi\n\nRezultāti 3. un 6. klasē.\n\n"
      "# Secinājumi un prioritātes\n\n1. Stiprināt dabaszinātņu mācīšanu.\n"
      "2. Paplašināt metodisko atbalstu.\n\n```\nkods  ar   atstarpēm\n```\n"));
  return review;
}

inline render::pdf::ReviewOptions sample_options() {
  return {.as_of = {2026, 11, 23}, .suppressed = "slēpts: mazāk par 5"};
}

}  // namespace metodika::test
