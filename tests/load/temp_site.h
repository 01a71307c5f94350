// A site folder written into a fresh temporary directory for one test, removed afterwards
// (hugo `hugolib/integrationtest_builder.go` writes small sites inline the same way).
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <system_error>

#include "util/fs.h"

namespace metodika::testing {

/// Relative path ("data/schools/x.yaml") → file text.
using Files = std::map<std::string, std::string>;

class TempSite {
 public:
  TempSite(std::initializer_list<Files::value_type> files) : TempSite(Files(files)) {}
  explicit TempSite(const Files& files) {
    static std::atomic<int> counter{0};
    // ctest runs each test case in its own process, so the pid keeps parallel runs apart.
    root_ = std::filesystem::temp_directory_path() /
            ("metodika-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    for (const auto& [rel, text] : files) util::write_file(root_ / rel, text);
  }
  ~TempSite() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace metodika::testing
