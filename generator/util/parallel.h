// A minimal parallel loop over indexes. Work items are independent and write to their own slots,
// so results do not depend on scheduling (output stays deterministic).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace metodika::util {

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads. The first exception thrown by any
/// call is rethrown after all threads stop.
template <typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn&& fn) {
  unsigned workers = static_cast<unsigned>(std::min<size_t>(std::max(1u, jobs), n));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(error_mu);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace metodika::util
