#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace metodika::serve {
namespace fs = std::filesystem;
namespace {

// Saves arrive as close-after-write or as a rename onto the file (editors that write a temporary
// and rename it); deletes and renames away count too. Creation alone is not a change (the
// close-after-write that follows is) except for folders, which must be watched at once.
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                           IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string join(const std::string& dir, std::string_view name) {
  return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

}  // namespace

bool is_ignored_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '~') return true;
  if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
  if (name == "4913") return true;
  for (std::string_view tail : {".swp", ".swx", ".swo", ".tmp"}) {
    if (ends_with(name, tail)) return true;
  }
  return false;
}

SiteWatcher::SiteWatcher(fs::path root, std::vector<std::string> top_files,
                         std::vector<std::string> top_folders)
    : root_(std::move(root)),
      top_files_(std::move(top_files)),
      top_folders_(std::move(top_folders)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    throw std::runtime_error(std::string("cannot watch the site folder (inotify): ") +
                             std::strerror(errno));
  }
  add_one("");
  for (const std::string& folder : top_folders_) add_tree(folder);
}

SiteWatcher::~SiteWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool SiteWatcher::is_top_file(std::string_view name) const {
  return std::find(top_files_.begin(), top_files_.end(), name) != top_files_.end();
}

bool SiteWatcher::is_top_folder(std::string_view name) const {
  return std::find(top_folders_.begin(), top_folders_.end(), name) != top_folders_.end();
}

void SiteWatcher::add_one(const std::string& rel) {
  fs::path path = rel.empty() ? root_ : root_ / rel;
  int wd = ::inotify_add_watch(fd_, path.c_str(), kMask);
  if (wd < 0) {
    // Gone already (created and deleted in one burst) or not a folder: nothing to watch.
    if (errno == ENOENT || errno == ENOTDIR) return;
    throw std::runtime_error("cannot watch " + path.string() + ": " + std::strerror(errno) +
                             (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : ""));
  }
  dirs_[wd] = rel;
}

void SiteWatcher::add_tree(const std::string& rel) {
  std::error_code ec;
  if (!fs::is_directory(root_ / rel, ec)) return;
  // Watch first, then list: a folder created in between is then seen by one or the other.
  add_one(rel);
  for (fs::directory_iterator it(root_ / rel, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_ignored_name(name)) continue;
    if (it->is_directory(ec) && !it->is_symlink(ec)) add_tree(join(rel, name));
  }
}

void SiteWatcher::drain(std::vector<std::string>& changed) {
  alignas(inotify_event) char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EAGAIN: nothing more for now
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        // Events were lost: watch every folder again and rebuild.
        for (const std::string& folder : top_folders_) add_tree(folder);
        changed.emplace_back("(many files)");
        continue;
      }
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(ev->wd);
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end()) continue;
      if (ev->mask & IN_DELETE_SELF) {
        if (!dir->second.empty()) changed.push_back(dir->second + "/");
        continue;
      }
      std::string_view name = ev->len ? std::string_view(ev->name) : std::string_view();
      if (is_ignored_name(name)) continue;
      bool is_dir = ev->mask & IN_ISDIR;
      if (dir->second.empty()) {  // the site folder itself: only its input files and folders
        if (is_dir ? !is_top_folder(name) : !is_top_file(name)) continue;
      }
      std::string rel = join(dir->second, name);
      if (is_dir && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
        add_tree(rel);
        changed.push_back(rel + "/");
        continue;
      }
      if (ev->mask & IN_CREATE) {
        // The write that follows a new file is the change; a new symbolic link, named pipe or
        // socket gets no write, and the build reports it (load/input_files.h), so it is one.
        struct stat st;
        const bool plain = ::lstat((root_ / rel).c_str(), &st) != 0 || S_ISREG(st.st_mode);
        if (plain) continue;
      }
      changed.push_back(is_dir ? rel + "/" : rel);
    }
  }
}

std::optional<std::vector<std::string>> SiteWatcher::wait(int stop_fd,
                                                          std::chrono::milliseconds quiet,
                                                          std::chrono::milliseconds max_wait) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> changed;
  Clock::time_point first{};
  for (;;) {
    int timeout = -1;
    if (!changed.empty() && Clock::now() >= first + max_wait) break;
    if (!changed.empty()) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(first + max_wait - Clock::now());
      timeout = static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), quiet).count());
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
    int ready = ::poll(fds, stop_fd >= 0 ? 2 : 1, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    if (stop_fd >= 0 && (fds[1].revents & POLLIN)) return std::nullopt;
    if (ready == 0) break;  // quiet (or waited long enough): the burst is over
    bool had_changes = !changed.empty();
    drain(changed);
    if (!had_changes && !changed.empty()) first = Clock::now();
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace metodika::serve
