// Bounds on what one input file may hold (issue 19, docs/data-model.md "Limits"). Every text
// input (site.yaml, data files, Markdown with its front matter, templates, translations) is read
// and parsed within them, so that no file of N bytes makes a build use more than a small multiple
// of N plus a constant, however it was written (a YAML "billion laughs" alias bomb of 1 KB
// expanded to 24 GB before these limits).
//
// Why these values: the largest file of the generated national site (Latvia, all 43
// municipalities) is Riga's teacher records, 3.5 MB and 300,000 nodes; all of Latvia's teachers
// in one file would be 15 MB and 1.4 million nodes. Its longest text is a course title of 80
// characters. Each limit is well above what such data needs and well below what hurts.
#pragma once

#include <cstddef>
#include <cstdint>

namespace metodika::load {

/// Bytes in one input file: 4 × all of Latvia's teacher records in one file.
inline constexpr uint64_t kMaxFileBytes = 64ull << 20;

/// Characters (code points) in one YAML value or key. Names and titles are under 200; a long
/// note or summary is a few paragraphs. 10,000 keeps every value inside one spreadsheet cell
/// (32,767) and one PDF text string (65,535 bytes), and keeps the PDF's line breaking of a
/// single unbreakable value fast.
inline constexpr size_t kMaxScalarChars = 10'000;

/// Nodes (values, keys, lists and maps) in one file, aliases expanded: 5 × all of Latvia's
/// teacher records in one file. A tree of this size takes about 600 MB.
inline constexpr size_t kMaxNodes = 8'000'000;

/// Columns of a CSV table (and cells of one row). The widest table of the data model, a
/// programme's budget with a column for each year, has about 30; a row of a million delimiters
/// must not become a million cells, nor its header a million names compared pairwise.
inline constexpr size_t kMaxTableColumns = 1'000;

/// Aliases (`*name`) copy their anchor's nodes. The copies, and the anchors kept for copying,
/// may come to at most kAliasMultiple × the nodes written in the file plus kAliasAllowance
/// nodes, and their texts to kAliasMultiple × the file's size plus kAliasAllowanceBytes, as
/// hardened YAML loaders bound them (go-yaml's alias ratio, SnakeYAML's alias limits). A file
/// using `<<: *defaults` in every entry stays far below; a bomb stops at its first few levels.
inline constexpr size_t kAliasMultiple = 4;
inline constexpr size_t kAliasAllowance = 250'000;
inline constexpr uint64_t kAliasAllowanceBytes = 4ull << 20;

/// The limits of one parse; tests lower them.
struct YamlLimits {
  size_t max_scalar_chars = kMaxScalarChars;
  size_t max_nodes = kMaxNodes;
  size_t alias_multiple = kAliasMultiple;
  size_t alias_allowance = kAliasAllowance;
  uint64_t alias_allowance_bytes = kAliasAllowanceBytes;
};

}  // namespace metodika::load
