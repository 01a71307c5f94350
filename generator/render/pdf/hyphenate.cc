#include "render/pdf/hyphenate.h"

#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "render/pdf/fonts.h"

namespace metodika::render::pdf {

namespace {

// ISO 8859-13 (Latin-7) lower-case byte of a letter, 0 for anything else. Upper case maps to
// lower case: the patterns are lower case.
unsigned char latin7_lower(char32_t c) {
  if (c >= 'a' && c <= 'z') return static_cast<unsigned char>(c);
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c - 'A' + 'a');
  switch (c) {
    case U'ā': case U'Ā': return 0xE2;
    case U'č': case U'Č': return 0xE8;
    case U'ē': case U'Ē': return 0xE7;
    case U'ģ': case U'Ģ': return 0xEC;
    case U'ī': case U'Ī': return 0xEE;
    case U'ķ': case U'Ķ': return 0xED;
    case U'ļ': case U'Ļ': return 0xEF;
    case U'ņ': case U'Ņ': return 0xF2;
    case U'š': case U'Š': return 0xF0;
    case U'ū': case U'Ū': return 0xFB;
    case U'ž': case U'Ž': return 0xFE;
    case U'ō': case U'Ō': return 0xF4;
    case U'ą': case U'Ą': return 0xE0;
    case U'ę': case U'Ę': return 0xE6;
    case U'ė': case U'Ė': return 0xEB;
    case U'į': case U'Į': return 0xE1;
    case U'ų': case U'Ų': return 0xF8;
    case U'ö': case U'Ö': return 0xF6;
    case U'ä': case U'Ä': return 0xE4;
    case U'ü': case U'Ü': return 0xFC;
    case U'õ': case U'Õ': return 0xF5;
    default: return 0;
  }
}

struct FileClose {
  void operator()(FILE* file) const noexcept { std::fclose(file); }
};

}  // namespace

Hyphenator::Hyphenator(std::string_view dictionary) {
  // libhyphen reads from a FILE*; a read-only memory stream keeps this renderer off the disk.
  std::unique_ptr<FILE, FileClose> file(
      fmemopen(const_cast<char*>(dictionary.data()), dictionary.size(), "r"));
  if (!file) throw std::runtime_error("cannot open the hyphenation patterns");
  dict_ = hnj_hyphen_load_file(file.get());
  if (dict_ == nullptr) throw std::runtime_error("cannot read the hyphenation patterns");
}

Hyphenator::~Hyphenator() {
  if (dict_ != nullptr) hnj_hyphen_free(dict_);
}

std::vector<size_t> Hyphenator::points(std::string_view word) const {
  std::string encoded;
  std::vector<size_t> offsets;  // byte offset in `word` of each letter
  for (size_t i = 0; i < word.size();) {
    offsets.push_back(i);
    const unsigned char byte = latin7_lower(next_code_point(word, i));
    if (byte == 0) return {};
    encoded += static_cast<char>(byte);
  }
  const int length = static_cast<int>(encoded.size());
  if (length < 5) return {};
  std::vector<char> hyphens(encoded.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict_, encoded.data(), length, hyphens.data(), nullptr, &rep, &pos, &cut,
                        2, 2, 2, 2);
  if (rep != nullptr) {  // non-standard hyphenation: Latvian patterns have none; ignore
    for (int k = 0; k < length; ++k) std::free(rep[k]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  std::vector<size_t> result;
  // hyphens[k] odd: a hyphen may follow letter k.
  for (int k = 1; k + 2 < length; ++k) {
    if ((hyphens[static_cast<size_t>(k)] - '0') % 2 == 1) {
      result.push_back(offsets[static_cast<size_t>(k) + 1]);
    }
  }
  return result;
}

}  // namespace metodika::render::pdf
