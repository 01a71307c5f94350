// generator/render/site/templates.cc: rendering a theme's templates, and the helpers that build
// page data by moving values instead of copying them.
#include "render/site/templates.h"

#include <doctest/doctest.h>

#include <string>

namespace metodika::render::site {
namespace {

std::string render(const std::string& text, const Data& data) {
  load::Theme theme;
  theme.templates["page"] = text;
  theme.templates["partials/item"] = "<{{name}}>";
  diag::Diagnostics diags;
  Templates templates(theme, diags);
  REQUIRE_FALSE(diags.has_errors());
  return templates.render("page", data);
}

TEST_CASE("put sets or replaces a value, as Data::set does") {
  Data d(Data::type::object);
  put(d, "a", Data("first"));
  put(d, "a", Data("second & last"));
  Data inner(Data::type::object);
  put(inner, "b", Data("inside"));
  put(d, "inner", std::move(inner));
  CHECK(render("{{a}}|{{inner.b}}", d) == "second &amp; last|inside");
  Data not_object(Data::type::list);
  put(not_object, "a", Data("ignored"));  // as Data::set: only objects have keys
  CHECK(not_object.is_empty_list());
}

TEST_CASE("append keeps every item in order as the list grows") {
  Data list(Data::type::list);
  std::string want;
  for (int i = 0; i < 100; ++i) {
    std::string name = "n";
    name += std::to_string(i);
    Data item(Data::type::object);
    item.set("name", name);
    append(list, std::move(item));
    want += "<" + name + ">";
  }
  Data d(Data::type::object);
  put(d, "items", std::move(list));
  CHECK(render("{{#items}}{{> partials/item}}{{/items}}", d) == want);
  Data not_list(Data::type::object);
  append(not_list, Data("ignored"));  // as Data::push_back: only lists have items
  CHECK(not_list.is_empty_object());
}

TEST_CASE("text_data is a string value with the whole text") {
  std::string html(10000, 'x');
  html += "<p>end</p>";
  Data d(Data::type::object);
  put(d, "html", text_data(html));
  put(d, "empty", text_data(""));
  CHECK(d.get("html")->is_string());
  CHECK(render("{{{html}}}", d) == html);
  // An empty text is still a value: its section renders, as for any string.
  CHECK(render("{{#empty}}shown{{/empty}}", d) == "shown");
}

}  // namespace
}  // namespace metodika::render::site
