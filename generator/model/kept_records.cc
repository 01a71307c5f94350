#include "model/kept_records.h"

#include <map>
#include <optional>
#include <utility>

#include "model/read_memo.h"
#include "model/store_codec.h"
#include "util/binary.h"
#include "util/digest.h"

namespace metodika::model {
namespace {

// Layout: a sealed frame (model/store_codec.h) whose payload is:
//   u32 entries; per entry: str path, u64 key, u32 records, u32 diagnostics;
//     per record: str id, str school, u64 school_index, u32 line, u32 col, u32 courses;
//       per course: u8 category, f64 hours, i32 year, u8 month, u8 day;
//     per diagnostic: store::put_diagnostic.
// A string is its u32 length and its bytes (util/binary.h).
constexpr std::string_view kMagic = "METODIKA-TEACHERS-1\n";

using Writer = util::BinaryWriter;
using Reader = util::BinaryReader;

void put_record(Writer& w, const Teacher& t) {
  w.put(std::string_view(t.id));
  w.put(std::string_view(t.school));
  w.put(static_cast<uint64_t>(t.school_index));
  w.put(t.pos.line);
  w.put(t.pos.col);
  w.put(static_cast<uint32_t>(t.courses.size()));
  for (const Course& c : t.courses) {
    w.put(static_cast<uint8_t>(c.category));
    w.put(c.hours);
    w.put(static_cast<int32_t>(c.date.year));
    w.put(static_cast<uint8_t>(c.date.month));
    w.put(static_cast<uint8_t>(c.date.day));
  }
}

std::optional<Teacher> get_record(Reader& r, const std::string& file) {
  Teacher t;
  t.id = r.str();
  t.school = r.str();
  t.school_index = static_cast<size_t>(r.get<uint64_t>());
  t.pos = {file, r.get<uint32_t>(), r.get<uint32_t>()};
  const uint32_t courses = r.count(15);
  t.courses.reserve(courses);
  for (uint32_t i = 0; i < courses && r.ok(); ++i) {
    Course c;
    const auto category = r.get<uint8_t>();
    if (category >= kCourseCategories.size()) r.fail();
    c.category = static_cast<CourseCategory>(category);
    c.hours = r.get<double>();
    c.date.year = r.get<int32_t>();
    c.date.month = r.get<uint8_t>();
    c.date.day = r.get<uint8_t>();
    t.courses.push_back(std::move(c));
  }
  if (!r.ok()) return std::nullopt;
  return t;
}

}  // namespace

std::string encode_teacher_files(const ReadMemo& memo, std::span<const std::string> paths,
                                 uint64_t salt) {
  Writer w = store::open_frame(kMagic);
  std::vector<std::pair<const std::string*, const ReadMemo::Entry*>> kept;
  for (const std::string& path : paths) {
    auto it = memo.teacher_files.find(path);
    if (it != memo.teacher_files.end()) kept.emplace_back(&it->first, &it->second);
  }
  w.put(static_cast<uint32_t>(kept.size()));
  for (const auto& [path, entry] : kept) {
    w.put(std::string_view(*path));
    w.put(entry->key);
    w.put(static_cast<uint32_t>(entry->teachers.size()));
    w.put(static_cast<uint32_t>(entry->diagnostics.size()));
    for (const Teacher& t : entry->teachers) put_record(w, t);
    for (const diag::Diagnostic& d : entry->diagnostics) store::put_diagnostic(w, d);
  }
  return store::seal(w, kMagic, salt);
}

uint64_t teacher_files_digest(ReadMemo& memo, std::span<const std::string> paths) {
  util::Digest d;
  std::lock_guard lock(memo.mu);
  for (const std::string& path : paths) {
    auto it = memo.teacher_files.find(path);
    if (it != memo.teacher_files.end()) d.add(path).add(it->second.key);
  }
  return d.value();
}

bool decode_teacher_files(std::string_view bytes, uint64_t salt, ReadMemo& memo) {
  const std::optional<std::string_view> payload = store::unseal(bytes, kMagic, salt);
  if (!payload) return false;
  Reader r(*payload);
  std::map<std::string, ReadMemo::Entry, std::less<>> entries;
  const uint32_t n = r.count(16);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string path = r.str();
    ReadMemo::Entry entry;
    entry.key = r.get<uint64_t>();
    const uint32_t records = r.count(28);
    const uint32_t diagnostics = r.count(store::kDiagnosticMinBytes);
    entry.teachers.reserve(records);
    for (uint32_t k = 0; k < records && r.ok(); ++k) {
      if (auto t = get_record(r, path)) entry.teachers.push_back(std::move(*t));
    }
    for (uint32_t k = 0; k < diagnostics && r.ok(); ++k) {
      entry.diagnostics.push_back(store::get_diagnostic(r));
    }
    entries.insert_or_assign(std::move(path), std::move(entry));
  }
  if (!r.done()) return false;
  std::lock_guard lock(memo.mu);
  for (auto& [path, entry] : entries) memo.teacher_files.insert_or_assign(path, std::move(entry));
  return true;
}

}  // namespace metodika::model
