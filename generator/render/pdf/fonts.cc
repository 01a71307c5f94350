#include "render/pdf/fonts.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <stdexcept>

#include "load/fonts.h"

namespace metodika::render::pdf {

namespace {

struct BlobFree {
  void operator()(hb_blob_t* blob) const noexcept { hb_blob_destroy(blob); }
};
struct FaceFree {
  void operator()(hb_face_t* face) const noexcept { hb_face_destroy(face); }
};
struct FontFree {
  void operator()(hb_font_t* font) const noexcept { hb_font_destroy(font); }
};
struct SubsetInputFree {
  void operator()(hb_subset_input_t* input) const noexcept { hb_subset_input_destroy(input); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, BlobFree>;
using FacePtr = std::unique_ptr<hb_face_t, FaceFree>;
using FontPtr = std::unique_ptr<hb_font_t, FontFree>;
using SubsetInputPtr = std::unique_ptr<hb_subset_input_t, SubsetInputFree>;

// The bytes stay owned by the caller; HarfBuzz only reads them while the face lives.
FacePtr make_face(std::string_view ttf) {
  BlobPtr blob(hb_blob_create(ttf.data(), static_cast<unsigned>(ttf.size()),
                              HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  return FacePtr(hb_face_create(blob.get(), 0));
}

}  // namespace

char32_t next_code_point(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    c = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    c = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    c = lead & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<size_t>(extra) >= text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += static_cast<size_t>(extra) + 1;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

FontMetrics::FontMetrics(std::string_view ttf) : advances_(0x10000, -1) {
  FacePtr face = make_face(ttf);
  FontPtr font(hb_font_create(face.get()));
  const unsigned upem = hb_face_get_upem(face.get());
  hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));
  // libharu: advance_width * 1000 / units_per_em, in integers.
  const auto per_mille = [&](hb_codepoint_t glyph) {
    const auto advance = static_cast<unsigned>(hb_font_get_glyph_h_advance(font.get(), glyph));
    return static_cast<int>(advance * 1000 / upem);
  };
  missing_ = per_mille(0);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face.get(), unicodes);
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
    if (c >= advances_.size()) break;
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font.get(), c, &glyph)) {
      advances_[c] = static_cast<int16_t>(per_mille(glyph));
    }
  }
  hb_set_destroy(unicodes);
  hb_font_extents_t extents{};
  hb_font_get_h_extents(font.get(), &extents);
  ascender_ = static_cast<int>(extents.ascender * 1000 / static_cast<int>(upem));
  descender_ = static_cast<int>(extents.descender * 1000 / static_cast<int>(upem));
}

double FontMetrics::width(std::string_view text, double size) const {
  long total = 0;
  for (size_t i = 0; i < text.size();) total += advance(next_code_point(text, i));
  return static_cast<double>(total) * size / 1000.0;
}

std::string subset_font(std::string_view ttf, const std::vector<char32_t>& code_points) {
  FacePtr face = make_face(ttf);
  SubsetInputPtr input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("HarfBuzz: cannot create a subset input");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : code_points) hb_set_add(unicodes, c);
  // Hinting is for screens at small pixel sizes; viewers hint themselves. libharu reads only
  // head, hhea, maxp, hmtx, cmap, loca, glyf, name, post and OS/2.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "FFTM", "BASE", "JSTF", "MATH", "hdmx",
                          "VDMX", "LTSH", "gasp", "DSIG", "fpgm", "prep", "cvt "}) {
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  }
  FacePtr result(hb_subset_or_fail(face.get(), input.get()));
  if (!result) throw std::runtime_error("HarfBuzz could not subset a font");
  BlobPtr blob(hb_face_reference_blob(result.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  return std::string(data, length);
}

FontSet::FontSet(const load::Fonts& fonts)
    : ttf_{fonts.regular, fonts.bold, fonts.oblique, fonts.bold_oblique, fonts.mono} {
  metrics_.reserve(kFontStyles);
  for (std::string_view ttf : ttf_) metrics_.emplace_back(ttf);
}

std::shared_ptr<const EmbeddedFont> FontSet::embedded(FontStyle style,
                                                      const std::vector<char32_t>& used) const {
  // Only the characters drawn: a face cut to a fixed wider set (all of Latvian and English) would
  // be shared by more documents, but costs each of them ~10 KB more per face, and cutting to
  // the exact set (~0.5 ms a face) is cheaper than compressing those bytes into every file.
  auto key = std::make_pair(style, used);
  {
    const std::lock_guard lock(mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) return found->second;
  }
  const auto index = static_cast<size_t>(style);
  auto font =
      std::make_shared<const EmbeddedFont>(embed_font(subset_font(ttf_[index], used), index, used));
  const std::lock_guard lock(mutex_);
  // Bounded: a site whose every document has its own rare characters does not grow it forever.
  if (cache_.size() >= 256) cache_.clear();
  return cache_.emplace(std::move(key), std::move(font)).first->second;
}

}  // namespace metodika::render::pdf
