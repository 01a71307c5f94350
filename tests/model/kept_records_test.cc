// The teacher records kept between processes (generator/model/kept_records.cc): what one process
// encodes, the next decodes into the same records and diagnostics, without names or course
// titles; anything but a whole encoding by the same compiler is refused.
#include "model/kept_records.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/private_data.h"
#include "model/read_memo.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::with_base;

constexpr uint64_t kSalt = 0x1234'5678'9abc'def0ull;

const std::string kGood =
    "- id: t-000123\n"
    "  name: Jānis Bērziņš\n"
    "  school: ventspils-1-pamatskola\n"
    "  courses:\n"
    "    - {title: Digitālā pratība stundā, category: digital, hours: 12.5, date: 2024-03-14}\n"
    "    - {title: Bērnu tiesības, category: child_rights, hours: 8, date: 2023-10-01}\n"
    "- {id: t-000124, name: Anna Ozola, school: talsu-vidusskola}\n";
// One record with an unknown school (an error) and one with a bad course (an error; the record
// is kept without it).
const std::string kFaulty =
    "- {id: t-2, name: Pēteris Kalniņš, school: ventspils-1-pamatskla}\n"
    "- {id: t-3, name: Līga Liepa, school: talsu-vidusskola, courses: "
    "[{title: X, category: digitl, hours: 1, date: 2024-01-01}]}\n";

testing::Files site_files() {
  return with_base({{"data/private/teachers/ventspils.yaml", kGood},
                    {"data/private/teachers/talsi.yaml", kFaulty}});
}

const std::vector<std::string> kPaths = {"data/private/teachers/talsi.yaml",
                                         "data/private/teachers/ventspils.yaml"};

// The records of a build, as comparable text (names and titles left out: they are not kept).
std::string records(const Built& b) {
  std::string out;
  for (const Teacher& t : b.model.private_data->teachers) {
    out += t.id + " " + t.school + " " + std::to_string(t.school_index) + " " + t.pos.file + ":" +
           std::to_string(t.pos.line) + ":" + std::to_string(t.pos.col);
    for (const Course& c : t.courses) {
      out += " [" + std::to_string(static_cast<int>(c.category)) + " " +
             std::to_string(c.hours) + " " + c.date.iso() + "]";
    }
    out += "\n";
  }
  return out;
}

// Builds the site once with a fresh memo and returns the memo's encoding.
std::string encoded_after_a_build(const testing::Files& files, Built* built = nullptr) {
  auto memo = make_read_memo();
  BuildOptions options;
  options.memo = memo.get();
  Built b = build(files, options);
  if (built) *built = std::move(b);
  return encode_teacher_files(*memo, kPaths, kSalt);
}

}  // namespace

TEST_CASE("kept teacher records give the next process the same records and diagnostics") {
  const testing::Files files = site_files();
  Built plain = build(files);
  const std::string bytes = encoded_after_a_build(files);

  auto next = make_read_memo(/*keep_trees=*/false);
  REQUIRE(decode_teacher_files(bytes, kSalt, *next));
  CHECK(next->teacher_files.size() == 2);
  BuildOptions options;
  options.memo = next.get();
  const Built again = build(files, options);
  CHECK(records(again) == records(plain));
  CHECK(again.diagnostics == plain.diagnostics);  // quoted lines and carets included
  CHECK(again.errors == 2);
  CHECK(again.diagnostics.find("talsi.yaml:1:") != std::string::npos);
  CHECK(encode_teacher_files(*next, kPaths, kSalt) == bytes);
}

TEST_CASE("kept teacher records hold no names or course titles") {
  const std::string bytes = encoded_after_a_build(site_files());
  for (const char* text : {"Jānis", "Bērziņš", "Anna Ozola", "Pēteris", "Līga", "Digitālā",
                           "Bērnu tiesības"}) {
    CHECK_MESSAGE(bytes.find(text) == std::string::npos, text);
  }
  CHECK(bytes.find("t-000123") != std::string::npos);  // the pseudonymous id is kept
}

TEST_CASE("an edited teacher file is read again; the others come from the kept records") {
  testing::Files files = site_files();
  const std::string bytes = encoded_after_a_build(files);
  std::string edited = kGood;
  edited.replace(edited.find("hours: 12.5"), 11, "hours: 14");
  files["data/private/teachers/ventspils.yaml"] = edited;

  auto next = make_read_memo(false);
  REQUIRE(decode_teacher_files(bytes, kSalt, *next));
  const uint64_t kept_key = next->teacher_files.at("data/private/teachers/talsi.yaml").key;
  const Teacher* kept = next->teacher_files.at("data/private/teachers/talsi.yaml").teachers.data();
  const uint64_t old_key = next->teacher_files.at("data/private/teachers/ventspils.yaml").key;
  BuildOptions options;
  options.memo = next.get();
  const Built again = build(files, options);
  const Built plain = build(files);
  CHECK(records(again) == records(plain));
  CHECK(records(again).find("14.000000") != std::string::npos);
  CHECK(again.diagnostics == plain.diagnostics);
  // The edited file was read again (a new entry); the other one's entry was taken as it was.
  CHECK(next->teacher_files.at("data/private/teachers/ventspils.yaml").key != old_key);
  CHECK(next->teacher_files.at("data/private/teachers/talsi.yaml").key == kept_key);
  CHECK(next->teacher_files.at("data/private/teachers/talsi.yaml").teachers.data() == kept);
}

TEST_CASE("kept teacher records are refused unless whole and made by the same compiler") {
  const std::string bytes = encoded_after_a_build(site_files());
  auto memo = make_read_memo(false);
  CHECK_FALSE(decode_teacher_files(bytes, kSalt + 1, *memo));  // another compiler
  CHECK_FALSE(decode_teacher_files("", kSalt, *memo));
  CHECK_FALSE(decode_teacher_files("METODIKA-TEACHERS-1\n", kSalt, *memo));
  for (size_t n = 0; n < bytes.size(); n += 7) {  // every cut short
    CHECK_FALSE(decode_teacher_files(std::string_view(bytes).substr(0, n), kSalt, *memo));
  }
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x20;  // one bit of the payload
  CHECK_FALSE(decode_teacher_files(damaged, kSalt, *memo));
  CHECK(memo->teacher_files.empty());  // nothing was added by any refused decoding
  CHECK(decode_teacher_files(bytes, kSalt, *memo));
}

TEST_CASE("only the entries of the given paths are kept") {
  auto memo = make_read_memo();
  BuildOptions options;
  options.memo = memo.get();
  (void)build(site_files(), options);
  const std::vector<std::string> one = {"data/private/teachers/ventspils.yaml"};
  auto next = make_read_memo(false);
  REQUIRE(decode_teacher_files(encode_teacher_files(*memo, one, kSalt), kSalt, *next));
  CHECK(next->teacher_files.size() == 1);
  CHECK(next->teacher_files.contains("data/private/teachers/ventspils.yaml"));
  CHECK(teacher_files_digest(*next, one) == teacher_files_digest(*memo, one));
  CHECK(teacher_files_digest(*next, kPaths) != teacher_files_digest(*memo, kPaths));
}

}  // namespace metodika::model
