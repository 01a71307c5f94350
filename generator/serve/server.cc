#include "serve/server.h"

#include <httplib.h>

#include <csignal>
#include <thread>

#include "serve/live_reload.h"
#include "serve/static_files.h"

namespace metodika::serve {
namespace fs = std::filesystem;
namespace {

// Every open page holds one event stream, and browsers keep a few idle connections each, so the
// library's default of 8 threads would run out with a handful of tabs.
constexpr size_t kThreads = 64;
// A comment is sent on an idle stream this often: it finds closed connections (freeing their
// threads) and keeps proxies from timing the stream out.
constexpr std::chrono::seconds kKeepAlive{15};

std::string html_page(std::string_view title, std::string_view text) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         std::string(title) + "</title></head><body><h1>" + std::string(title) + "</h1><p>" +
         std::string(text) + "</p></body></html>\n";
}

Reply html_reply(int status, std::string_view html, uint64_t generation) {
  return {status,
          std::string(content_type_for(".html")),
          inject_before_body_end(html, live_script_tag(generation)),
          {}};
}

Reply not_found(const fs::path& out_dir, std::string_view rel, uint64_t generation) {
  // The page of the language folder the request is in (en/404.html), else the site's.
  size_t slash = rel.find('/');
  if (slash != std::string_view::npos) {
    FileRead page = read_beneath(out_dir, std::string(rel.substr(0, slash)) + "/404.html");
    if (page.lookup == Lookup::kFile) return html_reply(404, page.bytes, generation);
  }
  FileRead page = read_beneath(out_dir, "404.html");
  if (page.lookup == Lookup::kFile) return html_reply(404, page.bytes, generation);
  return html_reply(404,
                    html_page("Not found",
                              "There is no such page in the site (or the site has "
                              "not been built yet)."),
                    generation);
}

Reply text_reply(int status, std::string text) {
  return {status, "text/plain; charset=utf-8", std::move(text), {}};
}

}  // namespace

Reply reply_for(const fs::path& out_dir, std::string_view url_path, uint64_t generation) {
  if (url_path == kLiveScriptPath) {
    return {200, std::string(content_type_for(".js")), std::string(live_script()), {}};
  }
  std::optional<std::string> rel = output_path_for(url_path);
  if (!rel) return text_reply(400, "Bad request: the path is not a file of the site.\n");
  FileRead file = read_beneath(out_dir, *rel);
  switch (file.lookup) {
    case Lookup::kFile: {
      std::string_view type = content_type_for(*rel);
      if (type.starts_with("text/html")) return html_reply(200, file.bytes, generation);
      return {200, std::string(type), std::move(file.bytes), {}};
    }
    case Lookup::kDirectory:
      return {301, "text/plain; charset=utf-8", "Moved: the folder's address ends with '/'.\n",
              std::string(url_path) + "/"};
    case Lookup::kRefused:
      return text_reply(403, "Forbidden: metodika serve does not follow symbolic links.\n");
    case Lookup::kMissing:
      break;
  }
  return not_found(out_dir, *rel, generation);
}

struct PreviewServer::Impl {
  fs::path out_dir;
  BuildEvents& events;
  httplib::Server http;
  std::thread thread;
  bool stopped = false;

  Impl(fs::path dir, BuildEvents& ev) : out_dir(std::move(dir)), events(ev) {}

  void get(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (req.path == kEventsPath) {
      stream_events(res);
      return;
    }
    // The generation is read before the file: a page can then only claim an older build than it
    // shows, which costs at most one extra reload, never a missed one.
    uint64_t generation = events.generation();
    Reply reply = reply_for(out_dir, req.path, generation);
    res.status = reply.status;
    if (!reply.location.empty()) {
      // Redirect to the address as the browser sent it (still percent-encoded), query kept.
      std::string_view target = req.target;
      size_t q = target.find('?');
      std::string location(target.substr(0, q));
      location += '/';
      if (q != std::string_view::npos) location.append(target.substr(q));
      res.set_header("Location", location);
    }
    res.set_content(std::move(reply.body), reply.content_type.c_str());
  }

  void stream_events(httplib::Response& res) {
    auto seen = std::make_shared<uint64_t>(0);
    auto greeted = std::make_shared<bool>(false);
    res.set_chunked_content_provider(
        "text/event-stream", [this, seen, greeted](size_t /*offset*/, httplib::DataSink& sink) {
          if (!sink.is_writable()) return false;
          if (!*greeted) {
            *greeted = true;
            std::string hello = events.greeting(*seen);
            return sink.write(hello.data(), hello.size());
          }
          std::optional<std::string> message = events.wait(*seen, kKeepAlive);
          if (!message) return false;  // stopping
          return sink.write(message->data(), message->size());
        });
  }
};

PreviewServer::PreviewServer(fs::path out_dir, BuildEvents& events)
    : impl_(std::make_unique<Impl>(std::move(out_dir), events)) {
  // A browser closing a tab mid-response must not end the process.
  std::signal(SIGPIPE, SIG_IGN);
  impl_->http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // [\s\S]: '.' would not match a decoded "%0A", and an unmatched path gets the library's page.
  impl_->http.Get(R"([\s\S]*)", [this](const httplib::Request& req, httplib::Response& res) {
    impl_->get(req, res);
  });
  impl_->http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        res.status = 500;
        res.set_content("metodika serve: " + what + "\n", "text/plain; charset=utf-8");
      });
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(const std::string& host, int port) {
  if (port == 0) return impl_->http.bind_to_any_port(host);
  return impl_->http.bind_to_port(host, port) ? port : -1;
}

void PreviewServer::start() {
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
}

void PreviewServer::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->events.stop();
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace metodika::serve
