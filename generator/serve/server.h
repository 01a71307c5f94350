// The HTTP side of `metodika serve`: answers GET and HEAD from the output folder (never outside
// it, reply.h), adds the live-reload script to HTML, and streams build events to open pages. One
// thread runs an epoll loop over every connection, so that idle, slow and live-reload
// connections cost a descriptor and a few hundred bytes each, never a thread (server.cc says why
// the HTTP library that was here before could not do that).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "serve/build_events.h"
#include "serve/reply.h"

namespace metodika::serve {

/// How much the server holds and for how long. The defaults keep pages answered at once while
/// thousands of idle, slow or live-reload connections are open against it.
struct ServerLimits {
  /// Connections held at once; 0: as many as RLIMIT_NOFILE allows after a reserve of 256
  /// descriptors for the build, counting two per connection (the socket and a file being sent),
  /// at most 8192. When all are taken, the connection that has waited longest for a request is
  /// closed to make room for a new one.
  size_t max_connections = 0;
  /// Open live-reload streams (and at most half of max_connections); more are answered 503.
  size_t max_streams = 1000;
  /// A connection must send a whole request head within this long of opening or of its
  /// previous answer, else it is closed (idle keep-alive connections and slow requests alike).
  std::chrono::milliseconds request_timeout{5000};
  /// An answer that makes no progress for this long (a client that stopped reading) is dropped.
  std::chrono::milliseconds write_timeout{10000};
  /// An idle live-reload stream gets a comment line this often, which keeps proxies from closing
  /// it and lets the page tell a live server from a dead connection.
  std::chrono::milliseconds heartbeat{10000};
};

class PreviewServer {
 public:
  PreviewServer(std::filesystem::path out_dir, BuildEvents& events, ServerLimits limits = {});
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds to `host`:`port` (0: any free port) and listens. Returns the port, or -1 when it
  /// cannot bind. Requests are answered only when their Host names `host`, localhost, 127.0.0.1
  /// or [::1] (hosts.h); others get 421.
  [[nodiscard]] int bind(const std::string& host, int port);
  /// Serves on a thread of its own until stop().
  void start();
  /// Closes every connection (event streams included) and stops serving; waits for the serving
  /// thread. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace metodika::serve
