// generator/render/site/templates.cc: rendering a theme's templates, and the helpers that build
// page data by moving values instead of copying them.
#include "render/site/templates.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "render/common/html.h"

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

// What kainjow renders with the partials looked up and parsed at each tag, as Templates did
// before it put them in place: the reference for the inlined templates.
std::string reference(const std::map<std::string, std::string>& templates, const std::string& name,
                      const Data& data, const Data* base = nullptr) {
  Data partials(Data::type::object);
  for (const auto& [n, text] : templates) {
    if (n.starts_with("partials/") && kainjow::mustache::mustache(text).is_valid()) {
      std::string copy = text;
      partials.set(n, kainjow::mustache::partial([copy] { return copy; }));
    }
  }
  kainjow::mustache::mustache m(templates.at(name));
  m.set_custom_escape([](const std::string& s) { return html_escape(s); });
  kainjow::mustache::context<std::string> ctx(&partials);
  if (base) ctx.push(base);
  ctx.push(&data);
  return m.render(ctx);
}

TEST_CASE("partials put in place of their tags render as kainjow renders the tags") {
  Data item(Data::type::object);
  item.set("name", "<b>");
  Data items(Data::type::list);
  items.push_back(item);
  items.push_back(Data("text"));
  Data leaf(Data::type::object);
  leaf.set("name", "leaf");
  leaf.set("child", Data(false));  // else {{#child}} finds the parent's and recurses for ever
  Data child(Data::type::object);
  child.set("name", "child");
  child.set("child", leaf);
  Data data(Data::type::object);
  data.set("items", items);
  data.set("flag", Data(true));
  data.set("y", "Y");
  data.set("name", "root");
  data.set("child", child);

  const std::map<std::string, std::string> partials = {
      {"partials/inline", "x{{y}}z"},
      {"partials/li", "<li>{{name}}</li>\n"},
      {"partials/flag", "{{#flag}}\nyes\n{{/flag}}\n"},
      {"partials/outer", "[{{> partials/inline}}|{{> partials/flag}}]"},
      {"partials/brace", "{"},
      {"partials/close", "}}"},
      {"partials/cr", "a\r"},
      {"partials/empty", ""},
      {"partials/bad", "{{#open}}"},
  };
  const char* const pages[] = {
      "a{{> partials/inline}}b",
      "<ul>\n  {{#items}}\n  {{> partials/li}}\n  {{/items}}\n</ul>\n",
      "{{> partials/flag}}{{> partials/flag}}end\n",
      "before\n{{> partials/outer}}\nafter",
      "{{> partials/brace}}{y}}",
      "{y{{> partials/close}}",
      "{{> partials/cr}}\nnext\n",
      "\r{{> partials/empty}}\n",
      "{{{y}}}{{! {{> partials/inline}} }}{{>partials/inline}}",
      "{{> partials/missing}}{{> partials/bad}}|{{> partials/inline }}",
      "{{=<% %>=}}<%> partials/inline%>{{y}}",
      "  {{> partials/li}}\r\n{{#flag}}\n{{> partials/li}}\n{{/flag}}\n",
  };
  for (const char* page : pages) {
    CAPTURE(page);
    std::map<std::string, std::string> templates = partials;
    templates["page"] = page;
    load::Theme theme;
    for (const auto& [n, text] : templates) theme.templates[n] = text;
    diag::Diagnostics diags;  // partials/bad does not parse: reported, and never inlined
    Templates t(theme, diags);
    CHECK(t.render("page", data) == reference(templates, "page", data));
  }
  CHECK(render("a{{> partials/item}}b", item) == "a<&lt;b&gt;>b");
}

TEST_CASE("a partial that includes itself is an error, and no template using it is rendered") {
  // Even where data would end the recursion ({{#child}} false at a leaf), the engine's lookup
  // through the context stack finds a parent's `child` and recurses until the stack runs out.
  load::Theme theme;
  theme.templates["partials/tree"] = "({{name}}{{#child}}{{> partials/tree}}{{/child}})";
  theme.templates["partials/a"] = "{{> partials/b}}";
  theme.templates["partials/b"] = "x{{> partials/a}}";
  theme.templates["partials/fine"] = "fine";
  theme.templates["page"] = "{{> partials/tree}}{{> partials/fine}}";
  theme.templates["other"] = "{{> partials/fine}}";
  theme.template_sources["partials/tree"] = "templates/partials/tree.mustache";
  diag::Diagnostics diags;
  Templates t(theme, diags);
  CHECK(diags.error_count() == 2);
  const std::string out = diags.format();
  CHECK(out.find("templates/partials/tree.mustache: error: the template includes itself through "
                 "its partials (partials/tree → partials/tree)") != std::string::npos);
  CHECK(out.find("(partials/a → partials/b → partials/a)") != std::string::npos);
  CHECK(!t.has("partials/tree"));
  CHECK(t.has("other"));
  CHECK(t.render("other", Data(Data::type::object)) == "fine");
}

TEST_CASE("names are looked up through the data, the shared strings and the partials") {
  Data nav(Data::type::object);
  nav.set("home", "Sākums");
  Data strings(Data::type::object);
  strings.set("nav", nav);
  strings.set("dot.ted", "plain key");
  Data base(Data::type::object);
  base.set("t", strings);
  base.set("shadowed", "from base");

  Data inner(Data::type::object);
  inner.set("b", "inner b");
  Data a(Data::type::object);
  a.set("b", "data b");
  a.set("inner", inner);
  a.set("", "empty key");
  Data words(Data::type::list);
  words.push_back(Data("one"));
  words.push_back(Data("two"));
  Data t_partial(Data::type::object);  // a "t" in the data that lacks nav: lookup goes on down
  t_partial.set("other", "x");
  Data data(Data::type::object);
  data.set("a", a);
  data.set("words", words);
  data.set("shadowed", "from data");
  data.set("t", t_partial);

  const std::map<std::string, std::string> templates = {
      {"partials/p", "<{{t.nav.home}}>"},
  };
  const char* const pages[] = {
      "{{t.nav.home}}|{{t.nav.missing}}|{{t.other}}|{{t.dot.ted}}",
      "{{a.b}}|{{a.inner.b}}|{{#a}}{{b}}{{inner.b}}{{#inner}}{{b}}{{a.b}}{{/inner}}{{/a}}",
      "{{#words}}[{{.}}]{{/words}}|{{shadowed}}|{{#a.inner}}{{b}}{{/a.inner}}",
      "{{a.}}|{{a..b}}|{{.a}}|{{a.b.}}|{{partials/p}}|{{> partials/p}}",
  };
  for (const char* page : pages) {
    CAPTURE(page);
    std::map<std::string, std::string> all = templates;
    all["page"] = page;
    load::Theme theme;
    for (const auto& [n, text] : all) theme.templates[n] = text;
    diag::Diagnostics diags;
    Templates t(theme, diags);
    CHECK(t.render("page", data, &base) == reference(all, "page", data, &base));
  }
}

}  // namespace
}  // namespace metodika::render::site
