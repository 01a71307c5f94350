// generator/publish/lock.cc: one build at a time writes an output folder.
#include "publish/lock.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "temp_dir.h"

namespace metodika::publish {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

TEST_CASE("a second build waits for the first to finish writing the output") {
  TempDir t;
  const fs::path out = t.path / "output";
  std::atomic<bool> first_done{false}, second_waited{false}, second_in{false};
  std::thread second;
  {
    OutputLock first(out, [] { FAIL("nobody holds the lock yet"); });
    CHECK(fs::exists(t.path / "output.cache" / "lock"));
    second = std::thread([&] {
      OutputLock lock(out, [&] { second_waited = true; });
      second_in = true;
      CHECK(first_done.load());  // not before the first let go
    });
    // The second build says it waits, and does not get in.
    for (int i = 0; i < 2000 && !second_waited; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(second_waited.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(second_in.load());
    first_done = true;
  }
  second.join();
  CHECK(second_in.load());
}

TEST_CASE("the lock is taken for an output whose folders do not exist yet") {
  TempDir t;
  OutputLock lock(t.path / "a" / "b" / "output", nullptr);
  CHECK(fs::exists(t.path / "a" / "b" / "output.cache" / "lock"));
}

TEST_CASE("a build that ends without letting go (killed) leaves the output unlocked") {
  TempDir t;
  const fs::path out = t.path / "output";
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    OutputLock held(out, nullptr);
    std::_Exit(0);  // no destructor runs, as when a build is killed
  }
  REQUIRE(::waitpid(child, nullptr, 0) == child);
  bool waited = false;
  OutputLock lock(out, [&] { waited = true; });
  CHECK_FALSE(waited);
}

}  // namespace
}  // namespace metodika::publish
