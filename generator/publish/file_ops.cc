#include "publish/file_ops.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

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

// create_directories for `dir` under `root`, first removing files that stand where a folder
// must go (a spare folder holds an older build, where a path may have been a file).
void make_folders(const fs::path& root, const fs::path& dir) {
  std::error_code ec;
  if (fs::create_directories(dir, ec) || !ec) return;
  fs::path at = root;
  for (const fs::path& part : dir.lexically_relative(root)) {
    at /= part;
    if (!fs::is_directory(fs::symlink_status(at, ec))) remove_entry(at);
  }
  fs::create_directories(dir);  // throws with the reason if it still cannot
}

}  // namespace metodika::publish::detail
