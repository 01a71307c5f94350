#include "serve/build_events.h"

#include <nlohmann/json.hpp>

namespace metodika::serve {

std::string sse_event(std::string_view name, std::string_view data) {
  std::string out;
  out.reserve(name.size() + data.size() + 16);
  out.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
  return out;
}

std::string BuildEvents::problems_json(uint64_t generation,
                                       const std::vector<BuildProblem>& problems) {
  nlohmann::json j;
  j["generation"] = generation;
  j["problems"] = nlohmann::json::array();
  for (const BuildProblem& p : problems) {
    j["problems"].push_back({{"location", p.location}, {"text", p.text}});
  }
  // dump() escapes newlines and control characters, so the JSON is one line as SSE data must
  // be; invalid UTF-8 is replaced rather than thrown on.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void BuildEvents::changed_locked() const {
  if (listener_) listener_();
}

void BuildEvents::publish_success() {
  std::lock_guard lock(mu_);
  ++version_;
  ++generation_;
  failed_ = false;
  problems_.clear();
  changed_locked();
}

void BuildEvents::publish_failure(std::vector<BuildProblem> problems) {
  std::lock_guard lock(mu_);
  ++version_;
  failed_ = true;
  problems_ = std::move(problems);
  changed_locked();
}

void BuildEvents::set_listener(std::function<void()> listener) {
  // Under the lock: once this returns, the old listener is never called again.
  std::lock_guard lock(mu_);
  listener_ = std::move(listener);
}

uint64_t BuildEvents::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

bool BuildEvents::failed() const {
  std::lock_guard lock(mu_);
  return failed_;
}

std::string BuildEvents::state_event_locked() const {
  if (failed_) return sse_event("build-error", problems_json(generation_, problems_));
  return sse_event("reload", "{\"generation\":" + std::to_string(generation_) + "}");
}

std::string BuildEvents::greeting(uint64_t& seen) const {
  std::lock_guard lock(mu_);
  seen = version_;
  // retry: reconnect within half a second when the server restarts.
  std::string out = "retry: 500\n\n";
  out += sse_event("hello", "{\"generation\":" + std::to_string(generation_) + "}");
  if (failed_) out += sse_event("build-error", problems_json(generation_, problems_));
  return out;
}

std::string BuildEvents::state_event(uint64_t& version) const {
  std::lock_guard lock(mu_);
  version = version_;
  return state_event_locked();
}

}  // namespace metodika::serve
