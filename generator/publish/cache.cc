#include "publish/cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <iterator>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "publish/staging.h"
#include "util/fs.h"
#include "util/text.h"

namespace metodika::publish {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kHeader = "metodika-cache 1 ";

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::optional<uint64_t> parse_hex(std::string_view s) {
  if (s.empty() || s.size() > 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return std::nullopt;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

}  // namespace

fs::path manifest_path(const fs::path& out) {
  fs::path dir = out;
  dir += ".cache";
  return dir / "manifest";
}

fs::path update_marker(const fs::path& out) {
  fs::path dir = out;
  dir += ".cache";
  return dir / "updating";
}

std::optional<Manifest> read_manifest(const fs::path& out, uint64_t salt) {
  std::error_code ec;
  if (!fs::is_regular_file(out / std::string(kOutputMarker), ec)) return std::nullopt;
  if (fs::exists(update_marker(out), ec)) return std::nullopt;
  std::string text;
  try {
    text = util::read_file(manifest_path(out));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  Manifest m;
  Manifest::Work* current = nullptr;
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return std::nullopt;  // a manifest ends with a newline
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (first) {
      if (!line.starts_with(kHeader)) return std::nullopt;
      auto s = parse_hex(line.substr(kHeader.size()));
      if (!s || *s != salt) return std::nullopt;
      m.salt = *s;
      first = false;
      continue;
    }
    auto f = util::split_fields(line);
    if (f[0] == "F" && f.size() == 2) {
      m.files.emplace_hint(m.files.end(), util::unescape_field(f[1]));  // written sorted
    } else if (f[0] == "W" && f.size() == 4) {
      auto d = parse_hex(f[2]);
      if (!d) return std::nullopt;
      current = &m.work[util::unescape_field(f[1])];
      current->digest = *d;
      current->extra = util::unescape_field(f[3]);
    } else if (f[0] == "P" && f.size() == 2 && current) {
      current->files.push_back(util::unescape_field(f[1]));
    } else {
      return std::nullopt;
    }
  }
  if (first) return std::nullopt;
  return m;
}

void write_manifest(const fs::path& out, const Manifest& m) {
  std::string text(kHeader);
  text += hex(m.salt) + "\n";
  for (const std::string& f : m.files) {
    text.append("F\t");
    util::append_field(text, f);
    text += '\n';
  }
  for (const auto& [key, w] : m.work) {
    text.append("W\t");
    util::append_field(text, key);
    text.append("\t").append(hex(w.digest)).append("\t");
    util::append_field(text, w.extra);
    text += '\n';
    for (const std::string& f : w.files) {
      text.append("P\t");
      util::append_field(text, f);
      text += '\n';
    }
  }
  const fs::path file = manifest_path(out);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::path tmp = file;
  tmp += ".tmp";
  try {
    util::write_file(tmp, text);
  } catch (const std::exception& e) {
    fs::remove(tmp, ec);
    throw std::runtime_error(std::string("the build cache: ") + e.what());
  }
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot write the build cache " + file.string() + ": " + ec.message());
  }
  fs::remove(update_marker(out), ec);  // the output is what this manifest says
}

namespace {

// The identity of a file as its last write left it; false when it cannot be read.
bool file_identity(const fs::path& file, uint64_t& dev, uint64_t& ino, uint64_t& size,
                   int64_t& mtime_ns) {
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return false;
  dev = st.st_dev;
  ino = st.st_ino;
  size = static_cast<uint64_t>(st.st_size);
  mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return true;
}

}  // namespace

void KeptManifest::keep(const fs::path& out, Manifest manifest) {
  manifest_.reset();
  if (file_identity(manifest_path(out), dev_, ino_, size_, mtime_ns_)) {
    manifest_ = std::move(manifest);
  }
}

std::optional<Manifest> KeptManifest::take(const fs::path& out, uint64_t salt) {
  std::optional<Manifest> kept = std::exchange(manifest_, std::nullopt);
  uint64_t dev = 0, ino = 0, size = 0;
  int64_t mtime_ns = 0;
  std::error_code ec;
  if (kept && kept->salt == salt && fs::is_regular_file(out / std::string(kOutputMarker), ec) &&
      !fs::exists(update_marker(out), ec) && file_identity(manifest_path(out), dev, ino, size, mtime_ns) && dev == dev_ &&
      ino == ino_ && size == size_ && mtime_ns == mtime_ns_) {
    return kept;
  }
  return read_manifest(out, salt);
}

void remove_manifest(const fs::path& out) {
  std::error_code ec;
  fs::remove(manifest_path(out), ec);
}

BuildCache::BuildCache(Manifest* previous, util::OutputSink& out, fs::path out_dir,
                       uint64_t salt)
    : previous_(previous), out_(out), out_dir_(std::move(out_dir)) {
  next_.salt = salt;
  // Files are looked up from the output folder, not from the file system's root: a national
  // site's incremental build checks ~14,000 of them.
  if (previous_) out_fd_ = ::open(out_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

BuildCache::~BuildCache() {
  if (out_fd_ >= 0) ::close(out_fd_);
}

void BuildCache::write(std::string_view path, std::string_view bytes) {
  out_.write(path, bytes);
  std::lock_guard lock(mu_);
  files_.emplace_back(path);
}

bool BuildCache::fresh(std::string_view key, uint64_t digest) const {
  if (!previous_) return false;
  auto it = previous_->work.find(key);
  if (it == previous_->work.end() || it->second.digest != digest) return false;
  // Files deleted from the output by hand are written again.
  for (const std::string& f : it->second.files) {
    struct stat st;
    const int found = out_fd_ >= 0 ? ::fstatat(out_fd_, f.c_str(), &st, 0)
                                   : ::stat((out_dir_ / f).c_str(), &st);
    if (found != 0 || !S_ISREG(st.st_mode)) return false;
  }
  return true;
}

bool BuildCache::reuse(std::string_view key, uint64_t digest, std::string* extra) {
  if (!fresh(key, digest)) return false;
  std::lock_guard lock(mu_);
  // A piece of work is reused once: its entry moves to the next manifest (the previous
  // manifest's map keeps its node, so that other threads' lookups stay valid). Asked again, the
  // work runs again.
  auto [next, fresh_key] = next_.work.try_emplace(std::string(key));
  if (!fresh_key) return false;
  auto it = previous_->work.find(key);
  next->second = std::move(it->second);
  if (extra) *extra = next->second.extra;
  files_.insert(files_.end(), next->second.files.begin(), next->second.files.end());
  ++reused_;
  return true;
}

void BuildCache::record(std::string_view key, uint64_t digest, std::vector<std::string> files,
                        std::string extra) {
  std::lock_guard lock(mu_);
  next_.work.insert_or_assign(std::string(key),
                              Manifest::Work{digest, std::move(files), std::move(extra)});
  ++recorded_;
}

void BuildCache::settle() {
  std::lock_guard lock(mu_);
  if (files_.empty()) return;
  std::sort(files_.begin(), files_.end());
  for (std::string& f : files_) next_.files.emplace_hint(next_.files.end(), std::move(f));
  files_.clear();
}

const Manifest& BuildCache::manifest() {
  settle();
  return next_;
}

Manifest BuildCache::take_manifest() {
  settle();
  return std::move(next_);
}

std::vector<std::string> BuildCache::stale_files() {
  settle();
  std::vector<std::string> stale;
  if (!previous_) return stale;
  std::set_difference(previous_->files.begin(), previous_->files.end(), next_.files.begin(),
                      next_.files.end(), std::back_inserter(stale));
  return stale;
}

}  // namespace metodika::publish
