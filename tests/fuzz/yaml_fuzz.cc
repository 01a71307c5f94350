// libFuzzer harness: the YAML/JSON loader (generator/load/yaml.h, json_syntax.h) on any bytes
// as the text of a data file, as load_site reads one: .yaml parsed; .json checked, then parsed;
// then the tree digested and the diagnostics formatted with their quoted lines.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "load/json_syntax.h"
#include "load/yaml.h"

using namespace metodika;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  for (const std::string file : {"data/x.yaml", "data/x.json"}) {
    diag::Diagnostics diags;
    diags.add_source(file, text);
    if (file.ends_with(".json") && !load::check_json_syntax(*text, file, diags)) {
      (void)diags.format();
      continue;
    }
    if (auto node = load::parse_yaml(*text, file, diags)) (void)load::node_digest(*node);
    (void)diags.format();
  }
  return 0;
}
