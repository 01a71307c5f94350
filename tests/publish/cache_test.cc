// generator/publish/cache.cc and patch.cc: the build cache's manifest, what it lets a build
// reuse, and the in-place update that an incremental build publishes with.
#include "publish/cache.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "publish/patch.h"
#include "publish/staging.h"
#include "temp_dir.h"
#include "util/fs.h"

namespace metodika::publish {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

// An output folder as a clean build leaves it, with its manifest.
fs::path built_output(const fs::path& root, uint64_t salt) {
  fs::path out = root / "out";
  Staging s(out);
  BuildCache cache(nullptr, s, out, salt);
  util::RecordingSink page(cache);
  page.write("a/index.html", "A");
  page.write("dati/a.csv", "x;y\n");
  cache.record("site/lv/a", 11, page.take_paths(), "{\"pages\":1}");
  cache.write("sitemap.xml", "<urlset/>");
  s.commit();
  write_manifest(out, cache.manifest());
  return out;
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_ino;
}

TEST_CASE("a kept manifest stands for its file only while the file is the one written") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  std::optional<Manifest> on_disk = read_manifest(out, 7);
  REQUIRE(on_disk.has_value());
  Manifest marked = *on_disk;
  marked.work["site/lv/kept"] = {1, {}, ""};  // tells the memory's copy from the file's

  KeptManifest kept;
  kept.keep(out, marked);
  std::optional<Manifest> taken = kept.take(out, 7);
  REQUIRE(taken.has_value());
  CHECK(taken->work.contains("site/lv/kept"));
  // Taken once: the next take reads the file.
  taken = kept.take(out, 7);
  REQUIRE(taken.has_value());
  CHECK_FALSE(taken->work.contains("site/lv/kept"));

  // Another build wrote the manifest since: the file is read.
  kept.keep(out, marked);
  write_manifest(out, *on_disk);
  taken = kept.take(out, 7);
  REQUIRE(taken.has_value());
  CHECK_FALSE(taken->work.contains("site/lv/kept"));

  // Another compiler, or an output that is no longer ours: nothing.
  kept.keep(out, marked);
  CHECK_FALSE(kept.take(out, 8).has_value());
  kept.keep(out, marked);
  fs::remove(out / std::string(kOutputMarker));
  CHECK_FALSE(kept.take(out, 7).has_value());
}

TEST_CASE("the manifest reads back what was written, odd characters included") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  Manifest m;
  m.salt = 7;
  m.files = {"a/index.html", "weird\tname\nwith\\escapes"};
  m.work["site/lv/x\ty"] = {42, {"a/index.html", "weird\tname\nwith\\escapes"}, "{\"k\":\"a\\tb\"}"};
  write_manifest(out, m);
  auto back = read_manifest(out, 7);
  REQUIRE(back.has_value());
  CHECK(back->files == m.files);
  REQUIRE(back->work.count("site/lv/x\ty") == 1);
  CHECK(back->work.at("site/lv/x\ty").digest == 42);
  CHECK(back->work.at("site/lv/x\ty").files == m.work.at("site/lv/x\ty").files);
  CHECK(back->work.at("site/lv/x\ty").extra == "{\"k\":\"a\\tb\"}");
}

TEST_CASE("a manifest of another compiler, a damaged one or one without output is not used") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  CHECK(read_manifest(out, 7).has_value());
  CHECK_FALSE(read_manifest(out, 8).has_value());  // another salt: another compiler or options
  std::string text = util::read_file(manifest_path(out));
  util::write_file(manifest_path(out), text.substr(0, text.size() - 3));  // cut short
  CHECK_FALSE(read_manifest(out, 7).has_value());
  util::write_file(manifest_path(out), text);
  fs::remove(out / std::string(kOutputMarker));  // not a Metodika output any more
  CHECK_FALSE(read_manifest(out, 7).has_value());
  remove_manifest(out);
  CHECK_FALSE(fs::exists(manifest_path(out)));
}

TEST_CASE("work is reused only at the same digest and while its files are in the output") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  auto previous = read_manifest(out, 7);
  REQUIRE(previous.has_value());
  {
    Patch patch(out);
    BuildCache cache(&*previous, patch, out, 7);
    CHECK_FALSE(cache.reuse("site/lv/a", 12, nullptr));  // inputs changed
    CHECK_FALSE(cache.reuse("site/lv/unknown", 11, nullptr));
    std::string extra;
    CHECK(cache.fresh("site/lv/a", 11));
    CHECK(cache.reuse("site/lv/a", 11, &extra));
    CHECK(extra == "{\"pages\":1}");
    CHECK_FALSE(cache.reuse("site/lv/a", 11, nullptr));  // once a build: asked again, it runs
    CHECK(cache.manifest().files.count("dati/a.csv") == 1);
    // sitemap.xml was not written this time: it is stale.
    CHECK(cache.stale_files() == std::vector<std::string>{"sitemap.xml"});
  }
  fs::remove(out / "dati/a.csv");  // deleted by hand: written again
  previous = read_manifest(out, 7);  // a build takes the work it reuses out of its manifest
  REQUIRE(previous.has_value());
  Patch patch(out);
  BuildCache cache(&*previous, patch, out, 7);
  CHECK_FALSE(cache.reuse("site/lv/a", 11, nullptr));
}

TEST_CASE("a patch changes nothing until commit, and nothing at all when not committed") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  const ino_t page = inode(out / "a/index.html");
  {
    Patch patch(out);
    patch.write("a/index.html", "A");        // same bytes: left alone
    patch.write("dati/a.csv", "x;y\n1;2\n");  // changed
    patch.write("new/deep/page.html", "N");   // new, in new folders
    CHECK(patch.files_changed() == 2);
    CHECK(util::read_file(out / "dati/a.csv") == "x;y\n");
    CHECK_FALSE(fs::exists(out / "new/deep/page.html"));
  }  // not committed
  CHECK(util::read_file(out / "dati/a.csv") == "x;y\n");
  CHECK_FALSE(fs::exists(out / "new"));
  CHECK_FALSE(fs::exists(out / "dati/a.csv.metodika-new"));

  Patch patch(out);
  patch.write("a/index.html", "A");
  patch.write("new/deep/page.html", "N");
  patch.commit({"dati/a.csv", "sitemap.xml"});
  CHECK(inode(out / "a/index.html") == page);  // untouched: same inode
  CHECK(util::read_file(out / "new/deep/page.html") == "N");
  CHECK_FALSE(fs::exists(out / "dati"));  // emptied folders go with their files
  CHECK_FALSE(fs::exists(out / "sitemap.xml"));
  CHECK(fs::exists(out / std::string(kOutputMarker)));
}

TEST_CASE("a patch keeps the files it replaces and writes the next update over them") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  const fs::path recycled = t.path / "out.cache" / "recycled";
  const ino_t old_page = inode(out / "a/index.html");
  {
    Patch patch(out);
    patch.write("a/index.html", "A, longer than before");
    patch.write("dati/a.csv", "x;y\n");
    patch.commit({"sitemap.xml"});  // a file the build no longer writes
    CHECK(patch.files_recycled() == 0);  // nothing kept yet
  }
  CHECK(util::read_file(out / "a/index.html") == "A, longer than before");
  CHECK_FALSE(fs::exists(out / "sitemap.xml"));
  CHECK_FALSE(fs::exists(out / "a/index.html.metodika-new"));
  // The replaced page and the stale sitemap are kept, with nothing else beside them.
  std::vector<ino_t> kept;
  for (const auto& e : fs::directory_iterator(recycled)) kept.push_back(inode(e.path()));
  REQUIRE(kept.size() == 2);
  CHECK(std::find(kept.begin(), kept.end(), old_page) != kept.end());

  // The next update writes over them: a shorter file is cut to its length.
  {
    Patch patch(out);
    patch.write("a/index.html", "B");
    patch.write("b/index.html", "new page");
    patch.commit({});
    CHECK(patch.files_recycled() == 2);
  }
  CHECK(util::read_file(out / "a/index.html") == "B");
  CHECK(util::read_file(out / "b/index.html") == "new page");
  const ino_t b_page = inode(out / "b/index.html");
  CHECK(std::find(kept.begin(), kept.end(), b_page) != kept.end());
  CHECK(fs::is_empty(recycled) == false);  // the page "B" replaced is kept in turn

  SUBCASE("a file with another link is never written over") {
    // Someone keeps a hard link to a published page (a backup made with cp -al, say).
    fs::create_hard_link(out / "b/index.html", t.path / "backup.html");
    {
      Patch patch(out);
      patch.write("b/index.html", "changed");
      patch.commit({});
    }
    CHECK(util::read_file(t.path / "backup.html") == "new page");
    // Deleted from the output, it stays the backup's: not kept for writing over.
    {
      Patch patch(out);
      patch.write("c/index.html", "C");
      patch.commit({});
    }
    CHECK(util::read_file(t.path / "backup.html") == "new page");
    for (const auto& e : fs::directory_iterator(recycled)) {
      CHECK(inode(e.path()) != inode(t.path / "backup.html"));
    }
  }
  SUBCASE("a kept file that someone linked meanwhile is not written over") {
    std::vector<fs::path> names;
    for (const auto& e : fs::directory_iterator(recycled)) names.push_back(e.path());
    REQUIRE_FALSE(names.empty());
    std::vector<std::string> before;
    for (size_t i = 0; i < names.size(); ++i) {
      fs::create_hard_link(names[i], t.path / ("linked-" + std::to_string(i)));
      before.push_back(util::read_file(names[i]));
    }
    {
      Patch patch(out);
      patch.write("a/index.html", "D");
      patch.commit({});
      CHECK(patch.files_recycled() == 0);
    }
    CHECK(util::read_file(out / "a/index.html") == "D");
    for (size_t i = 0; i < names.size(); ++i) {
      CHECK(util::read_file(t.path / ("linked-" + std::to_string(i))) == before[i]);
    }
  }
}

TEST_CASE("an update that does not finish makes the next build a clean one") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  REQUIRE(read_manifest(out, 7).has_value());
  {
    Patch patch(out);
    patch.write("a/index.html", "A");  // unchanged: nothing of its own in the output yet
    CHECK_FALSE(fs::exists(update_marker(out)));
    patch.write("a/index.html", "changed");
    CHECK(fs::exists(update_marker(out)));
    CHECK_FALSE(read_manifest(out, 7).has_value());  // another build meanwhile builds clean
  }  // failed: its files are removed, and the output is as its manifest says
  CHECK_FALSE(fs::exists(update_marker(out)));
  CHECK(read_manifest(out, 7).has_value());

  // A build killed while updating (a child process that ends without cleaning up): its files
  // stay, and so does the marker.
  KeptManifest kept;  // `serve` keeps its manifest in memory: that is not trusted either
  kept.keep(out, *read_manifest(out, 7));
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    Patch patch(out);
    patch.write("a/index.html", "half");
    std::_Exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(fs::exists(out / "a/index.html.metodika-new"));
  CHECK_FALSE(read_manifest(out, 7).has_value());
  CHECK_FALSE(kept.take(out, 7).has_value());

  // The clean build replaces the output whole, and its manifest is trusted again.
  {
    Staging s(out);
    BuildCache cache(nullptr, s, out, 7);
    cache.write("a/index.html", "A");
    s.commit();
    write_manifest(out, cache.manifest());
  }
  CHECK_FALSE(fs::exists(out / "a/index.html.metodika-new"));
  CHECK_FALSE(fs::exists(update_marker(out)));
  CHECK(read_manifest(out, 7).has_value());
}

TEST_CASE("an update removes the staging folder of a clean build that was killed") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  const pid_t child = testing::ended_process();
  REQUIRE(child > 0);
  const fs::path abandoned = t.path / ("out.staging-" + std::to_string(child));
  util::write_file(abandoned / std::string(kOutputMarker), "x");
  util::write_file(abandoned / "a/index.html", "half");
  Patch patch(out);
  CHECK_FALSE(fs::exists(abandoned));
}

TEST_CASE("a disk that fills up mid-update leaves the output as it was, and nothing beside it") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  // A child whose files may not grow past 64 bytes: its writes fail as on a full disk (EFBIG
  // instead of ENOSPC), after the first bytes went in.
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{64, 64};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    int code = 1;
    try {
      Patch patch(out);
      patch.write("new/deep/page.html", "N");
      patch.write("a/index.html", std::string(1000, 'x'));
    } catch (const std::runtime_error& e) {
      code = std::string(e.what()).find("a/index.html.metodika-new: File too large") !=
                     std::string::npos
                 ? 0
                 : 2;
    }
    std::_Exit(code);
  }
  int status = -1;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);  // the write failed, and the message says why
  CHECK(util::read_file(out / "a/index.html") == "A");
  CHECK_FALSE(fs::exists(out / "a/index.html.metodika-new"));
  CHECK_FALSE(fs::exists(out / "new"));
  CHECK_FALSE(fs::exists(update_marker(out)));
  CHECK(read_manifest(out, 7).has_value());
}

TEST_CASE("a manifest that cannot be written says why and leaves no half of it") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  const std::optional<Manifest> m = read_manifest(out, 7);
  REQUIRE(m.has_value());
  const fs::path tmp = manifest_path(out).string() + ".tmp";
  fs::create_directories(tmp / "in-the-way");  // the temporary file cannot be made
  try {
    write_manifest(out, *m);
    FAIL("write_manifest did not throw");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("build cache") != std::string::npos);
    CHECK(std::string(e.what()).find("Is a directory") != std::string::npos);
  }
  CHECK(read_manifest(out, 7).has_value());  // the one before is still there
}

TEST_CASE("a patch refuses paths outside the output") {
  TempDir t;
  fs::path out = built_output(t.path, 7);
  Patch patch(out);
  CHECK_THROWS_AS(patch.write("../escape.html", "x"), std::logic_error);
  CHECK_THROWS_AS(patch.write("/abs.html", "x"), std::logic_error);
}

}  // namespace
}  // namespace metodika::publish
