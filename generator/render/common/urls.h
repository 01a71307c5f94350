// Addresses of output files and of the pages that link to them. Every link is built here, from
// site.yaml's base_url, so that a site served under a sub-path (https://example.lv/atbalsts/)
// links correctly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace metodika::render {

class Urls {
 public:
  /// `base_url` is absolute and ends with '/'; `languages[0]` is served at the root, every other
  /// language under /<lang>/.
  Urls(std::string base_url, std::vector<std::string> languages);

  /// The root-relative link to a page: `page("lv", "pasvaldibas/")` → "/atbalsts/pasvaldibas/".
  [[nodiscard]] std::string page(std::string_view lang, std::string_view rel) const;
  /// The absolute address of the same page (feeds, sitemap, alternates).
  [[nodiscard]] std::string absolute(std::string_view lang, std::string_view rel) const;
  /// The output file of a page: `file("en", "pasvaldibas/")` → "en/pasvaldibas/index.html".
  [[nodiscard]] std::string file(std::string_view lang, std::string_view rel) const;
  /// A language-independent asset: `asset("static/style.css")` → "/atbalsts/static/style.css".
  [[nodiscard]] std::string asset(std::string_view rel) const;

  [[nodiscard]] const std::string& base_path() const { return base_path_; }

 private:
  /// Whether `lang`'s pages are under "<lang>/": every language but the first.
  [[nodiscard]] bool prefixed(std::string_view lang) const {
    return !languages_.empty() && lang != languages_.front();
  }
  std::string base_url_;   // "https://example.lv/atbalsts/"
  std::string origin_;     // "https://example.lv"
  std::string base_path_;  // "/atbalsts/"
  std::vector<std::string> languages_;
};

}  // namespace metodika::render
