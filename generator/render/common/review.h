// The four-year education quality review of one municipality (issue 5; Education Law art. 18),
// as a sequence of blocks that both the HTML page /pasvaldibas/<id>/parskats/ and the PDF
// OUT/parskati/<id>-<from>-<to>.pdf lay out: Markdown with the computed values already filled in,
// and the computed tables and charts between them.
//
// The structure comes from the theme's report template `templates/report/review.md` (a site may
// override it): Markdown with Mustache fields ({{municipality}}, {{institutions}}, …) and, on a
// line of their own, directives that place a computed table or chart:
//
//     ::: table ce-indekss
//     ::: chart ce-indekss
//
// The board's own conclusions come from content/municipalities/<id>/review.md (model::Page of
// kind kReview), placed by the {{{conclusions}}} field.
#pragma once

#include <functional>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/common/chart.h"
#include "render/common/municipality_tables.h"
#include "render/common/table.h"
#include "rules/results.h"

namespace metodika::render {

struct ReviewBlock {
  enum class Kind { kMarkdown, kTable, kChart };
  Kind kind = Kind::kMarkdown;
  /// kMarkdown: GFM Markdown with the template's fields as placeholders for `Review::fields`
  /// (render/common/markdown_fields.h): render it with `MarkdownOptions::fields` or
  /// `markdown_tree(markdown, fields)`, which put the values in as text after parsing. Headings:
  /// `#` chapters, `##` sections, `###` subsections; the renderers number chapters and sections
  /// themselves.
  std::string markdown;
  Table table;  ///< kTable
  /// kTable: a summary made for the review (a summarising review's, review.h kSummariseAbove),
  /// with no open-data file of its own: the site links no CSV or JSON under it.
  bool summary = false;
  Chart chart;  ///< kChart
};

struct Review {
  std::string lang;
  std::string title;         ///< "Pārskats par izglītības kvalitāti Ventspils valstspilsētā"
  std::string municipality;  ///< name
  std::string board;         ///< the education board: the document's author
  std::string period;        ///< "2021–2025"
  int from = 0, to = 0;      ///< site.review_from .. review_to
  std::string date;          ///< as_of, long form: "2026. gada 23. novembris"
  std::string subject;       ///< document info subject line
  std::vector<std::string> keywords;
  /// Absolute URL of the accessible HTML version, printed on the PDF's cover.
  std::string html_url;
  std::vector<ReviewBlock> blocks;
  /// The values of the placeholders in the blocks' Markdown, by index.
  std::vector<std::string> fields;
  /// Values known to be in another language than `lang`, as (text, language): a name given in
  /// the data only in another language (model::Text::in falls back to it). The PDF tags them
  /// with their own /Lang.
  std::vector<std::pair<std::string, std::string>> foreign;
};

/// A municipality with more institutions than this gets a review that summarises (issue 22): its
/// chapters show the exam index, diagnostic tests, teaching quality, development norm and
/// olympiads as summaries (the municipal value beside the national one, the spread of the
/// schools: lowest, median, highest; the schools that did not meet the exam rule by name), and
/// the per-school tables follow as sections at the end of the review (the template's last
/// chapter, "Pielikumi"), which the chapters name. 25 keeps the bundled site's Ventspils (21
/// institutions, every table readable on a few pages) as it was, while Rīga's 313 schools no
/// longer fill 200 pages of its chapters.
inline constexpr size_t kSummariseAbove = 25;

/// The file name of the PDF and XLSX annex, without extension: "<id>-<from>-<to>".
[[nodiscard]] std::string review_stem(const model::Model& model, const model::Municipality& m);

/// The name of the report template for `lang` in load::Theme::templates: "report/review-<lang>".
[[nodiscard]] std::string review_template_name(std::string_view lang);

/// What `build_review` needs besides the model.
struct ReviewInputs {
  size_t municipality = 0;  ///< index into model.municipalities
  std::string lang;
  Translate t;
  /// The report template's text (Markdown with Mustache fields and directives) and its source
  /// path for error messages.
  std::string template_text;
  std::string template_source;
  /// content/municipalities/<id>/review.md in `lang`, if the board wrote one.
  const model::Page* conclusions = nullptr;
  std::string html_url;
  /// The review for the council (the PDF): heads' evaluations may appear (DATA-MODEL.md 10).
  /// The public HTML page leaves them out.
  bool council = false;
  /// municipality_tables(model, results, municipality, lang, t, council) when the caller has
  /// them already (render/common/shared_tables.h); null: computed here.
  const MunicipalityTables* tables = nullptr;
  /// Summarise above this many institutions (kSummariseAbove; tests lower it).
  size_t summarise_above = kSummariseAbove;
};

/// A problem in the report template: an unknown directive or field syntax. `what()` names the
/// template file and line.
class ReviewTemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Fills the report template for one municipality: Mustache fields from the rules' results,
/// directives replaced by the tables and charts of municipality_tables.h and
/// municipality_charts.h. Every value (`{{x}}` or `{{{x}}}`) goes into the Markdown as a
/// placeholder, so no value can make a directive, heading, list, link or emphasis, and a web
/// address in a value becomes a link; `{{{conclusions}}}` is the board's own Markdown, put in
/// after the directives are read (a `:::` line in it is text). Throws ReviewTemplateError.
[[nodiscard]] Review build_review(const model::Model& model, const rules::Results& results,
                                  const ReviewInputs& inputs);

/// Numbers the chapters (`#`) and sections (`##`) of the review's Markdown blocks in document
/// order: "# 1. Kopsavilkums", "## 3.1. Centralizētie eksāmeni". Lines inside code fences are
/// left alone. For renderers that do not number headings themselves.
void number_headings(Review& review);

/// The board's conclusions (a review page of `content/`, not a draft) for municipality `id` in
/// `lang`, else in the default language (boards write them in Latvian first); nullptr when none.
[[nodiscard]] const model::Page* review_conclusions(const model::Model& model, std::string_view id,
                                                    std::string_view lang);

/// Calls `visit(line, at, fenced)` for each line of `markdown` (without its '\n'; `at` its
/// offset), `fenced` when it lies inside a code fence (``` or ~~~), where a `#` is no heading.
void for_each_markdown_line(
    std::string_view markdown,
    const std::function<void(std::string_view line, size_t at, bool fenced)>& visit);

/// The directive ids a template may use, for documentation and error hints.
[[nodiscard]] const std::vector<std::string>& review_directives();

}  // namespace metodika::render
