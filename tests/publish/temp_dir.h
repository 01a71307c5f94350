// A fresh temporary folder for one publish test, removed afterwards.
#pragma once

#include <unistd.h>

#include <atomic>
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

}  // namespace metodika::publish::testing
