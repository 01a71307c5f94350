#include "serve/hosts.h"

#include <arpa/inet.h>

#include <optional>

namespace metodika::serve {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
  return out;
}

bool is_ipv4(const std::string& s) {
  in_addr a{};
  return ::inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& s) {
  in6_addr a{};
  return ::inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

// The host part of "name", "name:port", "[v6]" or "[v6]:port" in lower case (IPv6 kept in its
// brackets); nullopt when malformed.
std::optional<std::string> host_part(std::string_view hostport) {
  std::string_view host = hostport;
  std::string_view port;
  if (hostport.starts_with('[')) {
    size_t close = hostport.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = hostport.substr(0, close + 1);
    std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
      if (port.empty()) return std::nullopt;
    }
    if (!is_ipv6(std::string(host.substr(1, host.size() - 2)))) return std::nullopt;
  } else {
    size_t colon = hostport.find(':');
    if (colon != std::string_view::npos) {
      host = hostport.substr(0, colon);
      port = hostport.substr(colon + 1);
      if (port.empty()) return std::nullopt;
    }
  }
  if (host.empty()) return std::nullopt;
  for (char c : port) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return lower(host);
}

}  // namespace

AllowedHosts::AllowedHosts(std::string bind_address) {
  bind_ = lower(bind_address);
  if (bind_ == "0.0.0.0" || bind_ == "::" || bind_.empty()) any_address_ = true;
  if (bind_.find(':') != std::string::npos && !bind_.starts_with('[')) bind_ = "[" + bind_ + "]";
}

bool AllowedHosts::allows_host(std::string_view value) const {
  std::optional<std::string> host = host_part(value);
  if (!host) return false;
  if (*host == "localhost" || *host == "127.0.0.1" || *host == "[::1]" || *host == bind_) {
    return true;
  }
  if (any_address_) {
    if (host->starts_with('[')) return true;  // checked as IPv6 by host_part
    return is_ipv4(*host);
  }
  return false;
}

bool AllowedHosts::allows_origin(std::string_view origin) const {
  constexpr std::string_view kScheme = "http://";
  if (origin.size() <= kScheme.size() || lower(origin.substr(0, kScheme.size())) != kScheme) {
    return false;
  }
  return allows_host(origin.substr(kScheme.size()));
}

}  // namespace metodika::serve
