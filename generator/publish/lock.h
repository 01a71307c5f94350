// One build at a time writes an output folder. Two builds updating the same output at once (a
// `metodika serve` and a `metodika build` of the same site, say) would mix their files and
// manifests; the second one waits instead, as cargo does for its build folder.
#pragma once

#include <filesystem>
#include <functional>

namespace metodika::publish {

/// An exclusive lock on the output folder `out` for one build's writing: flock(2) on
/// `<out>.cache/lock`, which the kernel drops when the process ends however it ends, so a killed
/// build never leaves the folder locked.
class OutputLock {
 public:
  /// Takes the lock; when another build holds it, calls `waiting` once, then waits for it.
  /// Throws std::runtime_error when the lock file cannot be made.
  OutputLock(const std::filesystem::path& out, const std::function<void()>& waiting);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace metodika::publish
