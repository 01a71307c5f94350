#include "publish/staging.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

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

Staging::Staging(fs::path out) : out_(std::move(out)) {
  out_ = fs::absolute(out_).lexically_normal();
  if (!out_.has_filename()) out_ = out_.parent_path();
  dir_ = out_;
  dir_ += ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(dir_, ec);  // a leftover of a killed build with the same pid
  fs::create_directories(dir_, ec);
  if (ec) {
    throw std::runtime_error("cannot create the staging folder " + dir_.string() + ": " +
                             ec.message());
  }
  util::write_file(dir_ / std::string(kOutputMarker),
                   "This folder is written by metodika and replaced whole on every build.\n");
}

Staging::~Staging() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

void Staging::write(std::string_view path, std::string_view bytes) {
  if (!is_safe_output_path(path)) {
    throw std::logic_error("refusing to write outside the output folder: " + std::string(path));
  }
  util::write_file(dir_ / fs::path(std::string(path)), bytes);
  ++files_;
}

void Staging::commit() {
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    // One atomic step: readers see the old output or the new one, never a mix.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      throw std::runtime_error("cannot replace " + out_.string() + ": " + std::strerror(errno));
    }
    committed_ = true;
    fs::remove_all(dir_, ec);  // now holds the previous output
    return;
  }
  if (out_.has_parent_path()) fs::create_directories(out_.parent_path(), ec);
  if (std::rename(dir_.c_str(), out_.c_str()) != 0) {
    throw std::runtime_error("cannot create " + out_.string() + ": " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace metodika::publish
