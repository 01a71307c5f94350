// What every page writer of the site shares: the model and results, the current language, its
// strings, the templates and addresses, and `emit`, which puts a page body into the layout and
// writes it. One page kind per pages_*.cc file (STYLE.md: no god files), all through this.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/theme.h"
#include "model/model.h"
#include "render/common/inputs.h"
#include "render/common/municipality_tables.h"
#include "render/common/urls.h"
#include "render/site/templates.h"
#include "rules/results.h"
#include "util/collate.h"
#include "util/output_sink.h"

namespace metodika::render::site {

/// Where a language without its own accessibility.md gets the theme's statement.
inline constexpr std::string_view kGeneratedAccessibilityRel = "pieklustamiba/";

/// Which outputs besides the site the build writes (the municipality page links to them).
struct SiteOptions {
  bool reports = false;  ///< parskati/<id>-<from>-<to>.pdf
  bool annexes = false;  ///< parskati/<id>-<from>-<to>.xlsx and latvija-<from>-<to>.xlsx
  unsigned jobs = 1;     ///< worker threads; the output is the same for any number
  /// Incremental builds: the pages whose inputs (`inputs`) did not change since the last build
  /// are kept, not rendered again. Both null: everything is rendered.
  util::WorkCache* cache = nullptr;
  const InputDigests* inputs = nullptr;
};

/// One table published as open data (CSV and JSON), for the catalogue.
struct DataFile {
  std::string lang;
  std::string dataset;        ///< municipality id, or "latvija"
  std::string dataset_title;  ///< municipality name, or the national title
  std::string table;          ///< Table::id
  std::string title;
  std::string description;
  std::string csv_rel;  ///< relative to the language root: "dati/ventspils/iestades.csv"
  std::string json_rel;
};

/// (label, url) pairs, from the home page down.
using Crumbs = std::vector<std::pair<std::string, std::string>>;

class SiteContext {
 public:
  SiteContext(const model::Model& m, const rules::Results& r, const load::Theme& theme,
              util::OutputSink& out, diag::Diagnostics& diags, SiteOptions options = {});

  [[nodiscard]] const model::Model& model() const { return m_; }
  [[nodiscard]] const rules::Results& results() const { return r_; }
  [[nodiscard]] const SiteOptions& options() const { return options_; }
  [[nodiscard]] const load::Theme& theme() const { return theme_; }
  /// Municipality `mi`'s public tables in the current language. The last ones are kept, so the
  /// municipality's page and its review page (one task) compute them once.
  [[nodiscard]] const MunicipalityTables& municipality_tables(size_t mi);
  /// Reports a theme problem found while rendering (a bad report template): the build fails
  /// and the previous output stays.
  void report_error(std::string message);
  [[nodiscard]] const Urls& urls() const { return urls_; }
  [[nodiscard]] const Templates& templates() const { return templates_; }
  [[nodiscard]] const std::string& lang() const { return lang_; }
  /// Whether the current language has no accessibility.md, so the site writes the theme's
  /// statement at kGeneratedAccessibilityRel (pages_content.cc).
  [[nodiscard]] bool generates_accessibility() const { return generated_accessibility_; }
  /// The address of the accessibility statement in `lang`; empty when there is none.
  [[nodiscard]] std::string accessibility_rel(std::string_view lang) const;
  [[nodiscard]] std::string nearest_translated(const std::string& lang, std::string_view rel) const;
  [[nodiscard]] const Data& strings() const { return strings_; }
  [[nodiscard]] const util::Collator& collator() const { return *collator_; }
  /// The translation of `key` ("nav.home") in the current language; "" when the theme lacks it.
  [[nodiscard]] const std::string& t(std::string_view key) const;

  /// Renders template `name` with `data` over the current language's strings ({{t.…}}).
  [[nodiscard]] std::string render(std::string_view name, const Data& data) const {
    return templates_.render(name, data, &base_);
  }

  /// Switches to `lang` for the pages that follow.
  void set_language(const std::string& lang);
  /// Writes the theme's static files under content-hashed names.
  void write_static();
  /// The content-hashed URL of the theme's static file `name` ("search.js"); "" when absent.
  [[nodiscard]] std::string asset_url(std::string_view name) const;

  /// The layout's data for a page: language, navigation, language switch, breadcrumbs.
  /// `alt`: the page's address in each language; absent, the same `rel` in every language.
  Data page_data(std::string_view rel, const std::string& title, const Crumbs& crumbs,
                 const std::map<std::string, std::string>* alt = nullptr);
  /// Renders `body_template` with `body`, puts it into the layout and writes the page at `rel`.
  void emit(std::string_view rel, const std::string& title, const std::string& body_template,
            Data body, Crumbs crumbs = {}, const std::map<std::string, std::string>* alt = nullptr);
  /// Writes any other output file.
  void write(const std::string& path, const std::string& bytes);
  /// Sends the writes that follow to `out` (one piece of work's recording sink).
  void set_output(util::OutputSink& out) { out_ = &out; }
  void count_page() { ++pages_; }

  /// The page of `kind` (and `slug`, when given) in the current language, or nullptr.
  [[nodiscard]] const model::Page* find_page(model::PageKind kind,
                                             std::string_view slug = {}) const;
  /// A content page's address in each language where it exists.
  [[nodiscard]] std::map<std::string, std::string> translations(const model::Page& page,
                                                                std::string_view prefix) const;
  /// A plain list page of (label, meta) items, sorted by label in Latvian order when asked.
  void list_page(std::string_view rel, std::string_view nav_key,
                 std::vector<std::pair<std::string, std::string>> items, bool sort_by_label);

  /// The range of entities (municipalities or institutions) a per-entity page writer covers:
  /// all of them unless a parallel build gave this context a shard.
  [[nodiscard]] size_t shard_begin() const { return shard_begin_; }
  [[nodiscard]] size_t shard_end() const { return shard_end_; }
  void set_shard(size_t begin, size_t end) {
    shard_begin_ = begin;
    shard_end_ = end;
  }

  /// What a piece of work produced besides its files: counts, sitemap entries, open data.
  struct Produced {
    size_t pages = 0;
    size_t files = 0;
    std::vector<std::string> sitemap;
    std::vector<DataFile> data_files;

    /// As text for the build cache, and back (false when `text` is not what to_text wrote).
    [[nodiscard]] std::string to_text() const;
    bool from_text(std::string_view text);
  };
  /// Hands over and clears what was produced since the last call.
  Produced take_produced();
  /// Adds what other contexts produced, in the order given.
  void add_produced(Produced p);
  /// Computes the content-hashed addresses of the theme's static files without writing them
  /// (for the parallel workers; write_static does both).
  void compute_asset_urls();

  /// Registers an open data file for the catalogue (pages_data.cc).
  void add_data_file(DataFile f) { data_files_.push_back(std::move(f)); }
  [[nodiscard]] const std::vector<DataFile>& data_files() const { return data_files_; }

  [[nodiscard]] size_t pages() const { return pages_; }
  [[nodiscard]] size_t files() const { return files_; }
  [[nodiscard]] const std::vector<std::string>& sitemap() const { return sitemap_; }

 private:
  const model::Model& m_;
  const rules::Results& r_;
  const load::Theme& theme_;
  util::OutputSink* out_;
  diag::Diagnostics& diags_;
  Templates templates_;
  Urls urls_;
  std::string lang_;
  Data strings_;
  Data base_;  ///< {"t": strings_}: the bottom of every page's context
  std::unique_ptr<util::Collator> collator_;
  std::map<std::string, std::string> asset_urls_;
  std::string accessibility_rel_;
  bool generated_accessibility_ = false;
  std::vector<std::string> sitemap_;
  std::vector<DataFile> data_files_;
  SiteOptions options_;
  struct KeptTables {
    size_t mi = 0;
    std::string lang;
    MunicipalityTables tables;
  };
  std::optional<KeptTables> kept_tables_;
  size_t shard_begin_ = 0;
  size_t shard_end_ = static_cast<size_t>(-1);
  size_t pages_ = 0;
  size_t files_ = 0;
};

}  // namespace metodika::render::site
