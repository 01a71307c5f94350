#pragma once

#include <string>
#include <string_view>

// Where a line must not break, for text that is typeset (the PDF review): Latvian typography
// keeps an ordinal number with the word it counts, an abbreviation with its parts, and a unit
// with its number. The web pages leave wrapping to the browser and do not use it.
namespace metodika::util {

/// `text` with U+00A0 NO-BREAK SPACE in place of the ordinary space
/// - before a unit: "16 018 EUR", "5 €", "45 %" (every language);
/// - in Latvian ("lv"): after an ordinal number followed by a lower-case word ("6. klase",
///   "18. pants", "2024. gada 31. augusts", "17. lpp."), and inside "m. g." ("2024./2025. m. g.").
/// Nothing else changes; a capitalised word after "2024." (a new sentence) stays breakable.
[[nodiscard]] std::string tie_words(std::string_view text, std::string_view lang);

}  // namespace metodika::util
