#include "render/common/html.h"

#include <doctest/doctest.h>

namespace metodika::render {

TEST_CASE("html_escape escapes the five characters that can break out of text or attributes") {
  CHECK(html_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(html_escape("Jūrmalas ģimnāzija") == "Jūrmalas ģimnāzija");
  CHECK(html_escape("") == "");
}

TEST_CASE("html_escape_to appends, with escapes at the edges and side by side") {
  std::string out = "<p>";
  html_escape_to(out, "&<>\"'");
  html_escape_to(out, "a&b");
  html_escape_to(out, "");
  html_escape_to(out, "'x'");
  CHECK(out == "<p>&amp;&lt;&gt;&quot;&#39;a&amp;b&#39;x&#39;");
}

}  // namespace metodika::render
