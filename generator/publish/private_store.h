// Where a build keeps what it derived from a site's files for the next build (the teacher records
// of model/kept_records.h, the data files' trees of model/kept_trees.h, which hold the heads'
// evaluations): `data/private/.metodika-cache/` of the site folder, the one place that is
// already guarded as private data; a site without `data/private/` keeps nothing. Not beside the output: `<out>.cache/` sits next to a folder
// that is uploaded to a web server, and a server's document root may well hold both.
//
// The folder is made readable by its owner only (0700, files 0600) and holds a `.gitignore` of
// `*`, so that committing the site (the bundled site commits its sample teacher files) never
// commits it. The loader and `serve`'s watcher skip hidden names, so it is never read as data.
// Every operation is best effort: a site folder that cannot be written (a read-only checkout)
// simply keeps nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace metodika::publish {

/// `<site>/data/private/.metodika-cache`.
[[nodiscard]] std::filesystem::path private_store_dir(const std::filesystem::path& site_dir);

/// The bytes kept under `name`, or nullopt when there are none (or they cannot be read).
[[nodiscard]] std::optional<std::string> read_private_store(const std::filesystem::path& site_dir,
                                                            std::string_view name);

/// Keeps `bytes` under `name`, replacing what was kept (a new file renamed over the old, so a
/// reader never sees half of it). Nothing is written when the site has no `data/private/`
/// folder. Returns false when it could not be kept; never throws.
bool write_private_store(const std::filesystem::path& site_dir, std::string_view name,
                         std::string_view bytes);

/// Removes what is kept under `name` (when the site no longer has the private files it came
/// from). Never throws.
void remove_private_store(const std::filesystem::path& site_dir, std::string_view name);

}  // namespace metodika::publish
