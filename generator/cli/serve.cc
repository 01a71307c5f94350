// `metodika serve`: the build of `metodika build`, run in this process again on every edit, with
// the output served over HTTP and the open pages reloaded (generator/serve/ does the serving and
// the watching; this file wires it to the pipeline).
#include <pthread.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "publish/staging.h"
#include "serve/build_events.h"
#include "serve/server.h"
#include "serve/watcher.h"

namespace metodika::cli {
namespace fs = std::filesystem;
namespace {

// What a build reads (load/site_sources.cc, load/theme.cc): the site file and these folders.
// Everything else in the site folder (the output, .git, a build tree next to the bundled site)
// is not watched, so it never triggers a rebuild.
const std::vector<std::string> kSiteFiles = {"site.yaml", "site.yml", "site.json"};
const std::vector<std::string> kInputFolders = {"data", "content", "templates", "themes", "static"};

// SIGINT and SIGTERM, blocked in every thread and read from a descriptor by the watch loop, so
// that a signal never interrupts a build half-way: the loop stops between builds.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set_, &old_);
    fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  ~StopSignals() {
    if (fd_ >= 0) {
      // Take the signals that stopped us, or unblocking would deliver them again, fatally.
      signalfd_siginfo info;
      while (::read(fd_, &info, sizeof info) == sizeof info) {
      }
      ::close(fd_);
    }
    ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  [[nodiscard]] int fd() const { return fd_; }

 private:
  sigset_t set_{}, old_{};
  int fd_ = -1;
};

// Every connection to the server is a descriptor (two while a file is sent). The soft limit,
// often 1,024, would let a few hundred open pages and idle connections crowd out the build's own
// files, so it is raised to the hard limit (at most 65,536); the server takes its share of it
// (serve/server.h, ServerLimits). Nothing in the process uses select(), which breaks past 1,024.
void raise_open_file_limit() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  constexpr rlim_t kWanted = 65536;
  rlim_t want = rl.rlim_max == RLIM_INFINITY ? kWanted : std::min(rl.rlim_max, kWanted);
  if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want) return;
  rl.rlim_cur = want;
  ::setrlimit(RLIMIT_NOFILE, &rl);
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::string describe(const std::vector<std::string>& changed) {
  constexpr size_t kShown = 3;
  std::string out;
  for (size_t i = 0; i < changed.size() && i < kShown; ++i) {
    out += (i ? ", " : "") + changed[i];
  }
  if (changed.size() > kShown) out += " and " + std::to_string(changed.size() - kShown) + " more";
  return out;
}

// Runs the build and tells the browsers how it went. Never throws: an error in the data, a
// failed write or a bug in a stage leaves the last good site served and shows the error.
void build_and_publish(BuildOptions options, serve::BuildEvents& events) {
  BuildReport report;
  options.report = &report;
  // Browsers reload as soon as the output is in place (the build then writes its cache).
  bool reloaded = false;
  options.published = [&] {
    events.publish_success();
    reloaded = true;
  };
  int code = 1;
  try {
    code = run_build(options);
  } catch (const std::exception& e) {
    report.errors.push_back({"", std::string("error: ") + e.what()});
    std::cerr << "metodika: error: " << e.what() << "\n";
  } catch (...) {
    report.errors.push_back({"", "error: the build failed unexpectedly"});
  }
  if (code == 0) {
    if (!reloaded) events.publish_success();
    return;
  }
  std::vector<serve::BuildProblem> problems;
  for (BuildReport::Problem& p : report.errors) {
    problems.push_back({std::move(p.location), std::move(p.text)});
  }
  if (problems.empty()) {
    problems.push_back({"", "error: the build failed (exit code " + std::to_string(code) +
                                "); the terminal says why"});
  }
  events.publish_failure(std::move(problems));
  std::cerr << "metodika: still serving the last good build\n";
}

}  // namespace

int run_serve(const ServeOptions& options) {
  BuildOptions build = options.build;
  build::Options& stage = build.build;
  std::error_code ec;
  if (!fs::is_directory(stage.site_dir, ec)) {
    std::cerr << "metodika: error: the site folder " << stage.site_dir << " does not exist\n";
    return 2;
  }
  if (stage.out_dir.empty()) stage.out_dir = stage.site_dir / "output";
  const fs::path out = stage.out_dir;
  if (std::string why = publish::unsafe_output_reason(out, stage.site_dir); !why.empty()) {
    std::cerr << "metodika: error: " << why << "\n";
    return 2;
  }
  stage.previous_output = publish::PreviousOutput::kKeepAsSpare;
  // What unchanged files and figures gave is kept from one build to the next (build::Memory).
  build::Memory memory;
  stage.memory = &memory;
  raise_open_file_limit();
  try {
    StopSignals stop;  // before any thread starts, so that every thread inherits the mask
    serve::BuildEvents events;
    serve::PreviewServer server(out, events);
    int port = server.bind(options.bind, options.port);
    if (port < 0) {
      std::cerr << "metodika: error: cannot listen on " << url_host(options.bind) << ":"
                << options.port << " (is another server using the port? try --port)\n";
      return 1;
    }
    // Watch before the first build: an edit made while it runs is then not missed.
    serve::SiteWatcher watcher(stage.site_dir, kSiteFiles, kInputFolders);
    build_and_publish(build, events);
    server.start();
    std::fprintf(stderr,
                 "metodika: serving %s at http://%s:%d/ — watching %s for changes; Ctrl-C "
                 "stops\n",
                 out.string().c_str(), url_host(options.bind).c_str(), port,
                 stage.site_dir.string().c_str());
    if (!is_loopback(options.bind)) {
      std::fprintf(stderr,
                   "metodika: warning: listening on %s: anyone who can reach this "
                   "machine can read the site\n",
                   options.bind.c_str());
    }
    while (std::optional<std::vector<std::string>> changed = watcher.wait(stop.fd())) {
      std::fprintf(stderr, "metodika: changed: %s\n", describe(*changed).c_str());
      build_and_publish(build, events);
    }
    std::fprintf(stderr, "metodika: stopping\n");
    server.stop();
    publish::remove_spare(out);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "metodika: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace metodika::cli
