#include "publish/patch.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "publish/cache.h"
#include "publish/file_ops.h"
#include "publish/staging.h"
#include "util/fs.h"

namespace metodika::publish {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kNewSuffix = ".metodika-new";
// At most this many replaced files are kept for later, which bounds the disk space they take
// (~60 MB on the national site, whose files are 7 KB on average); a national site's new title
// replaces ~1,900 pages.
constexpr size_t kMaxRecycled = 8192;

fs::path aside(const fs::path& target) {
  fs::path p = target;
  p += kNewSuffix;
  return p;
}

}  // namespace

Patch::Patch(fs::path out) : out_(std::move(out)) {
  remove_abandoned_staging(out_);
  recycled_dir_ = out_;
  recycled_dir_ += ".cache";
  recycled_dir_ /= "recycled";
  std::error_code ec;
  for (fs::directory_iterator it(recycled_dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    uint64_t n = 0;
    const auto [rest, err] = std::from_chars(name.data(), name.data() + name.size(), n);
    if (err != std::errc() || rest != name.data() + name.size()) continue;  // not ours
    recycled_.push_back(name);
    next_recycled_ = std::max(next_recycled_, n + 1);
  }
  recycled_dir_made_ = !recycled_.empty();
}

void Patch::mark_updating() {
  std::lock_guard lock(mu_);
  if (marked_) return;
  // Empty: a full disk still has room for it (an inode, no data).
  const fs::path marker = update_marker(out_);
  const int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw std::runtime_error("cannot write " + marker.string() + ": " + std::strerror(errno));
  }
  ::close(fd);
  marked_ = true;
}

void Patch::write_new(const fs::path& path, std::string_view bytes) {
  std::string name;
  {
    std::lock_guard lock(mu_);
    if (!recycled_.empty()) {
      name = std::move(recycled_.back());
      recycled_.pop_back();
    }
  }
  if (!name.empty() && ::rename((recycled_dir_ / name).c_str(), path.c_str()) == 0) {
    // Written over, only when the file is ours alone (a link to it elsewhere would see the new
    // bytes), and cut to length after, not emptied first: on ext4, a file emptied and written
    // again has its blocks allocated and written out when it is closed (the file system's
    // guard for programs that replace files without a rename), which made an update's writes
    // synchronous.
    int fd = ::open(path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 &&
        util::write_all(fd, bytes) &&
        (static_cast<uint64_t>(st.st_size) <= bytes.size() ||
         ::ftruncate(fd, static_cast<off_t>(bytes.size())) == 0)) {
      const int closed = ::close(fd);
      fd = -1;
      if (closed == 0) {
        ++reused_;
        return;
      }
    }
    if (fd >= 0) ::close(fd);
    ::unlink(path.c_str());
  }
  util::write_file(path, bytes);
}

void Patch::recycle(const fs::path& path) {
  struct stat st {};
  bool keep = ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1;
  std::string name;
  {
    std::lock_guard lock(mu_);
    keep = keep && recycled_.size() < kMaxRecycled;
    if (keep && !recycled_dir_made_) {
      recycled_dir_made_ = ::mkdir(recycled_dir_.c_str(), 0700) == 0 || errno == EEXIST;
      keep = recycled_dir_made_;
    }
    if (keep) name = std::to_string(next_recycled_++);
  }
  // Kept with its bytes (old public output, so up to the size of the last update's changes):
  // emptying it here cost the update the freeing of its blocks.
  if (keep && ::rename(path.c_str(), (recycled_dir_ / name).c_str()) == 0) {
    std::lock_guard lock(mu_);
    recycled_.push_back(std::move(name));
    return;
  }
  ::unlink(path.c_str());
}

Patch::~Patch() {
  if (committed_) return;
  for (const std::string& rel : pending_) ::unlink(aside(out_ / rel).c_str());
  // Deepest first; a folder that holds anything else stays.
  for (auto it = made_folders_.rbegin(); it != made_folders_.rend(); ++it) ::rmdir(it->c_str());
  if (marked_) ::unlink(update_marker(out_).c_str());  // the output is as it was
}

void Patch::write(std::string_view path, std::string_view bytes) {
  if (!is_safe_output_path(path)) {
    throw std::logic_error("refusing to write outside the output folder: " + std::string(path));
  }
  ++written_;
  const fs::path target = out_ / fs::path(std::string(path));
  struct stat st {};
  if (detail::holds_exactly(target, bytes, st)) return;
  // Folders that do not exist yet are made now and remembered, to be removed if the build fails.
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path dir = target.parent_path(); dir != out_ && !fs::exists(dir, ec);
       dir = dir.parent_path()) {
    missing.push_back(dir);
  }
  mark_updating();
  {
    // Remembered before they are made: a failure half-way still removes them.
    std::lock_guard lock(mu_);
    made_folders_.insert(made_folders_.end(), missing.rbegin(), missing.rend());
  }
  detail::make_folders(out_, target.parent_path());
  const fs::path new_file = aside(target);
  try {
    write_new(new_file, bytes);
  } catch (...) {
    ::unlink(new_file.c_str());  // a file the disk had no room for is not left half-written
    throw;
  }
  ++changed_;
  std::lock_guard lock(mu_);
  pending_.emplace_back(path);
}

void Patch::commit(const std::vector<std::string>& stale) {
  std::sort(pending_.begin(), pending_.end());
  for (const std::string& rel : pending_) {
    const fs::path target = out_ / rel;
    // A folder of an older build may stand where the file goes.
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(target, ec))) detail::remove_entry(target);
    const fs::path from = aside(target);
    // One atomic exchange: readers see the old file or the new one, and the old one, now
    // beside it, is kept for the next update.
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
      recycle(from);
      continue;
    }
    if (::rename(from.c_str(), target.c_str()) != 0) {
      throw std::runtime_error("cannot update " + target.string() + ": " + std::strerror(errno));
    }
  }
  committed_ = true;
  std::vector<fs::path> folders;
  for (const std::string& rel : stale) {
    const fs::path file = out_ / rel;
    recycle(file);
    for (fs::path dir = file.parent_path(); dir != out_ && dir.native().size() > out_.native().size();
         dir = dir.parent_path()) {
      folders.push_back(dir);
    }
  }
  // Deepest first, so that emptied folders go too; rmdir fails on a folder still in use.
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() != b.native().size() ? a.native().size() > b.native().size()
                                                  : a < b;
  });
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (const fs::path& dir : folders) ::rmdir(dir.c_str());
  if (marked_) ::unlink(update_marker(out_).c_str());
}

}  // namespace metodika::publish
