// The HTTP side of `metodika serve`: answers requests from the output folder (never outside it),
// adds the live-reload script to HTML, and streams build events to open pages.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "serve/build_events.h"

namespace metodika::serve {

/// An answer to a GET, before HTTP: what reply_for decides, kept apart from the socket so that
/// tests can ask it directly.
struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;  // for a redirect
};

/// The answer to a GET of the decoded `url_path` from the site in `out_dir`: the file (HTML with
/// the live-reload script of `generation` added), a redirect from a folder to "folder/", the
/// site's 404.html (of the language folder when there is one) with status 404, 400 for a path
/// that could leave the folder, 403 for a symbolic link.
[[nodiscard]] Reply reply_for(const std::filesystem::path& out_dir, std::string_view url_path,
                              uint64_t generation);

class PreviewServer {
 public:
  PreviewServer(std::filesystem::path out_dir, BuildEvents& events);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds to `host`:`port` (0: any free port). Returns the port, or -1 when it cannot bind.
  [[nodiscard]] int bind(const std::string& host, int port);
  /// Serves on a thread of its own until stop().
  void start();
  /// Ends every event stream and stops serving; waits for the serving thread. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace metodika::serve
