#include "load/site_sources.h"

#include <sys/stat.h>
#include <time.h>

#include <cctype>
#include <map>
#include <set>

#include "load/csv.h"
#include "load/input_files.h"
#include "load/json_syntax.h"
#include "load/limits.h"
#include "util/fs.h"
#include "util/parallel.h"
#include "util/text.h"

namespace metodika::load {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, kDataSlotCount> kSlotNames = {
    "subjects",  "municipalities", "schools", "methodologists", "olympiads",
    "materials", "events",         "metrics", "programmes",     "private/teachers"};

constexpr std::array<std::string_view, 4> kDataExtensions = {".yaml", ".yml", ".json", ".csv"};

bool is_data_file(std::string_view name) {
  for (auto ext : kDataExtensions) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return true;
  }
  return false;
}

std::string strip_ext(std::string_view name) {
  size_t dot = name.rfind('.');
  return std::string(name.substr(0, dot));
}

struct PendingFile {
  std::string rel;                // relative to the site folder
  std::optional<DataSlot> slot;   // none: the site settings file
};

// Maps a path under data/ to its slot: "schools.yaml" and "schools/x.yaml" both go to kSchools,
// so any collection may be one file or a folder of files (DATA-MODEL.md section 1).
std::optional<DataSlot> slot_of(std::string_view rel_in_data) {
  std::string base = strip_ext(rel_in_data);
  for (size_t i = 0; i < kSlotNames.size(); ++i) {
    std::string_view name = kSlotNames[i];
    if (base == name) return static_cast<DataSlot>(i);
    if (base.size() > name.size() && base.compare(0, name.size(), name) == 0 &&
        base[name.size()] == '/') {
      return static_cast<DataSlot>(i);
    }
  }
  return std::nullopt;
}

// A file that cannot be read within the limits (reported) is a document without a root and
// without text, as a file with a syntax error has no root.
Document read_document(const fs::path& root, const std::string& rel, bool defer,
                       TextMemo* memo, diag::Diagnostics& diags) {
  Document doc;
  doc.path = rel;
  doc.text = read_input(root, rel, memo, diags);
  if (!doc.text) {
    doc.text = std::make_shared<const std::string>();
    return doc;
  }
  diags.add_source(rel, doc.text, rel.ends_with(".csv") ? csv_locator(doc.text) : diag::Locator());
  doc.deferred = defer;
  if (!defer) doc.root = parse_source(rel, *doc.text, diags);
  return doc;
}

// Reports two files with the same base name in different formats (x.yaml beside x.json), and
// returns the later ones (prefixed), which are not read: reading both would report every id in
// them a second time, as a duplicate.
std::set<std::string> check_format_clashes(const std::vector<std::string>& files,
                                           std::string_view prefix, diag::Diagnostics& diags) {
  std::map<std::string, std::string> seen;
  std::set<std::string> skipped;
  for (const auto& f : files) {
    if (!is_data_file(f)) continue;
    auto [it, fresh] = seen.emplace(strip_ext(f), f);
    if (!fresh) {
      diags.error({std::string(prefix) + f, 0, 0},
                  "the same data is given twice: " + std::string(prefix) + it->second + " and " +
                      std::string(prefix) + f,
                  "keep one of the two files");
      skipped.insert(std::string(prefix) + f);
    }
  }
  return skipped;
}

}  // namespace

TextMemo::Read TextMemo::read_now(const fs::path& root, const std::string& rel) {
  util::InputFile f = util::read_input_file(root / rel, kMaxFileBytes);
  Read r;
  r.problem = f.problem;
  r.size = f.size;
  if (f.problem == util::InputFile::Problem::kNone) {
    r.text = std::make_shared<const std::string>(std::move(f.text));
  }
  return r;
}

TextMemo::Read TextMemo::read(const fs::path& root, const std::string& rel) {
  const fs::path path = root / rel;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return read_now(root, rel);
  auto nanos = [](const timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
  Entry now{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
            static_cast<uint64_t>(st.st_size), nanos(st.st_mtim), nanos(st.st_ctim), nullptr};
  {
    std::lock_guard lock(mu_);
    auto it = files_.find(rel);
    if (it != files_.end() && it->second.dev == now.dev && it->second.ino == now.ino &&
        it->second.size == now.size && it->second.mtime_ns == now.mtime_ns &&
        it->second.ctime_ns == now.ctime_ns) {
      return {it->second.text, util::InputFile::Problem::kNone, now.size};
    }
  }
  // Stat before reading: a change after the stat makes the next build read the file again.
  Read fresh = read_now(root, rel);
  if (!fresh.text) return fresh;
  now.text = fresh.text;
  timespec clock{};
  ::clock_gettime(CLOCK_REALTIME, &clock);
  constexpr int64_t kSettled = 1'000'000'000;  // 1 s
  std::lock_guard lock(mu_);
  if (nanos(clock) - std::max(now.mtime_ns, now.ctime_ns) >= kSettled) {
    files_.insert_or_assign(rel, now);
  } else {
    files_.erase(rel);
  }
  return fresh;
}

std::optional<Node> parse_source(const std::string& path, std::string_view text,
                                 diag::Diagnostics& diags) {
  if (!util::is_valid_utf8(text)) {
    diags.error({path, 0, 0}, "the file is not UTF-8 text",
                path.ends_with(".csv")
                    ? "save it as UTF-8 (Excel: Save As → CSV UTF-8; LibreOffice: Text CSV, "
                      "character set Unicode (UTF-8))"
                    : "save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)");
    return std::nullopt;
  }
  if (path.ends_with(".csv")) {
    auto slot =
        path.starts_with("data/") ? slot_of(std::string_view(path).substr(5)) : std::nullopt;
    return parse_csv(text, path, csv_shape(slot ? slot_name(*slot) : ""), diags);
  }
  if (path.ends_with(".json") && !check_json_syntax(text, path, diags)) return std::nullopt;
  return parse_yaml(text, path, diags);
}

std::string_view slot_name(DataSlot slot) { return kSlotNames[static_cast<size_t>(slot)]; }

ContentFile split_front_matter(std::string path, std::string_view text, diag::Diagnostics& diags) {
  ContentFile cf;
  cf.path = std::move(path);
  cf.front = Node{};
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // UTF-8 byte order mark
  auto first_line_end = rest.find('\n');
  std::string_view first = rest.substr(0, first_line_end);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first != "---") {
    cf.body = std::string(rest);
    return cf;
  }
  // Find the closing "---" line.
  size_t pos = first_line_end == std::string_view::npos ? rest.size() : first_line_end + 1;
  uint32_t line = 2;
  size_t fm_start = pos;
  while (pos < rest.size()) {
    size_t end = rest.find('\n', pos);
    std::string_view l = rest.substr(pos, end == std::string_view::npos ? std::string_view::npos
                                                                        : end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l == "---" || l == "...") {
      cf.front = parse_yaml(rest.substr(fm_start, pos - fm_start), cf.path, diags, 1);
      cf.body = end == std::string_view::npos ? std::string() : std::string(rest.substr(end + 1));
      cf.body_line = line + 1;
      return cf;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.error({cf.path, 1, 1}, "the front matter that starts on line 1 is never closed",
              "add a line with only --- after the title, date and other settings");
  cf.front.reset();
  return cf;
}

SiteSources load_site(const fs::path& root, const LoadOptions& options,
                      diag::Diagnostics& diags) {
  SiteSources out;
  out.root = root;

  // site.yaml
  std::vector<std::string> site_files;
  bool any_site_file = false;  // also one that cannot be read (reported by check_top_file)
  for (std::string name : {"site.yaml", "site.yml", "site.json"}) {
    std::error_code ec;
    any_site_file = any_site_file || fs::exists(fs::symlink_status(root / name, ec));
    if (check_top_file(root, name, diags)) site_files.push_back(name);
  }
  (void)check_format_clashes(site_files, "", diags);  // two site files: neither is read
  if (!any_site_file) {
    diags.error({"site.yaml", 0, 0},
                "there is no site.yaml in " + root.string() + ": this is not a Metodika site folder",
                "run the command in the site folder, or create one with `metodika new DIR`");
  }

  // data/
  std::vector<std::string> data_files =
      list_input_files(root, "data", {".yaml", ".yml", ".json"}, diags);
  std::vector<PendingFile> pending;
  std::set<std::string> clashing;
  {
    // Clashes are checked per folder, on base names.
    std::map<std::string, std::vector<std::string>> by_dir;
    for (const auto& f : data_files) {
      size_t slash = f.rfind('/');
      by_dir[slash == std::string::npos ? "" : f.substr(0, slash + 1)].push_back(
          slash == std::string::npos ? f : f.substr(slash + 1));
    }
    for (const auto& [dir, names] : by_dir) {
      clashing.merge(check_format_clashes(names, "data/" + dir, diags));
    }
  }
  for (const auto& f : data_files) {
    std::string rel = "data/" + f;
    if (!is_data_file(f)) {
      if (!f.ends_with(".md") && !f.ends_with(".txt")) {
        const bool sheet = f.ends_with(".xlsx") || f.ends_with(".xls") || f.ends_with(".ods");
        diags.warning({rel, 0, 0}, "ignored: not a .yaml, .yml, .json or .csv file",
                      sheet ? "save the sheet as CSV: soffice --headless --convert-to "
                              "csv:\"Text - txt - csv (StarCalc)\":59,34,76 " +
                                  f
                            : "");
      }
      continue;
    }
    auto slot = slot_of(f);
    if (!slot) {
      std::vector<std::string> names(kSlotNames.begin(), kSlotNames.end());
      auto guess = util::closest_match(strip_ext(f), names);
      diags.warning({rel, 0, 0}, "ignored: data/" + f + " is not one of the data files",
                    guess ? "did you mean data/" + *guess + ".yaml?"
                          : "see DATA-MODEL.md section 1 for the file names");
      continue;
    }
    if (!clashing.contains(rel)) pending.push_back({rel, *slot});
  }
  if (site_files.size() == 1) pending.push_back({site_files[0], std::nullopt});

  std::vector<Document> parsed(pending.size());
  util::parallel_for(pending.size(), options.jobs, [&](size_t i) {
    bool defer = options.defer_data && pending[i].slot.has_value();
    parsed[i] = read_document(root, pending[i].rel, defer, options.texts, diags);
  });
  for (size_t i = 0; i < pending.size(); ++i) {
    if (pending[i].slot) {
      out.data[static_cast<size_t>(*pending[i].slot)].push_back(std::move(parsed[i]));
    } else {
      out.site = std::move(parsed[i]);
    }
  }

  // static/ is not read by the build (a theme's static/ is), but it is one of the input folders
  // (serve watches it): a link out of the site or a special file there is reported as in the
  // others.
  (void)list_input_files(root, "static", {}, diags);

  // content/
  std::set<std::string, std::less<>> langs(options.other_languages.begin(),
                                           options.other_languages.end());
  for (const auto& f : list_input_files(root, "content", {".md"}, diags)) {
    if (f.size() < 3 || f.substr(f.size() - 3) != ".md") continue;
    std::string rel = "content/" + f;
    std::shared_ptr<const std::string> text = read_input(root, rel, options.texts, diags);
    if (!text) continue;
    diags.add_source(rel, text);
    if (!util::is_valid_utf8(*text)) {  // as for data files: the body would render as garbage
      diags.error({rel, 0, 0}, "the file is not UTF-8 text",
                  "save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)");
      continue;
    }
    ContentFile cf = split_front_matter(rel, *text, diags);
    size_t slash = f.find('/');
    std::string first = slash == std::string::npos ? "" : f.substr(0, slash);
    bool is_lang = options.other_languages.empty()
                       ? (first.size() == 2 && std::islower(static_cast<unsigned char>(first[0])) &&
                          std::islower(static_cast<unsigned char>(first[1])))
                       : langs.contains(first);
    if (is_lang) {
      cf.lang = first;
      cf.rel = f.substr(slash + 1);
    } else {
      cf.rel = f;
    }
    out.content.push_back(std::move(cf));
  }
  return out;
}

}  // namespace metodika::load
