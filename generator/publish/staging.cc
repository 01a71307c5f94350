#include "publish/staging.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "util/fs.h"

namespace metodika::publish {
namespace fs = std::filesystem;

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    std::string_view seg = path.substr(start, end == std::string_view::npos ? path.size() - start
                                                                            : end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

namespace {

// True when `inner` is `outer` or lies inside it (both absolute and normalised).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

fs::path normalised(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) c = fs::absolute(p).lexically_normal();
  if (!c.has_filename()) c = c.parent_path();
  return c;
}

// True when `path` is a regular file (not a symbolic link, and with no other hard link, so only
// the previous output holds it) with exactly `bytes`. Reading the old file costs less than
// writing a new one: on ext4, creating an inode just after a previous build's deletion is the
// most expensive step of a rebuild (`recently_deleted` in the inode allocator).
bool holds_exactly(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 &&
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

}  // namespace

std::string unsafe_output_reason(const fs::path& out_in, const fs::path& site_in) {
  fs::path out = normalised(out_in);
  fs::path site = normalised(site_in);
  if (is_within(site, out)) {
    return "the output folder " + out.string() + " is the site folder or holds it; the build "
           "replaces the whole output folder, so choose a folder of its own, such as " +
           (site / "output").string();
  }
  if (is_within(out, site)) {
    fs::path first = *out.lexically_relative(site).begin();
    for (std::string_view input : {"data", "content", "templates", "themes", "static"}) {
      if (first == input) {
        return "the output folder " + out.string() + " is inside the site's " +
               std::string(input) + "/ folder; choose a folder of its own, such as " +
               (site / "output").string();
      }
    }
  }
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return "the output " + out.string() + " is a file, not a folder";
  }
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) &&
      !fs::exists(out / std::string(kOutputMarker), ec)) {
    return "the folder " + out.string() + " is not empty and was not written by metodika (it has "
           "no " + std::string(kOutputMarker) + " file); the build would replace it, so choose "
           "a new or empty folder, or delete this one yourself";
  }
  return {};
}

Staging::Staging(fs::path out) : out_(std::move(out)) {
  out_ = fs::absolute(out_).lexically_normal();
  if (!out_.has_filename()) out_ = out_.parent_path();
  dir_ = out_;
  dir_ += ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(dir_, ec);  // a leftover of a killed build with the same pid
  fs::create_directories(dir_, ec);
  if (ec) {
    throw std::runtime_error("cannot create the staging folder " + dir_.string() + ": " +
                             ec.message());
  }
  put(std::string(kOutputMarker),
      "This folder is written by metodika and replaced whole on every build.\n");
}

Staging::~Staging() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

void Staging::write(std::string_view path, std::string_view bytes) {
  if (!is_safe_output_path(path)) {
    throw std::logic_error("refusing to write outside the output folder: " + std::string(path));
  }
  if (put(path, bytes)) ++unchanged_;
  ++files_;
}

bool Staging::put(std::string_view path, std::string_view bytes) {
  fs::path rel(std::string{path});
  fs::path target = dir_ / rel;
  fs::path previous = out_ / rel;
  if (holds_exactly(previous, bytes)) {
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    // linkat without AT_SYMLINK_FOLLOW links the entry itself, never a link's target. Any
    // failure (another file system, a link limit) just falls back to writing.
    if (!ec && ::linkat(AT_FDCWD, previous.c_str(), AT_FDCWD, target.c_str(), 0) == 0) {
      return true;
    }
  }
  util::write_file(target, bytes);
  return false;
}

void Staging::commit() {
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    // One atomic step: readers see the old output or the new one, never a mix.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      throw std::runtime_error("cannot replace " + out_.string() + ": " + std::strerror(errno));
    }
    committed_ = true;
    fs::remove_all(dir_, ec);  // now holds the previous output
    return;
  }
  if (out_.has_parent_path()) fs::create_directories(out_.parent_path(), ec);
  if (std::rename(dir_.c_str(), out_.c_str()) != 0) {
    throw std::runtime_error("cannot create " + out_.string() + ": " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace metodika::publish
