// What `metodika serve` answers a GET of a path with, apart from HTTP: the file (HTML with the
// live-reload script added), a redirect, the site's 404 page, a refusal. Kept apart from the
// socket so that tests can ask it directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "serve/body.h"

namespace metodika::serve {

struct Reply {
  int status = 200;
  std::string content_type;
  Body body;
  std::string location;  // for a redirect
};

/// The answer to a GET of the decoded `url_path` from the site in `out_dir`: the file (HTML with
/// the live-reload script of `generation` added), a redirect from a folder to "folder/", the
/// site's 404.html (of the language folder when there is one) with status 404, 400 for a path
/// that could leave the folder, 403 for a symbolic link. Throws std::runtime_error when a file
/// cannot be read.
[[nodiscard]] Reply reply_for(const std::filesystem::path& out_dir, std::string_view url_path,
                              uint64_t generation);

/// A small text/plain answer (errors and refusals).
[[nodiscard]] Reply text_reply(int status, std::string text);

}  // namespace metodika::serve
