// generator/publish/private_store.cc: what a build keeps of private data stays inside
// data/private/, readable by its owner only, out of git, and is replaced whole.
#include "publish/private_store.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "temp_dir.h"
#include "util/fs.h"

namespace metodika::publish {
namespace {
namespace fs = std::filesystem;

using TempSite = testing::TempDir;

unsigned mode_of(const fs::path& p) {
  struct stat st;
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("the private store is kept in data/private/.metodika-cache, for its owner only") {
  TempSite site;
  fs::create_directories(site.path / "data/private/teachers");
  const mode_t old_mask = ::umask(0);  // even a permissive umask gives no access to others
  const bool written = write_private_store(site.path, "teachers.bin", "one");
  ::umask(old_mask);
  REQUIRE(written);
  const fs::path dir = site.path / "data/private/.metodika-cache";
  CHECK(private_store_dir(site.path) == dir);
  CHECK(mode_of(dir) == 0700);
  CHECK(mode_of(dir / "teachers.bin") == 0600);
  CHECK(util::read_file(dir / ".gitignore").find("\n*\n") != std::string::npos);
  CHECK(read_private_store(site.path, "teachers.bin") == std::optional<std::string>("one"));

  // Replaced whole; no temporary file is left.
  REQUIRE(write_private_store(site.path, "teachers.bin", "two, longer"));
  CHECK(read_private_store(site.path, "teachers.bin") == std::optional<std::string>("two, longer"));
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 2);  // .gitignore and teachers.bin

  remove_private_store(site.path, "teachers.bin");
  CHECK_FALSE(read_private_store(site.path, "teachers.bin").has_value());
}

TEST_CASE("a store folder made open to all is made private again, its files too") {
  TempSite site;
  const fs::path dir = site.path / "data/private/.metodika-cache";
  fs::create_directories(dir);
  util::write_file(dir / "trees.bin", "kept by an older build");
  REQUIRE(::chmod(dir.c_str(), 0777) == 0);
  REQUIRE(::chmod((dir / "trees.bin").c_str(), 0666) == 0);
  // Reading alone (a build whose store is up to date writes nothing) sets the modes.
  CHECK(read_private_store(site.path, "trees.bin") ==
        std::optional<std::string>("kept by an older build"));
  CHECK(mode_of(dir) == 0700);
  CHECK(mode_of(dir / "trees.bin") == 0600);
  REQUIRE(::chmod(dir.c_str(), 0777) == 0);
  REQUIRE(write_private_store(site.path, "teachers.bin", "one"));
  CHECK(mode_of(dir) == 0700);
  CHECK(mode_of(dir / "teachers.bin") == 0600);
  CHECK(mode_of(dir / ".gitignore") == 0600);
}

TEST_CASE("copies of the store left by builds that were killed are removed") {
  TempSite site;
  fs::create_directories(site.path / "data/private/teachers");
  REQUIRE(write_private_store(site.path, "teachers.bin", "one"));
  const fs::path dir = private_store_dir(site.path);
  const pid_t ended = testing::ended_process();
  REQUIRE(ended > 0);
  const fs::path left = dir / ("teachers.bin." + std::to_string(ended) + ".tmp");
  const fs::path writing = dir / ("teachers.bin." + std::to_string(::getppid()) + ".tmp");
  const fs::path other = dir / ("trees.bin." + std::to_string(ended) + ".tmp");
  for (const fs::path& p : {left, writing, other}) util::write_file(p, "records");
  REQUIRE(write_private_store(site.path, "teachers.bin", "two"));
  CHECK_FALSE(fs::exists(left));
  CHECK(fs::exists(writing));  // a live process is writing it
  CHECK(fs::exists(other));    // removed when that store is written
  CHECK(util::read_file(dir / "teachers.bin") == "two");
}

TEST_CASE("a site without data/private keeps nothing") {
  TempSite site;
  fs::create_directories(site.path / "data");
  CHECK_FALSE(write_private_store(site.path, "teachers.bin", "x"));
  CHECK_FALSE(fs::exists(site.path / "data/private"));
  CHECK_FALSE(read_private_store(site.path, "teachers.bin").has_value());
  remove_private_store(site.path, "teachers.bin");  // nothing to remove: no error
}

TEST_CASE("a symbolic link in place of the store is not followed") {
  TempSite site;
  fs::create_directories(site.path / "data/private/.metodika-cache");
  util::write_file(site.path / "elsewhere.bin", "not private");
  fs::create_symlink(site.path / "elsewhere.bin",
                     site.path / "data/private/.metodika-cache/teachers.bin");
  CHECK_FALSE(read_private_store(site.path, "teachers.bin").has_value());
  // Writing replaces the link itself, never the file it points to.
  REQUIRE(write_private_store(site.path, "teachers.bin", "kept"));
  CHECK(util::read_file(site.path / "elsewhere.bin") == "not private");
  CHECK(read_private_store(site.path, "teachers.bin") == std::optional<std::string>("kept"));
}

}  // namespace metodika::publish
