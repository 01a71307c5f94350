// File-system reading helpers. Only `load` reads site files and only `publish` writes output
// (STYLE.md "Layout follows the pipeline"); these are the primitives both use.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::util {

/// Reads a whole file. Throws std::runtime_error naming the file on IO failure.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Writes a whole file, creating parent folders. Throws std::runtime_error on failure.
void write_file(const std::filesystem::path& path, std::string_view bytes);

/// Writes all of `bytes` to the open file `fd` (retrying after interruptions and short
/// writes); false when the system refuses.
[[nodiscard]] bool write_all(int fd, std::string_view bytes);

/// Regular files under `dir` (recursively), as paths relative to `dir` with '/' separators,
/// sorted byte-wise so that every walk is deterministic. Hidden entries (".x") are skipped.
/// A missing folder gives an empty list.
[[nodiscard]] std::vector<std::string> list_files(const std::filesystem::path& dir);

}  // namespace metodika::util
