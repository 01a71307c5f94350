// Internal to `model`: one function per data collection, called by build_model in dependency
// order (a collection may refer only to collections built before it).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/site_sources.h"
#include "model/fields.h"
#include "model/model.h"
#include "model/read_memo.h"

namespace metodika::model::detail {

/// Ids seen so far in one collection, for uniqueness and "did you mean" on references.
class IdRegistry {
 public:
  /// `kind` names an entry ("school"); `source` where such entries are defined ("data/schools/").
  IdRegistry(std::string kind, std::string source)
      : kind_(std::move(kind)), source_(std::move(source)) {}
  /// Registers `id`; reports a duplicate with the first place it was given.
  bool add(const std::string& id, size_t index, const Node& at, const Ctx& ctx);
  /// The same, with the position given directly; reports to `diags`.
  bool add(const std::string& id, size_t index, const Pos& at, diag::Diagnostics& diags);
  /// Resolves a reference; reports an unknown one with a suggestion. nullopt when unknown.
  std::optional<size_t> resolve(const std::string& id, const Node& at, const Ctx& ctx,
                                std::string_view field = {}) const;
  /// Each id's index.
  [[nodiscard]] std::unordered_map<std::string, size_t> index() const;
  [[nodiscard]] bool contains(const std::string& id) const { return entries_.contains(id); }
  [[nodiscard]] size_t size() const { return entries_.size(); }
  /// Marks the collection as incomplete (one of its files could not be read): unknown references
  /// are then not reported, as they are most likely to entries of that file.
  void set_incomplete() { incomplete_ = true; }

 private:
  std::string kind_;
  std::string source_;
  // One entry per id: its index and where it was first given (a file as an index into `files_`:
  // a national site registers 25,000 teacher ids from 43 files).
  struct Entry {
    size_t index = 0;
    uint32_t file = 0, line = 0, col = 0;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::vector<std::string> files_;
  bool incomplete_ = false;
};

struct Registries {
  IdRegistry subjects{"subject", "data/subjects.yaml"};
  IdRegistry municipalities{"municipality", "data/municipalities.yaml"};
  IdRegistry institutions{"school", "data/schools/"};
  IdRegistry methodologists{"methodologist", "data/methodologists.yaml"};
  IdRegistry olympiads{"olympiad", "data/olympiads.yaml"};
  IdRegistry materials{"material", "data/materials.yaml"};
  IdRegistry events{"event", "data/events.yaml"};
  IdRegistry programmes{"programme", "data/programmes/"};
  IdRegistry teachers{"teacher", "data/private/teachers/"};
  /// The (school, year) of every metric record read so far, with where it is: build_metrics,
  /// called once per metrics file, finds a second record for the same pair in any file.
  std::map<std::pair<size_t, int>, Pos> metric_records;
};

/// Every entry of a list file, each checked to be a map; calls fn(entry) for each.
template <typename Fn>
void for_each_entry(const Node* root, const Ctx& ctx, std::string_view what, Fn&& fn) {
  if (!root || root->is_null()) return;
  if (!expect_list(*root, ctx, "the file " + ctx.file)) return;
  for (const Node& entry : root->items) {
    if (expect_map(entry, ctx, std::string("each ") + std::string(what))) fn(entry);
  }
}

/// What identifies an entry's content for the incremental build: its file and its node's digest
/// (load::node_digest), so that an edit changes the digest of the entries it touches only.
uint64_t entry_digest(const Node& entry, const Ctx& ctx);

/// An optional text field, "" when absent.
std::string str_or_empty(const Fields& f, std::string_view key, const Ctx& ctx);
/// Reads the required `id` and registers it; false when missing, malformed or a duplicate.
bool read_id(const Fields& f, const Ctx& ctx, IdRegistry& reg, size_t index, std::string& out);
/// A list of ids (or a single id), each resolved against `reg`.
std::vector<std::string> read_refs(const Node& v, const Ctx& ctx, const IdRegistry& reg,
                                   std::string_view field);

Site build_site(const load::Document& doc, const Ctx& ctx);

void build_subjects(const Node* root, const Ctx&, Model&, Registries&);
void build_municipalities(const Node* root, const Ctx&, Model&, Registries&);
void build_institutions(const Node* root, const Ctx&, Model&, Registries&);
void build_methodologists(const Node* root, const Ctx&, Model&, Registries&);
void build_olympiads(const Node* root, const Ctx&, Model&, Registries&);
void build_materials(const Node* root, const Ctx&, Model&, Registries&);
void build_events(const Node* root, const Ctx&, Model&, Registries&);
void build_metrics(const Node* root, const Ctx&, Model&, Registries&);
void build_programmes(const Node* root, const Ctx&, Model&, Registries&);
/// All private teacher files: parsed (when deferred) and read in parallel, one tree at a time
/// per worker, then merged in file order so that ids and diagnostics do not depend on timing.
/// With `memo`, a file whose key (its bytes, path, `context`) is unchanged since the memo's last
/// build gives its records and diagnostics again without being read.
void build_teachers(const std::vector<load::Document>& docs, diag::Diagnostics& diags,
                    const std::vector<std::string>& langs, unsigned jobs, Registries& reg,
                    PrivateData& priv, ReadMemo* memo = nullptr, uint64_t context = 0);
void build_pages(const std::vector<load::ContentFile>&, diag::Diagnostics&, Model&);

}  // namespace metodika::model::detail
