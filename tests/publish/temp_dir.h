// A fresh temporary folder for one publish test, removed afterwards.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace metodika::publish::testing {

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("metodika-publish-test-" + std::to_string(::getpid()) + "-" +
                                std::to_string(counter++));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  static inline std::atomic<int> counter{0};
};

/// The pid of a process that has ended (a child that exits at once), as a killed build's.
inline pid_t ended_process() {
  const pid_t child = ::fork();
  if (child == 0) std::_Exit(0);
  if (child > 0) ::waitpid(child, nullptr, 0);
  return child;
}

}  // namespace metodika::publish::testing
