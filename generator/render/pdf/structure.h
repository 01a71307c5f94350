// The logical structure of a review (PDF 32000 14.7, 14.8; PDF/UA-1 ISO 14289-1 7): what a
// screen reader reads, in reading order. The layout creates the elements as it lays out their
// content and marks every drawing operation (display.h) with the element it belongs to, or as an
// artifact (running heads, rules, fills). The writer gives each run of marked operations on a
// page an MCID, and tagging.h writes the tree. Plain data: nothing here knows libharu.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/common/chart.h"

namespace metodika::render::pdf {

/// Standard structure types (PDF 32000 14.8.4) the reviews use; no role map is needed.
enum class Role : uint8_t {
  kDocument,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kP,
  kL,
  kLI,
  kLbl,
  kLBody,
  kTable,
  kTHead,
  kTBody,
  kTR,
  kTH,
  kTD,
  kCaption,
  kTOC,
  kTOCI,
  kReference,
  kLink,
  kFigure,
  kSpan,
  kBlockQuote,
  kCode,
};

/// The name a role is written as ("H1", "TOCI").
[[nodiscard]] const char* role_name(Role role);

/// The heading role of `level` (1 = H1), clamped to H1..H6.
[[nodiscard]] Role heading_role(int level);

/// Which headers a table header cell is for (PDF 32000 14.8.5.7, /Scope).
enum class Scope : uint8_t { kNone, kColumn, kRow };

/// Not a structure element: the operation is drawn but not read (PDF 32000 14.8.2.2).
inline constexpr int kArtifact = -1;
/// An artifact that paginates: running heads, page numbers (/Type /Pagination).
inline constexpr int kPagination = -2;

struct StructNode {
  Role role = Role::kP;
  int parent = -1;  ///< -1 for the root (the Document element)
  Scope scope = Scope::kNone;
  int row_span = 1;         ///< a table cell's /RowSpan, written when more than 1
  std::string alt;          ///< /Alt: a figure's description
  std::string actual_text;  ///< /ActualText: a hyphenated word, whole
  std::string lang;         ///< /Lang, when it differs from the document's
};

/// The elements of one document. Element 0 is the Document; an element is created before its
/// children. Children are ordered by where their content first appears (tagging.h), so the
/// layout may create an element before it knows what comes first inside its parent.
class Structure {
 public:
  Structure() { add(Role::kDocument, -1); }

  /// A new element under `parent`; its index.
  int add(Role role, int parent) {
    StructNode& node = nodes_.emplace_back();
    node.role = role;
    node.parent = parent;
    return static_cast<int>(nodes_.size()) - 1;
  }

  [[nodiscard]] StructNode& operator[](int index) { return nodes_[static_cast<size_t>(index)]; }
  [[nodiscard]] const StructNode& operator[](int index) const {
    return nodes_[static_cast<size_t>(index)];
  }
  [[nodiscard]] const std::vector<StructNode>& nodes() const { return nodes_; }
  [[nodiscard]] static constexpr int root() { return 0; }

 private:
  std::vector<StructNode> nodes_;
};

}  // namespace metodika::render::pdf
