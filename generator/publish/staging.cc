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
