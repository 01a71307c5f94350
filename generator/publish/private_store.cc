#include "publish/private_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "publish/file_ops.h"
#include "util/fs.h"

namespace metodika::publish {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kGitignore =
    "# Metodika's build cache of private teacher records and of the data files' trees: private\n"
    "# data, never to be committed or published. Safe to delete; the next build makes it again.\n"
    "*\n";

// ".<pid>.tmp": a temporary name no other process uses at the same time.
std::string temp_suffix() {
  std::string s = ".";
  s += std::to_string(::getpid());
  s += ".tmp";
  return s;
}

// Writes all of `bytes` to the new file `path` (0600); false (and no file) on any failure.
bool write_new(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const bool written = util::write_all(fd, bytes);
  const bool ok = ::close(fd) == 0 && written;
  if (!ok) ::unlink(path.c_str());
  return ok;
}

// Makes the store's folder private however it was made (an earlier tool, a copy, a umask of 0,
// an unpacked archive): mode 0700, and each file in it 0600. False when the folder is not ours
// or its mode cannot be set: private records are then neither kept nor read there.
bool make_private(const fs::path& dir) {
  struct stat st;
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) {
    return false;
  }
  if ((st.st_mode & 07777) != 0700 && ::chmod(dir.c_str(), 0700) != 0) return false;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    struct stat f;
    if (::lstat(it->path().c_str(), &f) == 0 && S_ISREG(f.st_mode) && f.st_uid == ::geteuid() &&
        (f.st_mode & 07777) != 0600) {
      ::chmod(it->path().c_str(), 0600);
    }
  }
  return true;
}

}  // namespace

fs::path private_store_dir(const fs::path& site_dir) {
  return site_dir / "data" / "private" / ".metodika-cache";
}

std::optional<std::string> read_private_store(const fs::path& site_dir, std::string_view name) {
  const fs::path dir = private_store_dir(site_dir);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec)) || !make_private(dir)) return std::nullopt;
  const fs::path file = dir / name;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::optional<std::string> bytes;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::string text(static_cast<size_t>(st.st_size), '\0');
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    if (done == text.size()) bytes = std::move(text);
  }
  ::close(fd);
  return bytes;
}

bool write_private_store(const fs::path& site_dir, std::string_view name, std::string_view bytes) {
  std::error_code ec;
  if (!fs::is_directory(site_dir / "data" / "private", ec)) return false;
  const fs::path dir = private_store_dir(site_dir);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
  if (!make_private(dir)) return false;
  const fs::path ignore = dir / ".gitignore";
  if (!fs::exists(ignore, ec)) {
    fs::path tmp = ignore;
    tmp += temp_suffix();
    if (write_new(tmp, kGitignore) && ::rename(tmp.c_str(), ignore.c_str()) != 0) {
      ::unlink(tmp.c_str());
    }
  }
  const fs::path file = dir / name;
  fs::path tmp = file;
  tmp += temp_suffix();
  ::unlink(tmp.c_str());  // left by an interrupted build of a process with the same id
  // ... or of one that has ended: each is a copy of the store (private records).
  const std::string prefix = std::string(name) + ".";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (entry.size() > prefix.size() + 4 && entry.starts_with(prefix) && entry.ends_with(".tmp") &&
        detail::names_ended_process(
            std::string_view(entry).substr(prefix.size(), entry.size() - prefix.size() - 4))) {
      ::unlink(it->path().c_str());
    }
  }
  if (!write_new(tmp, bytes)) return false;
  if (::rename(tmp.c_str(), file.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

void remove_private_store(const fs::path& site_dir, std::string_view name) {
  ::unlink((private_store_dir(site_dir) / name).c_str());
}

}  // namespace metodika::publish

