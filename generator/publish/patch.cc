#include "publish/patch.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "publish/file_ops.h"
#include "publish/staging.h"
#include "util/fs.h"

namespace metodika::publish {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kNewSuffix = ".metodika-new";

fs::path aside(const fs::path& target) {
  fs::path p = target;
  p += kNewSuffix;
  return p;
}

}  // namespace

Patch::Patch(fs::path out) : out_(std::move(out)) {}

Patch::~Patch() {
  if (committed_) return;
  for (const std::string& rel : pending_) ::unlink(aside(out_ / rel).c_str());
  // Deepest first; a folder that holds anything else stays.
  for (auto it = made_folders_.rbegin(); it != made_folders_.rend(); ++it) ::rmdir(it->c_str());
}

void Patch::write(std::string_view path, std::string_view bytes) {
  if (!is_safe_output_path(path)) {
    throw std::logic_error("refusing to write outside the output folder: " + std::string(path));
  }
  ++written_;
  const fs::path target = out_ / fs::path(std::string(path));
  struct stat st {};
  if (detail::holds_exactly(target, bytes, st)) return;
  // Folders that do not exist yet are made now and remembered, to be removed if the build fails.
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path dir = target.parent_path(); dir != out_ && !fs::exists(dir, ec);
       dir = dir.parent_path()) {
    missing.push_back(dir);
  }
  detail::make_folders(out_, target.parent_path());
  util::write_file(aside(target), bytes);
  ++changed_;
  std::lock_guard lock(mu_);
  pending_.emplace_back(path);
  made_folders_.insert(made_folders_.end(), missing.rbegin(), missing.rend());
}

void Patch::commit(const std::vector<std::string>& stale) {
  std::sort(pending_.begin(), pending_.end());
  for (const std::string& rel : pending_) {
    const fs::path target = out_ / rel;
    // A folder of an older build may stand where the file goes.
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(target, ec))) detail::remove_entry(target);
    if (::rename(aside(target).c_str(), target.c_str()) != 0) {
      throw std::runtime_error("cannot update " + target.string() + ": " + std::strerror(errno));
    }
  }
  committed_ = true;
  std::vector<fs::path> folders;
  for (const std::string& rel : stale) {
    const fs::path file = out_ / rel;
    ::unlink(file.c_str());
    for (fs::path dir = file.parent_path(); dir != out_ && dir.native().size() > out_.native().size();
         dir = dir.parent_path()) {
      folders.push_back(dir);
    }
  }
  // Deepest first, so that emptied folders go too; rmdir fails on a folder still in use.
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() != b.native().size() ? a.native().size() > b.native().size()
                                                  : a < b;
  });
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (const fs::path& dir : folders) ::rmdir(dir.c_str());
}

}  // namespace metodika::publish
