#include "publish/file_ops.h"

#include <fcntl.h>
#include <signal.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace metodika::publish::detail {
namespace fs = std::filesystem;

// True when `path` is a regular file (not a symbolic link) with exactly `bytes`; `st` gets its
// status. Reading the old file costs less than writing a new one: on ext4, creating an inode
// just after a previous build's deletion is the most expensive step of a rebuild
// (`recently_deleted` in the inode allocator).
bool holds_exactly(const fs::path& path, std::string_view bytes, struct stat& st) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<uint64_t>(st.st_size) == bytes.size();
  constexpr size_t kChunk = 64 * 1024;
  char buf[kChunk];
  for (size_t done = 0; same && done < bytes.size();) {
    ssize_t n = ::read(fd, buf, std::min(kChunk, bytes.size() - done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(buf, bytes.data() + done, static_cast<size_t>(n)) != 0) {
      same = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return same;
}

// Removes whatever is at `path` (a file, a link, a folder left by an older build) so that a new
// file can take its place. A staging file may share its inode with the live output (a hard
// link), so it is never truncated and rewritten in place.
void remove_entry(const fs::path& path) {
  if (::unlink(path.c_str()) == 0 || errno == ENOENT) return;
  std::error_code ec;
  fs::remove_all(path, ec);
}

void make_folders(const fs::path& root, const fs::path& dir) {
  // `root` exists; so does anything not below it.
  if (dir.native().size() <= root.native().size()) return;
  auto made = [&] {
    if (::mkdir(dir.c_str(), 0777) != 0) return false;
    spread_subfolders(dir);
    return true;
  };
  if (made()) return;
  int err = errno;
  if (err == ENOENT) {  // the parent is missing too (its parent usually is not)
    make_folders(root, dir.parent_path());
    if (made()) return;
    err = errno;
  }
  if (err == EEXIST) {
    struct stat st {};
    // A link where the folder goes is replaced like a file (it may point out of the output).
    if (::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return;
    remove_entry(dir);
    if (made()) return;
    err = errno;
  }
  throw std::runtime_error("cannot create the folder " + dir.string() + ": " +
                           std::strerror(err));
}

bool names_ended_process(std::string_view digits) {
  pid_t pid = 0;
  const auto [rest, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (err != std::errc() || rest != digits.data() + digits.size() || pid <= 0) return false;
  return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

void spread_subfolders(const fs::path& dir) {
  // Once a file system refuses the flag, later folders are not asked again (an output folder
  // is on one file system).
  static std::atomic<bool> unsupported{false};
  if (unsupported.load(std::memory_order_relaxed)) return;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  int flags = 0;
  bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok && (flags & FS_TOPDIR_FL) == 0) {
    flags |= FS_TOPDIR_FL;
    ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
  }
  if (!ok && (errno == ENOTTY || errno == EOPNOTSUPP || errno == EINVAL)) {
    unsupported.store(true, std::memory_order_relaxed);
  }
  ::close(fd);
}

}  // namespace metodika::publish::detail
