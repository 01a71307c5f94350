#include "model/kept_records.h"

#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>

#include "model/private_data.h"
#include "util/digest.h"

namespace metodika::model {
namespace {

// Layout: the magic, then the salt, the payload's size and its digest (8 bytes each, host byte
// order: the file never leaves the machine that wrote it), then the payload:
//   u32 entries; per entry: str path, u64 key, u32 records, u32 diagnostics;
//     per record: str id, str school, u64 school_index, u32 line, u32 col, u32 courses;
//       per course: u8 category, f64 hours, i32 year, u8 month, u8 day;
//     per diagnostic: u8 severity, str file, u32 line, u32 col, str message, str hint.
// A string is its u32 length and its bytes. A hand-written format because nothing in the
// project's packages stores these structs more cheaply: JSON (nlohmann) would take longer to
// read than the YAML it replaces.
constexpr std::string_view kMagic = "METODIKA-TEACHERS-1\n";
constexpr size_t kHeader = kMagic.size() + 3 * sizeof(uint64_t);

class Writer {
 public:
  template <typename T>
    requires std::is_arithmetic_v<T>
  void put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void put(std::string_view s) {
    put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; any read past the end or value out of range makes it fail for good.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
    requires std::is_arithmetic_v<T>
  T get() {
    T v{};
    if (!ok_ || in_.size() - at_ < sizeof(T)) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  std::string str() {
    const auto n = get<uint32_t>();
    if (!ok_ || in_.size() - at_ < n) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  /// A count of items that take at least `min_bytes` each: more than the bytes left is damage.
  uint32_t count(size_t min_bytes) {
    const auto n = get<uint32_t>();
    if (ok_ && static_cast<uint64_t>(n) * min_bytes > in_.size() - at_) ok_ = false;
    return ok_ ? n : 0;
  }
  void fail() { ok_ = false; }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] bool done() const { return ok_ && at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

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

void put_diagnostic(Writer& w, const diag::Diagnostic& d) {
  w.put(static_cast<uint8_t>(d.severity));
  w.put(std::string_view(d.pos.file));
  w.put(d.pos.line);
  w.put(d.pos.col);
  w.put(std::string_view(d.message));
  w.put(std::string_view(d.hint));
}

diag::Diagnostic get_diagnostic(Reader& r) {
  diag::Diagnostic d;
  const auto severity = r.get<uint8_t>();
  if (severity > static_cast<uint8_t>(diag::Severity::kError)) r.fail();
  d.severity = static_cast<diag::Severity>(severity);
  d.pos.file = r.str();
  d.pos.line = r.get<uint32_t>();
  d.pos.col = r.get<uint32_t>();
  d.message = r.str();
  d.hint = r.str();
  return d;
}

}  // namespace

std::string encode_teacher_files(const ReadMemo& memo, std::span<const std::string> paths,
                                 uint64_t salt) {
  Writer w;
  w.bytes().append(kHeader, '\0');  // filled in below, once the payload is known
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
    for (const diag::Diagnostic& d : entry->diagnostics) put_diagnostic(w, d);
  }
  std::string& out = w.bytes();
  const std::string_view payload = std::string_view(out).substr(kHeader);
  const uint64_t header[3] = {salt, payload.size(), util::digest_of(payload)};
  std::memcpy(out.data(), kMagic.data(), kMagic.size());
  std::memcpy(out.data() + kMagic.size(), header, sizeof header);
  return std::move(out);
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
  if (bytes.size() < kHeader || bytes.substr(0, kMagic.size()) != kMagic) return false;
  uint64_t header[3];
  std::memcpy(header, bytes.data() + kMagic.size(), sizeof header);
  const std::string_view payload = bytes.substr(kHeader);
  if (header[0] != salt || header[1] != payload.size() ||
      header[2] != util::digest_of(payload)) {
    return false;
  }
  Reader r(payload);
  std::map<std::string, ReadMemo::Entry, std::less<>> entries;
  const uint32_t n = r.count(16);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string path = r.str();
    ReadMemo::Entry entry;
    entry.key = r.get<uint64_t>();
    const uint32_t records = r.count(28);
    const uint32_t diagnostics = r.count(21);
    entry.teachers.reserve(records);
    for (uint32_t k = 0; k < records && r.ok(); ++k) {
      if (auto t = get_record(r, path)) entry.teachers.push_back(std::move(*t));
    }
    for (uint32_t k = 0; k < diagnostics && r.ok(); ++k) {
      entry.diagnostics.push_back(get_diagnostic(r));
    }
    entries.insert_or_assign(std::move(path), std::move(entry));
  }
  if (!r.done()) return false;
  std::lock_guard lock(memo.mu);
  for (auto& [path, entry] : entries) memo.teacher_files.insert_or_assign(path, std::move(entry));
  return true;
}

}  // namespace metodika::model
