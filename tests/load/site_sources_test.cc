#include "load/site_sources.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "temp_site.h"
#include "util/fs.h"

namespace metodika::load {
namespace {

using metodika::testing::Files;
using metodika::testing::TempSite;

constexpr const char* kSite = "title: T\n";

struct Loaded {
  SiteSources sources;
  std::string diagnostics;
  size_t errors = 0;
  size_t warnings = 0;
};

Loaded load(const TempSite& site, const LoadOptions& options = {}) {
  diag::Diagnostics diags;
  Loaded out;
  out.sources = load_site(site.root(), options, diags);
  out.diagnostics = diags.format();
  out.errors = diags.error_count();
  out.warnings = diags.warning_count();
  return out;
}

std::vector<std::string> paths(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const auto& d : docs) out.push_back(d.path);
  return out;
}

TEST_CASE("slot names are the file names of DATA-MODEL.md section 1") {
  CHECK(slot_name(DataSlot::kSubjects) == "subjects");
  CHECK(slot_name(DataSlot::kSchools) == "schools");
  CHECK(slot_name(DataSlot::kPrivateTeachers) == "private/teachers");
}

TEST_CASE("a folder without site.yaml is not a site") {
  TempSite site({{"data/subjects.yaml", "[]\n"}});
  Loaded l = load(site);
  CHECK_FALSE(l.sources.site.has_value());
  CHECK(l.diagnostics == "site.yaml: error: there is no site.yaml in " + site.root().string() +
                             ": this is not a Metodika site folder\n"
                             "  hint: run the command in the site folder, or create one with "
                             "`metodika new DIR`\n");
}

TEST_CASE("site.yml and site.json are accepted") {
  for (const char* name : {"site.yml", "site.json"}) {
    CAPTURE(name);
    TempSite site({{name, "{\"title\": \"T\"}\n"}});
    Loaded l = load(site);
    CHECK(l.diagnostics.empty());
    REQUIRE(l.sources.site.has_value());
    CHECK(l.sources.site->path == name);
    REQUIRE(l.sources.site->root.has_value());
    CHECK(l.sources.site->root->get("title")->value == "T");
  }
}

TEST_CASE("site.yaml beside site.json is an error") {
  TempSite site({{"site.yaml", kSite}, {"site.json", "{}\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics ==
        "site.json: error: the same data is given twice: site.yaml and "
        "site.json\n  hint: keep one of the two files\n");
  CHECK_FALSE(l.sources.site.has_value());
}

TEST_CASE("data/x.yaml beside data/x.json is an error, and only the first is read") {
  TempSite site({{"site.yaml", kSite},
                 {"data/subjects.yaml", "- {id: a}\n"},
                 {"data/subjects.json", "[{\"id\": \"a\"}]\n"},
                 {"data/schools/riga.yml", "[]\n"},
                 {"data/schools/riga.yaml", "[]\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics ==
        "data/schools/riga.yml: error: the same data is given twice: data/schools/riga.yaml "
        "and data/schools/riga.yml\n"
        "  hint: keep one of the two files\n"
        "data/subjects.yaml: error: the same data is given twice: data/subjects.json and "
        "data/subjects.yaml\n"
        "  hint: keep one of the two files\n");
  // Reading both would repeat every id of the file as a duplicate.
  CHECK(paths(l.sources.docs(DataSlot::kSubjects)) ==
        std::vector<std::string>{"data/subjects.json"});
  CHECK(paths(l.sources.docs(DataSlot::kSchools)) ==
        std::vector<std::string>{"data/schools/riga.yaml"});
}

TEST_CASE("the same base name in different folders is no clash") {
  TempSite site({{"site.yaml", kSite},
                 {"data/schools/riga.yaml", "[]\n"},
                 {"data/metrics/riga.json", "[]\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics.empty());
  CHECK(l.sources.docs(DataSlot::kSchools).size() == 1);
  CHECK(l.sources.docs(DataSlot::kMetrics).size() == 1);
}

TEST_CASE("a collection may be one file, a folder of files, or both") {
  TempSite site({{"site.yaml", kSite},
                 {"data/schools.yaml", "- {id: a}\n"},
                 {"data/schools/talsi.yaml", "- {id: b}\n"},
                 {"data/schools/ventspils.json", "[{\"id\": \"c\"}]\n"},
                 {"data/private/teachers/talsi.yaml", "- {id: t-1}\n"},
                 {"data/programmes/talsi.yaml", "id: p\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics.empty());
  CHECK(paths(l.sources.docs(DataSlot::kSchools)) ==
        std::vector<std::string>{"data/schools.yaml", "data/schools/talsi.yaml",
                                 "data/schools/ventspils.json"});
  const auto& schools = l.sources.docs(DataSlot::kSchools);
  CHECK(schools[2].root->items[0].get("id")->value == "c");
  CHECK(paths(l.sources.docs(DataSlot::kPrivateTeachers)) ==
        std::vector<std::string>{"data/private/teachers/talsi.yaml"});
  CHECK(l.sources.docs(DataSlot::kProgrammes).size() == 1);
  CHECK(l.sources.docs(DataSlot::kSubjects).empty());
}

TEST_CASE("an unknown data file is ignored with a did-you-mean warning") {
  TempSite site(
      {{"site.yaml", kSite}, {"data/school.yaml", "[]\n"}, {"data/private/other.yaml", "[]\n"}});
  Loaded l = load(site);
  CHECK(l.errors == 0);
  CHECK(l.diagnostics ==
        "data/private/other.yaml: warning: ignored: data/private/other.yaml is not one of the "
        "data files\n"
        "  hint: see DATA-MODEL.md section 1 for the file names\n"
        "data/school.yaml: warning: ignored: data/school.yaml is not one of the data files\n"
        "  hint: did you mean data/schools.yaml?\n");
  CHECK(l.sources.docs(DataSlot::kSchools).empty());
}

TEST_CASE("other files under data/ are ignored; notes in .md and .txt silently") {
  TempSite site({{"site.yaml", kSite},
                 {"data/README.md", "notes\n"},
                 {"data/schools/notes.txt", "notes\n"},
                 {"data/a.b", "x\n"},
                 {"data/export.xlsx", "PK\n"},
                 {"data/.hidden.yaml", "[\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics ==
        "data/a.b: warning: ignored: not a .yaml, .yml, .json or .csv file\n"
        "data/export.xlsx: warning: ignored: not a .yaml, .yml, .json or .csv file\n"
        "  hint: save the sheet as CSV: soffice --headless --convert-to csv:\"Text - txt - csv "
        "(StarCalc)\":59,34,76 export.xlsx\n");
}

TEST_CASE("a syntax error leaves the document without a root and quotes the line") {
  TempSite site({{"site.yaml", kSite}, {"data/subjects.yaml", "- {id: a\n"}});
  Loaded l = load(site);
  REQUIRE(l.sources.docs(DataSlot::kSubjects).size() == 1);
  CHECK_FALSE(l.sources.docs(DataSlot::kSubjects)[0].root.has_value());
  CHECK(l.errors == 1);
  CHECK(l.diagnostics.starts_with("data/subjects.yaml:2:1: error: YAML syntax error: "));
}

TEST_CASE("a data file that is not UTF-8") {
  TempSite site({{"site.yaml", kSite}, {"data/subjects.yaml", "- {id: a, name: R\xEEga}\n"}});
  Loaded l = load(site);
  CHECK_FALSE(l.sources.docs(DataSlot::kSubjects)[0].root.has_value());
  CHECK(l.diagnostics ==
        "data/subjects.yaml: error: the file is not UTF-8 text\n"
        "  hint: save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)\n");
}

// ---------------------------------------------------------------- front matter

TEST_CASE("front matter is split from the body") {
  diag::Diagnostics diags;
  ContentFile cf = split_front_matter(
      "content/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\n# Body\n\ntext\n", diags);
  CHECK(diags.format().empty());
  CHECK(cf.path == "content/a.md");
  REQUIRE(cf.front.has_value());
  REQUIRE(cf.front->is_map());
  CHECK(cf.front->get("title")->value == "A");
  CHECK(cf.front->get("title")->line == 2);
  CHECK(cf.front->get("date")->line == 3);
  CHECK(cf.body == "# Body\n\ntext\n");
  CHECK(cf.body_line == 5);
}

TEST_CASE("a file without front matter is all body") {
  diag::Diagnostics diags;
  ContentFile cf = split_front_matter("content/a.md", "# Title\n---\nmore\n", diags);
  CHECK(diags.format().empty());
  REQUIRE(cf.front.has_value());
  CHECK(cf.front->is_null());
  CHECK(cf.body == "# Title\n---\nmore\n");
  CHECK(cf.body_line == 1);
}

TEST_CASE("empty front matter, '...' as the end, and no body") {
  diag::Diagnostics diags;
  ContentFile a = split_front_matter("content/a.md", "---\n---\nBody", diags);
  REQUIRE(a.front.has_value());
  CHECK(a.front->is_null());
  CHECK(a.body == "Body");
  CHECK(a.body_line == 3);
  ContentFile b = split_front_matter("content/b.md", "---\ntitle: B\n...\n", diags);
  CHECK(b.front->get("title")->value == "B");
  CHECK(b.body.empty());
  ContentFile c = split_front_matter("content/c.md", "---\ntitle: C\n---", diags);
  CHECK(c.front->get("title")->value == "C");
  CHECK(c.body.empty());
  CHECK(c.body_line == 4);
  CHECK(diags.format().empty());
}

TEST_CASE("front matter that is never closed") {
  diag::Diagnostics diags;
  std::string text = "---\ntitle: A\n\n# Body\n";
  diags.add_source("content/a.md", std::make_shared<const std::string>(text));
  ContentFile cf = split_front_matter("content/a.md", text, diags);
  CHECK_FALSE(cf.front.has_value());
  CHECK(diags.format() ==
        "content/a.md:1:1: error: the front matter that starts on line 1 is never closed\n"
        " 1 | ---\n"
        "   | ^\n"
        "  hint: add a line with only --- after the title, date and other settings\n");
}

TEST_CASE("a byte order mark before the front matter is skipped") {
  diag::Diagnostics diags;
  ContentFile cf =
      split_front_matter("content/a.md", "\xEF\xBB\xBF---\ntitle: Ā\n---\nBody\n", diags);
  CHECK(diags.format().empty());
  REQUIRE(cf.front->is_map());
  CHECK(cf.front->get("title")->value == "Ā");
  CHECK(cf.body == "Body\n");
  CHECK(cf.body_line == 4);
}

TEST_CASE("CRLF line ends in the front matter") {
  diag::Diagnostics diags;
  ContentFile cf = split_front_matter("content/a.md",
                                      "---\r\ntitle: A\r\ntags: [x, y]\r\n---\r\nBody\r\n", diags);
  CHECK(diags.format().empty());
  REQUIRE(cf.front->is_map());
  CHECK(cf.front->get("title")->value == "A");
  CHECK(cf.front->get("tags")->size() == 2);
  CHECK(cf.front->get("tags")->line == 3);
  CHECK(cf.body == "Body\r\n");
  CHECK(cf.body_line == 5);
}

TEST_CASE("a YAML error in front matter is reported at its line in the Markdown file") {
  diag::Diagnostics diags;
  std::string text = "---\ntitle: A\ntags: [x, y\n---\nBody\n";
  diags.add_source("content/a.md", std::make_shared<const std::string>(text));
  ContentFile cf = split_front_matter("content/a.md", text, diags);
  CHECK_FALSE(cf.front.has_value());
  CHECK(
      diags.format() ==
      R"(content/a.md:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)
 4 | ---
   | ^
  hint: a quote or bracket is not closed
)");
}

// ---------------------------------------------------------------- content/

TEST_CASE("content/<two letters>/ is a language folder") {
  TempSite site({{"site.yaml", kSite},
                 {"content/_index.md", "Home\n"},
                 {"content/about.md", "---\ntitle: Par\n---\nText\n"},
                 {"content/en/about.md", "---\ntitle: About\n---\nText\n"},
                 {"content/news/2026-01-01-x.md", "News\n"},
                 {"content/en/news/2026-01-01-x.md", "News\n"},
                 {"content/notes.txt", "not content\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics.empty());
  REQUIRE(l.sources.content.size() == 5);
  const auto& c = l.sources.content;  // sorted by path
  CHECK(c[0].path == "content/_index.md");
  CHECK(c[0].lang.empty());
  CHECK(c[0].rel == "_index.md");
  CHECK(c[1].path == "content/about.md");
  CHECK(c[1].lang.empty());
  CHECK(c[2].path == "content/en/about.md");
  CHECK(c[2].lang == "en");
  CHECK(c[2].rel == "about.md");
  CHECK(c[2].front->get("title")->value == "About");
  CHECK(c[3].lang == "en");
  CHECK(c[3].rel == "news/2026-01-01-x.md");
  CHECK(c[4].path == "content/news/2026-01-01-x.md");
  CHECK(c[4].lang.empty());
  CHECK(c[4].rel == "news/2026-01-01-x.md");
}

TEST_CASE("a Markdown file that is not UTF-8 is reported and left out") {
  TempSite site({{"site.yaml", kSite},
                 {"content/about.md", "---\ntitle: Par\n---\nR\xEEga\n"},
                 {"content/news.md", "Ok\n"}});
  Loaded l = load(site);
  CHECK(l.diagnostics ==
        "content/about.md: error: the file is not UTF-8 text\n"
        "  hint: save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)\n");
  REQUIRE(l.sources.content.size() == 1);
  CHECK(l.sources.content[0].path == "content/news.md");
}

TEST_CASE("with other_languages given, only those folders are languages") {
  TempSite site({{"site.yaml", kSite},
                 {"content/en/about.md", "About\n"},
                 {"content/ru/about.md", "About\n"}});
  LoadOptions options;
  options.other_languages = {"ru"};
  Loaded l = load(site, options);
  REQUIRE(l.sources.content.size() == 2);
  CHECK(l.sources.content[0].lang.empty());
  CHECK(l.sources.content[0].rel == "en/about.md");
  CHECK(l.sources.content[1].lang == "ru");
  CHECK(l.sources.content[1].rel == "about.md");
}

TEST_CASE("loading in parallel gives the same documents") {
  Files files{{"site.yaml", kSite}};
  for (int i = 0; i < 20; ++i) {
    files["data/schools/m" + std::to_string(i) + ".yaml"] = "- {id: s" + std::to_string(i) + "}\n";
  }
  TempSite site(files);
  LoadOptions options;
  options.jobs = 4;
  Loaded l = load(site, options);
  CHECK(l.diagnostics.empty());
  const auto& docs = l.sources.docs(DataSlot::kSchools);
  REQUIRE(docs.size() == 20);
  CHECK(docs[0].path == "data/schools/m0.yaml");
  CHECK(docs[1].path == "data/schools/m1.yaml");
  CHECK(docs[2].path == "data/schools/m10.yaml");
  CHECK(docs[2].root->items[0].get("id")->value == "s10");
}

TEST_CASE("a text memo keeps a settled file's text and reads a changed one again") {
  TempSite site({{"data/subjects.yaml", "- {id: a}\n"}, {"content/x.md", "Teksts\n"}});
  TextMemo memo;
  // Just written: not kept yet (file times are coarser than a quick second write).
  auto fresh = memo.read(site.root(), "data/subjects.yaml").text;
  CHECK(*fresh == "- {id: a}\n");
  CHECK(memo.read(site.root(), "data/subjects.yaml").text != fresh);

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto settled = memo.read(site.root(), "data/subjects.yaml").text;
  CHECK(memo.read(site.root(), "data/subjects.yaml").text == settled);  // the same, not read

  // The same size, another text: read again.
  util::write_file(site.root() / "data/subjects.yaml", "- {id: b}\n");
  auto changed = memo.read(site.root(), "data/subjects.yaml").text;
  CHECK(*changed == "- {id: b}\n");

  // Through load_site: the same texts as without a memo.
  LoadOptions with_memo;
  with_memo.texts = &memo;
  diag::Diagnostics a, b;
  SiteSources plain = load_site(site.root(), {}, a);
  SiteSources memoised = load_site(site.root(), with_memo, b);
  REQUIRE(memoised.docs(DataSlot::kSubjects).size() == 1);
  CHECK(*memoised.docs(DataSlot::kSubjects)[0].text == *plain.docs(DataSlot::kSubjects)[0].text);
  REQUIRE(memoised.content.size() == 1);
  CHECK(memoised.content[0].body == plain.content[0].body);
  CHECK(a.format() == b.format());
}

// Issue 19: nothing outside the site folder is read, nothing unreadable is skipped silently.
namespace fs = std::filesystem;

std::string errors_of(const TempSite& site) {
  diag::Diagnostics diags;
  (void)load_site(site.root(), {}, diags);
  return diags.format(false);
}

TEST_CASE("a symbolic link to a file outside the site folder is an error naming the link") {
  TempSite outside({{"secret.md", "---\ntitle: Secret\n---\nroot:x:0:0\n"}});
  TempSite site({{"site.yaml", kSite}, {"content/about.md", "About\n"}});
  fs::create_symlink(outside.root() / "secret.md", site.root() / "content/secret.md");
  diag::Diagnostics diags;
  SiteSources s = load_site(site.root(), {}, diags);
  CHECK(diags.format(false) ==
        "content/secret.md: error: content/secret.md is a symbolic link to " +
            fs::canonical(outside.root() / "secret.md").string() +
            ", outside the site folder\n"
            "  hint: a build reads only the site folder's own files: copy the file into the site "
            "folder, or remove the link\n");
  REQUIRE(s.content.size() == 1);  // the link's target is not read
  CHECK(s.content[0].path == "content/about.md");
}

TEST_CASE("a link to a folder outside, and a linked data folder, are errors too") {
  TempSite outside({{"subjects.yaml", "- {id: x}\n"}});
  TempSite site({{"site.yaml", kSite}, {"content/a.md", "A\n"}});
  fs::create_directory_symlink(outside.root(), site.root() / "data");
  fs::create_directory_symlink(outside.root(), site.root() / "content/more");
  const std::string out = errors_of(site);
  const std::string real = fs::canonical(outside.root()).string();
  CHECK(out.find("content/more: error: content/more is a symbolic link to " + real +
                 ", outside the site folder") != std::string::npos);
  CHECK(out.find("data: error: data is a symbolic link to " + real + ", outside the site folder") !=
        std::string::npos);
}

TEST_CASE("links that stay inside the site folder are followed, files and folders alike") {
  TempSite site({{"site.yaml", kSite},
                 {"shared/events.yaml", "- {id: e}\n"},
                 {"shared/pages/x.md", "X\n"}});
  fs::create_directories(site.root() / "data");
  fs::create_symlink("../shared/events.yaml", site.root() / "data/events.yaml");
  fs::create_directories(site.root() / "content");
  fs::create_directory_symlink("../shared/pages", site.root() / "content/pages");
  diag::Diagnostics diags;
  SiteSources s = load_site(site.root(), {}, diags);
  CHECK(diags.format(false).empty());
  REQUIRE(s.docs(DataSlot::kEvents).size() == 1);
  CHECK(s.docs(DataSlot::kEvents)[0].path == "data/events.yaml");
  REQUIRE(s.content.size() == 1);
  CHECK(s.content[0].path == "content/pages/x.md");
}

TEST_CASE("a link into data/private/ from a public folder is an error") {
  TempSite site({{"site.yaml", kSite}, {"data/private/teachers/m.yaml", "- {id: t}\n"}});
  fs::create_directories(site.root() / "content");
  fs::create_symlink("../data/private/teachers/m.yaml", site.root() / "content/t.md");
  CHECK(errors_of(site) ==
        "content/t.md: error: content/t.md is a symbolic link into data/private/, whose records "
        "must never be published\n"
        "  hint: remove the link: private data is read only from data/private/teachers/\n");
}

TEST_CASE("a link to nothing, and a link to its own folder, are errors, not skipped") {
  TempSite site({{"site.yaml", kSite}, {"content/a.md", "A\n"}});
  fs::create_symlink("missing.md", site.root() / "content/gone.md");
  fs::create_directory_symlink("..", site.root() / "content/loop");
  const std::string out = errors_of(site);
  CHECK(out.find("content/gone.md: error: content/gone.md is a symbolic link that leads nowhere") !=
        std::string::npos);
  CHECK(out.find("content/loop: error: content/loop is a symbolic link to a folder that holds it") !=
        std::string::npos);
}

TEST_CASE("a named pipe where a file is expected is an error, and the build does not wait") {
  TempSite site({{"site.yaml", kSite}, {"data/subjects.yaml", "- {id: a}\n"}});
  REQUIRE(::mkfifo((site.root() / "data/events.yaml").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((site.root() / "static/x.css").c_str(), 0600) != 0);  // no static/ yet
  fs::create_directories(site.root() / "static");
  REQUIRE(::mkfifo((site.root() / "static/x.css").c_str(), 0600) == 0);
  CHECK(errors_of(site) ==
        "data/events.yaml: error: data/events.yaml is a named pipe (FIFO), not a file a build can "
        "read\n"
        "  hint: remove it, or put an ordinary file or folder in its place\n"
        "static/x.css: error: static/x.css is a named pipe (FIFO), not a file a build can read\n"
        "  hint: remove it, or put an ordinary file or folder in its place\n");
}

TEST_CASE("a folder named like a data file is an error; its files are still read") {
  TempSite site({{"site.yaml", kSite}, {"data/events.yaml/a.yaml", "- {id: e}\n"}});
  const std::string out = errors_of(site);
  CHECK(out.find("data/events.yaml: error: data/events.yaml is a folder, not a file; nothing in "
                 "it is read as data/events.yaml\n") != std::string::npos);
}

TEST_CASE("site.yaml that is a folder, or a link outside, is reported as such") {
  TempSite outside({{"site.yaml", kSite}});
  TempSite site({{"data/subjects.yaml", "- {id: a}\n"}});
  fs::create_symlink(outside.root() / "site.yaml", site.root() / "site.yaml");
  fs::create_directories(site.root() / "site.yml");
  const std::string out = errors_of(site);
  CHECK(out.find("site.yaml: error: site.yaml is a symbolic link to ") != std::string::npos);
  CHECK(out.find("site.yml: error: site.yml is a folder, not a file\n") != std::string::npos);
  CHECK(out.find("this is not a Metodika site folder") == std::string::npos);
}

TEST_CASE("an input file larger than the limit is reported without being read") {
  TempSite site({{"site.yaml", kSite}});
  {
    // A sparse file: its size is past the limit, but no disk space is used.
    std::FILE* f = std::fopen((site.root() / "data.json").c_str(), "w");
    REQUIRE(f != nullptr);
    std::fclose(f);
  }
  fs::create_directories(site.root() / "data");
  fs::resize_file(site.root() / "data.json", 0);
  fs::rename(site.root() / "data.json", site.root() / "data/events.json");
  fs::resize_file(site.root() / "data/events.json", (64ull << 20) + 1);
  CHECK(errors_of(site) ==
        "data/events.json: error: the file is 64.0 MB; an input file may be at most 64.0 MB\n"
        "  hint: split it into several files in a folder, such as data/schools/*.yaml\n");
}

}  // namespace
}  // namespace metodika::load
