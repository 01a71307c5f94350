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

/// Calls `fn(worker, i)` for every i in [0, n) on up to `jobs` threads; `worker` (0 .. jobs-1)
/// names the thread, so a caller can keep one non-thread-safe helper per worker. The first
/// exception thrown by any call is rethrown after all threads stop.
template <typename Fn>
void parallel_for_worker(size_t n, unsigned jobs, Fn&& fn) {
  unsigned workers = static_cast<unsigned>(std::min<size_t>(std::max(1u, jobs), n));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(0u, i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(worker, i);
      } catch (...) {
        std::lock_guard lock(error_mu);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0u);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads. The first exception thrown by any
/// call is rethrown after all threads stop.
template <typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn&& fn) {
  parallel_for_worker(n, jobs, [&](unsigned, size_t i) { fn(i); });
}

}  // namespace metodika::util
