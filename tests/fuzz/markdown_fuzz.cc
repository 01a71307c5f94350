// libFuzzer harness: the Markdown path (generator/render/common/markdown.h) on any bytes: HTML
// with raw HTML escaped and let through, the tree the PDF lays out, and the review's field
// placeholders (markdown_fields.h) filled with hostile values where the input has them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/common/markdown.h"
#include "render/common/markdown_fields.h"

using namespace metodika::render;

namespace {
const std::vector<std::string> kFields = {
    "Talsu novads", "x\n::: table iestades\n# H\n- li", "https://www.ventspils.lv/a_(b).",
    "<script>alert(1)</script> [l](javascript:alert(1)) izglitiba@talsi.lv", ""};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view md(reinterpret_cast<const char*>(data), size);
  (void)render_markdown(md);
  (void)render_markdown(md, {.raw_html = true, .heading_offset = 1, .fields = kFields});
  (void)markdown_tree(md, kFields);
  (void)find_text_links(md);
  (void)fill_markdown_fields(md, kFields, FieldContext::kHtml);
  return 0;
}
