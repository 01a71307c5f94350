// The state `metodika serve` tells the browsers: the generation of the last good build and, when
// the latest build failed, its errors. Each open page holds a server-sent-events stream; a build
// publishes here, the listener (the server's event loop) wakes and every stream sends the new
// state.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
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

  /// Called after every publish, on the publishing thread, with the state locked: it must only
  /// wake someone (the server writes to an eventfd). An empty function removes it.
  void set_listener(std::function<void()> listener);

  [[nodiscard]] uint64_t generation() const;
  [[nodiscard]] bool failed() const;

  /// What a new stream sends first: `retry`, `hello` with the generation, and `build-error` when
  /// the latest build failed. Sets `seen` to the current state.
  [[nodiscard]] std::string greeting(uint64_t& seen) const;

  /// The event telling the current state (`reload` or `build-error`); sets `version` to the
  /// state's version, which goes up on every publish.
  [[nodiscard]] std::string state_event(uint64_t& version) const;

  /// The `build-error` event's JSON: {"generation":N,"problems":[{"location":…,"text":…}]}.
  [[nodiscard]] static std::string problems_json(uint64_t generation,
                                                 const std::vector<BuildProblem>& problems);

 private:
  [[nodiscard]] std::string state_event_locked() const;

  void changed_locked() const;

  mutable std::mutex mu_;
  std::function<void()> listener_;
  uint64_t version_ = 0;     // goes up on every publish
  uint64_t generation_ = 0;  // goes up on every good build
  std::vector<BuildProblem> problems_;
  bool failed_ = false;
};

}  // namespace metodika::serve
