#include "render/pdf/structure.h"

#include <algorithm>

namespace metodika::render::pdf {

const char* role_name(Role role) {
  switch (role) {
    case Role::kDocument: return "Document";
    case Role::kH1: return "H1";
    case Role::kH2: return "H2";
    case Role::kH3: return "H3";
    case Role::kH4: return "H4";
    case Role::kH5: return "H5";
    case Role::kH6: return "H6";
    case Role::kP: return "P";
    case Role::kL: return "L";
    case Role::kLI: return "LI";
    case Role::kLbl: return "Lbl";
    case Role::kLBody: return "LBody";
    case Role::kTable: return "Table";
    case Role::kTHead: return "THead";
    case Role::kTBody: return "TBody";
    case Role::kTR: return "TR";
    case Role::kTH: return "TH";
    case Role::kTD: return "TD";
    case Role::kCaption: return "Caption";
    case Role::kTOC: return "TOC";
    case Role::kTOCI: return "TOCI";
    case Role::kReference: return "Reference";
    case Role::kLink: return "Link";
    case Role::kFigure: return "Figure";
    case Role::kSpan: return "Span";
    case Role::kBlockQuote: return "BlockQuote";
    case Role::kCode: return "Code";
  }
  return "P";
}

Role heading_role(int level) {
  static constexpr Role kHeadings[] = {Role::kH1, Role::kH2, Role::kH3,
                                       Role::kH4, Role::kH5, Role::kH6};
  return kHeadings[std::clamp(level, 1, 6) - 1];
}

}  // namespace metodika::render::pdf
