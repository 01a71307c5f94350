#include "render/pdf/tagging.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <utility>
#include <variant>

#include "render/pdf/flate.h"
#include "render/pdf/fonts.h"
#include "render/pdf/writer.h"

namespace metodika::render::pdf {

namespace {

// A PDF text string (PDF 32000 7.9.2.2): a literal in PDFDocEncoding when the text is printable
// ASCII (the same bytes), otherwise UTF-16BE with its byte order mark, written in hex.
void* text_string(HPDF_MMgr mmgr, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) return HPDF_String_New(mmgr, std::string(utf8).c_str(), nullptr);
  std::string bytes = "\xFE\xFF";
  const auto unit = [&bytes](unsigned v) {
    bytes += static_cast<char>(v >> 8);
    bytes += static_cast<char>(v & 0xFF);
  };
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (c < 0x10000) {
      unit(c);
    } else {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string iso_date(const util::Date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", date.year, date.month,
                date.day);
  return buffer;
}

// The XMP packet PDF/UA-1 5 asks for: the title the viewer shows, the language, the author (the
// education board), the as-of date as the creation date, and the PDF/UA identification.
std::string xmp_packet(const DocumentInfo& info, const std::string& producer) {
  const std::string date = iso_date(info.created);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!info.subject.empty()) {
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(info.lang) +
       "</rdf:li></rdf:Bag></dc:language>\n";
  if (!info.keywords.empty()) {
    x += "<pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
  }
  x += "<pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "<xmp:CreatorTool>" + xml_escape(info.creator) + "</xmp:CreatorTool>\n";
  x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  x += "<pdfuaid:part>1</pdfuaid:part>\n";
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>\n";
  return x;
}

}  // namespace

// What libharu writes as the /Producer, said once more in the XMP so that the two agree.
std::string producer_name() { return std::string("Haru Free PDF Library ") + HPDF_GetVersion(); }

struct Tagging::State {
  // A child of an element: another element, marked content on a page, or an annotation.
  struct Element {
    int node;
  };
  struct Marked {
    HPDF_Page page;
    int mcid;
  };
  struct Object {
    HPDF_Page page;
    HPDF_Annotation annot;
  };
  using Kid = std::variant<Element, Marked, Object>;

  State(HPDF_Doc pdf, const Structure& structure)
      : pdf(pdf),
        structure(structure),
        attached(structure.nodes().size(), 0) {
    attached[0] = 1;
  }

  void check(const char* what) const {
    if (pdf->error.error_no != HPDF_OK) {
      throw std::runtime_error(std::string("libharu failed to ") + what + " (tagging)");
    }
  }

  // Puts `node` under its parent (and the parent under its own), after the children already
  // there: children are in the order their content comes.
  void attach(int node) {
    if (attached[static_cast<size_t>(node)]) return;
    attached[static_cast<size_t>(node)] = 1;
    const int parent = structure[node].parent;
    attach(parent);
    kids.emplace_back(parent, Element{node});
  }

  HPDF_Doc pdf;
  const Structure& structure;
  // Every element's children, as (element, child) in the order they came: one vector rather
  // than one per element (thousands of small allocations); grouped by element in finish().
  std::vector<std::pair<int, Kid>> kids;

  // The children of each element, in order: kids' indexes grouped by element (a counting sort,
  // stable), element n's from start[n] to start[n + 1].
  void group(std::vector<uint32_t>& start, std::vector<uint32_t>& order) const {
    start.assign(attached.size() + 1, 0);
    for (const auto& [node, kid] : kids) ++start[static_cast<size_t>(node) + 1];
    for (size_t n = 1; n < start.size(); ++n) start[n] += start[n - 1];
    order.resize(kids.size());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (uint32_t k = 0; k < kids.size(); ++k) {
      order[next[static_cast<size_t>(kids[k].first)]++] = k;
    }
  }
  std::vector<char> attached;
  // The parent tree (PDF 32000 14.7.4.4): a page's key to its elements by MCID, an
  // annotation's key to its element.
  std::vector<std::pair<int, std::variant<std::vector<int>, int>>> parent_tree;
  int next_key = 0;
  // The structure tree's objects, numbered from the first after libharu's, and the stand-in
  // for the root that the catalog refers to.
  TextObjects objects;
  HPDF_Obj_Header root_header{};
};

Tagging::Tagging(HPDF_Doc pdf, const Structure& structure)
    : state_(std::make_unique<State>(pdf, structure)) {}

Tagging::~Tagging() = default;

void Tagging::content(int node, HPDF_Page page, int mcid) {
  state_->attach(node);
  state_->kids.emplace_back(node, State::Marked{page, mcid});
}

void Tagging::annotation(int node, HPDF_Page page, HPDF_Annotation annot,
                         const std::string& contents) {
  State& s = *state_;
  s.attach(node);
  s.kids.emplace_back(node, State::Object{page, annot});
  const int key = s.next_key++;
  HPDF_Dict_AddNumber(annot, "StructParent", key);
  HPDF_Dict_Add(annot, "Contents", text_string(s.pdf->mmgr, contents));
  s.parent_tree.emplace_back(key, node);
  s.check("tag an annotation");
}

void Tagging::end_page(HPDF_Page page, const std::vector<int>& node_of_mcid,
                       bool has_annotations) {
  State& s = *state_;
  if (!node_of_mcid.empty()) {
    const int key = s.next_key++;
    HPDF_Dict_AddNumber(page, "StructParents", key);
    s.parent_tree.emplace_back(key, node_of_mcid);
  }
  // Tab order follows the structure (PDF/UA-1 7.18.3).
  if (has_annotations) HPDF_Dict_AddName(page, "Tabs", "S");
  s.check("tag a page");
}

namespace {

// A PDF text string as the bytes of a literal or hex string (see text_string).
void append_text_string(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    out += '(';
    for (char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    out += ')';
    return;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto unit = [&out](unsigned v) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  };
  out += "<FEFF";
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (c < 0x10000) {
      unit(c);
    } else {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  out += '>';
}

unsigned object_number(const void* object) {
  return static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
}

void append_number(std::string& out, uint64_t number) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
  out.append(buffer, end);
}

void append_reference(std::string& out, unsigned number) {
  append_number(out, number);
  out += " 0 R";
}

}  // namespace

void Tagging::finish(const DocumentInfo& info) {
  State& s = *state_;
  HPDF_Doc pdf = s.pdf;
  HPDF_MMgr mmgr = pdf->mmgr;

  HPDF_Dict catalog = pdf->catalog;
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  // The document's language (PDF 32000 14.9.2) and the title, not the file name, in the
  // viewer's title bar (PDF/UA-1 7.1).
  HPDF_Dict_Add(catalog, "Lang", text_string(mmgr, info.lang));
  HPDF_Dict preferences = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);

    const std::string producer = producer_name();
  HPDF_Dict metadata = HPDF_DictStream_New(mmgr, pdf->xref);
  if (metadata == nullptr) throw std::runtime_error("libharu failed to make a stream (tagging)");
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  const std::string xmp = xmp_packet(info, producer);
  HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                    static_cast<HPDF_UINT>(xmp.size()));
  HPDF_Dict_Add(catalog, "Metadata", metadata);
  pdf->pdf_version = HPDF_VER_17;
  s.check("write the catalog and metadata");

  // The structure tree is written here as text, not as libharu objects: libharu allocates and
  // clears some 140 bytes a dictionary entry, which for the 3000 elements of a review took
  // more time than typesetting it. Its objects are numbered after libharu's (save_pdf puts
  // them in the object streams); the catalog refers to the root through a stand-in object
  // header that libharu writes as a reference and never frees.
  const unsigned first = static_cast<unsigned>(pdf->xref->entries->count);
  const std::vector<StructNode>& nodes = s.structure.nodes();
  // Numbers in document order (a preorder walk): the root, then the elements, then the
  // parent tree.
  std::vector<unsigned> numbers(nodes.size(), 0);
  std::vector<uint32_t> start;
  std::vector<uint32_t> kid_order;
  s.group(start, kid_order);
  std::vector<int> order;
  order.reserve(nodes.size());
  {
    std::vector<int> stack = {Structure::root()};
    while (!stack.empty()) {
      const int node = stack.back();
      stack.pop_back();
      numbers[static_cast<size_t>(node)] = first + 1 + static_cast<unsigned>(order.size());
      order.push_back(node);
      for (uint32_t k = start[static_cast<size_t>(node) + 1]; k > start[static_cast<size_t>(node)];
           --k) {
        const State::Kid& kid = s.kids[kid_order[k - 1]].second;
        if (const auto* element = std::get_if<State::Element>(&kid)) stack.push_back(element->node);
      }
    }
  }
  const unsigned root = first;
  const unsigned parent_tree = first + 1 + static_cast<unsigned>(order.size());
  TextObjects& objects = s.objects;
  std::string& o = objects.text;
  o.clear();
  o.reserve(order.size() * 64);
  objects.ends.clear();
  objects.ends.reserve(order.size() + 2);
  {
    o += "<</Type/StructTreeRoot/K ";
    append_reference(o, numbers[0]);
    o += "/ParentTree ";
    append_reference(o, parent_tree);
    o += "/ParentTreeNextKey ";
    append_number(o, static_cast<uint64_t>(s.next_key));
    o += ">>";
    objects.ends.push_back(o.size());
  }
  for (const int node : order) {
    const StructNode& n = nodes[static_cast<size_t>(node)];
    // /Type /StructElem is optional (PDF 32000 table 323) and left out: a review has thousands.
    o += "<</S/";
    o += role_name(n.role);
    o += "/P ";
    append_reference(o, n.parent < 0 ? root : numbers[static_cast<size_t>(n.parent)]);
    // Marked content on the element's page (/Pg, that of its first) is a bare MCID; on
    // another page, a marked-content reference with its own page. A single MCID needs no
    // array (most table cells hold one).
    const std::span<const uint32_t> own(kid_order.data() + start[static_cast<size_t>(node)],
                                        start[static_cast<size_t>(node) + 1] -
                                            start[static_cast<size_t>(node)]);
    const auto kid_at = [&s](uint32_t k) -> const State::Kid& { return s.kids[k].second; };
    HPDF_Page own_page = nullptr;
    for (const uint32_t k : own) {
      const State::Kid& kid = kid_at(k);
      if (const auto* marked = std::get_if<State::Marked>(&kid)) {
        own_page = marked->page;
        break;
      }
    }
    if (own_page != nullptr) {
      o += "/Pg ";
      append_reference(o, object_number(own_page));
    }
    o += "/K";
    const bool single = own.size() == 1 && std::holds_alternative<State::Marked>(kid_at(own[0]));
    if (!single) o += '[';
    for (const uint32_t k : own) {
      const State::Kid& kid = kid_at(k);
      o += ' ';
      if (const auto* element = std::get_if<State::Element>(&kid)) {
        append_reference(o, numbers[static_cast<size_t>(element->node)]);
      } else if (const auto* marked = std::get_if<State::Marked>(&kid)) {
        if (marked->page == own_page) {
          append_number(o, static_cast<uint64_t>(marked->mcid));
        } else {
          o += "<</Type/MCR/Pg ";
          append_reference(o, object_number(marked->page));
          o += "/MCID ";
          append_number(o, static_cast<uint64_t>(marked->mcid));
          o += ">>";
        }
      } else {
        const auto& object = std::get<State::Object>(kid);
        o += "<</Type/OBJR/Obj ";
        append_reference(o, object_number(object.annot));
        o += "/Pg ";
        append_reference(o, object_number(object.page));
        o += ">>";
      }
    }
    if (!single) o += ']';
    if (!n.alt.empty()) {
      o += "/Alt";
      append_text_string(o, n.alt);
    }
    if (!n.actual_text.empty()) {
      o += "/ActualText";
      append_text_string(o, n.actual_text);
    }
    if (!n.lang.empty()) {
      o += "/Lang";
      append_text_string(o, n.lang);
    }
    if (n.scope != Scope::kNone || n.row_span > 1) {
      o += "/A<</O/Table";
      if (n.scope != Scope::kNone) o += n.scope == Scope::kColumn ? "/Scope/Column" : "/Scope/Row";
      if (n.row_span > 1) {
        o += "/RowSpan ";
        append_number(o, static_cast<uint64_t>(n.row_span));
      }
      o += ">>";
    }
    o += ">>";
    objects.ends.push_back(o.size());
  }
  {
    // The parent tree (PDF 32000 14.7.4.4), one flat number tree: keys were given in order.
    o += "<</Nums[";
    for (const auto& [key, value] : s.parent_tree) {
      append_number(o, static_cast<uint64_t>(key));
      if (const auto* by_mcid = std::get_if<std::vector<int>>(&value)) {
        o += '[';
        for (int node : *by_mcid) {
          o += ' ';
          if (node >= 0 && numbers[static_cast<size_t>(node)] != 0) {
            append_reference(o, numbers[static_cast<size_t>(node)]);
          } else {
            o += "null";
          }
        }
        o += ']';
      } else {
        o += ' ';
        append_reference(o, numbers[static_cast<size_t>(std::get<int>(value))]);
        o += ' ';
      }
    }
    o += "]>>";
    objects.ends.push_back(o.size());
  }
  s.root_header.obj_id = root | HPDF_OTYPE_INDIRECT;
  s.root_header.gen_no = 0;
  s.root_header.obj_class = HPDF_OCLASS_DICT;
  HPDF_Dict_Add(catalog, "StructTreeRoot", &s.root_header);
  s.check("write the structure tree");
}

const TextObjects& Tagging::objects() const { return state_->objects; }

void set_text(HPDF_Dict dict, const char* key, std::string_view utf8) {
  HPDF_Dict_Add(dict, key, text_string(dict->mmgr, utf8));
}

void write_document_info(HPDF_Doc pdf, const DocumentInfo& info) {
  HPDF_Date date{};
  date.year = info.created.year;
  date.month = info.created.month;
  date.day = info.created.day;
  date.ind = 'Z';
  // The dates first: libharu makes the dictionary with them.
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  HPDF_Dict dict = pdf->info;
  if (dict == nullptr) throw std::runtime_error("libharu made no document information");
  set_text(dict, "Title", info.title);
  set_text(dict, "Author", info.author);
  set_text(dict, "Subject", info.subject);
  set_text(dict, "Keywords", info.keywords);
  set_text(dict, "Creator", info.creator);
  set_text(dict, "Producer", producer_name());
}

// ---------------------------------------------------------------------------------------------
// Saving

namespace {

// libharu's output, straight into a string. Called from C: an exception must not leave it.
HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) noexcept {
  try {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(data), size);
    return HPDF_OK;
  } catch (...) {
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
}

// A libharu stream, freed on leaving.
struct Free {
  HPDF_Stream stream;
  ~Free() { HPDF_Stream_Free(stream); }
};

// Objects per object stream: a cross-reference entry holds an object's index in its stream in
// two bytes.
constexpr size_t kObjectsPerStream = 8192;

// Structure elements from which a document's are stored in predicted rows (save_pdf).
constexpr size_t kPredictFrom = 1000;

void put_number(std::string& out, uint64_t value, int bytes) {
  for (int b = bytes - 1; b >= 0; --b) out += static_cast<char>((value >> (8 * b)) & 0xFF);
}

}  // namespace

std::string save_pdf(HPDF_Doc pdf, const TextObjects& extra, Deflater& deflater) {
  std::string out;
  out.reserve(256 * 1024);
  HPDF_Stream file = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &out);
  if (file == nullptr) throw std::runtime_error("libharu: no output stream");
  Free free_file{file};
  const auto check = [&](HPDF_STATUS status, const char* what) {
    if (status != HPDF_OK || pdf->error.error_no != HPDF_OK) {
      throw std::runtime_error(std::string("libharu failed to ") + what);
    }
  };

  // What libharu's HPDF_SaveToStream would do (hpdf_doc.c, InternalSaveToStream), but with a
  // 1.7 header and a cross-reference stream (PDF 32000 7.5.8) in place of the table.
  out += "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  HPDF_Xref xref = pdf->xref;
  if (xref->prev != nullptr) throw std::runtime_error("libharu: an incremental document");
  const size_t count = xref->entries->count;
  // Per object: type (1 at an offset, 2 in an object stream), offset or stream number, index.
  struct Entry {
    int type = 0;
    uint64_t field = 0;
    unsigned index = 0;
  };
  std::vector<Entry> entries(count);
  // Streams first, as libharu writes them: writing one sets its /Length, an object that goes in
  // an object stream with every other object that is not a stream.
  std::vector<size_t> packed;
  for (size_t i = 1; i < count; ++i) {
    auto* entry =
        static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, static_cast<HPDF_UINT>(i)));
    auto* header = static_cast<HPDF_Obj_Header*>(entry->obj);
    const bool stream = (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
                        static_cast<HPDF_Dict>(entry->obj)->stream != nullptr;
    if (!stream) {
      packed.push_back(i);
      continue;
    }
    entries[i] = {1, out.size(), 0};
    append_number(out, i);
    out += " 0 obj\n";
    check(HPDF_Obj_WriteValue(entry->obj, file, nullptr), "write a stream");
    out += "\nendobj\n";
  }
  // libharu's other objects as text, then the structure tree's (written as text already).
  std::string text;
  text.reserve(64 * 1024);
  std::vector<size_t> ends;
  ends.reserve(packed.size() + extra.ends.size());
  {
    HPDF_Stream value = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &text);
    if (value == nullptr) throw std::runtime_error("libharu: no output stream");
    Free free_value{value};
    for (const size_t i : packed) {
      auto* entry =
          static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, static_cast<HPDF_UINT>(i)));
      check(HPDF_Obj_WriteValue(entry->obj, value, nullptr), "write an object");
      ends.push_back(text.size());
    }
  }
  const size_t own = packed.size();
  for (size_t k = 0; k < extra.ends.size(); ++k) packed.push_back(count + k);
  entries.resize(count + extra.ends.size());
  size_t next_number = count + extra.ends.size();
  const auto object_text = [&](size_t k) -> std::string_view {
    if (k < own) {
      const size_t from = k == 0 ? 0 : ends[k - 1];
      return std::string_view(text).substr(from, ends[k] - from);
    }
    const size_t e = k - own;
    const size_t from = e == 0 ? 0 : extra.ends[e - 1];
    return std::string_view(extra.text).substr(from, extra.ends[e] - from);
  };
  // libharu's objects in plain object streams; the structure tree's in streams of fixed-width
  // rows under PNG's "Up" predictor (PDF 32000 7.4.4.4), as the cross-reference stream below.
  // A table cell's element differs from the one before it only in its MCID (same parent, same
  // page): padded to a row, it is stored as its difference from the row above, almost all
  // zeros. Deflate alone saw ~12 bytes of new text per element (numbers that count up are not
  // repeats); stored this way an element costs a few. The object-number/offset pairs of the
  // stream's header are laid out the same way, a fixed number of fixed-width pairs a row.
  const auto write_streams = [&](const std::vector<size_t>& objects, size_t row) {
    for (size_t start = 0; start < objects.size(); start += kObjectsPerStream) {
      const size_t end = std::min(objects.size(), start + kObjectsPerStream);
      const size_t number = next_number++;
      std::string offsets;
      std::string values;
      // The order of objects in a stream is free (its header names each one): elements of one
      // type go together, so that the row above a cell's element is another cell's.
      std::vector<size_t> order(objects.begin() + static_cast<std::ptrdiff_t>(start),
                                objects.begin() + static_cast<std::ptrdiff_t>(end));
      if (row > 0) {
        const auto type_of = [&](size_t k) {
          const std::string_view text = object_text(k);
          const size_t s = text.find("/S/");
          return s == std::string_view::npos ? std::string_view() : text.substr(s, 6);
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return type_of(a) < type_of(b); });
      }
      std::vector<size_t> at;
      at.reserve(end - start);
      for (size_t index = 0; index < order.size(); ++index) {
        const size_t k = order[index];
        at.push_back(values.size());
        values += object_text(k);
        values += '\n';
        if (row > 0) values.append((row - values.size() % row) % row, ' ');
        entries[packed[k]] = {2, number, static_cast<unsigned>(index)};
      }
      if (row == 0) {
        for (size_t index = 0; index < order.size(); ++index) {
          append_number(offsets, packed[order[index]]);
          offsets += ' ';
          append_number(offsets, at[index]);
          offsets += ' ';
        }
      } else {
        const auto digits = [](size_t n) { return std::to_string(n).size(); };
        const size_t number_width = digits(packed[*std::max_element(order.begin(), order.end())]);
        const size_t offset_width = digits(values.size());
        const size_t pair = number_width + offset_width + 2;
        const size_t per_row = std::max<size_t>(1, row / pair);
        for (size_t index = 0; index < order.size(); ++index) {
          const std::string n = std::to_string(packed[order[index]]);
          const std::string o = std::to_string(at[index]);
          offsets.append(number_width - n.size(), ' ');
          offsets += n + ' ';
          offsets.append(offset_width - o.size(), ' ');
          offsets += o + ' ';
          if ((index + 1) % per_row == 0 || index + 1 == order.size()) {
            offsets.append((row - offsets.size() % row) % row, ' ');
          }
        }
      }
      const size_t first = offsets.size();
      offsets += values;
      std::string data;
      if (row == 0) {
        data = deflater.compress(offsets, kObjectLevel);
      } else {
        std::string predicted;
        predicted.reserve(offsets.size() / row * (row + 1));
        for (size_t r = 0; r < offsets.size(); r += row) {
          predicted += '\2';
          for (size_t b = 0; b < row; ++b) {
            const char above = r == 0 ? '\0' : offsets[r - row + b];
            predicted += static_cast<char>(offsets[r + b] - above);
          }
        }
        data = deflater.compress(predicted, kObjectLevel);
      }
      entries.push_back({1, out.size(), 0});
      out += std::to_string(number) + " 0 obj\n<< /Type /ObjStm /N " +
             std::to_string(end - start) + " /First " + std::to_string(first) + " /Length " +
             std::to_string(data.size()) + " /Filter /FlateDecode";
      if (row > 0) out += " /DecodeParms << /Predictor 12 /Columns " + std::to_string(row) + " >>";
      out += " >>\nstream\n";
      out += data;
      out += "\nendstream\nendobj\n";
    }
  };
  // Elements that fit a row are predicted; the rest (the parent tree, the root, long /K arrays
  // of tables and sections) would only be noise against the row above and stay plain. Two row
  // widths: one that most elements fit (cells), one for nearly all the others (rows, header
  // cells with their /Scope). The widths follow the document's own lengths, which grow with its
  // object numbers. A short document stays plain: padding costs more than it saves there (the
  // test site's reviews of ~600 elements were 2 % larger predicted).
  std::vector<size_t> plain;
  std::vector<size_t> small;
  std::vector<size_t> large;
  std::vector<size_t> sizes;
  for (size_t k = own; k < packed.size(); ++k) sizes.push_back(object_text(k).size());
  size_t small_row = 0;
  size_t large_row = 0;
  if (sizes.size() < kPredictFrom) {
    for (size_t k = 0; k < packed.size(); ++k) plain.push_back(k);
  } else {
    std::sort(sizes.begin(), sizes.end());
    const auto percentile = [&](size_t percent) { return sizes[(sizes.size() - 1) * percent / 100]; };
    small_row = percentile(75) + 2;
    large_row = percentile(97) + 2;
    for (size_t k = 0; k < packed.size(); ++k) {
      const size_t size = object_text(k).size();
      if (k >= own && size < small_row) {
        small.push_back(k);
      } else if (k >= own && size < large_row) {
        large.push_back(k);
      } else {
        plain.push_back(k);
      }
    }
  }
  write_streams(plain, 0);
  write_streams(small, small_row);
  write_streams(large, large_row);
  // The cross-reference stream is the last object and lists itself.
  const size_t xref_number = next_number;
  const size_t size = xref_number + 1;
  entries.push_back({1, out.size(), 0});
  // Rows of 1 + 4 + 2 bytes, each preceded by PNG's "Up" filter byte and stored as its
  // difference from the row above (PDF 32000 7.4.4.4): offsets and indexes that grow slowly
  // compress to a fraction.
  constexpr size_t kRow = 7;
  std::string table;
  table.reserve(size * (kRow + 1));
  std::string previous(kRow, '\0');
  std::string row;
  for (size_t i = 0; i < size; ++i) {
    const Entry& e = i == 0 ? Entry{0, 0, 65535} : entries[i];
    row.clear();
    put_number(row, static_cast<uint64_t>(e.type), 1);
    put_number(row, e.field, 4);
    put_number(row, e.index, 2);
    table += '\2';
    for (size_t b = 0; b < kRow; ++b) table += static_cast<char>(row[b] - previous[b]);
    previous = row;
  }
  const std::string data = deflater.compress(table);
  const auto reference = [](void* object) {
    const auto* header = static_cast<HPDF_Obj_Header*>(object);
    return std::to_string(header->obj_id & 0x00FFFFFF) + " 0 R";
  };
  const size_t xref_offset = out.size();
  out += std::to_string(xref_number) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(size) +
         " /W [1 4 2] /Root " + reference(pdf->catalog) + " /Info " + reference(pdf->info) +
         " /Length " + std::to_string(data.size()) +
         " /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> >>\nstream\n";
  out += data;
  out += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace metodika::render::pdf
