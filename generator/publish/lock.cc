#include "publish/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "publish/cache.h"

namespace metodika::publish {
namespace fs = std::filesystem;

OutputLock::OutputLock(const fs::path& out, const std::function<void()>& waiting) {
  const fs::path dir = manifest_path(out).parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);  // the output's parent folders may not exist yet
  if (ec) {
    throw std::runtime_error("cannot create the build cache folder " + dir.string() + ": " +
                             ec.message());
  }
  const fs::path file = dir / "lock";
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd_ < 0) {
    throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
  }
  int taken = ::flock(fd_, LOCK_EX | LOCK_NB);
  if (taken != 0 && errno == EWOULDBLOCK) {
    if (waiting) waiting();
    do {
      taken = ::flock(fd_, LOCK_EX);
    } while (taken != 0 && errno == EINTR);
  }
  // A file system without locks (some network ones): one build at a time is then the user's.
  (void)taken;
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

}  // namespace metodika::publish
