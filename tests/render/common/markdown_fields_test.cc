// generator/render/common/markdown_fields.cc and the fields of render_markdown/markdown_tree:
// values put into parsed Markdown as text.
#include "render/common/markdown_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/common/markdown.h"

namespace metodika::render {
namespace {

std::vector<std::string> links_in(std::string_view text) {
  std::vector<std::string> out;
  for (const TextLink& l : find_text_links(text)) {
    out.push_back(std::string(text.substr(l.begin, l.end - l.begin)) + " -> " + l.url);
  }
  return out;
}

TEST_CASE("placeholders are split out and filled; unknown ones stay as they are") {
  const std::vector<std::string> fields = {"A*B", "x\ny"};
  const std::string md = "a " + markdown_field(0) + " b " + markdown_field(1) + markdown_field(7);
  CHECK(has_markdown_field(md));
  CHECK_FALSE(has_markdown_field("plain"));
  const auto pieces = split_markdown_fields(md, fields);
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[1].field);
  CHECK(pieces[1].text == "A*B");
  CHECK(pieces[4].text == markdown_field(7));
  CHECK_FALSE(pieces[4].field);
  CHECK(fill_markdown_fields(md, fields, FieldContext::kText) == "a A*B b x y" + markdown_field(7));
  CHECK(fill_markdown_fields(md, fields, FieldContext::kVerbatim) ==
        "a A*B b x\ny" + markdown_field(7));
  CHECK(field_value("<a href=\"x\">", FieldContext::kHtml) == "&lt;a href=&quot;x&quot;&gt;");
  // A broken or endless mark is text.
  CHECK(fill_markdown_fields("\xEE\x80\x80"
                             "12345678901234567890\xEE\x80\x81",
                             fields, FieldContext::kText) ==
        "\xEE\x80\x80"
        "12345678901234567890\xEE\x80\x81");
  CHECK(split_markdown_fields("\xEE\x80\x80", fields).size() == 1);
}

TEST_CASE("find_text_links finds web and e-mail addresses as GitHub's autolinks do") {
  CHECK(links_in("Mājaslapa https://www.ventspils.lv/lv/izglitiba.") ==
        std::vector<std::string>{
            "https://www.ventspils.lv/lv/izglitiba -> https://www.ventspils.lv/lv/izglitiba"});
  CHECK(links_in("(skat. www.example.lv/a_(b)), HTTP://X.LV!") ==
        std::vector<std::string>{"www.example.lv/a_(b) -> http://www.example.lv/a_(b)",
                                 "HTTP://X.LV -> HTTP://X.LV"});
  CHECK(
      links_in("raksti: izglitiba@talsi.example.lv.") ==
      std::vector<std::string>{"izglitiba@talsi.example.lv -> mailto:izglitiba@talsi.example.lv"});
  CHECK(
      links_in("javascript:alert(1) data:text/html,x xhttp://a.lv http:// www. a@b @x.lv").empty());
  CHECK(links_in("https://a.lv<script>") ==
        std::vector<std::string>{"https://a.lv -> https://a.lv"});
}

TEST_CASE("render_markdown puts values in as text after parsing") {
  const std::vector<std::string> fields = {"\n# H\n::: table x\n- li\n1. ol\n    code",
                                           "*em* [l](http://x) `c` &amp; | pipe",
                                           "javascript:alert(1)", "www.talsi.lv"};
  const std::string md = "## T " + markdown_field(0) + "\n\n" + markdown_field(1) + " | " +
                         "[go](" + markdown_field(2) + ") [s](" + markdown_field(3) + ")\n\n`" +
                         markdown_field(1) + "`\n\n**" + markdown_field(3) + "**\n";
  MarkdownResult r = render_markdown(md, {.fields = fields});
  CHECK(r.html ==
        "<h2 id=\"t-h-table-x-li-1-ol-code\">T  # H ::: table x - li 1. ol     code</h2>\n"
        "<p>*em* [l](<a href=\"http://x\">http://x</a>) `c` &amp;amp; | pipe | go "
        "<a href=\"www.talsi.lv\">s</a></p>\n"
        "<p><code>*em* [l](http://x) `c` &amp;amp; | pipe</code></p>\n"
        "<p><strong><a href=\"http://www.talsi.lv\">www.talsi.lv</a></strong></p>\n");
  REQUIRE(r.headings.size() == 1);
  CHECK(r.headings[0].text == "T # H ::: table x - li 1. ol code");
}

TEST_CASE("a value inside raw HTML is escaped when the site lets raw HTML through") {
  const std::vector<std::string> fields = {"<script>alert(1)</script> \"q\""};
  const std::string md = "<b title=\"" + markdown_field(0) + "\">" + markdown_field(0) + "</b>\n";
  CHECK(render_markdown(md, {.raw_html = true, .fields = fields}).html ==
        "<p><b title=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;\">"
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;</b></p>\n");
  CHECK(render_markdown(md, {.fields = fields}).html ==
        "<p>&lt;b title=&quot;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;&quot;&gt;"
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;&lt;/b&gt;</p>\n");
}

TEST_CASE("markdown_tree puts values in as text; addresses become links") {
  const std::vector<std::string> fields = {"<b>x</b> https://a.lv"};
  MarkdownNode tree = markdown_tree("- " + markdown_field(0) + "\n", fields);
  REQUIRE(tree.children.size() == 1);
  const MarkdownNode& item = tree.children[0].children.at(0);
  const MarkdownNode& para = item.children.at(0);
  REQUIRE(para.children.size() == 2);
  CHECK(para.children[0].kind == MarkdownNode::Kind::kText);
  CHECK(para.children[0].text == "<b>x</b> ");
  CHECK(para.children[1].kind == MarkdownNode::Kind::kLink);
  CHECK(para.children[1].url == "https://a.lv");
}

}  // namespace
}  // namespace metodika::render
