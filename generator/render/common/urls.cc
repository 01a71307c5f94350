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

std::string Urls::prefix(std::string_view lang) const {
  if (languages_.empty() || lang == languages_.front()) return {};
  return std::string(lang) + "/";
}

std::string Urls::page(std::string_view lang, std::string_view rel) const {
  return base_path_ + prefix(lang) + std::string(rel);
}

std::string Urls::absolute(std::string_view lang, std::string_view rel) const {
  return origin_ + page(lang, rel);
}

std::string Urls::file(std::string_view lang, std::string_view rel) const {
  std::string f = prefix(lang) + std::string(rel);
  if (f.empty() || f.back() == '/') f += "index.html";
  return f;
}

std::string Urls::asset(std::string_view rel) const { return base_path_ + std::string(rel); }

}  // namespace metodika::render
