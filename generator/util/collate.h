#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace metodika::util {

/// Locale-aware string ordering through ICU (CLDR collation), for every list a reader sees sorted:
/// Latvian sorts č ģ ķ ļ ņ š ž as letters of their own (c < č < d) while ā ē ī ū tie with
/// a e i u unless the words are otherwise equal, so "ābols" < "acs" < "čaula"
/// (REFERENCE-lv.md section 5). Byte order and C-locale strcoll get both wrong.
///
/// Input is UTF-8; ill-formed sequences compare as U+FFFD. Canonically equivalent strings
/// (precomposed "ā" and "a" + U+0304) compare equal. Equal under `compare` does not mean equal
/// bytes, so a sort meant to be deterministic still needs a final tie-break (e.g. on the id).
///
/// Thread safety: construction is not shared; once built, `compare`, `less` and `sort_key` are
/// const and may be called from several threads on the same instance at once. ICU documents
/// const Collator methods as thread-safe ("Thread-safe const APIs" in the ICU design guide), and
/// this class never changes the collator's attributes after the constructor.
class Collator {
 public:
  /// Opens the collator for `locale` ("lv" by default; any ICU/BCP 47 locale id). A locale ICU
  /// has no tailoring for falls back to the CLDR root order. Throws std::runtime_error if ICU
  /// cannot open a collator at all (missing ICU data).
  explicit Collator(std::string_view locale = "lv");
  ~Collator();
  /// A moved-from Collator may only be assigned to or destroyed.
  Collator(Collator&&) noexcept;
  Collator& operator=(Collator&&) noexcept;
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  /// Negative if `a` sorts before `b`, 0 if they are collation-equal, positive otherwise.
  [[nodiscard]] int compare(std::string_view a, std::string_view b) const;

  /// True if `a` sorts strictly before `b`; a strict weak ordering usable with std::sort.
  [[nodiscard]] bool less(std::string_view a, std::string_view b) const;

  /// ICU sort key of `text`: comparing two keys as std::string (bytewise, unsigned, like memcmp)
  /// gives the same sign as `compare` on the texts. Compute keys once when sorting many items.
  /// The key has no terminating NUL and contains no NUL bytes.
  [[nodiscard]] std::string sort_key(std::string_view text) const;

  /// One collator per locale for the whole process, opened on first use (thread-safe). For
  /// code that sorts for a language without owning a collator.
  [[nodiscard]] static const Collator& for_language(std::string_view locale);

 private:
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace metodika::util
