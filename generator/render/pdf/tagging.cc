#include "render/pdf/tagging.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
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
        kids(structure.nodes().size()),
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
    kids[static_cast<size_t>(parent)].push_back(Element{node});
  }

  HPDF_Doc pdf;
  const Structure& structure;
  std::vector<std::vector<Kid>> kids;
  std::vector<char> attached;
  // The parent tree (PDF 32000 14.7.4.4): a page's key to its elements by MCID, an
  // annotation's key to its element.
  std::vector<std::pair<int, std::variant<std::vector<int>, int>>> parent_tree;
  int next_key = 0;
};

Tagging::Tagging(HPDF_Doc pdf, const Structure& structure)
    : state_(std::make_unique<State>(pdf, structure)) {}

Tagging::~Tagging() = default;

void Tagging::content(int node, HPDF_Page page, int mcid) {
  state_->attach(node);
  state_->kids[static_cast<size_t>(node)].push_back(State::Marked{page, mcid});
}

void Tagging::annotation(int node, HPDF_Page page, HPDF_Annotation annot,
                         const std::string& contents) {
  State& s = *state_;
  s.attach(node);
  s.kids[static_cast<size_t>(node)].push_back(State::Object{page, annot});
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

void Tagging::finish(const DocumentInfo& info) {
  State& s = *state_;
  HPDF_Doc pdf = s.pdf;
  HPDF_MMgr mmgr = pdf->mmgr;
  const auto indirect = [&] {
    HPDF_Dict dict = HPDF_Dict_New(mmgr);
    if (dict == nullptr || HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) {
      throw std::runtime_error("libharu failed to make an object (tagging)");
    }
    return dict;
  };

  HPDF_Dict root = indirect();
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  // The elements' objects in document order (a preorder walk), so their numbers follow it.
  const std::vector<StructNode>& nodes = s.structure.nodes();
  std::vector<HPDF_Dict> dicts(nodes.size(), nullptr);
  std::vector<int> order;
  order.reserve(nodes.size());
  {
    std::vector<int> stack = {Structure::root()};
    while (!stack.empty()) {
      const int node = stack.back();
      stack.pop_back();
      order.push_back(node);
      dicts[static_cast<size_t>(node)] = indirect();
      const auto& kids = s.kids[static_cast<size_t>(node)];
      for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) {
        if (const auto* element = std::get_if<State::Element>(&*kid)) stack.push_back(element->node);
      }
    }
  }
  for (const int node : order) {
    const StructNode& n = nodes[static_cast<size_t>(node)];
    HPDF_Dict dict = dicts[static_cast<size_t>(node)];
    HPDF_Dict_AddName(dict, "Type", "StructElem");
    HPDF_Dict_AddName(dict, "S", role_name(n.role));
    HPDF_Dict_Add(dict, "P", n.parent < 0 ? root : dicts[static_cast<size_t>(n.parent)]);
    // Marked content on the element's page (/Pg, that of its first) is a bare MCID; on
    // another page, a marked-content reference with its own page. A single MCID needs no
    // array (most table cells hold one).
    const std::vector<State::Kid>& own = s.kids[static_cast<size_t>(node)];
    if (own.size() == 1 && std::holds_alternative<State::Marked>(own[0])) {
      const auto& marked = std::get<State::Marked>(own[0]);
      HPDF_Dict_Add(dict, "Pg", marked.page);
      HPDF_Dict_AddNumber(dict, "K", marked.mcid);
    } else {
      HPDF_Page own_page = nullptr;
      HPDF_Array kids = HPDF_Array_New(mmgr);
      for (const State::Kid& kid : own) {
        if (const auto* element = std::get_if<State::Element>(&kid)) {
          HPDF_Array_Add(kids, dicts[static_cast<size_t>(element->node)]);
        } else if (const auto* marked = std::get_if<State::Marked>(&kid)) {
          if (own_page == nullptr) own_page = marked->page;
          if (marked->page == own_page) {
            HPDF_Array_AddNumber(kids, marked->mcid);
          } else {
            HPDF_Dict mcr = HPDF_Dict_New(mmgr);
            HPDF_Dict_AddName(mcr, "Type", "MCR");
            HPDF_Dict_Add(mcr, "Pg", marked->page);
            HPDF_Dict_AddNumber(mcr, "MCID", marked->mcid);
            HPDF_Array_Add(kids, mcr);
          }
        } else {
          const auto& object = std::get<State::Object>(kid);
          HPDF_Dict objr = HPDF_Dict_New(mmgr);
          HPDF_Dict_AddName(objr, "Type", "OBJR");
          HPDF_Dict_Add(objr, "Obj", object.annot);
          HPDF_Dict_Add(objr, "Pg", object.page);
          HPDF_Array_Add(kids, objr);
        }
      }
      if (own_page != nullptr) HPDF_Dict_Add(dict, "Pg", own_page);
      HPDF_Dict_Add(dict, "K", kids);
    }
    if (!n.alt.empty()) HPDF_Dict_Add(dict, "Alt", text_string(mmgr, n.alt));
    if (!n.actual_text.empty()) {
      HPDF_Dict_Add(dict, "ActualText", text_string(mmgr, n.actual_text));
    }
    if (!n.lang.empty()) HPDF_Dict_Add(dict, "Lang", text_string(mmgr, n.lang));
    if (n.scope != Scope::kNone) {
      HPDF_Dict attributes = HPDF_Dict_New(mmgr);
      HPDF_Dict_AddName(attributes, "O", "Table");
      HPDF_Dict_AddName(attributes, "Scope", n.scope == Scope::kColumn ? "Column" : "Row");
      HPDF_Dict_Add(dict, "A", attributes);
    }
  }
  s.check("write the structure elements");

  HPDF_Dict_Add(root, "K", dicts[0]);
  HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  for (const auto& [key, value] : s.parent_tree) {
    HPDF_Array_AddNumber(nums, key);
    if (const auto* by_mcid = std::get_if<std::vector<int>>(&value)) {
      HPDF_Array elements = HPDF_Array_New(mmgr);
      for (int node : *by_mcid) {
        if (node >= 0 && dicts[static_cast<size_t>(node)] != nullptr) {
          HPDF_Array_Add(elements, dicts[static_cast<size_t>(node)]);
        } else {
          HPDF_Array_Add(elements, HPDF_Null_New(mmgr));
        }
      }
      HPDF_Array_Add(nums, elements);
    } else {
      HPDF_Array_Add(nums, dicts[static_cast<size_t>(std::get<int>(value))]);
    }
  }
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", s.next_key);
  s.check("write the structure tree");

  HPDF_Dict catalog = pdf->catalog;
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  // The document's language (PDF 32000 14.9.2) and the title, not the file name, in the
  // viewer's title bar (PDF/UA-1 7.1).
  HPDF_Dict_Add(catalog, "Lang", text_string(mmgr, info.lang));
  HPDF_Dict preferences = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);

  // The producer libharu writes, said once more in the XMP so that the two agree.
  const std::string producer = std::string("Haru Free PDF Library ") + HPDF_GetVersion();
  HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer.c_str());
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

// Objects per object stream: a cross-reference entry holds an object's index in its stream in
// two bytes.
constexpr size_t kObjectsPerStream = 8192;

void put_number(std::string& out, uint64_t value, int bytes) {
  for (int b = bytes - 1; b >= 0; --b) out += static_cast<char>((value >> (8 * b)) & 0xFF);
}

}  // namespace

std::string save_pdf(HPDF_Doc pdf) {
  std::string out;
  out.reserve(256 * 1024);
  std::string body;  // one object's value, for an object stream
  HPDF_Stream file = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &out);
  HPDF_Stream value = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &body);
  if (file == nullptr || value == nullptr) throw std::runtime_error("libharu: no output stream");
  struct Free {
    HPDF_Stream stream;
    ~Free() { HPDF_Stream_Free(stream); }
  } free_file{file}, free_value{value};
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
  std::vector<size_t> packed;  // objects for object streams
  // Streams first, as they are: writing one sets its /Length, an object that goes packed.
  for (size_t i = 1; i < count; ++i) {
    auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, static_cast<HPDF_UINT>(i)));
    auto* header = static_cast<HPDF_Obj_Header*>(entry->obj);
    const bool stream = (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
                        static_cast<HPDF_Dict>(entry->obj)->stream != nullptr;
    if (!stream) {
      packed.push_back(i);
      continue;
    }
    entries[i] = {1, out.size(), 0};
    out += std::to_string(i) + " 0 obj\n";
    check(HPDF_Obj_WriteValue(entry->obj, file, nullptr), "write a stream");
    out += "\nendobj\n";
  }
  size_t next_number = count;
  Deflater deflater(kContentLevel);
  for (size_t start = 0; start < packed.size(); start += kObjectsPerStream) {
    const size_t end = std::min(packed.size(), start + kObjectsPerStream);
    const size_t number = next_number++;
    std::string offsets;
    std::string values;
    for (size_t k = start; k < end; ++k) {
      const size_t i = packed[k];
      auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, static_cast<HPDF_UINT>(i)));
      body.clear();
      check(HPDF_Obj_WriteValue(entry->obj, value, nullptr), "write an object");
      offsets += std::to_string(i) + ' ' + std::to_string(values.size()) + ' ';
      values += body;
      values += '\n';
      entries[i] = {2, number, static_cast<unsigned>(k - start)};
    }
    const std::string data = deflater.compress(offsets + values);
    entries.push_back({1, out.size(), 0});
    out += std::to_string(number) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(end - start) +
           " /First " + std::to_string(offsets.size()) + " /Length " +
           std::to_string(data.size()) + " /Filter /FlateDecode >>\nstream\n";
    out += data;
    out += "\nendstream\nendobj\n";
  }
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
