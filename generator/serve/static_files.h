// Reading the built site for `metodika serve`: which file a URL path names, reading it without
// ever leaving the output folder, and the Content-Type it is served with.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace metodika::serve {

/// The output-relative file path a decoded URL path names: "/" → "index.html",
/// "/lv/skolas/" → "lv/skolas/index.html", "/style.css" → "style.css". nullopt when the path
/// could leave the folder or is malformed: not starting with '/', a "." or ".." segment, an
/// empty segment ("a//b"), a backslash or a NUL byte. Percent-decoding happens before (the HTTP
/// library does it), so an encoded "%2e%2e" arrives here as ".." and is refused.
[[nodiscard]] std::optional<std::string> output_path_for(std::string_view url_path);

enum class Lookup {
  kFile,       // a regular file; `bytes` holds it
  kDirectory,  // a folder: the URL needs a trailing '/'
  kMissing,    // nothing there
  kRefused,    // a symbolic link (anywhere on the way) or not a regular file
};

struct FileRead {
  Lookup lookup = Lookup::kMissing;
  std::string bytes;
};

/// Reads `rel` (as output_path_for returns it) under `root`, walking one segment at a time with
/// O_NOFOLLOW so that no symbolic link, however placed, leads outside `root`. `root` itself may
/// be a link. Throws std::runtime_error only when a found file cannot be read.
[[nodiscard]] FileRead read_beneath(const std::filesystem::path& root, std::string_view rel);

/// The Content-Type for a file name by its extension (text types with charset=utf-8);
/// "application/octet-stream" for an unknown one.
[[nodiscard]] std::string_view content_type_for(std::string_view path);

}  // namespace metodika::serve
