#include "util/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace metodika::util {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  }
  if (in.bad()) throw std::runtime_error("cannot read " + path.string());
  return data;
}

void write_file(const fs::path& path, std::string_view bytes) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  // The system's reason goes into the message ("No space left on device" is the one a user
  // can act on), which a stream does not keep.
  auto fail = [&](int error) {
    throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(error));
  };
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail(errno);
  errno = 0;
  const bool written = write_all(fd, bytes);
  const int write_error = errno != 0 ? errno : EIO;
  const bool closed = ::close(fd) == 0;
  if (!written) fail(write_error);
  if (!closed) fail(errno);  // delayed errors (a full disk, a network file system) come here
}

bool write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::vector<std::string> list_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) out.push_back(fs::relative(it->path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace metodika::util

namespace metodika::util {
namespace {

fs::path real_path(const fs::path& p, std::error_code& ec) { return fs::canonical(p, ec); }

struct Walker {
  fs::path boundary;  // canonical
  std::vector<TreeEntry> out;

  // `dir` is walked as `rel` ("" for the top); `chain` holds the canonical paths of the folders
  // walked into to get here, `dir`'s own last (a link to one of them would loop).
  void walk(const fs::path& dir, const std::string& rel, bool via_link,
            std::vector<fs::path>& chain) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.push_back({rel, TreeEntryKind::kUnreadable, fs::file_type::none, {}});
      return;
    }
    std::vector<fs::path> children;
    for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      children.push_back(it->path());
    }
    if (ec) {
      out.push_back({rel, TreeEntryKind::kUnreadable, fs::file_type::none, {}});
      return;
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
      const std::string name = child.filename().string();
      if (name.empty() || name[0] == '.') continue;
      const std::string child_rel = rel.empty() ? name : rel + "/" + name;
      const fs::file_status link = fs::symlink_status(child, ec);
      if (ec) {
        out.push_back({child_rel, TreeEntryKind::kUnreadable, fs::file_type::none, {}});
        continue;
      }
      if (fs::is_symlink(link)) {
        const fs::path target = real_path(child, ec);
        if (ec) {  // a link to nothing, or links that loop (ELOOP)
          out.push_back({child_rel, TreeEntryKind::kBrokenLink, fs::file_type::none, {}});
          continue;
        }
        if (!path_within(target, boundary)) {
          out.push_back({child_rel, TreeEntryKind::kLinkOutside, fs::file_type::none, target});
          continue;
        }
        add(child, child_rel, fs::status(target, ec), target, true, chain);
      } else {
        add(child, child_rel, link, via_link ? real_path(child, ec) : fs::path(), via_link,
            chain);
      }
    }
  }

  void add(const fs::path& path, const std::string& rel, const fs::file_status& st,
           const fs::path& real, bool via_link, std::vector<fs::path>& chain) {
    if (fs::is_regular_file(st)) {
      out.push_back({rel, TreeEntryKind::kFile, fs::file_type::regular, real});
    } else if (fs::is_directory(st)) {
      std::error_code ec;
      fs::path canonical = real.empty() ? real_path(path, ec) : real;
      if (ec) canonical = path;
      // A link to the folder it is in, or to one above it, would be walked without end.
      if (path_within(chain.back(), canonical) ||
          std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
        out.push_back({rel, TreeEntryKind::kLinkLoop, fs::file_type::directory, canonical});
        return;
      }
      out.push_back({rel, TreeEntryKind::kFolder, fs::file_type::directory, real});
      chain.push_back(canonical);
      walk(path, rel, via_link, chain);
      chain.pop_back();
    } else {
      out.push_back({rel, TreeEntryKind::kSpecial, st.type(), real});
    }
  }
};

}  // namespace

bool path_within(const fs::path& path, const fs::path& base) {
  auto rel = path.lexically_relative(base);
  return !rel.empty() && *rel.begin() != "..";
}

std::vector<TreeEntry> walk_tree(const fs::path& dir, const fs::path& boundary) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {};
  Walker w;
  w.boundary = real_path(boundary, ec);
  if (ec) w.boundary = fs::absolute(boundary).lexically_normal();
  std::vector<fs::path> chain;
  fs::path top = real_path(dir, ec);
  chain.push_back(ec ? dir : top);
  w.walk(dir, "", false, chain);
  std::sort(w.out.begin(), w.out.end(),
            [](const TreeEntry& a, const TreeEntry& b) { return a.rel < b.rel; });
  return std::move(w.out);
}

InputFile read_input_file(const fs::path& path, uint64_t max_bytes) {
  InputFile f;
  // O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(error));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    f.problem = InputFile::Problem::kNotRegular;
    return f;
  }
  f.size = static_cast<uint64_t>(st.st_size);
  if (f.size > max_bytes) {
    ::close(fd);
    f.problem = InputFile::Problem::kTooLarge;
    return f;
  }
  // Read what fstat promised, then on until the end: a file that grew since is read up to one
  // byte past the limit, enough to know it is too large.
  f.text.resize(static_cast<size_t>(f.size));
  size_t done = 0;
  char more[64 * 1024];
  for (;;) {
    const bool in_place = done < f.text.size();
    char* into = in_place ? f.text.data() + done : more;
    const size_t room = in_place ? f.text.size() - done : sizeof more;
    const ssize_t n = ::read(fd, into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(error));
    }
    if (n == 0) break;
    if (!in_place) f.text.append(more, static_cast<size_t>(n));
    done += static_cast<size_t>(n);
    if (done > max_bytes) break;
  }
  ::close(fd);
  f.text.resize(done);
  f.size = done;
  if (done > max_bytes) {
    f.text.clear();
    f.text.shrink_to_fit();
    f.problem = InputFile::Problem::kTooLarge;
  }
  return f;
}

}  // namespace metodika::util
