// The state `metodika serve` tells the browsers: the generation of the last good build and, when
// the latest build failed, its errors. Each open page holds a server-sent-events stream; a build
// publishes here and every stream wakes and sends the new state.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace metodika::serve {

/// One error of a failed build, as the terminal shows it.
struct BuildProblem {
  std::string location;  // "data/schools.yaml:12:7" (may be empty for a failure of no file)
  std::string text;      // the whole diagnostic: first line, quoted source, caret, hint
};

/// Formats one server-sent event: `event: NAME` and `data: DATA` (DATA must hold no newline).
[[nodiscard]] std::string sse_event(std::string_view name, std::string_view data);

class BuildEvents {
 public:
  /// A good build: the generation goes up, the errors go, every stream sends `reload`.
  void publish_success();
  /// A failed build: every stream sends `build-error` with `problems`; the generation stays, as
  /// the last good site is still what is served.
  void publish_failure(std::vector<BuildProblem> problems);
  /// Wakes every waiting stream for the last time (the server is stopping).
  void stop();

  [[nodiscard]] uint64_t generation() const;
  [[nodiscard]] bool failed() const;

  /// What a new stream sends first: `retry`, `hello` with the generation, and `build-error` when
  /// the latest build failed. Sets `seen` to the current state.
  [[nodiscard]] std::string greeting(uint64_t& seen) const;

  /// Waits until the state differs from `seen` (returns the event and updates `seen`), `timeout`
  /// passes (returns a comment line, which also finds closed connections), or stop() (nullopt).
  [[nodiscard]] std::optional<std::string> wait(uint64_t& seen, std::chrono::milliseconds timeout);

  /// The `build-error` event's JSON: {"generation":N,"problems":[{"location":…,"text":…}]}.
  [[nodiscard]] static std::string problems_json(uint64_t generation,
                                                 const std::vector<BuildProblem>& problems);

 private:
  [[nodiscard]] std::string state_event_locked() const;

  mutable std::mutex mu_;
  std::condition_variable changed_;
  uint64_t version_ = 0;     // goes up on every publish
  uint64_t generation_ = 0;  // goes up on every good build
  std::vector<BuildProblem> problems_;
  bool failed_ = false;
  bool stopping_ = false;
};

}  // namespace metodika::serve
