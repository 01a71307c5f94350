#include "render/common/html.h"

#include <doctest/doctest.h>

namespace metodika::render {

TEST_CASE("html_escape escapes the five characters that can break out of text or attributes") {
  CHECK(html_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(html_escape("Jūrmalas ģimnāzija") == "Jūrmalas ģimnāzija");
  CHECK(html_escape("") == "");
}

}  // namespace metodika::render
