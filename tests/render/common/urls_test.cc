#include "render/common/urls.h"

#include <doctest/doctest.h>

namespace metodika::render {

TEST_CASE("pages of the default language at the root, others under /<lang>/, under a sub-path") {
  Urls u("https://example.lv/atbalsts/", {"lv", "en"});
  CHECK(u.base_path() == "/atbalsts/");
  CHECK(u.page("lv", "") == "/atbalsts/");
  CHECK(u.page("lv", "pasvaldibas/") == "/atbalsts/pasvaldibas/");
  CHECK(u.page("en", "pasvaldibas/") == "/atbalsts/en/pasvaldibas/");
  CHECK(u.absolute("en", "") == "https://example.lv/atbalsts/en/");
  CHECK(u.file("lv", "") == "index.html");
  CHECK(u.file("en", "pasvaldibas/") == "en/pasvaldibas/index.html");
  CHECK(u.file("lv", "olimpiades.ics") == "olimpiades.ics");
  CHECK(u.asset("static/style.css") == "/atbalsts/static/style.css");
}

TEST_CASE("a site at the root of its host") {
  Urls u("https://atbalsts.example.lv", {"lv"});
  CHECK(u.base_path() == "/");
  CHECK(u.page("lv", "par/") == "/par/");
  CHECK(u.absolute("lv", "par/") == "https://atbalsts.example.lv/par/");
}

}  // namespace metodika::render
