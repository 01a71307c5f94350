#include "render/common/xml.h"

#include <doctest/doctest.h>

#include <string>

namespace metodika::render {

TEST_CASE("xml_escape replaces the five predefined entities") {
  CHECK(xml_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  CHECK(xml_escape("&amp;") == "&amp;amp;");
}

TEST_CASE("xml_escape keeps UTF-8, tab and line breaks and drops other control characters") {
  CHECK(xml_escape("Jūrmalas ģimnāzija") == "Jūrmalas ģimnāzija");
  CHECK(xml_escape("a\tb\nc\r\nd") == "a\tb\nc\r\nd");
  CHECK(xml_escape(std::string("a\x01"
                               "b\x1f"
                               "c\0d",
                               7)) == "abcd");
  CHECK(xml_escape("") == "");
}

TEST_CASE("xml_escape_to appends") {
  std::string out = "<p>";
  xml_escape_to(out, "1 < 2");
  CHECK(out == "<p>1 &lt; 2");
}

}  // namespace metodika::render
