// Where renderers write: a staging folder in a build, memory in tests (STYLE.md: renderers never
// touch the disk themselves).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace metodika::util {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Writes `bytes` at `path` (relative, '/'-separated, no "..") in the output. Thread-safe.
  virtual void write(std::string_view path, std::string_view bytes) = 0;
};

/// Keeps every file in memory, sorted by path. For tests.
class MemorySink final : public OutputSink {
 public:
  void write(std::string_view path, std::string_view bytes) override {
    std::lock_guard lock(mu_);
    files_[std::string(path)] = std::string(bytes);
  }
  [[nodiscard]] const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::mutex mu_;
  std::map<std::string, std::string> files_;
};

}  // namespace metodika::util
