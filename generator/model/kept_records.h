// The private teacher records one process read, kept for the next (`metodika build` after
// `metodika build`): for each teacher file, what reading it gave (ReadMemo::Entry: its valid
// records and its diagnostics, under the key of its bytes and what they refer to). A national
// site's teacher files are two thirds of its bytes, and reading them was most of every one-file
// build.
//
// PRIVATE. The encoding holds the records' pseudonymous ids, schools, course categories, hours
// and dates, and the diagnostics reading them gave; names and course titles are not in a record
// at all (model/private_data.h). `publish/private_store.h` keeps it inside `data/private/`, never
// beside the output.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace metodika::model {

struct ReadMemo;  // model/read_memo.h

/// The entries of `memo.teacher_files` for `paths` (paths without an entry are left out), stamped
/// with `salt`: the identity of the compiler, so that another compiler never takes them.
[[nodiscard]] std::string encode_teacher_files(const ReadMemo& memo,
                                               std::span<const std::string> paths, uint64_t salt);

/// The digest of the paths and keys of `memo.teacher_files`' entries for `paths`: equal for two
/// memos exactly when encode_teacher_files would keep the same entries.
[[nodiscard]] uint64_t teacher_files_digest(ReadMemo& memo, std::span<const std::string> paths);

/// Adds the entries encoded in `bytes` to `memo.teacher_files` when `bytes` is a whole encoding
/// made with the same `salt` (its digest checked); otherwise adds nothing and returns false.
/// Never throws on damaged bytes.
[[nodiscard]] bool decode_teacher_files(std::string_view bytes, uint64_t salt, ReadMemo& memo);

}  // namespace metodika::model
