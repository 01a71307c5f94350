// Finding and reading a site's input files within the site folder and the limits of
// load/limits.h (issue 19): nothing outside the site folder is read, and nothing that is not a
// regular file or a folder is skipped silently.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace metodika::load {

class TextMemo;

/// The regular files under `root/folder` (relative to `folder`, sorted), following symbolic links
/// that stay inside the site folder `root`. Reports, each naming the path: a link whose target is
/// outside the site folder (not followed), a link into data/private/ from anywhere else (private
/// records would be published), a link to nothing or a loop, a named pipe, socket or device, an
/// unreadable folder, and a folder whose name ends in one of `file_extensions` (data/events.yaml/
/// would otherwise be walked into and every event dropped).
[[nodiscard]] std::vector<std::string> list_input_files(
    const std::filesystem::path& root, std::string_view folder,
    std::initializer_list<std::string_view> file_extensions, diag::Diagnostics& diags);

/// Reports a file of the site folder's top (site.yaml) that is a link outside the site folder,
/// a link to nothing, or not a regular file. True when it exists and may be read.
[[nodiscard]] bool check_top_file(const std::filesystem::path& root, const std::string& name,
                                  diag::Diagnostics& diags);

/// The text of `root/rel` (through `memo` when given), or nullptr after reporting a file larger
/// than kMaxFileBytes or one that is not a regular file. Throws on IO failures.
[[nodiscard]] std::shared_ptr<const std::string> read_input(const std::filesystem::path& root,
                                                            const std::string& rel, TextMemo* memo,
                                                            diag::Diagnostics& diags);

}  // namespace metodika::load
