#include "render/pdf/writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>

#include "render/pdf/content.h"
#include "render/pdf/embed.h"
#include "render/pdf/flate.h"
#include "render/pdf/tagging.h"

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

// Pre-compressed stream data: libharu writes /Filter only for streams it compresses itself, so
// the dictionary adds it at the end of its entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// Tiling patterns (PDF 32000 8.7.3) for the chart fills, each drawn once per document instead of
// every hatch line of every bar (a third of a review's content bytes). Lines and dots every:
constexpr double kPitch = 4.5;
// A cell holds this many pitches each way: viewers draw a cell at whole device pixels, and a
// one-pitch cell (4.375 px at 70 dpi) comes out visibly coarser than lines drawn one by one.
constexpr int kCellPitches = 8;

// A tiling pattern: the fill and its ink. One per document each, anchored to the page rather
// than to each box (a pattern per box would take more bytes than the hatching it replaces): the
// hatching in a bar starts up to a pitch away from where the line-by-line drawing started it.
struct PatternKey {
  Fill fill = Fill::kSolid;
  Rgb ink;
  auto tie() const { return std::tuple(fill, ink.r, ink.g, ink.b); }
  bool operator<(const PatternKey& other) const { return tie() < other.tie(); }
};

// The cell of `key`'s fill: lines pass through the cell's corners ("/" and "\") or the middle
// of each pitch (lines, dots), running past the edges, which clip them.
std::string pattern_cell(const PatternKey& key) {
  Content cell;
  cell.forget_state();
  cell.stroke_colour(key.ink);
  cell.dash(Dash::kSolid);
  const double p = kPitch;
  const double size = kCellPitches * kPitch;
  const auto rising = [&] {
    for (int k = -kCellPitches; k <= kCellPitches; ++k) {
      cell.move_to(-p, -p + k * p);
      cell.line_to(size + p, size + p + k * p);
    }
  };
  const auto falling = [&] {
    for (int k = 0; k <= 2 * kCellPitches; ++k) {
      cell.move_to(-p, p + k * p);
      cell.line_to(size + p, -size - p + k * p);
    }
  };
  switch (key.fill) {
    case Fill::kSolid:
      break;
    case Fill::kDiagonal:
      cell.line_width(1.1);
      rising();
      break;
    case Fill::kBackDiagonal:
      cell.line_width(1.1);
      falling();
      break;
    case Fill::kCrosshatch:
      cell.line_width(0.75);
      rising();
      falling();
      break;
    case Fill::kHorizontal:
      cell.line_width(1.1);
      for (int k = 0; k < kCellPitches; ++k) {
        cell.move_to(-1, p / 2 + k * p);
        cell.line_to(size + 1, p / 2 + k * p);
      }
      break;
    case Fill::kDots:
      // Round-capped strokes a hair long: dots of 2 pt.
      cell.line_cap(true);
      cell.line_width(2.0);
      for (int j = 0; j < kCellPitches; ++j) {
        for (int i = 0; i < kCellPitches; ++i) {
          cell.move_to(p / 2 + i * p, p / 2 + j * p);
          cell.line_to(p / 2 + i * p + 0.01, p / 2 + j * p);
        }
      }
      break;
  }
  cell.stroke();
  return cell.bytes();
}

class Writer {
 public:
  Writer(const Document& document, const FontSet& fonts)
      : doc_(document), fonts_(fonts), deflater_(kContentLevel) {}

  std::string run() {
    pdf_.reset(HPDF_New(on_error, &error_));
    if (!pdf_) throw std::runtime_error("libharu: cannot create a document");
    // Streams come compressed (page contents here, fonts once per subset): libharu must not
    // compress them again.
    HPDF_SetCompressionMode(pdf_.get(), HPDF_COMP_NONE);
    // No libharu encoder: the outline's and the document info's text strings are written by
    // tagging.h (setting up libharu's UTF-8 encoder took 1.4 M instructions a document).
    check("set up the document");
    tagging_ = std::make_unique<Tagging>(pdf_.get(), doc_.structure);
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
    tagging_->finish(doc_.info);
    check("tag the document");
    std::string bytes = save_pdf(pdf_.get(), tagging_->objects(), deflater_);
    check("write the PDF");
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

  // An object libharu could not make: its error, or, if it recorded none, this one.
  void require(bool made, const char* what) const {
    if (made) return;
    check(what);
    throw std::runtime_error(std::string("libharu failed to ") + what);
  }

  HPDF_MMgr mmgr() const { return pdf_->mmgr; }

  // A stream object holding `deflated`, already compressed.
  HPDF_Dict flate_stream(const std::string& deflated) {
    HPDF_Dict stream = HPDF_DictStream_New(mmgr(), pdf_->xref);
    require(stream != nullptr, "make a stream");
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                      static_cast<HPDF_UINT>(deflated.size()));
    stream->write_fn = write_flate_filter;
    return stream;
  }

  HPDF_Dict indirect_dict() {
    HPDF_Dict dict = HPDF_Dict_New(mmgr());
    require(dict != nullptr && HPDF_Xref_Add(pdf_->xref, dict) == HPDF_OK, "make an object");
    return dict;
  }

  HPDF_Array int_array(std::initializer_list<int> values) {
    HPDF_Array array = HPDF_Array_New(mmgr());
    for (int v : values) HPDF_Array_AddNumber(array, v);
    return array;
  }

  // The objects of a Type 0 font over `font` (PDF 32000 9.7): what libharu's HPDF_GetFont wrote,
  // from values computed once per build.
  HPDF_Dict add_font(const EmbeddedFont& font) {
    const char* name = font.base_font.c_str();
    HPDF_Dict file = flate_stream(font.font_file);
    HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(font.font_file_length));
    HPDF_Dict descriptor = indirect_dict();
    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", name);
    HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(font.flags));
    const auto [left, bottom, right, top] = font.bbox;
    HPDF_Dict_Add(descriptor, "FontBBox", int_array({left, bottom, right, top}));
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle", font.italic_angle);
    HPDF_Dict_AddNumber(descriptor, "Ascent", font.ascent);
    HPDF_Dict_AddNumber(descriptor, "Descent", font.descent);
    HPDF_Dict_AddNumber(descriptor, "StemV", font.stem_v);
    HPDF_Dict_AddNumber(descriptor, "XHeight", font.x_height);
    HPDF_Dict_Add(descriptor, "FontFile2", file);

    HPDF_Dict cid = indirect_dict();
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name);
    HPDF_Dict system_info = HPDF_Dict_New(mmgr());
    HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr(), "Adobe", nullptr));
    HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr(), "Identity", nullptr));
    HPDF_Dict_AddNumber(system_info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", system_info);
    HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
    HPDF_Dict_AddNumber(cid, "DW", font.missing_width);
    HPDF_Dict_Add(cid, "DW2", int_array({bottom, bottom - top}));
    HPDF_Array widths = HPDF_Array_New(mmgr());
    for (const WidthRun& run : font.widths) {
      HPDF_Array_AddNumber(widths, run.first);
      HPDF_Array values = HPDF_Array_New(mmgr());
      for (int w : run.widths) HPDF_Array_AddNumber(values, w);
      HPDF_Array_Add(widths, values);
    }
    HPDF_Dict_Add(cid, "W", widths);
    HPDF_Dict_Add(cid, "CIDToGIDMap", flate_stream(font.cid_to_gid));

    HPDF_Dict type0 = indirect_dict();
    HPDF_Dict_AddName(type0, "Type", "Font");
    HPDF_Dict_AddName(type0, "Subtype", "Type0");
    HPDF_Dict_AddName(type0, "BaseFont", name);
    HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(mmgr());
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(type0, "DescendantFonts", descendants);
    HPDF_Dict_Add(type0, "ToUnicode", flate_stream(font.to_unicode));
    return type0;
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
      fonts_by_style_[style] = add_font(*fonts_.embedded(static_cast<FontStyle>(style), points));
      check("add a font");
    }
  }

  // The document's pattern for `rect`'s fill, made on first use; its resource name.
  const std::string& pattern(const RectOp& rect) {
    const PatternKey key{rect.pattern, rect.ink};
    auto found = patterns_.find(key);
    if (found != patterns_.end()) return found->second.first;
    HPDF_Dict dict = flate_stream(deflater_.compress(pattern_cell(key)));
    HPDF_Dict_AddName(dict, "Type", "Pattern");
    HPDF_Dict_AddNumber(dict, "PatternType", 1);  // tiling
    HPDF_Dict_AddNumber(dict, "PaintType", 1);    // coloured: the cell sets its ink
    HPDF_Dict_AddNumber(dict, "TilingType", 1);   // constant spacing
    const auto pitch = static_cast<HPDF_REAL>(kCellPitches * kPitch);
    HPDF_Array bbox = HPDF_Array_New(mmgr());
    for (HPDF_REAL v : {0.0F, 0.0F, pitch, pitch}) HPDF_Array_AddReal(bbox, v);
    HPDF_Dict_Add(dict, "BBox", bbox);
    HPDF_Dict_AddReal(dict, "XStep", pitch);
    HPDF_Dict_AddReal(dict, "YStep", pitch);
    HPDF_Dict_Add(dict, "Resources", HPDF_Dict_New(mmgr()));
    check("make a pattern");
    // Appended, not "P" + to_string(): GCC 12 warns falsely (-Wrestrict) on the latter.
    std::string name = "P";
    name += std::to_string(patterns_.size() + 1);
    return patterns_.emplace(key, std::pair(std::move(name), dict)).first->second.first;
  }

  static constexpr double py(double y) { return kPageHeight - y; }

  void draw_marker(Content& out, const MarkerOp& m) {
    const double s = m.scale;
    const double x = m.at.x;
    const double y = m.at.y;
    out.fill_colour(m.fill);
    out.stroke_colour(m.stroke);
    out.line_width(0.8 * s);
    out.dash(Dash::kSolid);
    // The SVG's marker paths (svg_chart.cc), in chart units around the point.
    const auto poly = [&](std::initializer_list<Point> pts) {
      bool first = true;
      for (const Point& p : pts) {
        if (first) out.move_to(x + p.x * s, py(y + p.y * s));
        else out.line_to(x + p.x * s, py(y + p.y * s));
        first = false;
      }
      out.close_path();
    };
    switch (m.marker) {
      case Marker::kCircle:
        out.circle(x, py(y), 4.5 * s);
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
    out.fill_stroke();
  }

  // Marked content on one page: each run of ops of one element, or of artifacts, in painting
  // order is one sequence; an element's runs get MCIDs in the order they are painted.
  class Marks {
   public:
    Marks(Content& out, const Structure& structure, size_t ops)
        : out_(out), structure_(structure), mcid_of_op_(ops, -1) {}

    void mark(size_t op, int node) {
      if (!open_ || node != node_) {
        close();
        open_ = true;
        node_ = node;
        if (node < 0) {
          out_.begin_artifact(node == kPagination);
          mcid_ = -1;
        } else {
          mcid_ = static_cast<int>(node_of_mcid_.size());
          node_of_mcid_.push_back(node);
          out_.begin_marked(role_name(structure_[node].role), mcid_);
        }
      }
      mcid_of_op_[op] = mcid_;
    }
    // Before BT and ET: a sequence may not straddle a text object's bounds.
    void close() {
      if (open_) out_.end_marked();
      open_ = false;
    }
    [[nodiscard]] int mcid_of(size_t op) const { return mcid_of_op_[op]; }
    [[nodiscard]] const std::vector<int>& node_of_mcid() const { return node_of_mcid_; }

   private:
    Content& out_;
    const Structure& structure_;
    std::vector<int> mcid_of_op_;
    std::vector<int> node_of_mcid_;
    bool open_ = false;
    int node_ = 0;
    int mcid_ = -1;
  };

  void draw_page(HPDF_Page page, const std::vector<Op>& ops) {
    Content out;
    Marks marks(out, doc_.structure, ops.size());
    std::vector<std::pair<std::string, HPDF_Dict>> page_patterns;
    // Graphics first, text on top (a text object cannot hold path operators), links last.
    for (size_t i = 0; i < ops.size(); ++i) {
      const Op& op = ops[i];
      if (const auto* line = std::get_if<LineOp>(&op)) {
        if (line->points.size() < 2) continue;
        marks.mark(i, line->node);
        out.line_width(line->width);
        out.stroke_colour(line->colour);
        out.dash(line->dash);
        out.move_to(line->points[0].x, py(line->points[0].y));
        for (size_t k = 1; k < line->points.size(); ++k) {
          out.line_to(line->points[k].x, py(line->points[k].y));
        }
        out.stroke();
      } else if (const auto* rect = std::get_if<RectOp>(&op)) {
        marks.mark(i, rect->node);
        const Box& b = rect->box;
        if (rect->fill) {
          out.fill_colour(*rect->fill);
          out.rectangle(b.x, py(b.y + b.height), b.width, b.height);
          out.fill();
        }
        if (rect->pattern != Fill::kSolid) {
          const std::string& name = pattern(*rect);
          const auto used = std::find_if(page_patterns.begin(), page_patterns.end(),
                                         [&](const auto& p) { return p.first == name; });
          if (used == page_patterns.end()) {
            page_patterns.emplace_back(name, patterns_.at({rect->pattern, rect->ink}).second);
          }
          out.fill_pattern(name);
          out.rectangle(b.x, py(b.y + b.height), b.width, b.height);
          out.fill();
        }
        if (rect->stroke) {
          out.line_width(rect->stroke_width);
          out.stroke_colour(*rect->stroke);
          out.dash(Dash::kSolid);
          out.rectangle(b.x, py(b.y + b.height), b.width, b.height);
          out.stroke();
        }
      } else if (const auto* marker = std::get_if<MarkerOp>(&op)) {
        marks.mark(i, marker->node);
        draw_marker(out, *marker);
      }
    }
    marks.close();
    std::array<bool, kFontStyles> fonts_used{};
    bool in_text = false;
    for (size_t i = 0; i < ops.size(); ++i) {
      const auto* text = std::get_if<TextOp>(&ops[i]);
      // An empty text is drawn only as an element's (empty) marked content: a blank cell.
      if (text == nullptr || (text->text.empty() && text->node < 0)) continue;
      if (!in_text) {
        out.begin_text();
        in_text = true;
      }
      marks.mark(i, text->node);
      if (text->text.empty()) continue;
      const auto style = static_cast<size_t>(text->font);
      fonts_used[style] = true;
      out.font(kFontNames[style], text->size);
      out.fill_colour(text->colour);
      out.text_position(text->x, py(text->y), -text->rotate);
      out.show(text->text);
    }
    marks.close();
    if (in_text) out.end_text();

    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    const std::string deflated = deflater_.compress(out.bytes());
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                      static_cast<HPDF_UINT>(deflated.size()));
    attr->contents->write_fn = write_flate_filter;
    auto* resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    require(resources != nullptr, "find a page's resources");
    if (std::any_of(fonts_used.begin(), fonts_used.end(), [](bool used) { return used; })) {
      HPDF_Dict fonts = HPDF_Dict_New(mmgr());
      for (size_t style = 0; style < kFontStyles; ++style) {
        if (fonts_used[style]) HPDF_Dict_Add(fonts, kFontNames[style], fonts_by_style_[style]);
      }
      HPDF_Dict_Add(resources, "Font", fonts);
    }
    if (!page_patterns.empty()) {
      HPDF_Dict patterns = HPDF_Dict_New(mmgr());
      for (const auto& [name, dict] : page_patterns) HPDF_Dict_Add(patterns, name.c_str(), dict);
      HPDF_Dict_Add(resources, "Pattern", patterns);
    }

    std::vector<HPDF_Annotation> annots(ops.size(), nullptr);
    bool has_annotations = false;
    for (size_t i = 0; i < ops.size(); ++i) {
      const auto* link = std::get_if<LinkOp>(&ops[i]);
      if (link == nullptr) continue;
      const Box& b = link->box;
      const auto real = [](double v) { return static_cast<HPDF_REAL>(v); };
      HPDF_Rect rect{real(b.x), real(py(b.y + b.height)), real(b.x + b.width), real(py(b.y))};
      HPDF_Annotation annot = nullptr;
      if (link->anchor >= 0 && static_cast<size_t>(link->anchor) < doc_.anchors.size()) {
        const auto [target, y] = doc_.anchors[static_cast<size_t>(link->anchor)];
        if (target < 0 || static_cast<size_t>(target) >= pages_.size()) continue;
        annot = HPDF_Page_CreateLinkAnnot(page, rect, destination(target, y));
      } else if (!link->url.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(page, rect, uri_escape(link->url).c_str());
      }
      if (annot != nullptr) {
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        annots[i] = annot;
        has_annotations = true;
      }
    }
    check("draw a page");

    // The structure in reading order: the ops' order, whatever order they were painted in.
    std::vector<char> given(marks.node_of_mcid().size(), 0);
    for (size_t i = 0; i < ops.size(); ++i) {
      const int node = node_of(ops[i]);
      if (node < 0) continue;
      if (annots[i] != nullptr) {
        const auto& link = std::get<LinkOp>(ops[i]);
        tagging_->annotation(node, page, annots[i],
                             link.contents.empty() ? link.url : link.contents);
        continue;
      }
      const int mcid = marks.mcid_of(i);
      if (mcid < 0 || given[static_cast<size_t>(mcid)]) continue;
      given[static_cast<size_t>(mcid)] = 1;
      tagging_->content(node, page, mcid);
    }
    tagging_->end_page(page, marks.node_of_mcid(), has_annotations);
  }

  HPDF_Destination destination(int page, double y) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(page)]);
    // libharu's SetXYZ refuses zoom 0 ("keep the reader's zoom"); FitH keeps the page width.
    HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(py(std::max(0.0, y - 12))));
    return dst;
  }

  void write_outline() {
    if (doc_.outline.empty()) return;
    HPDF_Outline chapter = nullptr;
    for (const OutlineEntry& entry : doc_.outline) {
      if (entry.page < 0 || static_cast<size_t>(entry.page) >= pages_.size()) continue;
      HPDF_Outline parent = entry.level == 0 || chapter == nullptr ? nullptr : chapter;
      HPDF_Outline outline = HPDF_CreateOutline(pdf_.get(), parent, "", nullptr);
      set_text(outline, "Title", entry.title);
      HPDF_Outline_SetDestination(outline, destination(entry.page, entry.y));
      HPDF_Outline_SetOpened(outline, HPDF_FALSE);
      if (entry.level == 0) chapter = outline;
    }
    HPDF_SetPageMode(pdf_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
    check("write the outline");
  }

  void write_info() {
    write_document_info(pdf_.get(), doc_.info);
    check("write the document info");
  }

  // Each face's resource name on every page.
  static constexpr std::array<const char*, kFontStyles> kFontNames = {"F1", "F2", "F3", "F4",
                                                                        "F5"};

  const Document& doc_;
  const FontSet& fonts_;
  Deflater deflater_;
  ErrorState error_;
  // Before the document: the catalog refers to an object the tagging holds, so it goes last.
  std::unique_ptr<Tagging> tagging_;
  DocPtr pdf_;
  std::vector<HPDF_Page> pages_;
  std::array<HPDF_Dict, kFontStyles> fonts_by_style_{};
  std::map<PatternKey, std::pair<std::string, HPDF_Dict>> patterns_;
};

}  // namespace

std::string write_pdf(const Document& document, const FontSet& fonts) {
  return Writer(document, fonts).run();
}

}  // namespace metodika::render::pdf
