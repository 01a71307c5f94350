// File-system reading helpers. Only `load` reads site files and only `publish` writes output
// (STYLE.md "Layout follows the pipeline"); these are the primitives both use.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
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

/// What walk_tree found at one path.
enum class TreeEntryKind {
  kFile,         ///< a regular file, or a link to one inside the boundary
  kFolder,       ///< a folder (walked into), or a link to one inside the boundary
  kLinkOutside,  ///< a symbolic link whose target lies outside the boundary (not followed)
  kBrokenLink,   ///< a symbolic link to nothing, or a chain of links that loops
  kLinkLoop,     ///< a link to a folder that holds the link (walking it would never end)
  kSpecial,      ///< a named pipe, socket or device: nothing a build can read
  kUnreadable,   ///< a folder that cannot be listed
};

struct TreeEntry {
  std::string rel;  ///< relative to the walked folder, '/'-separated
  TreeEntryKind kind = TreeEntryKind::kFile;
  std::filesystem::file_type type = std::filesystem::file_type::none;  ///< for kSpecial
  /// Where a link leads (kLinkOutside, kFile or kFolder reached through a link): the target's
  /// real path. Empty when no link is involved.
  std::filesystem::path real;
};

/// Every entry under `dir` (recursively), sorted by path; hidden entries (".x") are skipped.
/// Symbolic links are followed when their target lies inside `boundary` (the site folder), and
/// are reported, not followed, when it lies outside. Nothing else is left out silently: special
/// files, broken links and unreadable folders come back as entries of their kind. A missing
/// `dir` gives an empty list.
[[nodiscard]] std::vector<TreeEntry> walk_tree(const std::filesystem::path& dir,
                                               const std::filesystem::path& boundary);

/// Whether `path` is `base` or lies under it (both absolute and normalised).
[[nodiscard]] bool path_within(const std::filesystem::path& path,
                               const std::filesystem::path& base);

/// A file read for the build, or why it was not.
struct InputFile {
  enum class Problem { kNone, kNotRegular, kTooLarge };
  Problem problem = Problem::kNone;
  std::string text;   ///< the whole file when problem is kNone
  uint64_t size = 0;  ///< its size in bytes (also when too large)
};

/// Reads a regular file of at most `max_bytes`. Opening never blocks (a named pipe is reported,
/// not waited on), and a larger file is reported before it is read. Throws std::runtime_error
/// naming the file when the system refuses to open or read it.
[[nodiscard]] InputFile read_input_file(const std::filesystem::path& path, uint64_t max_bytes);

}  // namespace metodika::util
