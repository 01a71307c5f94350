#include "render/common/urls.h"

namespace metodika::render {

Urls::Urls(std::string base_url, std::vector<std::string> languages)
    : base_url_(std::move(base_url)), languages_(std::move(languages)) {
  if (base_url_.empty() || base_url_.back() != '/') base_url_ += '/';
  size_t scheme = base_url_.find("://");
  size_t path = base_url_.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  origin_ = base_url_.substr(0, path);
  base_path_ = path == std::string::npos ? "/" : base_url_.substr(path);
}

// Addresses are built in one string each: pages ask for dozens of them (navigation, links in
// every table), and the sums of temporaries showed in profiles.
namespace {

void append_url(std::string& out, std::string_view head, std::string_view lang, bool prefixed,
                std::string_view rel) {
  out.reserve(out.size() + head.size() + (prefixed ? lang.size() + 1 : 0) + rel.size());
  out += head;
  if (prefixed) {
    out += lang;
    out += '/';
  }
  out += rel;
}

}  // namespace

std::string Urls::page(std::string_view lang, std::string_view rel) const {
  std::string url;
  append_url(url, base_path_, lang, prefixed(lang), rel);
  return url;
}

std::string Urls::absolute(std::string_view lang, std::string_view rel) const {
  std::string url;
  url.reserve(origin_.size() + base_path_.size() + lang.size() + 1 + rel.size());
  url += origin_;
  append_url(url, base_path_, lang, prefixed(lang), rel);
  return url;
}

std::string Urls::file(std::string_view lang, std::string_view rel) const {
  std::string f;
  append_url(f, {}, lang, prefixed(lang), rel);
  if (f.empty() || f.back() == '/') f += "index.html";
  return f;
}

std::string Urls::asset(std::string_view rel) const { return base_path_ + std::string(rel); }

}  // namespace metodika::render
