// The trees of the public data files one process parsed, kept for the next (`metodika build`
// after `metodika build`): parsing the national site's public YAML (4 MB) was the largest part of
// a one-file build once the teacher records were kept (model/kept_records.h).
//
// Kept with the teacher records, inside `data/private/.metodika-cache/` (publish/private_store.h),
// not beside the output: the public data files hold the heads' evaluations, which only the
// council's PDF may show, never the web.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "model/read_memo.h"

namespace metodika::model {

/// One file's entry of ReadMemo::encoded_trees: its tree (null when it could not be parsed), the
/// digests of its root list's items, and the diagnostics parsing gave.
[[nodiscard]] std::string encode_tree(const ParsedFile* file,
                                      const std::vector<diag::Diagnostic>& diagnostics);
/// What encode_tree() encoded; nullopt when `bytes` are damaged (never throws). `parsed.file`
/// is null for a file that could not be parsed.
[[nodiscard]] std::optional<ReadMemo::Parsed> decode_tree(std::string_view bytes);

/// The entries of `memo.encoded_trees` for `paths`, stamped with `salt` (the compiler's identity).
[[nodiscard]] std::string encode_kept_trees(ReadMemo& memo, std::span<const std::string> paths,
                                            uint64_t salt);
/// The digest of the paths and keys of those entries: equal for two memos exactly when
/// encode_kept_trees would keep the same.
[[nodiscard]] uint64_t kept_trees_digest(ReadMemo& memo, std::span<const std::string> paths);
/// Adds the entries encoded in `bytes` to `memo.encoded_trees` when `bytes` is a whole encoding
/// made with `salt`; otherwise adds nothing and returns false. Never throws on damaged bytes.
[[nodiscard]] bool decode_kept_trees(std::string_view bytes, uint64_t salt, ReadMemo& memo);

}  // namespace metodika::model
