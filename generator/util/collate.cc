#include "util/collate.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace metodika::util {

namespace {

// ICU takes int32_t lengths; refuse (as a bug) strings that do not fit rather than truncate.
int32_t checked_length(std::string_view text) {
  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    throw std::length_error("Collator: string longer than 2 GiB");
  }
  return static_cast<int32_t>(text.size());
}

}  // namespace

Collator::Collator(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string locale_id(locale);
  collator_.reset(icu::Collator::createInstance(icu::Locale(locale_id.c_str()), status));
  if (U_FAILURE(status) || collator_ == nullptr) {
    throw std::runtime_error("cannot open ICU collator for locale '" + locale_id +
                             "': " + u_errorName(status));
  }
  // Normalization makes decomposed input ("a" + U+0304) sort exactly like "ā"; it costs nothing
  // on the usual precomposed (FCD) text.
  collator_->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("cannot configure ICU collator for locale '" + locale_id +
                             "': " + u_errorName(status));
  }
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;

const Collator& Collator::for_language(std::string_view locale) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Collator>, std::less<>> open;
  std::lock_guard lock(mu);
  auto it = open.find(locale);
  if (it == open.end()) {
    it = open.emplace(std::string(locale), std::make_unique<Collator>(locale)).first;
  }
  return *it->second;
}
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result =
      collator_->compareUTF8(icu::StringPiece(a.data(), checked_length(a)),
                             icu::StringPiece(b.data(), checked_length(b)), status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU collation failed: ") + u_errorName(status));
  }
  return static_cast<int>(result);
}

bool Collator::less(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

std::string Collator::sort_key(std::string_view text) const {
  const icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), checked_length(text)));
  // Sort keys are usually a little longer than the text; one retry covers the rest.
  std::vector<uint8_t> key(text.size() * 2 + 16);
  int32_t length = collator_->getSortKey(unicode, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(length));
    length = collator_->getSortKey(unicode, key.data(), length);
  }
  if (length <= 0) throw std::runtime_error("ICU could not compute a sort key");
  // `length` counts ICU's terminating NUL, which is the only 0 byte in a key; drop it.
  return std::string(key.begin(), key.begin() + (length - 1));
}

}  // namespace metodika::util
