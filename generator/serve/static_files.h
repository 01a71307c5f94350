// Reading the built site for `metodika serve`: which file a URL path names, reading it without
// ever leaving the output folder, and the Content-Type it is served with.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace metodika::serve {

/// The output-relative file path a decoded URL path names: "/" → "index.html",
/// "/lv/skolas/" → "lv/skolas/index.html", "/style.css" → "style.css". nullopt when the path
/// could leave the folder or is malformed: not starting with '/', a "." or ".." segment, an
/// empty segment ("a//b"), a backslash or a NUL byte. Percent-decoding happens before (the HTTP
/// library does it), so an encoded "%2e%2e" arrives here as ".." and is refused.
[[nodiscard]] std::optional<std::string> output_path_for(std::string_view url_path);

/// A file descriptor closed on scope exit; move-only.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] bool valid() const { return fd_ >= 0; }
  void reset();

 private:
  int fd_ = -1;
};

enum class Lookup {
  kFile,       // a regular file, open in `fd`
  kDirectory,  // a folder: the URL needs a trailing '/'
  kMissing,    // nothing there
  kRefused,    // a symbolic link (anywhere on the way) or not a regular file
};

struct OpenFile {
  Lookup lookup = Lookup::kMissing;
  Fd fd;              // open for reading when lookup is kFile
  uint64_t size = 0;  // its size when opened
};

/// Opens `rel` (as output_path_for returns it) under `root`, walking one segment at a time with
/// O_NOFOLLOW so that no symbolic link, however placed, leads outside `root`. `root` itself may
/// be a link. The server sends the open file as it is then, whatever a rebuild does meanwhile.
[[nodiscard]] OpenFile open_beneath(const std::filesystem::path& root, std::string_view rel);

/// Reads `size` bytes at `offset` of `fd` (fewer only at the end of the file). Throws
/// std::runtime_error when the file cannot be read.
[[nodiscard]] std::string read_at(int fd, uint64_t offset, uint64_t size);

/// The Content-Type for a file name by its extension (text types with charset=utf-8);
/// "application/octet-stream" for an unknown one.
[[nodiscard]] std::string_view content_type_for(std::string_view path);

}  // namespace metodika::serve
