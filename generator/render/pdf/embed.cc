#include "render/pdf/embed.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "render/pdf/flate.h"

namespace metodika::render::pdf {

namespace {

struct DocFree {
  void operator()(HPDF_Doc doc) const noexcept { HPDF_Free(doc); }
};

void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}

// FNV-1a: a subset's tag ("ABCDEF+DejaVuSans") from its bytes, so different subsets get
// different tags and the same subset the same one.
std::string subset_tag(std::string_view bytes, size_t style) {
  uint64_t hash = 1469598103934665603ULL ^ style;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

// The ToUnicode CMap: with Identity-H over code points, each code maps to itself. Runs share a
// bfrange within one high byte (PDF 32000 9.10.3 lets only the last byte vary), the rest are
// bfchars. (libharu 2.3.0 writes "begincidrange", which a ToUnicode CMap may not use.)
std::string to_unicode_cmap(const std::vector<char32_t>& code_points) {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  for (char32_t c : code_points) {
    if (!ranges.empty() && ranges.back().second + 1 == c && (c & 0xFF) != 0) {
      ranges.back().second = c;
    } else {
      ranges.emplace_back(c, c);
    }
  }
  std::vector<std::pair<char32_t, char32_t>> singles;
  std::vector<std::pair<char32_t, char32_t>> runs;
  for (const auto& range : ranges) (range.first == range.second ? singles : runs).push_back(range);

  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char buffer[48];
  // At most 100 entries a block (PDF 32000 9.10.3).
  for (size_t i = 0; i < singles.size(); i += 100) {
    const size_t n = std::min<size_t>(100, singles.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      const auto c = static_cast<unsigned>(singles[k].first);
      std::snprintf(buffer, sizeof buffer, "<%04X> <%04X>\n", c, c);
      out += buffer;
    }
    out += "endbfchar\n";
  }
  for (size_t i = 0; i < runs.size(); i += 100) {
    const size_t n = std::min<size_t>(100, runs.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) {
      const auto lo = static_cast<unsigned>(runs[k].first);
      const auto hi = static_cast<unsigned>(runs[k].second);
      std::snprintf(buffer, sizeof buffer, "<%04X> <%04X> <%04X>\n", lo, hi, lo);
      out += buffer;
    }
    out += "endbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace

EmbeddedFont embed_font(std::string_view ttf, size_t style,
                        const std::vector<char32_t>& code_points) {
  // libharu reads the font (its own parser keeps the values exactly what it wrote before) in a
  // document of its own that is thrown away.
  std::unique_ptr<HPDF_Doc_Rec, DocFree> scratch(HPDF_New(ignore_error, nullptr));
  if (!scratch) throw std::runtime_error("libharu: cannot create a document");
  HPDF_MMgr mmgr = scratch->mmgr;
  HPDF_Stream stream = HPDF_MemStream_New(mmgr, static_cast<HPDF_UINT>(ttf.size()));
  if (stream == nullptr ||
      HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(ttf.data()),
                        static_cast<HPDF_UINT>(ttf.size())) != HPDF_OK) {
    throw std::runtime_error("libharu: cannot hold a font");
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(mmgr, stream, HPDF_FALSE);
  // Registered, the definition is freed with the document.
  if (def == nullptr || HPDF_Doc_RegisterFontDef(scratch.get(), def) != HPDF_OK) {
    throw std::runtime_error("libharu could not read a subset font");
  }

  EmbeddedFont font;
  font.base_font = subset_tag(ttf, style) + "+" + def->base_font;
  font.ascent = def->ascent;
  font.descent = def->descent;
  font.flags = def->flags;
  font.bbox = {static_cast<int>(def->font_bbox.left), static_cast<int>(def->font_bbox.bottom),
               static_cast<int>(def->font_bbox.right), static_cast<int>(def->font_bbox.top)};
  font.italic_angle = def->italic_angle;
  font.stem_v = def->stemv;
  font.x_height = def->x_height;
  font.missing_width = def->missing_width;

  std::string map;
  const char32_t last = code_points.empty() ? 0 : code_points.back();
  map.assign(2 * (static_cast<size_t>(last) + 1), '\0');
  for (char32_t c : code_points) {
    if (c > 0xFFFF) continue;
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
    map[2 * c] = static_cast<char>(gid >> 8);
    map[2 * c + 1] = static_cast<char>(gid & 0xFF);
    // As libharu: a code drawn as wide as /DW needs no entry, and ends a run.
    const int width = HPDF_TTFontDef_GetGidWidth(def, gid);
    if (gid == 0 || width == font.missing_width) continue;
    if (font.widths.empty() || font.widths.back().first + font.widths.back().widths.size() != c) {
      font.widths.push_back({static_cast<uint16_t>(c), {}});
    }
    font.widths.back().widths.push_back(width);
  }

  Deflater deflater(kFontLevel);
  font.font_file = deflater.compress(ttf);
  font.font_file_length = ttf.size();
  font.cid_to_gid = deflater.compress(map);
  font.to_unicode = deflater.compress(to_unicode_cmap(code_points));
  return font;
}

}  // namespace metodika::render::pdf
