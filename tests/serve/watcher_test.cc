// generator/serve/watcher.cc: edits of inputs are seen (also in new folders), bursts are one
// change, and what no build reads is ignored.
#include "serve/watcher.h"

#include <doctest/doctest.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <thread>

#include "../load/temp_site.h"

namespace metodika::serve {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TempSite;
using Changes = std::vector<std::string>;

TEST_CASE("editor temporary files are ignored") {
  for (const char* name : {".git", ".#schools.yaml", ".schools.yaml.swp", "schools.yaml~",
                           "schools.yaml.swp", "x.swx", "#schools.yaml#", "4913", "x.tmp", ""}) {
    CAPTURE(name);
    CHECK(is_ignored_name(name));
  }
  for (const char* name : {"schools.yaml", "index.md", "4914", "#notes.md", "site.json"}) {
    CAPTURE(name);
    CHECK_FALSE(is_ignored_name(name));
  }
}

// Runs `edit` on another thread shortly after the watcher starts waiting.
std::optional<Changes> wait_for(SiteWatcher& watcher, std::function<void()> edit) {
  std::thread editor([&] {
    std::this_thread::sleep_for(20ms);
    edit();
  });
  std::optional<Changes> changes = watcher.wait(-1, 30ms, 2000ms);
  editor.join();
  return changes;
}

TEST_CASE("edits of inputs are seen, bursts gathered, non-inputs ignored") {
  TempSite site({{"site.yaml", "title: x\n"},
                 {"data/schools/a.yaml", "[]\n"},
                 {"content/index.md", "# x\n"},
                 {"output/index.html", ""},
                 {"notes.txt", ""}});
  const fs::path& root = site.root();
  SiteWatcher watcher(root, {"site.yaml"}, {"data", "content", "templates"});
  CHECK(watcher.watched_folders() == 4);  // root, data, data/schools, content

  CHECK(wait_for(watcher, [&] { util::write_file(root / "data/schools/a.yaml", "[1]\n"); }) ==
        Changes{"data/schools/a.yaml"});
  CHECK(wait_for(watcher, [&] {
          util::write_file(root / "site.yaml", "title: y\n");
          util::write_file(root / "content/index.md", "# y\n");
          util::write_file(root / "content/.index.md.swp", "");
          util::write_file(root / "content/index.md~", "");
        }) == Changes{"content/index.md", "site.yaml"});

  SUBCASE("an editor that saves by renaming a temporary file") {
    CHECK(wait_for(watcher, [&] {
            util::write_file(root / "data/schools/.a.yaml.tmp", "[2]\n");
            fs::rename(root / "data/schools/.a.yaml.tmp", root / "data/schools/a.yaml");
          }) == Changes{"data/schools/a.yaml"});
  }
  SUBCASE("a new folder is watched, and so are the files written into it") {
    CHECK(wait_for(watcher, [&] {
            util::write_file(root / "data/metrics/2025/x.yaml", "[]\n");
          }).has_value());
    CHECK(wait_for(watcher, [&] {
            util::write_file(root / "data/metrics/2025/x.yaml", "[1]\n");
          }) == Changes{"data/metrics/2025/x.yaml"});
  }
  SUBCASE("an input folder created later is watched") {
    CHECK(wait_for(watcher, [&] { fs::create_directory(root / "templates"); }) ==
          Changes{"templates/"});
    CHECK(wait_for(watcher, [&] { util::write_file(root / "templates/page.mustache", "x"); }) ==
          Changes{"templates/page.mustache"});
  }
  SUBCASE("a new symbolic link or named pipe is a change (no write follows them)") {
    CHECK(wait_for(watcher, [&] {
            fs::create_symlink("/etc/hostname", root / "content/linked.md");
          }) == Changes{"content/linked.md"});
    CHECK(wait_for(watcher, [&] {
            CHECK(::mkfifo((root / "data/events.yaml").c_str(), 0600) == 0);
          }) == Changes{"data/events.yaml"});
  }
  SUBCASE("a deleted file is a change") {
    CHECK(wait_for(watcher, [&] { fs::remove(root / "content/index.md"); }) ==
          Changes{"content/index.md"});
  }
  SUBCASE("the output folder and other files are not inputs; the stop descriptor ends the wait") {
    int stop = ::eventfd(0, EFD_CLOEXEC);
    std::thread other([&] {
      std::this_thread::sleep_for(20ms);
      util::write_file(root / "output/index.html", "new");
      util::write_file(root / "notes.txt", "new");
      fs::create_directory(root / "output.staging-1");
      std::this_thread::sleep_for(100ms);
      uint64_t one = 1;
      CHECK(::write(stop, &one, sizeof one) == sizeof one);
    });
    CHECK_FALSE(watcher.wait(stop, 30ms, 2000ms).has_value());
    other.join();
    ::close(stop);
  }
}

}  // namespace
}  // namespace metodika::serve
