#include "publish/staging.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "publish/file_ops.h"
#include "util/fs.h"

namespace metodika::publish {
namespace fs = std::filesystem;

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    std::string_view seg = path.substr(start, end == std::string_view::npos ? path.size() - start
                                                                            : end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

namespace {

// True when `inner` is `outer` or lies inside it (both absolute and normalised).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

fs::path normalised(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) c = fs::absolute(p).lexically_normal();
  if (!c.has_filename()) c = c.parent_path();
  return c;
}

}  // namespace

void remove_spare(const fs::path& out) {
  fs::path spare = fs::absolute(out).lexically_normal();
  if (!spare.has_filename()) spare = spare.parent_path();
  spare += ".spare";
  std::error_code ec;
  fs::remove_all(spare, ec);
}

std::string unsafe_output_reason(const fs::path& out_in, const fs::path& site_in) {
  fs::path out = normalised(out_in);
  fs::path site = normalised(site_in);
  if (is_within(site, out)) {
    return "the output folder " + out.string() + " is the site folder or holds it; the build "
           "replaces the whole output folder, so choose a folder of its own, such as " +
           (site / "output").string();
  }
  if (is_within(out, site)) {
    fs::path first = *out.lexically_relative(site).begin();
    for (std::string_view input : {"data", "content", "templates", "themes", "static"}) {
      if (first == input) {
        return "the output folder " + out.string() + " is inside the site's " +
               std::string(input) + "/ folder; choose a folder of its own, such as " +
               (site / "output").string();
      }
    }
  }
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return "the output " + out.string() + " is a file, not a folder";
  }
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) &&
      !fs::exists(out / std::string(kOutputMarker), ec)) {
    return "the folder " + out.string() + " is not empty and was not written by metodika (it has "
           "no " + std::string(kOutputMarker) + " file); the build would replace it, so choose "
           "a new or empty folder, or delete this one yourself";
  }
  return {};
}

void remove_abandoned_staging(const fs::path& out_in) {
  fs::path out = fs::absolute(out_in).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  const std::string prefix = out.filename().string() + ".staging-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    if (!detail::names_ended_process(std::string_view(name).substr(prefix.size()))) continue;
    std::error_code fec;
    if (!fs::is_directory(fs::symlink_status(it->path(), fec))) continue;
    if (fs::exists(it->path() / std::string(kOutputMarker), fec) || fs::is_empty(it->path(), fec)) {
      fs::remove_all(it->path(), fec);
    }
  }
}

Staging::Staging(fs::path out, PreviousOutput previous, bool writer_thread)
    : out_(std::move(out)) {
  out_ = fs::absolute(out_).lexically_normal();
  if (!out_.has_filename()) out_ = out_.parent_path();
  dir_ = out_;
  dir_ += ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(dir_, ec);  // a leftover of a killed build with the same pid
  remove_abandoned_staging(out_);
  if (previous == PreviousOutput::kKeepAsSpare) {
    spare_ = out_;
    spare_ += ".spare";
    // Only a folder of ours (with the marker) is taken; anything else there is left alone.
    if (fs::is_directory(fs::symlink_status(spare_, ec)) &&
        fs::is_regular_file(fs::symlink_status(spare_ / std::string(kOutputMarker), ec))) {
      if (::rename(spare_.c_str(), dir_.c_str()) != 0) fs::remove_all(spare_, ec);
    }
  }
  ec.clear();
  fs::create_directories(dir_, ec);
  if (ec) {
    throw std::runtime_error("cannot create the staging folder " + dir_.string() + ": " +
                             ec.message());
  }
  detail::spread_subfolders(dir_);
  put(std::string(kOutputMarker),
      "This folder is written by metodika and replaced whole on every build.\n");
  if (writer_thread) writer_ = std::thread([this] { run_writer(); });
}

namespace {
// What the queue may hold before write() waits: a few hundred pages, a workbook or two.
constexpr size_t kQueueBudget = 32u << 20;
// What wakes the writer: this many files or bytes queued (it then writes until the queue is
// empty, producers adding to it meanwhile without waking anyone).
constexpr size_t kBatchFiles = 64;
constexpr size_t kBatchBytes = 4u << 20;
static_assert(kBatchBytes < kQueueBudget, "a full queue must wake the writer");
}  // namespace

void Staging::run_writer() {
  std::unique_lock lock(queue_mu_);
  for (;;) {
    writer_waiting_ = true;
    work_cv_.wait(lock, [this] {
      return stop_ || (!queue_.empty() && (flush_ || queue_.size() >= kBatchFiles ||
                                           queued_bytes_ >= kBatchBytes));
    });
    writer_waiting_ = false;
    while (!queue_.empty()) {
      auto [path, bytes] = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      lock.unlock();
      try {
        if (!error_ && put(path, bytes)) ++unchanged_;
      } catch (...) {
        std::lock_guard relock(queue_mu_);
        if (!error_) error_ = std::current_exception();
      }
      lock.lock();
      busy_ = false;
      queued_bytes_ -= bytes.size();
      if (space_waiters_ > 0) space_cv_.notify_all();
    }
    if (stop_) return;  // stopped, and everything written
  }
}

void Staging::drain() {
  std::unique_lock lock(queue_mu_);
  flush_ = true;
  work_cv_.notify_one();
  ++space_waiters_;
  space_cv_.wait(lock, [this] { return queue_.empty() && !busy_; });
  --space_waiters_;
  if (error_) std::rethrow_exception(error_);
}

Staging::~Staging() {
  {
    std::lock_guard lock(queue_mu_);
    stop_ = true;
    if (!committed_) {  // nothing more is wanted from an abandoned build
      for (const auto& [path, bytes] : queue_) queued_bytes_ -= bytes.size();
      queue_.clear();
    }
  }
  work_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  if (!committed_) {
    std::error_code ec;
    // An unfinished staging folder is still a fine spare: the next build prunes what it does
    // not write.
    if (!spare_.empty() && !fs::exists(spare_, ec) &&
        ::rename(dir_.c_str(), spare_.c_str()) == 0) {
      return;
    }
    fs::remove_all(dir_, ec);
  }
}

void Staging::write(std::string_view path, std::string_view bytes) {
  if (!is_safe_output_path(path)) {
    throw std::logic_error("refusing to write outside the output folder: " + std::string(path));
  }
  if (!writer_.joinable()) {  // no writer thread: written here, in the caller's thread
    if (put(path, bytes)) ++unchanged_;
    ++files_;
    return;
  }
  bool wake = false;
  {
    std::unique_lock lock(queue_mu_);
    if (queued_bytes_ >= kQueueBudget && !queue_.empty()) {
      ++space_waiters_;  // the writer is awake: the queue holds more than a batch
      space_cv_.wait(lock, [&] { return queued_bytes_ < kQueueBudget || queue_.empty(); });
      --space_waiters_;
    }
    if (error_) std::rethrow_exception(error_);
    queue_.emplace_back(std::string(path), std::string(bytes));
    queued_bytes_ += bytes.size();
    wake = writer_waiting_ && (queue_.size() >= kBatchFiles || queued_bytes_ >= kBatchBytes);
  }
  if (wake) work_cv_.notify_one();
  ++files_;
}

bool Staging::put(std::string_view path, std::string_view bytes) {
  if (!spare_.empty()) {
    std::lock_guard lock(written_mu_);
    written_.emplace(path);
  }
  fs::path rel(std::string{path});
  fs::path target = dir_ / rel;
  fs::path previous = out_ / rel;
  struct stat prev {};
  if (detail::holds_exactly(previous, bytes, prev)) {
    struct stat here {};
    if (::lstat(target.c_str(), &here) == 0 && here.st_dev == prev.st_dev &&
        here.st_ino == prev.st_ino) {
      return true;  // the spare already links the same file
    }
    detail::remove_entry(target);
    make_folders_once(target);
    // linkat without AT_SYMLINK_FOLLOW links the entry itself, never a link's target. Any
    // failure (another file system, a link limit) just falls back to writing.
    if (::linkat(AT_FDCWD, previous.c_str(), AT_FDCWD, target.c_str(), 0) == 0) return true;
  }
  detail::remove_entry(target);
  make_folders_once(target);
  util::write_file(target, bytes);
  return false;
}

void Staging::make_folders_once(const fs::path& target) {
  const fs::path dir = target.parent_path();
  {
    std::lock_guard lock(folders_mu_);
    if (folders_.contains(dir.native())) return;
  }
  detail::make_folders(dir_, dir);
  std::lock_guard lock(folders_mu_);
  for (fs::path d = dir; d != dir_ && folders_.insert(d.native()).second; d = d.parent_path()) {
  }
}

void Staging::prune_unwritten() {
  std::vector<fs::path> folders;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    fs::file_status st = it->symlink_status(ec);
    if (fs::is_directory(st)) {
      folders.push_back(it->path());
    } else if (!written_.contains(it->path().lexically_relative(dir_).generic_string())) {
      detail::remove_entry(it->path());
    }
  }
  if (ec) throw std::runtime_error("cannot clean " + dir_.string() + ": " + ec.message());
  // Deepest first, so that a folder emptied by removing its folders goes too. A clean build has
  // no empty folders (folders are made only for files).
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() > b.native().size();
  });
  for (const fs::path& folder : folders) ::rmdir(folder.c_str());  // fails when not empty
}

void Staging::commit() {
  drain();
  std::error_code ec;
  if (!spare_.empty()) prune_unwritten();
  if (fs::exists(out_, ec)) {
    // One atomic step: readers see the old output or the new one, never a mix.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      throw std::runtime_error("cannot replace " + out_.string() + ": " + std::strerror(errno));
    }
    committed_ = true;
    // dir_ now holds the previous output.
    if (!spare_.empty() && ::rename(dir_.c_str(), spare_.c_str()) == 0) return;
    fs::remove_all(dir_, ec);
    return;
  }
  if (out_.has_parent_path()) fs::create_directories(out_.parent_path(), ec);
  if (std::rename(dir_.c_str(), out_.c_str()) != 0) {
    throw std::runtime_error("cannot create " + out_.string() + ": " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace metodika::publish
