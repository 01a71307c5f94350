#include "render/pdf/writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

namespace metodika::render::pdf {

namespace {

// libharu reports errors through a callback; C code must not be unwound through, so the callback
// only records the first error and the writer checks after each step.
struct ErrorState {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
  auto* state = static_cast<ErrorState*>(data);
  if (state->code == 0) {
    state->code = code;
    state->detail = detail;
  }
}

struct DocFree {
  void operator()(HPDF_Doc doc) const noexcept { HPDF_Free(doc); }
};
using DocPtr = std::unique_ptr<HPDF_Doc_Rec, DocFree>;

constexpr HPDF_REAL channel(uint8_t v) { return static_cast<HPDF_REAL>(v) / 255.0F; }

// FNV-1a: a subset's tag ("ABCDEF+DejaVuSans") from its bytes, so different subsets get
// different tags and the same subset the same one.
std::string subset_tag(const std::string& bytes, size_t style) {
  uint64_t hash = 1469598103934665603ULL ^ style;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

// libharu 2.3.0 writes the ToUnicode CMap of a UTF-8 font with "begincidrange", which a
// ToUnicode CMap may not use (PDF 32000 9.10.3; poppler warns on every page). With the UTF-8
// encoder a character's code is its code point, so the right map is the identity over the
// characters used.
std::string to_unicode_cmap(const std::vector<char32_t>& code_points) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> bmp;
  for (char32_t c : code_points) {
    if (c < 0x10000) bmp.push_back(c);
  }
  for (size_t i = 0; i < bmp.size(); i += 100) {
    const size_t n = std::min<size_t>(100, bmp.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    char buffer[32];
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(buffer, sizeof buffer, "<%04X> <%04X>\n", static_cast<unsigned>(bmp[k]),
                    static_cast<unsigned>(bmp[k]));
      out += buffer;
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

std::string uri_escape(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class Writer {
 public:
  Writer(const Document& document, const FontSet& fonts) : doc_(document), fonts_(fonts) {}

  std::string run() {
    pdf_.reset(HPDF_New(on_error, &error_));
    if (!pdf_) throw std::runtime_error("libharu: cannot create a document");
    HPDF_SetCompressionMode(pdf_.get(), HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf_.get());
    HPDF_SetCurrentEncoder(pdf_.get(), "UTF-8");
    check("set up the document");
    load_fonts();
    for (size_t p = 0; p < doc_.pages.size(); ++p) {
      HPDF_Page page = HPDF_AddPage(pdf_.get());
      HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(kPageWidth));
      HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(kPageHeight));
      pages_.push_back(page);
    }
    check("add pages");
    for (size_t p = 0; p < doc_.pages.size(); ++p) draw_page(pages_[p], doc_.pages[p]);
    write_outline();
    write_info();
    HPDF_SaveToStream(pdf_.get());
    check("write the PDF");
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf_.get());
    std::string bytes(size, '\0');
    HPDF_ReadFromStream(pdf_.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    check("read the PDF back");
    return bytes;
  }

 private:
  void check(const char* what) const {
    if (error_.code != 0) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, "libharu failed to %s: error 0x%04X (detail %u)", what,
                    static_cast<unsigned>(error_.code), static_cast<unsigned>(error_.detail));
      throw std::runtime_error(buffer);
    }
  }

  void load_fonts() {
    // Which characters each face draws: a bit per BMP code point (a document has ~10^5
    // characters and ~10^2 distinct ones).
    std::array<std::vector<bool>, kFontStyles> seen;
    for (const auto& page : doc_.pages) {
      for (const Op& op : page) {
        const auto* text = std::get_if<TextOp>(&op);
        if (text == nullptr) continue;
        std::vector<bool>& bits = seen[static_cast<size_t>(text->font)];
        if (bits.empty()) bits.resize(0x10000);
        for (size_t i = 0; i < text->text.size();) {
          const char32_t c = next_code_point(text->text, i);
          if (c < 0x10000) bits[c] = true;
        }
      }
    }
    for (size_t style = 0; style < kFontStyles; ++style) {
      if (seen[style].empty()) continue;
      std::vector<char32_t> points;
      for (char32_t c = 0; c < 0x10000; ++c) {
        if (seen[style][c]) points.push_back(c);
      }
      const std::shared_ptr<const std::string> bytes =
          fonts_.subset(static_cast<FontStyle>(style), points);
      // libharu 2.3.0 loads TrueType only from a file (HPDF_LoadTTFontFromFile); its own
      // loader is a memory stream handed to HPDF_TTFontDef_Load, done here the same way
      // (hpdf_doc.c LoadTTFontFromStream), so nothing touches the disk.
      HPDF_Doc pdf = pdf_.get();
      HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, static_cast<HPDF_UINT>(bytes->size()));
      if (stream == nullptr) check("allocate a font stream");
      HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes->data()),
                        static_cast<HPDF_UINT>(bytes->size()));
      HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
      if (def == nullptr) {
        check("read a font");
        throw std::runtime_error("libharu could not read a subset font");
      }
      std::string tag = subset_tag(*bytes, style);
      HPDF_TTFontDef_SetTagName(def, tag.data());
      HPDF_Doc_RegisterFontDef(pdf, def);
      check("register a font");
      HPDF_Font font = HPDF_GetFont(pdf, def->base_font, "UTF-8");
      check("create a font");
      auto* attr = static_cast<HPDF_FontAttr>(font->attr);
      if (attr->cmap_stream != nullptr) {
        HPDF_MemStream_FreeData(attr->cmap_stream->stream);
        HPDF_Stream_WriteStr(attr->cmap_stream->stream, to_unicode_cmap(points).c_str());
      }
      // libharu 2.3.0 maps every code point up to U+FFFF in a UTF-8 font's CIDToGIDMap, 128 KB
      // to compress in every document; codes past the last one drawn are never used.
      if (attr->map_stream != nullptr && !points.empty()) {
        std::string map;
        map.reserve(2 * (points.back() + 1));
        for (char32_t c = 0; c <= points.back(); ++c) {
          const HPDF_UINT16 gid =
              seen[style][c] ? HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c)) : 0;
          map += static_cast<char>(gid >> 8);
          map += static_cast<char>(gid & 0xFF);
        }
        HPDF_MemStream_FreeData(attr->map_stream->stream);
        HPDF_Stream_Write(attr->map_stream->stream,
                          reinterpret_cast<const HPDF_BYTE*>(map.data()),
                          static_cast<HPDF_UINT>(map.size()));
      }
      fonts_by_style_[style] = font;
    }
    check("load the fonts");
  }

  // libharu writes every state change it is asked for; these skip the ones that change nothing
  // (a table page sets the same rule width and colour for every row).
  void set_fill(HPDF_Page page, Rgb c) {
    if (state_.fill == c) return;
    HPDF_Page_SetRGBFill(page, channel(c.r), channel(c.g), channel(c.b));
    state_.fill = c;
  }
  void set_stroke(HPDF_Page page, Rgb c) {
    if (state_.stroke == c) return;
    HPDF_Page_SetRGBStroke(page, channel(c.r), channel(c.g), channel(c.b));
    state_.stroke = c;
  }
  void set_line_width(HPDF_Page page, double width) {
    if (state_.width == width) return;
    HPDF_Page_SetLineWidth(page, px(width));
    state_.width = width;
  }
  // GSave/GRestore (patterns) leave the state unknown.
  void forget_state() { state_ = {}; }
  static HPDF_REAL px(double x) { return static_cast<HPDF_REAL>(x); }
  static HPDF_REAL py(double y) { return static_cast<HPDF_REAL>(kPageHeight - y); }

  void set_dash(HPDF_Page page, Dash dash) {
    static const HPDF_UINT16 kDashed[] = {5, 3};
    static const HPDF_UINT16 kDotted[] = {1, 2};
    static const HPDF_UINT16 kReference[] = {6, 3};
    if (state_.dash == dash) return;
    state_.dash = dash;
    switch (dash) {
      case Dash::kSolid:
        HPDF_Page_SetDash(page, nullptr, 0, 0);
        break;
      case Dash::kDashed:
        HPDF_Page_SetDash(page, kDashed, 2, 0);
        break;
      case Dash::kDotted:
        HPDF_Page_SetDash(page, kDotted, 2, 0);
        break;
      case Dash::kReference:
        HPDF_Page_SetDash(page, kReference, 2, 0);
        break;
    }
  }

  void draw_pattern(HPDF_Page page, const RectOp& rect) {
    const Box& b = rect.box;
    HPDF_Page_GSave(page);
    HPDF_Page_Rectangle(page, px(b.x), py(b.y + b.height), px(b.width), px(b.height));
    HPDF_Page_Clip(page);
    HPDF_Page_EndPath(page);
    set_stroke(page, rect.ink);
    set_fill(page, rect.ink);
    HPDF_Page_SetDash(page, nullptr, 0, 0);
    const double pitch = 4.5;
    const double left = b.x;
    const double right = b.x + b.width;
    const double top = b.y;
    const double bottom = b.y + b.height;
    const auto diagonals = [&](bool back) {
      // Lines at 45 degrees covering the box.
      for (double d = -b.height; d <= b.width + b.height; d += pitch) {
        const double x0 = left + d;
        if (back) {
          HPDF_Page_MoveTo(page, px(x0), py(top));
          HPDF_Page_LineTo(page, px(x0 + b.height), py(bottom));
        } else {
          HPDF_Page_MoveTo(page, px(x0), py(bottom));
          HPDF_Page_LineTo(page, px(x0 + b.height), py(top));
        }
      }
    };
    switch (rect.pattern) {
      case Fill::kSolid:
        break;
      case Fill::kDiagonal:
        HPDF_Page_SetLineWidth(page, 1.1F);
        diagonals(false);
        HPDF_Page_Stroke(page);
        break;
      case Fill::kBackDiagonal:
        HPDF_Page_SetLineWidth(page, 1.1F);
        diagonals(true);
        HPDF_Page_Stroke(page);
        break;
      case Fill::kCrosshatch:
        HPDF_Page_SetLineWidth(page, 0.75F);
        diagonals(false);
        diagonals(true);
        HPDF_Page_Stroke(page);
        break;
      case Fill::kHorizontal:
        HPDF_Page_SetLineWidth(page, 1.1F);
        for (double y = top + pitch / 2; y < bottom; y += pitch) {
          HPDF_Page_MoveTo(page, px(left), py(y));
          HPDF_Page_LineTo(page, px(right), py(y));
        }
        HPDF_Page_Stroke(page);
        break;
      case Fill::kDots:
        // Round-capped strokes a hair long: a dot in ~25 bytes, where a circle takes ~150.
        HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
        HPDF_Page_SetLineWidth(page, 2.0F);
        for (double y = top + pitch / 2; y < bottom + pitch; y += pitch) {
          for (double x = left + pitch / 2; x < right + pitch; x += pitch) {
            HPDF_Page_MoveTo(page, px(x), py(y));
            HPDF_Page_LineTo(page, px(x + 0.01), py(y));
          }
        }
        HPDF_Page_Stroke(page);
        break;
    }
    HPDF_Page_GRestore(page);
    forget_state();
  }

  void draw_marker(HPDF_Page page, const MarkerOp& m) {
    const double s = m.scale;
    const double x = m.at.x;
    const double y = m.at.y;
    set_fill(page, m.fill);
    set_stroke(page, m.stroke);
    set_line_width(page, 0.8 * s);
    set_dash(page, Dash::kSolid);
    // The SVG's marker paths (svg_chart.cc), in chart units around the point.
    const auto poly = [&](std::initializer_list<Point> pts) {
      bool first = true;
      for (const Point& p : pts) {
        if (first) HPDF_Page_MoveTo(page, px(x + p.x * s), py(y + p.y * s));
        else HPDF_Page_LineTo(page, px(x + p.x * s), py(y + p.y * s));
        first = false;
      }
      HPDF_Page_ClosePath(page);
    };
    switch (m.marker) {
      case Marker::kCircle:
        HPDF_Page_Circle(page, px(x), py(y), px(4.5 * s));
        break;
      case Marker::kSquare:
        poly({{-4, -4}, {4, -4}, {4, 4}, {-4, 4}});
        break;
      case Marker::kTriangle:
        poly({{0, -5.5}, {5, 3.5}, {-5, 3.5}});
        break;
      case Marker::kDiamond:
        poly({{0, -5.5}, {5.5, 0}, {0, 5.5}, {-5.5, 0}});
        break;
      case Marker::kTriangleDown:
        poly({{0, 5.5}, {5, -3.5}, {-5, -3.5}});
        break;
      case Marker::kPlus:
        poly({{-1.8, -5.5}, {1.8, -5.5}, {1.8, -1.8}, {5.5, -1.8}, {5.5, 1.8}, {1.8, 1.8},
              {1.8, 5.5}, {-1.8, 5.5}, {-1.8, 1.8}, {-5.5, 1.8}, {-5.5, -1.8}, {-1.8, -1.8}});
        break;
    }
    HPDF_Page_FillStroke(page);
  }

  void draw_page(HPDF_Page page, const std::vector<Op>& ops) {
    forget_state();
    // A new page starts from the default state: black, 1 pt, solid.
    state_.fill = Rgb{0, 0, 0};
    state_.stroke = Rgb{0, 0, 0};
    state_.width = 1;
    state_.dash = Dash::kSolid;
    // Graphics first, text on top (a text object cannot hold path operators), links last.
    for (const Op& op : ops) {
      if (const auto* line = std::get_if<LineOp>(&op)) {
        if (line->points.size() < 2) continue;
        set_line_width(page, line->width);
        set_stroke(page, line->colour);
        set_dash(page, line->dash);
        HPDF_Page_MoveTo(page, px(line->points[0].x), py(line->points[0].y));
        for (size_t i = 1; i < line->points.size(); ++i) {
          HPDF_Page_LineTo(page, px(line->points[i].x), py(line->points[i].y));
        }
        HPDF_Page_Stroke(page);
      } else if (const auto* rect = std::get_if<RectOp>(&op)) {
        const Box& b = rect->box;
        if (rect->fill) {
          set_fill(page, *rect->fill);
          HPDF_Page_Rectangle(page, px(b.x), py(b.y + b.height), px(b.width), px(b.height));
          HPDF_Page_Fill(page);
        }
        if (rect->pattern != Fill::kSolid) draw_pattern(page, *rect);
        if (rect->stroke) {
          set_line_width(page, rect->stroke_width);
          set_stroke(page, *rect->stroke);
          set_dash(page, Dash::kSolid);
          HPDF_Page_Rectangle(page, px(b.x), py(b.y + b.height), px(b.width), px(b.height));
          HPDF_Page_Stroke(page);
        }
      } else if (const auto* marker = std::get_if<MarkerOp>(&op)) {
        draw_marker(page, *marker);
      }
    }
    bool in_text = false;
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    for (const Op& op : ops) {
      const auto* text = std::get_if<TextOp>(&op);
      if (text == nullptr || text->text.empty()) continue;
      if (!in_text) {
        HPDF_Page_BeginText(page);
        in_text = true;
      }
      HPDF_Font font = fonts_by_style_[static_cast<size_t>(text->font)];
      if (font != current_font || text->size != current_size) {
        HPDF_Page_SetFontAndSize(page, font, px(text->size));
        current_font = font;
        current_size = text->size;
      }
      set_fill(page, text->colour);
      if (text->rotate != 0) {
        const double a = -text->rotate * M_PI / 180.0;
        HPDF_Page_SetTextMatrix(page, px(std::cos(a)), px(std::sin(a)), px(-std::sin(a)),
                                px(std::cos(a)), px(text->x), py(text->y));
      } else {
        HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, px(text->x), py(text->y));
      }
      HPDF_Page_ShowText(page, text->text.c_str());
    }
    if (in_text) HPDF_Page_EndText(page);
    for (const Op& op : ops) {
      const auto* link = std::get_if<LinkOp>(&op);
      if (link == nullptr) continue;
      const Box& b = link->box;
      HPDF_Rect rect{px(b.x), py(b.y + b.height), px(b.x + b.width), py(b.y)};
      HPDF_Annotation annot = nullptr;
      if (link->anchor >= 0 && static_cast<size_t>(link->anchor) < doc_.anchors.size()) {
        const auto [target, y] = doc_.anchors[static_cast<size_t>(link->anchor)];
        if (target < 0 || static_cast<size_t>(target) >= pages_.size()) continue;
        annot = HPDF_Page_CreateLinkAnnot(page, rect, destination(target, y));
      } else if (!link->url.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(page, rect, uri_escape(link->url).c_str());
      }
      if (annot != nullptr) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    }
    check("draw a page");
  }

  HPDF_Destination destination(int page, double y) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(page)]);
    // libharu's SetXYZ refuses zoom 0 ("keep the reader's zoom"); FitH keeps the page width.
    HPDF_Destination_SetFitH(dst, py(std::max(0.0, y - 12)));
    return dst;
  }

  void write_outline() {
    if (doc_.outline.empty()) return;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_.get(), "UTF-8");
    HPDF_Outline chapter = nullptr;
    for (const OutlineEntry& entry : doc_.outline) {
      if (entry.page < 0 || static_cast<size_t>(entry.page) >= pages_.size()) continue;
      HPDF_Outline parent = entry.level == 0 || chapter == nullptr ? nullptr : chapter;
      HPDF_Outline outline = HPDF_CreateOutline(pdf_.get(), parent, entry.title.c_str(), utf8);
      HPDF_Outline_SetDestination(outline, destination(entry.page, entry.y));
      HPDF_Outline_SetOpened(outline, HPDF_FALSE);
      if (entry.level == 0) chapter = outline;
    }
    HPDF_SetPageMode(pdf_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
    check("write the outline");
  }

  void write_info() {
    HPDF_Doc pdf = pdf_.get();
    const DocumentInfo& info = doc_.info;
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, info.creator.c_str());
    HPDF_Date date{};
    date.year = info.created.year;
    date.month = info.created.month;
    date.day = info.created.day;
    date.ind = 'Z';
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    // libharu has no call for the catalog's /Lang (PDF 32000 14.9.2); the catalog is a plain
    // dictionary.
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, info.lang.c_str(), nullptr));
    // Viewers show the title, not the file name.
    HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
    check("write the document info");
  }

  const Document& doc_;
  const FontSet& fonts_;
  ErrorState error_;
  DocPtr pdf_;
  std::vector<HPDF_Page> pages_;
  struct GraphicsState {
    std::optional<Rgb> fill;
    std::optional<Rgb> stroke;
    std::optional<double> width;
    std::optional<Dash> dash;
  } state_;
  std::array<HPDF_Font, kFontStyles> fonts_by_style_{};
};

}  // namespace

std::string write_pdf(const Document& document, const FontSet& fonts) {
  return Writer(document, fonts).run();
}

}  // namespace metodika::render::pdf
