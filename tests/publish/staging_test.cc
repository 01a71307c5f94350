// generator/publish/staging.cc: the previous output survives anything but a successful commit.
#include "publish/staging.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>
#include <stdexcept>

#include "publish/file_ops.h"
#include "temp_dir.h"
#include "util/fs.h"

namespace metodika::publish {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

TEST_CASE("a committed build replaces the previous output whole") {
  TempDir t;
  fs::path out = t.path / "output";
  {
    Staging s(out);
    s.write("index.html", "one");
    s.write("a/b/old.html", "old");
    s.commit();
  }
  {
    Staging s(out);
    s.write("index.html", "two");
    s.commit();
  }
  CHECK(util::read_file(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "a"));
  CHECK(fs::exists(out / std::string(kOutputMarker)));
  CHECK(util::list_files(t.path) == std::vector<std::string>{"output/index.html"});
}

// A published output holding index.html "good".
void publish_good(const fs::path& out) {
  Staging s(out);
  s.write("index.html", "good");
  s.commit();
}

// The previous output is as publish_good left it, and nothing else is beside it.
void previous_output_stays(const TempDir& t, const fs::path& out) {
  CHECK(util::read_file(out / "index.html") == "good");
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(t.path)) ++entries;
  CHECK(entries == 1);  // no staging folder left
}

TEST_CASE("a build that is not committed leaves the previous output and no staging folder") {
  TempDir t;
  fs::path out = t.path / "output";
  publish_good(out);
  {
    Staging s(out);
    s.write("index.html", "half");
    // destroyed without commit, as when rendering throws
  }
  previous_output_stays(t, out);
}

TEST_CASE("a file that cannot be written fails the commit; the previous output stays") {
  TempDir t;
  fs::path out = t.path / "output";
  publish_good(out);
  {
    Staging s(out);
    auto build = [&] {
      s.write("index.html", "new");
      s.write(std::string(300, 'x') + ".html", "a name longer than any file system allows");
      s.write("after.html", "written or not, never published");
      s.commit();
    };
    // Written by the staging's own thread: the error comes from a later write or the commit.
    CHECK_THROWS_AS(build(), std::runtime_error);
  }
  CHECK_FALSE(fs::exists(out / "after.html"));
  previous_output_stays(t, out);
}

TEST_CASE("without a writer thread (-j1) the same output, and a failed write throws at once") {
  TempDir t;
  fs::path out = t.path / "output";
  publish_good(out);
  {
    Staging s(out, PreviousOutput::kDelete, /*writer_thread=*/false);
    s.write("index.html", "good");  // the same bytes: linked from the previous output
    s.write("a/b.html", "new");
    CHECK_THROWS_AS(s.write(std::string(300, 'x') + ".html", "too long a name"),
                    std::runtime_error);
    // not committed: the previous output stays
  }
  previous_output_stays(t, out);
  const ino_t before = [&] {
    struct stat st {};
    ::stat((out / "index.html").c_str(), &st);
    return st.st_ino;
  }();
  {
    Staging s(out, PreviousOutput::kDelete, /*writer_thread=*/false);
    s.write("index.html", "good");
    s.write("a/b.html", "new");
    s.commit();
    CHECK(s.files_written() == 2);
    CHECK(s.files_unchanged() == 1);
  }
  struct stat st {};
  ::stat((out / "index.html").c_str(), &st);
  CHECK(st.st_ino == before);
  CHECK(util::read_file(out / "a/b.html") == "new");
}

TEST_CASE("more bytes than the writer's queue holds are all written, in order") {
  TempDir t;
  fs::path out = t.path / "output";
  const std::string megabyte(1 << 20, 'm');
  {
    Staging s(out);
    for (int i = 0; i < 80; ++i) s.write("f/" + std::to_string(i) + ".bin", megabyte);
    s.write("f/0.bin", "rewritten last");  // the later write of a path wins, as before
    s.commit();
    CHECK(s.files_written() == 81);
  }
  CHECK(util::read_file(out / "f/0.bin") == "rewritten last");
  for (int i = 1; i < 80; ++i) {
    CHECK(fs::file_size(out / "f" / (std::to_string(i) + ".bin")) == megabyte.size());
  }
}

TEST_CASE("a rebuild leaves unchanged files untouched and still equals a clean build") {
  TempDir t;
  fs::path out = t.path / "output";
  {
    Staging s(out);
    s.write("index.html", "same");
    s.write("a/page.html", "old text");
    s.write("a/longer.html", "short");
    s.write("gone.html", "x");
    s.commit();
    CHECK(s.files_unchanged() == 0);
  }
  struct stat before_same {
  }, before_page{};
  REQUIRE(::stat((out / "index.html").c_str(), &before_same) == 0);
  REQUIRE(::stat((out / "a/page.html").c_str(), &before_page) == 0);
  // A file changed by hand in the output is compared by its bytes, not trusted.
  util::write_file(t.path / "elsewhere.txt", "same");
  {
    Staging s(out);
    s.write("index.html", "same");
    s.write("a/page.html", "new text");  // same size, other bytes
    s.write("a/longer.html", "longer text");
    s.write("new.html", "same");
    s.commit();
    CHECK(s.files_written() == 4);
    CHECK(s.files_unchanged() == 1);
  }
  struct stat after_same {
  }, after_page{};
  REQUIRE(::stat((out / "index.html").c_str(), &after_same) == 0);
  REQUIRE(::stat((out / "a/page.html").c_str(), &after_page) == 0);
  CHECK(after_same.st_ino == before_same.st_ino);
  CHECK(after_same.st_mtim.tv_sec == before_same.st_mtim.tv_sec);
  CHECK(after_same.st_mtim.tv_nsec == before_same.st_mtim.tv_nsec);
  CHECK(after_same.st_nlink == 1);  // the previous output is gone
  CHECK(after_page.st_ino != before_page.st_ino);
  CHECK(util::read_file(out / "a/page.html") == "new text");
  CHECK(util::read_file(out / "a/longer.html") == "longer text");
  CHECK(util::list_files(out) ==
        std::vector<std::string>{"a/longer.html", "a/page.html", "index.html", "new.html"});
}

TEST_CASE("a file written twice in one build never changes the previous output's file") {
  TempDir t;
  fs::path out = t.path / "output";
  {
    Staging s(out);
    s.write("index.html", "old");
    s.commit();
  }
  {
    Staging s(out);
    s.write("index.html", "old");  // linked from the output…
    s.write("index.html", "new");  // …so this must replace the link, not write through it
    CHECK(util::read_file(out / "index.html") == "old");
    s.commit();
  }
  CHECK(util::read_file(out / "index.html") == "new");
}

// The files (path → bytes) under `dir`, the marker included.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const std::string& rel : util::list_files(dir)) files[rel] = util::read_file(dir / rel);
  if (fs::exists(dir / std::string(kOutputMarker))) {
    files[std::string(kOutputMarker)] = util::read_file(dir / std::string(kOutputMarker));
  }
  return files;
}

TEST_CASE("with a spare folder, every build still equals a clean one") {
  TempDir t;
  fs::path out = t.path / "output";
  fs::path spare = t.path / "output.spare";
  fs::path clean = t.path / "clean";
  using Build = std::map<std::string, std::string>;
  const std::vector<Build> builds = {
      {{"index.html", "1"}, {"a/b/c.html", "c"}, {"a/x.html", "x"}, {"gone/soon.html", "s"}},
      {{"index.html", "2"}, {"a/b/c.html", "c"}, {"a/x.html", "x2"}, {"new/n.html", "n"}},
      // A file becomes a folder and a folder a file.
      {{"index.html", "2"}, {"a/x.html/inner.html", "i"}, {"a/b", "now a file"}},
      {{"index.html", "3"}},
      {{"index.html", "3"}, {"a/b/c.html", "c"}},
  };
  for (size_t i = 0; i < builds.size(); ++i) {
    CAPTURE(i);
    {
      Staging s(out, PreviousOutput::kKeepAsSpare);
      for (const auto& [path, bytes] : builds[i]) s.write(path, bytes);
      s.commit();
    }
    fs::remove_all(clean);
    {
      Staging s(clean);
      for (const auto& [path, bytes] : builds[i]) s.write(path, bytes);
      s.commit();
    }
    CHECK(tree(out) == tree(clean));
    // No empty folders: a clean build has none.
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      if (e.is_directory()) CHECK_FALSE(fs::is_empty(e.path()));
    }
    CHECK(fs::exists(spare / std::string(kOutputMarker)) == (i > 0 || fs::exists(spare)));
  }
  // An unchanged file keeps its inode from build to build, through the spare too.
  struct stat first {};
  REQUIRE(::stat((out / "index.html").c_str(), &first) == 0);
  {
    Staging s(out, PreviousOutput::kKeepAsSpare);
    s.write("index.html", "3");
    s.write("a/b/c.html", "c");
    s.commit();
    CHECK(s.files_unchanged() == 2);
  }
  struct stat again {};
  REQUIRE(::stat((out / "index.html").c_str(), &again) == 0);
  CHECK(again.st_ino == first.st_ino);
  CHECK(util::list_files(t.path / "output.spare") ==
        std::vector<std::string>{"a/b/c.html", "index.html"});

  SUBCASE("a build that fails leaves the output and still keeps a spare") {
    {
      Staging s(out, PreviousOutput::kKeepAsSpare);
      s.write("index.html", "half");
    }
    CHECK(util::read_file(out / "index.html") == "3");
    CHECK(fs::exists(spare));
    {
      Staging s(out, PreviousOutput::kKeepAsSpare);
      s.write("index.html", "4");
      s.commit();
    }
    CHECK(tree(out) == std::map<std::string, std::string>{
                           {std::string(kOutputMarker), tree(clean)[std::string(kOutputMarker)]},
                           {"index.html", "4"}});
  }
  SUBCASE("remove_spare deletes it; a folder without the marker is never taken") {
    remove_spare(out);
    CHECK_FALSE(fs::exists(spare));
    util::write_file(spare / "mine.txt", "not metodika's");
    {
      Staging s(out, PreviousOutput::kKeepAsSpare);
      s.write("index.html", "5");
      s.commit();
    }
    CHECK(util::read_file(spare / "mine.txt") == "not metodika's");
    CHECK(util::list_files(out) == std::vector<std::string>{"index.html"});
  }
}

TEST_CASE("a link in the previous output is never reused") {
  TempDir t;
  fs::path out = t.path / "output";
  {
    Staging s(out);
    s.write("index.html", "x");
    s.commit();
  }
  util::write_file(t.path / "secret.txt", "secret");
  fs::create_symlink(t.path / "secret.txt", out / "copy.txt");
  {
    Staging s(out);
    s.write("copy.txt", "secret");
    s.commit();
    CHECK(s.files_unchanged() == 0);
  }
  CHECK_FALSE(fs::is_symlink(out / "copy.txt"));
  CHECK(util::read_file(out / "copy.txt") == "secret");
}

TEST_CASE("a file or a link where a folder goes in the spare is replaced, never written through") {
  TempDir t;
  fs::path out = t.path / "output";
  fs::path outside = t.path / "outside";
  fs::create_directories(outside);
  {
    Staging s(out, PreviousOutput::kKeepAsSpare);
    s.write("index.html", "1");
    s.commit();
  }
  {
    Staging s(out, PreviousOutput::kKeepAsSpare);  // the first build's folder is now the spare
    s.write("index.html", "2");
    s.commit();
  }
  fs::path spare = t.path / "output.spare";
  REQUIRE(fs::exists(spare / "index.html"));
  fs::create_directory_symlink(outside, spare / "a");
  util::write_file(spare / "b", "a file of an older build");
  {
    Staging s(out, PreviousOutput::kKeepAsSpare);
    s.write("index.html", "3");
    s.write("a/x.html", "x");
    s.write("b/y.html", "y");
    s.commit();
  }
  CHECK(fs::is_empty(outside));
  CHECK_FALSE(fs::is_symlink(out / "a"));
  CHECK(util::read_file(out / "a/x.html") == "x");
  CHECK(util::read_file(out / "b/y.html") == "y");
}

TEST_CASE("the folders a build makes are marked for ext4 to place their subfolders apart") {
  TempDir t;
  fs::path out = t.path / "output";
  {
    Staging s(out);
    s.write("iestades/a/index.html", "a");
    s.commit();
  }
  auto flags_of = [](const fs::path& dir) -> std::optional<int> {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int flags = 0;
    bool ok = fd >= 0 && ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (fd >= 0) ::close(fd);
    return ok ? std::optional<int>(flags) : std::nullopt;
  };
  // Probe whether this file system keeps the flag at all (ext2/3/4 do; tmpfs does not).
  fs::path probe = t.path / "probe";
  fs::create_directory(probe);
  detail::spread_subfolders(probe);
  std::optional<int> probed = flags_of(probe);
  if (!probed || (*probed & FS_TOPDIR_FL) == 0) {
    MESSAGE("the temporary folder's file system has no FS_TOPDIR_FL; nothing to check here");
    return;
  }
  for (const fs::path& dir : {out, out / "iestades", out / "iestades/a"}) {
    CAPTURE(dir);
    std::optional<int> flags = flags_of(dir);
    REQUIRE(flags);
    CHECK((*flags & FS_TOPDIR_FL) != 0);
  }
}

TEST_CASE("a killed build's staging folder is removed by the next build; a live one's stays") {
  TempDir t;
  fs::path out = t.path / "output";
  // A process that has ended: its pid names an abandoned folder.
  const pid_t child = testing::ended_process();
  REQUIRE(child > 0);
  const fs::path abandoned = t.path / ("output.staging-" + std::to_string(child));
  util::write_file(abandoned / std::string(kOutputMarker), "x");
  util::write_file(abandoned / "iestades/a/index.html", "half");
  const fs::path empty = t.path / ("output.staging-" + std::to_string(child) + "0000");
  fs::create_directories(empty);  // a pid that cannot be alive (too large)
  // The parent of this test is alive: its folder is someone's build in progress.
  const fs::path live = t.path / ("output.staging-" + std::to_string(::getppid()));
  util::write_file(live / std::string(kOutputMarker), "x");
  // Not ours: no marker and not empty.
  const fs::path foreign = t.path / ("output.staging-" + std::to_string(child) + "1");
  util::write_file(foreign / "notes.txt", "mine");
  {
    Staging s(out);
    s.write("index.html", "new");
    s.commit();
  }
  CHECK_FALSE(fs::exists(abandoned));
  CHECK_FALSE(fs::exists(empty));
  CHECK(fs::exists(live));
  CHECK(fs::exists(foreign / "notes.txt"));
  CHECK(util::read_file(out / "index.html") == "new");
}

TEST_CASE("paths that would leave the output folder are refused") {
  CHECK(is_safe_output_path("index.html"));
  CHECK(is_safe_output_path("pasvaldibas/ventspils/index.html"));
  CHECK_FALSE(is_safe_output_path(""));
  CHECK_FALSE(is_safe_output_path("/etc/passwd"));
  CHECK_FALSE(is_safe_output_path("../x"));
  CHECK_FALSE(is_safe_output_path("a/../../x"));
  CHECK_FALSE(is_safe_output_path("a//b"));
  CHECK_FALSE(is_safe_output_path("a\\b"));
  TempDir t;
  Staging s(t.path / "output");
  CHECK_THROWS_AS(s.write("../escape", "x"), std::logic_error);
}

TEST_CASE("an output folder that would destroy the site or a foreign folder is refused") {
  TempDir t;
  fs::path site = t.path / "site";
  fs::create_directories(site / "data");
  CHECK(unsafe_output_reason(site / "output", site).empty());
  CHECK(unsafe_output_reason(t.path / "elsewhere", site).empty());
  CHECK_FALSE(unsafe_output_reason(site, site).empty());
  CHECK_FALSE(unsafe_output_reason(t.path, site).empty());
  CHECK_FALSE(unsafe_output_reason(site / "data", site).empty());
  CHECK_FALSE(unsafe_output_reason(site / "content" / "x", site).empty());
  fs::create_directories(t.path / "foreign");
  util::write_file(t.path / "foreign" / "thesis.docx", "mine");
  CHECK(unsafe_output_reason(t.path / "foreign", site).find("not written by metodika") !=
        std::string::npos);
  util::write_file(t.path / "foreign" / std::string(kOutputMarker), "");
  CHECK(unsafe_output_reason(t.path / "foreign", site).empty());
  util::write_file(t.path / "file.txt", "x");
  CHECK_FALSE(unsafe_output_reason(t.path / "file.txt", site).empty());
}

}  // namespace
}  // namespace metodika::publish
