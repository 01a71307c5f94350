// libFuzzer harness: the front-matter splitter (generator/load/site_sources.h) on any bytes as
// a content/ Markdown file, then its diagnostics formatted with their quoted lines.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "load/site_sources.h"

using namespace metodika;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  diag::Diagnostics diags;
  diags.add_source("content/x.md", text);
  load::ContentFile file = load::split_front_matter("content/x.md", *text, diags);
  if (file.front) (void)load::node_digest(*file.front);
  (void)diags.format();
  return 0;
}
