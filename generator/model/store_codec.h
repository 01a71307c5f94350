// What the stores a build keeps for the next process share (model/kept_records.h,
// model/kept_trees.h): a sealed frame and the encoding of diagnostics.
//
// A frame is the store's magic, then the salt (the compiler's identity), the payload's size and
// its digest (8 bytes each), then the payload: a store from another compiler, cut short or with
// a flipped bit is refused whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "util/binary.h"

namespace metodika::model::store {

/// A writer whose bytes start with room for the frame's header (see seal()).
[[nodiscard]] util::BinaryWriter open_frame(std::string_view magic);
/// Fills in the header of what open_frame() started and returns the whole frame.
[[nodiscard]] std::string seal(util::BinaryWriter& w, std::string_view magic, uint64_t salt);
/// The payload of a whole frame with this magic and salt, else nullopt.
[[nodiscard]] std::optional<std::string_view> unseal(std::string_view bytes,
                                                     std::string_view magic, uint64_t salt);

/// u8 severity, str file, u32 line, u32 col, str message, str hint.
void put_diagnostic(util::BinaryWriter& w, const diag::Diagnostic& d);
[[nodiscard]] diag::Diagnostic get_diagnostic(util::BinaryReader& r);
/// The least bytes one diagnostic takes (for BinaryReader::count).
inline constexpr size_t kDiagnosticMinBytes = 21;

}  // namespace metodika::model::store
