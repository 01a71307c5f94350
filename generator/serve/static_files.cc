#include "serve/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

namespace metodika::serve {
namespace {

std::vector<std::string_view> segments(std::string_view rel) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    out.push_back(rel.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// What an openat error means for the caller: a link on the way is refused, not "missing", so
// that a link out of the folder is told apart in tests and logs.
Lookup lookup_for_errno(int err) { return err == ELOOP ? Lookup::kRefused : Lookup::kMissing; }

}  // namespace

void Fd::reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

std::optional<std::string> output_path_for(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\0') != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view rest = url_path.substr(1);
  std::string out;
  size_t start = 0;
  while (start < rest.size()) {
    size_t end = rest.find('/', start);
    bool last = end == std::string_view::npos;
    std::string_view seg = rest.substr(start, (last ? rest.size() : end) - start);
    if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
    out.append(seg);
    if (last) return out;
    out.push_back('/');
    start = end + 1;
  }
  // Empty, or ends with '/': the folder's index page.
  return out + "index.html";
}

OpenFile open_beneath(const std::filesystem::path& root, std::string_view rel) {
  OpenFile result;
  Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return result;
  std::vector<std::string_view> segs = segments(rel);
  if (segs.empty()) {
    result.lookup = Lookup::kDirectory;
    return result;
  }
  for (size_t i = 0; i + 1 < segs.size(); ++i) {
    std::string seg(segs[i]);
    Fd next(::openat(dir.get(), seg.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0) {
      int err = errno;
      // O_DIRECTORY wins over O_NOFOLLOW: a link to a folder fails with ENOTDIR, not ELOOP.
      struct stat st {};
      if (err == ENOTDIR && ::fstatat(dir.get(), seg.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(st.st_mode)) {
        err = ELOOP;
      }
      result.lookup = lookup_for_errno(err);
      return result;
    }
    dir = std::move(next);
  }
  std::string name(segs.back());
  // O_NONBLOCK: a FIFO placed in the folder must not hang the request.
  Fd file(::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (file.get() < 0) {
    result.lookup = lookup_for_errno(errno);
    return result;
  }
  struct stat st {};
  if (::fstat(file.get(), &st) != 0) return result;
  if (S_ISDIR(st.st_mode)) {
    result.lookup = Lookup::kDirectory;
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.lookup = Lookup::kRefused;
    return result;
  }
  result.size = static_cast<uint64_t>(st.st_size);
  result.fd = std::move(file);
  result.lookup = Lookup::kFile;
  return result;
}

std::string read_at(int fd, uint64_t offset, uint64_t size) {
  std::string bytes(static_cast<size_t>(size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done,
                        static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string("cannot read a file: ") + std::strerror(errno));
    if (n == 0) break;  // the file shrank
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

std::string_view content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".xml", "application/xml"},
      {".ics", "text/calendar; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".webmanifest", "application/manifest+json"},
  }};
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext;
    for (char c : name.substr(dot)) ext.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    for (const auto& [known, type] : kTypes) {
      if (ext == known) return type;
    }
  }
  return "application/octet-stream";
}

}  // namespace metodika::serve
