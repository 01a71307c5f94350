// generator/util/fs.cc: walking input folders within a boundary, and reading input files within
// a size limit without ever waiting on a named pipe.
#include "util/fs.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace metodika::util {
namespace {
namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("metodika-fs-test-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

TEST_CASE("read_input_file reads a whole file, and reports a large one from its size") {
  TempDir t;
  write_file(t.path / "a.yaml", "id: a\n");
  InputFile f = read_input_file(t.path / "a.yaml", 100);
  CHECK(f.problem == InputFile::Problem::kNone);
  CHECK(f.text == "id: a\n");
  CHECK(f.size == 6);
  write_file(t.path / "empty.yaml", "");
  CHECK(read_input_file(t.path / "empty.yaml", 100).text.empty());
  fs::resize_file(t.path / "a.yaml", 101);
  f = read_input_file(t.path / "a.yaml", 100);
  CHECK(f.problem == InputFile::Problem::kTooLarge);
  CHECK(f.size == 101);
  CHECK(f.text.empty());
  CHECK(read_input_file(t.path / "a.yaml", 101).problem == InputFile::Problem::kNone);
}

TEST_CASE("read_input_file reports a named pipe or a folder without waiting") {
  TempDir t;
  REQUIRE(::mkfifo((t.path / "pipe.yaml").c_str(), 0600) == 0);
  CHECK(read_input_file(t.path / "pipe.yaml", 100).problem == InputFile::Problem::kNotRegular);
  fs::create_directories(t.path / "dir.yaml");
  CHECK(read_input_file(t.path / "dir.yaml", 100).problem == InputFile::Problem::kNotRegular);
  CHECK_THROWS(read_input_file(t.path / "missing.yaml", 100));
}

TEST_CASE("walk_tree lists every entry, sorted, and says what each is") {
  TempDir t;
  const fs::path site = t.path / "site";
  write_file(site / "data/b.yaml", "");
  write_file(site / "data/a/x.yaml", "");
  write_file(site / "data/.hidden/x.yaml", "");
  write_file(site / "shared/s.yaml", "");
  write_file(t.path / "outside.yaml", "");
  fs::create_symlink("../shared/s.yaml", site / "data/inside.yaml");
  fs::create_symlink("../../outside.yaml", site / "data/outside.yaml");
  fs::create_symlink("nothing", site / "data/broken.yaml");
  REQUIRE(::mkfifo((site / "data/pipe.yaml").c_str(), 0600) == 0);
  std::vector<std::string> seen;
  for (const TreeEntry& e : walk_tree(site / "data", site)) {
    std::string kind;
    switch (e.kind) {
      case TreeEntryKind::kFile: kind = "file"; break;
      case TreeEntryKind::kFolder: kind = "folder"; break;
      case TreeEntryKind::kLinkOutside: kind = "outside"; break;
      case TreeEntryKind::kBrokenLink: kind = "broken"; break;
      case TreeEntryKind::kLinkLoop: kind = "loop"; break;
      case TreeEntryKind::kSpecial: kind = "special"; break;
      case TreeEntryKind::kUnreadable: kind = "unreadable"; break;
    }
    seen.push_back(e.rel + " " + kind);
  }
  CHECK(seen == std::vector<std::string>{"a folder", "a/x.yaml file", "b.yaml file",
                                         "broken.yaml broken", "inside.yaml file",
                                         "outside.yaml outside", "pipe.yaml special"});
  CHECK(walk_tree(site / "missing", site).empty());
}

TEST_CASE("path_within compares whole path segments") {
  CHECK(path_within("/a/site/data", "/a/site"));
  CHECK(path_within("/a/site", "/a/site"));
  CHECK_FALSE(path_within("/a/site2/data", "/a/site"));
  CHECK_FALSE(path_within("/a", "/a/site"));
}

}  // namespace
}  // namespace metodika::util
