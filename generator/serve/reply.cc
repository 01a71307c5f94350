#include "serve/reply.h"

#include <algorithm>

#include "serve/live_reload.h"
#include "serve/static_files.h"

namespace metodika::serve {
namespace fs = std::filesystem;
namespace {

std::string html_page(std::string_view title, std::string_view text) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         std::string(title) + "</title></head><body><h1>" + std::string(title) + "</h1><p>" +
         std::string(text) + "</p></body></html>\n";
}

// Where the last "</body" of an open HTML file starts (its size when there is none), read
// backwards a block at a time: the page's end is in the last block, so a large page is not read
// whole. Blocks overlap by the pattern's length less one, so that no match is cut in two.
uint64_t body_end_in_file(int fd, uint64_t size) {
  constexpr uint64_t kBlock = 64 * 1024;
  constexpr uint64_t kOverlap = 5;  // "</body" has 6 characters
  uint64_t end = size;
  while (end > 0) {
    uint64_t begin = end > kBlock ? end - kBlock : 0;
    uint64_t stop = std::min(size, end + kOverlap);
    std::string block = read_at(fd, begin, stop - begin);
    size_t at = find_body_end(block);
    if (at != std::string::npos) return begin + at;
    end = begin;
  }
  return size;
}

// The page with the live-reload script before its last </body>: the file's bytes around the
// tag, sent from the file.
Reply html_reply(int status, OpenFile file, uint64_t generation) {
  uint64_t at = body_end_in_file(file.fd.get(), file.size);
  uint64_t size = file.size;
  Body whole(std::move(file.fd), size);
  Body body = whole.empty_like();
  body.append_slice(whole, 0, at);
  body.append_text(live_script_tag(generation));
  body.append_slice(whole, at, size - at);
  return {status, std::string(content_type_for(".html")), std::move(body), {}};
}

Reply not_found(const fs::path& out_dir, std::string_view rel, uint64_t generation) {
  // The page of the language folder the request is in (en/404.html), else the site's.
  size_t slash = rel.find('/');
  if (slash != std::string_view::npos) {
    OpenFile page = open_beneath(out_dir, std::string(rel.substr(0, slash)) + "/404.html");
    if (page.lookup == Lookup::kFile) return html_reply(404, std::move(page), generation);
  }
  OpenFile page = open_beneath(out_dir, "404.html");
  if (page.lookup == Lookup::kFile) return html_reply(404, std::move(page), generation);
  std::string html = html_page("Not found",
                               "There is no such page in the site (or the site has not been "
                               "built yet).");
  return {404,
          std::string(content_type_for(".html")),
          Body(inject_before_body_end(html, live_script_tag(generation))),
          {}};
}

}  // namespace

Reply text_reply(int status, std::string text) {
  return {status, "text/plain; charset=utf-8", Body(std::move(text)), {}};
}

Reply reply_for(const fs::path& out_dir, std::string_view url_path, uint64_t generation) {
  if (url_path == kLiveScriptPath) {
    return {200, std::string(content_type_for(".js")), Body(std::string(live_script())), {}};
  }
  std::optional<std::string> rel = output_path_for(url_path);
  if (!rel) return text_reply(400, "Bad request: the path is not a file of the site.\n");
  OpenFile file = open_beneath(out_dir, *rel);
  switch (file.lookup) {
    case Lookup::kFile: {
      std::string_view type = content_type_for(*rel);
      if (type.starts_with("text/html")) return html_reply(200, std::move(file), generation);
      uint64_t size = file.size;
      return {200, std::string(type), Body(std::move(file.fd), size), {}};
    }
    case Lookup::kDirectory: {
      Reply moved = text_reply(301, "Moved: the folder's address ends with '/'.\n");
      moved.location = std::string(url_path) + "/";
      return moved;
    }
    case Lookup::kRefused:
      return text_reply(403, "Forbidden: metodika serve does not follow symbolic links.\n");
    case Lookup::kMissing:
      break;
  }
  return not_found(out_dir, *rel, generation);
}

}  // namespace metodika::serve
