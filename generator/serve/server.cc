// Why an event loop of our own: cpp-httplib (Debian 12 has 0.11.4) gives each connection a
// thread of a fixed pool for its whole life: an idle keep-alive connection, a request trickling
// in a byte at a time (its read timeout restarts on every byte, so there is no bound on a whole
// request) and every server-sent-events stream hold one. 70 open pages, 1,000 idle connections or
// 200 slow requests left no thread for a page (issue 19), and a pool large enough for them would
// be a thread per attacker. Its listen backlog of 5 is compiled into the shared library. A
// preview server of static files needs little of HTTP, so this file speaks it itself: one thread,
// non-blocking sockets in epoll, files sent with sendfile, a deadline on every wait.
#include "serve/server.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <list>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "serve/live_reload.h"
#include "serve/request.h"
#include "serve/response.h"

namespace metodika::serve {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// How often deadlines and heartbeats are looked at: timeouts are a few seconds, so a quarter of
// a second late is no matter.
constexpr std::chrono::milliseconds kTick{250};
// Descriptors left to the build (which runs in this process) when connections are counted.
constexpr uint64_t kFdReserve = 256;
constexpr uint64_t kConnectionCeiling = 8192;
// After a last answer on a connection being closed, unread request bytes are read and dropped
// for this long, so that closing does not reset the connection before the client read the answer.
constexpr std::chrono::seconds kDrainTime{2};
constexpr uint64_t kSendfileChunk = 1 << 20;
constexpr uint64_t kWakeId = 0;
constexpr uint64_t kListenerId = 1;

size_t connection_budget() {
  rlimit rl{};
  uint64_t soft = 1024;
  if (::getrlimit(RLIMIT_NOFILE, &rl) == 0) {
    soft = rl.rlim_cur == RLIM_INFINITY ? kConnectionCeiling * 4 : rl.rlim_cur;
  }
  if (soft < kFdReserve + 64) return 16;
  return static_cast<size_t>(std::min(kConnectionCeiling, (soft - kFdReserve) / 2));
}

enum class Phase {
  kRequest,   // waiting for (the rest of) a request head
  kResponse,  // sending an answer
  kStream,    // a live-reload event stream, open until the page goes
  kDrain,     // answered for the last time; dropping what the client still sends
};

struct Connection {
  uint64_t id = 0;
  Fd sock;
  Phase phase = Phase::kRequest;
  std::string in;                         // received, not yet answered
  bool peer_done = false;                 // the client will send nothing more
  Clock::time_point since;                // when the current wait began, or the last progress
  Clock::time_point last_message;         // kStream: when the last event or heartbeat was queued
  std::list<uint64_t>::iterator waiting;  // in Impl::waiting while kRequest or kDrain
  bool in_waiting = false;
  // What is being sent: a head, then the body's pieces.
  std::string head;
  size_t head_sent = 0;
  Body body;
  size_t piece = 0;
  uint64_t piece_sent = 0;
  bool close_after = false;
  uint64_t seen = 0;  // kStream: the version of the build state last sent
  uint32_t interest = 0;

  [[nodiscard]] bool pending() const {
    return head_sent < head.size() || piece < body.pieces().size();
  }
};

}  // namespace

struct PreviewServer::Impl {
  fs::path out_dir;
  BuildEvents& events;
  ServerLimits limits;
  size_t max_connections;
  size_t max_streams;
  std::optional<Responder> responder;  // made by bind(), which knows the host
  Fd listener, epoll, wake;
  std::thread thread;
  std::atomic<bool> stopping{false};
  bool started = false;
  bool stopped = false;

  // Everything below belongs to the loop's thread.
  std::unordered_map<uint64_t, std::unique_ptr<Connection>> conns;
  std::list<uint64_t> waiting;  // connections in kRequest or kDrain, longest waiting first
  uint64_t next_id = 2;
  size_t streams = 0;
  uint64_t state_version = 0;
  std::shared_ptr<const std::string> state_event;
  std::shared_ptr<const std::string> heartbeat =
      std::make_shared<const std::string>(": keep-alive\n\n");
  std::optional<Clock::time_point> accept_paused_until;

  Impl(fs::path dir, BuildEvents& ev, ServerLimits l)
      : out_dir(std::move(dir)), events(ev), limits(l) {
    max_connections = limits.max_connections ? limits.max_connections : connection_budget();
    max_streams = std::min(limits.max_streams, std::max<size_t>(1, max_connections / 2));
  }

  // ---------------------------------------------------------------- epoll bookkeeping

  void watch(Connection& c, uint32_t interest) {
    if (c.interest == interest) return;
    epoll_event ev{};
    ev.events = interest;
    ev.data.u64 = c.id;
    ::epoll_ctl(epoll.get(), c.interest == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.sock.get(), &ev);
    c.interest = interest;
  }

  void start_waiting(Connection& c, Clock::time_point now) {
    stop_waiting(c);
    c.since = now;
    c.waiting = waiting.insert(waiting.end(), c.id);
    c.in_waiting = true;
  }

  void stop_waiting(Connection& c) {
    if (!c.in_waiting) return;
    waiting.erase(c.waiting);
    c.in_waiting = false;
  }

  void close(uint64_t id) {
    auto it = conns.find(id);
    if (it == conns.end()) return;
    Connection& c = *it->second;
    stop_waiting(c);
    if (c.phase == Phase::kStream) --streams;
    conns.erase(it);  // closing the socket takes it out of the epoll set
  }

  // Closes the connection that has waited longest for a request, to make room; false when every
  // connection is busy answering or streaming.
  bool evict_oldest_waiting() {
    if (waiting.empty()) return false;
    close(waiting.front());
    return true;
  }

  // ---------------------------------------------------------------- the loop

  void run() {
    refresh_state(Clock::now());
    std::vector<epoll_event> ready(256);
    Clock::time_point next_sweep = Clock::now() + kTick;
    while (!stopping) {
      int n = ::epoll_wait(epoll.get(), ready.data(), static_cast<int>(ready.size()),
                           static_cast<int>(kTick.count()));
      if (n < 0 && errno != EINTR) break;
      Clock::time_point now = Clock::now();
      for (int i = 0; i < n; ++i) {
        uint64_t id = ready[i].data.u64;
        uint32_t ev = ready[i].events;
        if (id == kWakeId) {
          uint64_t count;
          [[maybe_unused]] ssize_t r = ::read(wake.get(), &count, sizeof count);
          if (stopping) break;
          refresh_state(now);
        } else if (id == kListenerId) {
          accept_all(now);
        } else {
          on_ready(id, ev, now);
        }
      }
      if (now >= next_sweep) {
        sweep(now);
        next_sweep = now + kTick;
      }
    }
    conns.clear();
    waiting.clear();
  }

  void accept_all(Clock::time_point now) {
    while (true) {
      int s = ::accept4(listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (s < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if ((errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) &&
            evict_oldest_waiting()) {
          continue;
        }
        // Out of descriptors with nothing to close: the listener stays readable, so stop
        // watching it for a tick rather than spin.
        if (errno != EAGAIN && errno != EWOULDBLOCK) pause_accepting(now);
        return;
      }
      Fd sock(s);
      if (conns.size() >= max_connections && !evict_oldest_waiting()) continue;
      int one = 1;
      // Answers go out in a few writes (head, file, script tag): without NODELAY a small last
      // write waits for the client's delayed acknowledgement, 40 ms on Linux.
      ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto c = std::make_unique<Connection>();
      c->id = next_id++;
      c->sock = std::move(sock);
      Connection& ref = *c;
      conns.emplace(ref.id, std::move(c));
      start_waiting(ref, now);
      watch(ref, EPOLLIN | EPOLLRDHUP);
    }
  }

  void pause_accepting(Clock::time_point now) {
    epoll_event ev{};
    ev.data.u64 = kListenerId;
    ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, listener.get(), &ev);
    accept_paused_until = now + kTick;
  }

  void on_ready(uint64_t id, uint32_t ev, Clock::time_point now) {
    auto it = conns.find(id);
    if (it == conns.end()) return;  // closed earlier in this round
    Connection& c = *it->second;
    if (ev & EPOLLERR) {
      close(id);
      return;
    }
    if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) {
      if (!receive(c)) return;
    }
    if (c.phase == Phase::kStream || c.phase == Phase::kDrain) {
      if (c.peer_done) {
        close(id);
        return;
      }
    }
    progress(c, now);
  }

  // Reads what the client sent. Requests are kept (up to a head's limit); on a stream or a
  // closing connection, bytes are dropped. False when the connection was closed.
  bool receive(Connection& c) {
    char buf[4096];
    while (!c.peer_done) {
      bool keep = c.phase == Phase::kRequest || c.phase == Phase::kResponse;
      if (keep && c.in.size() > kMaxRequestHead) break;
      ssize_t n = ::recv(c.sock.get(), buf, sizeof buf, 0);
      if (n > 0) {
        if (keep) c.in.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n == 0) {
        c.peer_done = true;
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      close(c.id);
      return false;
    }
    return true;
  }

  // Moves the connection on as far as it can go now: answers complete requests, sends what the
  // socket takes, starts waiting for the next request. Closes it when it is done.
  void progress(Connection& c, Clock::time_point now) {
    while (true) {
      switch (c.phase) {
        case Phase::kRequest: {
          // Empty lines before a request are allowed (RFC 9112 §2.2); they are dropped here so
          // that a stream of them cannot fill the buffer.
          size_t text = c.in.find_first_not_of("\r\n");
          c.in.erase(0, text == std::string::npos ? c.in.size() : text);
          size_t end = request_head_end(c.in);
          if (end == std::string::npos) {
            if (c.in.size() > kMaxRequestHead) {
              stop_waiting(c);
              begin(c, error_response(431, "The request head is too large.\n"), now);
              break;
            }
            if (c.peer_done) {
              close(c.id);
              return;
            }
            watch(c, EPOLLIN | EPOLLRDHUP);
            return;
          }
          std::string head = c.in.substr(0, end);
          c.in.erase(0, end);
          stop_waiting(c);
          answer(c, parse_request(head), now);
          break;
        }
        case Phase::kResponse:
        case Phase::kStream: {
          if (!send_pending(c, now)) return;
          if (c.pending()) {
            watch(c, c.phase == Phase::kStream ? EPOLLIN | EPOLLRDHUP | EPOLLOUT : EPOLLOUT);
            return;
          }
          if (c.phase == Phase::kStream) {
            if (feed_stream(c, now)) break;  // a newer state to send
            watch(c, EPOLLIN | EPOLLRDHUP);
            return;
          }
          finish_response(c, now);
          break;
        }
        case Phase::kDrain:
          watch(c, EPOLLIN | EPOLLRDHUP);
          return;
      }
    }
  }

  void finish_response(Connection& c, Clock::time_point now) {
    c.head.clear();
    c.head_sent = 0;
    c.body.clear();
    c.piece = 0;
    c.piece_sent = 0;
    start_waiting(c, now);
    if (c.close_after || c.peer_done) {
      ::shutdown(c.sock.get(), SHUT_WR);
      c.phase = Phase::kDrain;
      c.in.clear();
    } else {
      c.phase = Phase::kRequest;
    }
  }

  // Sends what the socket takes. False when the connection was closed.
  bool send_pending(Connection& c, Clock::time_point now) {
    const std::vector<Body::Piece>& pieces = c.body.pieces();
    while (c.pending()) {
      ssize_t n;
      if (c.head_sent < c.head.size()) {
        int more = c.piece < pieces.size() ? MSG_MORE : 0;
        n = ::send(c.sock.get(), c.head.data() + c.head_sent, c.head.size() - c.head_sent,
                   MSG_NOSIGNAL | more);
        if (n > 0) c.head_sent += static_cast<size_t>(n);
      } else {
        const Body::Piece& p = pieces[c.piece];
        uint64_t left = p.length - c.piece_sent;
        if (p.text) {
          int more = c.piece + 1 < pieces.size() ? MSG_MORE : 0;
          n = ::send(c.sock.get(), p.text->data() + p.offset + c.piece_sent,
                     static_cast<size_t>(left), MSG_NOSIGNAL | more);
        } else {
          off_t offset = static_cast<off_t>(p.offset + c.piece_sent);
          n = ::sendfile(c.sock.get(), c.body.file(), &offset,
                         static_cast<size_t>(std::min(left, kSendfileChunk)));
          if (n == 0) {  // the file shrank since it was opened: the length sent was wrong
            close(c.id);
            return false;
          }
        }
        if (n > 0) {
          c.piece_sent += static_cast<uint64_t>(n);
          if (c.piece_sent == p.length) {
            ++c.piece;
            c.piece_sent = 0;
          }
        }
      }
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
        close(c.id);
        return false;
      }
      c.since = now;
    }
    return true;
  }

  // ---------------------------------------------------------------- answers

  void begin(Connection& c, Response response, Clock::time_point now) {
    c.phase = Phase::kResponse;
    c.head = std::move(response.head);
    c.head_sent = 0;
    c.body = std::move(response.body);
    c.piece = 0;
    c.piece_sent = 0;
    c.close_after = c.close_after || response.close;
    if (c.close_after) c.in.clear();
    c.since = now;
  }

  void answer(Connection& c, const ParsedRequest& parsed, Clock::time_point now) {
    // The generation is read before the file: a page can then only claim an older build than
    // it shows, which costs at most one extra reload, never a missed one.
    Response response = responder->respond(parsed, events.generation());
    if (response.event_stream) {
      open_stream(c, now);
    } else {
      begin(c, std::move(response), now);
    }
  }

  // ---------------------------------------------------------------- live-reload streams

  void open_stream(Connection& c, Clock::time_point now) {
    if (streams >= max_streams) {
      begin(c,
            error_response(503,
                           "Too many open pages: metodika serve keeps " +
                               std::to_string(max_streams) + " live-reload streams at most.\n",
                           {{"Retry-After", "10"}}),
            now);
      return;
    }
    c.in.clear();
    c.phase = Phase::kStream;
    ++streams;
    // No length and no chunking: the stream ends when the connection does.
    c.head = response_head(200, "text/event-stream", std::nullopt, {}, true);
    c.head_sent = 0;
    c.body = Body(events.greeting(c.seen));
    c.piece = 0;
    c.piece_sent = 0;
    c.since = now;
    c.last_message = now;
  }

  // Queues the latest build state on a stream that has sent everything else and not this
  // state. True when something was queued.
  bool feed_stream(Connection& c, Clock::time_point now) {
    if (c.pending() || !state_event || state_version <= c.seen) return false;
    c.seen = state_version;
    queue_message(c, state_event, now);
    return true;
  }

  void queue_message(Connection& c, std::shared_ptr<const std::string> text,
                     Clock::time_point now) {
    c.head.clear();
    c.head_sent = 0;
    c.body = Body(std::move(text));
    c.piece = 0;
    c.piece_sent = 0;
    c.since = now;
    c.last_message = now;
  }

  void refresh_state(Clock::time_point now) {
    uint64_t version = 0;
    std::string event = events.state_event(version);
    if (state_event && version <= state_version) return;
    state_version = version;
    // One copy of the event for every stream (a failed build's may be large).
    state_event = std::make_shared<const std::string>(std::move(event));
    std::vector<uint64_t> ids;
    for (const auto& [id, c] : conns) {
      if (c->phase == Phase::kStream) ids.push_back(id);
    }
    for (uint64_t id : ids) {
      auto it = conns.find(id);
      if (it == conns.end()) continue;
      if (feed_stream(*it->second, now)) progress(*it->second, now);
    }
  }

  // ---------------------------------------------------------------- deadlines

  void sweep(Clock::time_point now) {
    if (accept_paused_until && now >= *accept_paused_until) {
      accept_paused_until.reset();
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = kListenerId;
      ::epoll_ctl(epoll.get(), EPOLL_CTL_MOD, listener.get(), &ev);
    }
    std::vector<uint64_t> expired;
    std::vector<uint64_t> beat;
    for (const auto& [id, cp] : conns) {
      const Connection& c = *cp;
      switch (c.phase) {
        case Phase::kRequest:
          if (now - c.since >= limits.request_timeout) expired.push_back(id);
          break;
        case Phase::kDrain:
          if (now - c.since >= kDrainTime) expired.push_back(id);
          break;
        case Phase::kResponse:
          if (now - c.since >= limits.write_timeout) expired.push_back(id);
          break;
        case Phase::kStream:
          if (c.pending()) {
            if (now - c.since >= limits.write_timeout) expired.push_back(id);
          } else if (now - c.last_message >= limits.heartbeat) {
            beat.push_back(id);
          }
          break;
      }
    }
    for (uint64_t id : expired) {
      auto it = conns.find(id);
      if (it == conns.end()) continue;
      Connection& c = *it->second;
      if (c.phase == Phase::kRequest && !c.in.empty()) {
        // A request begun and not finished: say so, best effort, before closing.
        constexpr std::string_view k408 =
            "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        [[maybe_unused]] ssize_t n =
            ::send(c.sock.get(), k408.data(), k408.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      }
      close(id);
    }
    for (uint64_t id : beat) {
      auto it = conns.find(id);
      if (it == conns.end()) continue;
      queue_message(*it->second, heartbeat, now);
      progress(*it->second, now);
    }
  }
};

PreviewServer::PreviewServer(fs::path out_dir, BuildEvents& events, ServerLimits limits)
    : impl_(std::make_unique<Impl>(std::move(out_dir), events, limits)) {
  // A client closing its connection mid-file must not end the process (sendfile has no
  // MSG_NOSIGNAL).
  std::signal(SIGPIPE, SIG_IGN);
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string service = std::to_string(port);
  if (::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0) {
    return -1;
  }
  Fd sock;
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    Fd s(::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol));
    if (!s.valid()) continue;
    int one = 1;
    ::setsockopt(s.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(s.get(), ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(s.get(), SOMAXCONN) == 0) {
      sock = std::move(s);
      break;
    }
  }
  ::freeaddrinfo(found);
  if (!sock.valid()) return -1;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(sock.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  int bound = addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                         : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  impl_->listener = std::move(sock);
  impl_->responder.emplace(impl_->out_dir, AllowedHosts(host));
  return bound;
}

void PreviewServer::start() {
  Impl& s = *impl_;
  if (!s.listener.valid() || s.started) return;
  s.epoll = Fd(::epoll_create1(EPOLL_CLOEXEC));
  s.wake = Fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
  if (!s.epoll.valid() || !s.wake.valid()) throw std::runtime_error("cannot start the server");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeId;
  ::epoll_ctl(s.epoll.get(), EPOLL_CTL_ADD, s.wake.get(), &ev);
  ev.data.u64 = kListenerId;
  ::epoll_ctl(s.epoll.get(), EPOLL_CTL_ADD, s.listener.get(), &ev);
  int wake_fd = s.wake.get();
  s.events.set_listener([wake_fd] {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd, &one, sizeof one);
  });
  s.started = true;
  s.thread = std::thread([&s] { s.run(); });
}

void PreviewServer::stop() {
  Impl& s = *impl_;
  if (!s.started || s.stopped) return;
  s.stopped = true;
  s.stopping = true;
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(s.wake.get(), &one, sizeof one);
  if (s.thread.joinable()) s.thread.join();
  s.events.set_listener({});
  s.listener = Fd();
}

}  // namespace metodika::serve
