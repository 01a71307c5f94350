#include "model/build.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <tuple>
#include <utility>
#include <set>

#include "model/builders.h"
#include "model/kept_trees.h"
#include "util/digest.h"

namespace metodika::model {
namespace detail {

bool IdRegistry::add(const std::string& id, size_t index, const Node& at, const Ctx& ctx) {
  return add(id, index, ctx.at(at), ctx.diags);
}

bool IdRegistry::add(const std::string& id, size_t index, const Pos& at,
                     diag::Diagnostics& diags) {
  auto [it, fresh] = entries_.try_emplace(id);
  if (fresh) {
    if (files_.empty() || files_.back() != at.file) files_.push_back(at.file);
    it->second = {index, static_cast<uint32_t>(files_.size() - 1), at.line, at.col};
    return true;
  }
  const Entry& first = it->second;
  diags.error(at,
              "duplicate " + kind_ + " id \"" + id + "\" (first used at " + files_[first.file] +
                  ":" + std::to_string(first.line) + ":" + std::to_string(first.col) + ")",
              "every " + kind_ + " needs its own id");
  return false;
}

std::unordered_map<std::string, size_t> IdRegistry::index() const {
  std::unordered_map<std::string, size_t> out;
  out.reserve(entries_.size());
  for (const auto& [id, entry] : entries_) out.emplace(id, entry.index);
  return out;
}

std::optional<size_t> IdRegistry::resolve(const std::string& id, const Node& at, const Ctx& ctx,
                                          std::string_view field) const {
  auto it = entries_.find(id);
  if (it != entries_.end()) return it->second.index;
  if (incomplete_) return std::nullopt;
  std::vector<std::string> ids;  // the suggestion does not depend on their order
  ids.reserve(entries_.size());
  for (const auto& [known, entry] : entries_) ids.push_back(known);
  auto guess = util::closest_match(id, ids);
  std::string what = field.empty() || field == kind_ ? kind_ : std::string(field);
  ctx.error(at,
            "unknown " + what + " \"" + id + "\"" +
                (guess ? " (did you mean \"" + *guess + "\"?)" : ""),
            ids.empty() ? "no " + kind_ + " is defined yet (in " + source_ + ")"
                         : "use the id of a " + kind_ + " from " + source_);
  return std::nullopt;
}

uint64_t entry_digest(const Node& entry, const Ctx& ctx) {
  uint64_t content = 0;
  const std::less<const Node*> before;
  if (ctx.item_digests && ctx.root && ctx.root->items.size() == ctx.item_digests->size() &&
      !before(&entry, ctx.root->items.data()) &&
      before(&entry, ctx.root->items.data() + ctx.root->items.size())) {
    content = (*ctx.item_digests)[static_cast<size_t>(&entry - ctx.root->items.data())];
  } else {
    content = load::node_digest(entry);
  }
  return util::Digest().add(ctx.file).add(content).value();
}

std::string str_or_empty(const Fields& f, std::string_view key, const Ctx& ctx) {
  const Node* v = f.get(key);
  return v ? read_string(*v, ctx, key).value_or("") : "";
}

bool read_id(const Fields& f, const Ctx& ctx, IdRegistry& reg, size_t index, std::string& out) {
  const Node* v = f.require("id");
  if (!v) return false;
  auto id = read_slug(*v, ctx, "id");
  if (!id) return false;
  out = *id;
  return reg.add(*id, index, *v, ctx);
}

std::vector<std::string> read_refs(const Node& v, const Ctx& ctx, const IdRegistry& reg,
                                   std::string_view field) {
  auto ids = read_slug_list(v, ctx, field);
  if (!ids) return {};
  const std::vector<Node> single{v};
  const std::vector<Node>& items = v.is_seq() ? v.items : single;
  for (size_t i = 0; i < ids->size(); ++i) reg.resolve((*ids)[i], items[i], ctx);
  return *ids;
}

}  // namespace detail

const std::string& Text::in(std::string_view lang) const {
  static const std::string kEmpty;
  auto it = by_lang.find(lang);
  if (it != by_lang.end()) return it->second;
  return by_lang.empty() ? kEmpty : by_lang.begin()->second;
}

Rules default_rules() {
  Rules r;
  r.ce_index = {
      {{2020, 8, 1}, {2025, 7, 31}, CeMethod::kMean, 40, {}},
      {{2025, 8, 1}, {2029, 7, 31}, CeMethod::kMin, 50, {}},
  };
  return r;
}

const Municipality* Model::find_municipality(std::string_view id) const {
  auto it = municipality_index.find(std::string(id));
  return it == municipality_index.end() ? nullptr : &municipalities[it->second];
}

const Institution* Model::find_institution(std::string_view id) const {
  auto it = institution_index.find(std::string(id));
  return it == institution_index.end() ? nullptr : &institutions[it->second];
}

void Model::index_by_school() {
  metrics_of_school.assign(institutions.size(), {});
  results_of_school.assign(institutions.size(), {});
  for (size_t i = 0; i < metrics.size(); ++i) {
    if (metrics[i].school_index < institutions.size()) {
      metrics_of_school[metrics[i].school_index].push_back(i);
    }
  }
  for (auto& records : metrics_of_school) {
    std::stable_sort(records.begin(), records.end(),
                     [&](size_t a, size_t b) { return metrics[a].year < metrics[b].year; });
  }
  std::vector<size_t> by_date(olympiads.size());
  for (size_t i = 0; i < by_date.size(); ++i) by_date[i] = i;
  std::sort(by_date.begin(), by_date.end(), [&](size_t a, size_t b) {
    return std::tie(olympiads[a].start, olympiads[a].id) < std::tie(olympiads[b].start, olympiads[b].id);
  });
  for (size_t o : by_date) {
    for (size_t r = 0; r < olympiads[o].results.size(); ++r) {
      auto it = institution_index.find(olympiads[o].results[r].school);
      if (it != institution_index.end()) results_of_school[it->second].emplace_back(o, r);
    }
  }
}

const Subject* Model::find_subject(std::string_view id) const {
  auto it = subject_index.find(std::string(id));
  return it == subject_index.end() ? nullptr : &subjects[it->second];
}

std::vector<std::string> peek_languages(const load::SiteSources& sources) {
  std::vector<std::string> langs;
  if (sources.site && sources.site->root) {
    if (const Node* l = sources.site->root->get("languages"); l && l->is_seq()) {
      for (const Node& n : l->items) {
        if (n.is_scalar()) langs.push_back(n.value);
      }
    }
  }
  if (langs.empty()) langs = {"lv", "en"};
  return langs;
}

std::shared_ptr<ReadMemo> make_read_memo(bool keep_trees) {
  auto memo = std::make_shared<ReadMemo>();
  memo->keep_trees = keep_trees;
  return memo;
}

namespace {

// Runs `work` on a thread of its own when asked to, else at once. join() waits for it and passes
// on what it threw; the destructor waits too, so that an exception elsewhere never leaves a
// joinable thread behind (std::terminate).
class Beside {
 public:
  Beside(bool on_thread, std::function<void()> work) : work_(std::move(work)) {
    if (on_thread) {
      thread_ = std::thread([this] { run(); });
    } else {
      run();
    }
  }
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;
  ~Beside() {
    if (thread_.joinable()) thread_.join();
  }
  void join() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  void run() {
    try {
      work_();
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  std::function<void()> work_;
  std::exception_ptr error_;
  std::thread thread_;
};

// A deferred data file's tree: parsed now, or, with a memo, the tree its unchanged bytes gave
// in an earlier build of this process (`serve`) or of an earlier one (the encoded trees of
// model/kept_trees.h), with the diagnostics parsing gave then. Null when it cannot be parsed.
std::shared_ptr<const ParsedFile> parse_deferred(const load::Document& doc, ReadMemo* memo,
                                                 diag::Diagnostics& diags) {
  const std::string_view text = doc.text ? std::string_view(*doc.text) : std::string_view();
  if (!memo || (!memo->keep_trees && !memo->encode_trees && memo->encoded_trees.empty())) {
    std::optional<Node> root = load::parse_source(doc.path, text, diags);
    return root ? std::make_shared<const ParsedFile>(ParsedFile{std::move(*root), {}}) : nullptr;
  }
  const uint64_t key = util::Digest().add(doc.path).add(text).value();
  std::optional<ReadMemo::Parsed> found;
  {
    std::lock_guard lock(memo->mu);
    auto it = memo->data_files.find(doc.path);
    if (it != memo->data_files.end() && it->second.key == key) {
      found = it->second;
    }
  }
  if (!found) {
    std::string_view encoded;
    {
      std::lock_guard lock(memo->mu);
      auto it = memo->encoded_trees.find(doc.path);
      if (it != memo->encoded_trees.end() && it->second.key == key) encoded = it->second.bytes;
    }
    // Entries are replaced only by the thread reading their own file: `encoded` stays valid.
    if (!encoded.empty()) found = decode_tree(encoded);
    if (found) found->key = key;
  }
  if (!found) {
    diag::Diagnostics own;
    std::optional<Node> root = load::parse_source(doc.path, text, own);
    std::shared_ptr<ParsedFile> file;
    if (root) {
      file = std::make_shared<ParsedFile>(ParsedFile{std::move(*root), {}});
      if (file->root.is_seq()) {
        for (const Node& item : file->root.items) {
          file->item_digests.push_back(load::node_digest(item));
        }
      }
    }
    found = ReadMemo::Parsed{key, std::move(file), own.sorted()};
    if (memo->encode_trees) {
      ReadMemo::Encoded encoded{key, encode_tree(found->file.get(), found->diagnostics)};
      std::lock_guard lock(memo->mu);
      memo->encoded_trees.insert_or_assign(doc.path, std::move(encoded));
    }
  }
  diags.add(found->diagnostics);
  if (!memo->keep_trees) return found->file;
  std::lock_guard lock(memo->mu);
  return memo->data_files.insert_or_assign(doc.path, std::move(*found)).first->second.file;
}

}  // namespace

Model build_model(const load::SiteSources& sources, const BuildOptions& options,
                  diag::Diagnostics& diags) {
  Model m;
  std::vector<std::string> langs = peek_languages(sources);
  if (sources.site && sources.site->root) {
    Ctx ctx{diags, sources.site->path, langs};
    m.site = detail::build_site(*sources.site, ctx);
    const Node& root = *sources.site->root;
    util::Digest documents;
    documents.add(sources.site->path);
    for (size_t i = 0; root.is_map() && i < root.size(); ++i) {
      if (root.key(i).value == "title") continue;
      documents.add(load::node_digest(root.key(i))).add(load::node_digest(root.val(i)));
    }
    if (!root.is_map()) documents.add(load::node_digest(root));
    m.site.untitled_digest = documents.value();
  } else {
    m.site.languages = langs;
    m.site.rules = default_rules();
  }
  if (options.as_of_override) {
    m.site.as_of = *options.as_of_override;
  } else if (m.site.as_of == Date{} && options.as_of_fallback) {
    m.site.as_of = *options.as_of_fallback;
  }
  // An `as_of` that is written but invalid has been reported where it is written.
  const Node* written =
      sources.site && sources.site->root ? sources.site->root->get("as_of") : nullptr;
  if (m.site.as_of == Date{} && sources.site && sources.site->root &&
      !(written && !written->is_null())) {
    diags.error({sources.site->path, 1, 1}, "the build has no \"as of\" date",
                "add `as_of: YYYY-MM-DD` to site.yaml, pass --as-of, or set SOURCE_DATE_EPOCH");
  }
  langs = m.site.languages;

  detail::Registries reg;
  using load::DataSlot;
  std::set<DataSlot> failed_slots;  // collections with a file that could not be parsed
  std::mutex failed_mu;              // metrics are read beside the other collections
  // Builds a collection file by file; a deferred file is parsed here (or taken from the memo)
  // and, without a memo, its tree freed after.
  auto each = [&](DataSlot slot, auto&& fn) {
    for (const load::Document& doc : sources.docs(slot)) {
      Ctx ctx{diags, doc.path, langs};
      if (!doc.deferred) {
        fn(doc.root ? &*doc.root : nullptr, ctx);
        continue;
      }
      std::shared_ptr<const ParsedFile> file = parse_deferred(doc, options.memo, diags);
      if (!file) {
        std::lock_guard lock(failed_mu);
        failed_slots.insert(slot);
        fn(nullptr, ctx);
        continue;
      }
      if (!file->item_digests.empty()) {
        ctx.root = &file->root;
        ctx.item_digests = &file->item_digests;
      }
      fn(&file->root, ctx);
    }
  };
  // A collection with a file that could not be parsed: references into it are not checked.
  auto unreadable = [&](DataSlot slot) {
    const auto& docs = sources.docs(slot);
    return failed_slots.contains(slot) ||
           std::any_of(docs.begin(), docs.end(),
                       [](const load::Document& d) { return !d.root && !d.deferred; });
  };
  each(DataSlot::kSubjects, [&](const Node* d, auto& c) { detail::build_subjects(d, c, m, reg); });
  if (unreadable(DataSlot::kSubjects)) reg.subjects.set_incomplete();
  m.subject_index = reg.subjects.index();
  each(DataSlot::kMunicipalities,
       [&](const Node* d, auto& c) { detail::build_municipalities(d, c, m, reg); });
  if (unreadable(DataSlot::kMunicipalities)) reg.municipalities.set_incomplete();
  m.municipality_index = reg.municipalities.index();
  each(DataSlot::kSchools, [&](const Node* d, auto& c) { detail::build_institutions(d, c, m, reg); });
  if (unreadable(DataSlot::kSchools)) reg.institutions.set_incomplete();
  m.institution_index = reg.institutions.index();
  // Private teacher records refer to institutions only, and are most of a national site's bytes:
  // with several workers they are read beside the other collections (into registries and a
  // model part of their own; diagnostics are thread-safe and printed sorted).
  auto priv = std::make_shared<PrivateData>();
  // What a teacher record's reading depends on besides its file: the institutions it refers to.
  util::Digest teacher_context_digest;
  for (const std::string& l : langs) teacher_context_digest.add(l);
  for (const Institution& in : m.institutions) teacher_context_digest.add(in.id);
  teacher_context_digest.add(reg.institutions.size()).add(unreadable(DataSlot::kSchools));
  const uint64_t teacher_context = teacher_context_digest.value();
  util::Digest private_digest;
  for (const load::Document& doc : sources.docs(DataSlot::kPrivateTeachers)) {
    private_digest.add(doc.path).add(doc.text ? std::string_view(*doc.text) : std::string_view());
  }
  m.private_digest = private_digest.value();
  // With a memo, when no teacher file and nothing they refer to changed, the last build's
  // records and diagnostics are taken whole (a national site's 25,000 records).
  const uint64_t all_teachers_key = util::Digest().add(m.private_digest).add(teacher_context).value();
  std::shared_ptr<const PrivateData> reused;
  auto read_teachers = [&] {
    const auto& docs = sources.docs(DataSlot::kPrivateTeachers);
    ReadMemo* memo = options.memo;
    if (!memo) {
      detail::build_teachers(docs, diags, langs, options.jobs, reg, *priv);
      return;
    }
    {
      std::lock_guard lock(memo->mu);
      if (memo->all_teachers.data && memo->all_teachers.key == all_teachers_key) {
        reused = memo->all_teachers.data;
        diags.add(memo->all_teachers.diagnostics);
        return;
      }
    }
    diag::Diagnostics own;
    detail::build_teachers(docs, own, langs, options.jobs, reg, *priv, memo, teacher_context);
    ReadMemo::AllTeachers all{all_teachers_key, priv, own.sorted()};
    diags.add(all.diagnostics);
    std::lock_guard lock(memo->mu);
    memo->all_teachers = std::move(all);
  };
  Beside teachers(options.jobs > 1, read_teachers);
  // Metric records, the largest public collection, refer to institutions only and nothing
  // after them refers to them: they too are read beside the rest.
  Beside metrics(options.jobs > 1, [&] {
    each(DataSlot::kMetrics, [&](const Node* d, auto& c) { detail::build_metrics(d, c, m, reg); });
  });
  each(DataSlot::kMethodologists,
       [&](const Node* d, auto& c) { detail::build_methodologists(d, c, m, reg); });
  each(DataSlot::kOlympiads, [&](const Node* d, auto& c) { detail::build_olympiads(d, c, m, reg); });
  each(DataSlot::kMaterials, [&](const Node* d, auto& c) { detail::build_materials(d, c, m, reg); });
  each(DataSlot::kEvents, [&](const Node* d, auto& c) { detail::build_events(d, c, m, reg); });
  each(DataSlot::kProgrammes, [&](const Node* d, auto& c) { detail::build_programmes(d, c, m, reg); });
  metrics.join();
  teachers.join();
  if (reused) {
    m.private_data = std::move(reused);
  } else {
    m.private_data = std::move(priv);
  }
  detail::build_pages(sources.content, diags, m);
  m.index_by_school();
  return m;
}

}  // namespace metodika::model
