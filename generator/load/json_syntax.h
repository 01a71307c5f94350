// Strict JSON syntax checking for .json data files. The positioned tree of a .json file comes from
// the YAML parser (JSON is YAML), but YAML also accepts what JSON forbids (trailing commas,
// comments, single quotes) and reports an unclosed bracket where the flow happens to end. So a
// .json file is first checked by nlohmann/json's SAX parser, whose errors carry the byte offset.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace metodika::load {

/// Reports the first JSON syntax error of `text` (at its line and column) and returns false;
/// returns true for valid JSON.
bool check_json_syntax(std::string_view text, const std::string& file, diag::Diagnostics& diags);

}  // namespace metodika::load
