// The public data files' trees kept between processes (generator/model/kept_trees.cc): what one
// process encodes, the next decodes into the same trees and diagnostics, and a build from them
// gives the same model and messages; anything but a whole encoding by the same compiler is
// refused, and damaged bytes never crash the decoder.
#include "model/read_memo.h"
#include "model/kept_trees.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/csv.h"
#include "load/yaml.h"
#include "model/build.h"
#include "site_fixture.h"
#include "util/binary.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::with_base;

constexpr uint64_t kSalt = 0x0fed'cba9'8765'4321ull;

// Every field of two trees, positions and styles included.
void check_same(const load::Node& a, const load::Node& b) {
  CHECK(a.kind == b.kind);
  CHECK(a.style == b.style);
  CHECK(a.line == b.line);
  CHECK(a.col == b.col);
  CHECK(a.value == b.value);
  REQUIRE(a.items.size() == b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) check_same(a.items[i], b.items[i]);
}

ParsedFile parsed(std::string_view text) {
  diag::Diagnostics diags;
  auto root = load::parse_yaml(text, "data/x.yaml", diags);
  REQUIRE(root.has_value());
  ParsedFile file{std::move(*root), {}};
  for (const load::Node& item : file.root.items) file.item_digests.push_back(load::node_digest(item));
  return file;
}

// A site with a warning in a public file (an olympiad's awards above its participants).
testing::Files site_files() {
  return with_base({{"data/olympiads.yaml",
                     "- id: math-2026\n  subject: mathematics\n  stage: regional\n"
                     "  grades: [9, 12]\n  date: 2026-01-15\n  results:\n"
                     "    - {school: ventspils-1-pamatskola, participants: 1, first: 1, "
                     "second: 1}\n"},
                    {"data/private/teachers/talsi.yaml",
                     "- {id: t-1, name: Anna Ozola, school: talsu-vidusskola}\n"}});
}

load::LoadOptions deferred() {
  load::LoadOptions o;
  o.defer_data = true;
  return o;
}

const std::vector<std::string> kPaths = {"data/municipalities.yaml", "data/olympiads.yaml",
                                         "data/schools/talsi.yaml",
                                         "data/schools/ventspils.yaml", "data/subjects.yaml"};

TEST_CASE("a tree, its item digests and its diagnostics read back as they were") {
  const ParsedFile file = parsed(
      "- id: a\n  title: {lv: \"Rīga: centrs\", en: 'Riga'}\n  text: |\n    two\n    lines\n"
      "- [1, 2.5, ~, true]\n- plain\n");
  std::vector<diag::Diagnostic> diags(1);
  diags[0].severity = diag::Severity::kWarning;
  diags[0].pos = {"data/x.yaml", 3, 7};
  diags[0].message = "a warning";
  diags[0].hint = "a hint";
  const auto back = decode_tree(encode_tree(&file, diags));
  REQUIRE(back.has_value());
  REQUIRE(back->file != nullptr);
  check_same(back->file->root, file.root);
  CHECK(back->file->item_digests == file.item_digests);
  REQUIRE(back->diagnostics.size() == 1);
  CHECK(back->diagnostics[0].message == "a warning");
  CHECK(back->diagnostics[0].pos.col == 7);

  // A file that could not be parsed: no tree, its errors.
  diags[0].severity = diag::Severity::kError;
  const auto none = decode_tree(encode_tree(nullptr, diags));
  REQUIRE(none.has_value());
  CHECK(none->file == nullptr);
  CHECK(none->diagnostics.size() == 1);
}

TEST_CASE("a CSV table's tree (cells, nulls, record lists) reads back as it was") {
  diag::Diagnostics diags;
  auto root =
      load::parse_csv("id;name;courses.hours;courses.date\nt-1;;12,5;01.02.2025.\nt-1;;8;\n",
                      "data/private/teachers/x.csv", load::csv_shape("private/teachers"), diags);
  REQUIRE(root.has_value());
  ParsedFile file{std::move(*root), {}};
  const auto back = decode_tree(encode_tree(&file, {}));
  REQUIRE(back.has_value());
  REQUIRE(back->file != nullptr);
  check_same(back->file->root, file.root);
  CHECK(back->file->root.items[0].get("name")->style == load::ScalarStyle::kCell);
}

TEST_CASE("damaged trees are refused without a crash") {
  const ParsedFile file = parsed("- {a: [1, 2, {b: c}]}\n- x\n");
  const std::string bytes = encode_tree(&file, {});
  for (size_t n = 0; n < bytes.size(); ++n) {
    CHECK_FALSE(decode_tree(std::string_view(bytes).substr(0, n)).has_value());
  }
  CHECK_FALSE(decode_tree(bytes + "x").has_value());
  // Item digests that do not match the root's items.
  ParsedFile wrong = file;
  wrong.item_digests.push_back(1);
  CHECK_FALSE(decode_tree(encode_tree(&wrong, {})).has_value());
  // Nesting without end (a list in a list in a list...) stops at the depth limit.
  util::BinaryWriter w;
  w.put(static_cast<uint8_t>(1));
  for (int i = 0; i < 10000; ++i) {
    w.put(static_cast<uint8_t>(load::NodeKind::kSequence));
    w.put(static_cast<uint8_t>(0));
    w.put(uint32_t{1});
    w.put(uint32_t{1});
    w.put(std::string_view());
    w.put(uint32_t{1});
  }
  CHECK_FALSE(decode_tree(w.bytes()).has_value());
}

TEST_CASE("a build from kept trees gives the same model and messages") {
  BuildOptions first_options;
  auto first_memo = make_read_memo(false);
  first_memo->encode_trees = true;
  first_options.memo = first_memo.get();
  const Built first = build(site_files(), first_options, deferred());
  REQUIRE(first.warnings >= 1);
  CHECK(first.diagnostics.find("awards") != std::string::npos);
  for (const std::string& path : kPaths) CHECK(first_memo->encoded_trees.contains(path));
  const std::string bytes = encode_kept_trees(*first_memo, kPaths, kSalt);

  auto next = make_read_memo(false);
  REQUIRE(decode_kept_trees(bytes, kSalt, *next));
  CHECK(kept_trees_digest(*next, kPaths) == kept_trees_digest(*first_memo, kPaths));
  BuildOptions options;
  options.memo = next.get();
  const Built second = build(site_files(), options, deferred());
  CHECK(second.diagnostics == first.diagnostics);
  CHECK(second.errors == first.errors);
  REQUIRE(second.model.olympiads.size() == 1);
  CHECK(second.model.olympiads[0].digest == first.model.olympiads[0].digest);
  CHECK(second.model.olympiads[0].head_digest == first.model.olympiads[0].head_digest);
  REQUIRE(second.model.institutions.size() == first.model.institutions.size());
  for (size_t i = 0; i < first.model.institutions.size(); ++i) {
    CHECK(second.model.institutions[i].digest == first.model.institutions[i].digest);
    CHECK(second.model.institutions[i].pos.line == first.model.institutions[i].pos.line);
  }
}

TEST_CASE("an edited file is parsed again, not taken from the kept trees") {
  auto memo = make_read_memo(false);
  memo->encode_trees = true;
  BuildOptions options;
  options.memo = memo.get();
  (void)build(site_files(), options, deferred());
  const uint64_t before = memo->encoded_trees.at("data/olympiads.yaml").key;

  testing::Files edited = site_files();
  edited["data/olympiads.yaml"] =
      "- id: math-2026\n  subject: mathematics\n  stage: regional\n  grades: [9, 12]\n"
      "  date: 2026-01-16\n";
  const Built b = build(edited, options, deferred());
  CHECK(b.errors == 0);
  CHECK(b.diagnostics.find("awards") == std::string::npos);  // the old tree's warning is gone
  REQUIRE(b.model.olympiads.size() == 1);
  CHECK(b.model.olympiads[0].start == testing::date("2026-01-16"));
  CHECK(memo->encoded_trees.at("data/olympiads.yaml").key != before);
}

TEST_CASE("kept trees are refused unless whole and made by the same compiler") {
  auto memo = make_read_memo(false);
  memo->encode_trees = true;
  BuildOptions options;
  options.memo = memo.get();
  (void)build(site_files(), options, deferred());
  const std::string bytes = encode_kept_trees(*memo, kPaths, kSalt);
  auto next = make_read_memo(false);
  CHECK_FALSE(decode_kept_trees(bytes, kSalt + 1, *next));
  CHECK_FALSE(decode_kept_trees("", kSalt, *next));
  for (size_t n = 0; n < bytes.size(); n += 5) {
    CHECK_FALSE(decode_kept_trees(std::string_view(bytes).substr(0, n), kSalt, *next));
  }
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x01;
  CHECK_FALSE(decode_kept_trees(damaged, kSalt, *next));
  CHECK(next->encoded_trees.empty());
  CHECK(decode_kept_trees(bytes, kSalt, *next));
  CHECK(next->encoded_trees.size() == kPaths.size());
}

}  // namespace
}  // namespace metodika::model
