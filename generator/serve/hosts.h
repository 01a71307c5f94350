// Which Host a request to `metodika serve` may name. A web page elsewhere can make a browser
// send requests to 127.0.0.1 under its own name by pointing its DNS there (DNS rebinding); the
// browser then lets the page read the answers, build errors quoting private teacher files
// included. Such requests carry the page's name in Host, so the server answers only requests
// naming itself: localhost, 127.0.0.1, [::1] or the --bind address, with any port.
#pragma once

#include <string>
#include <string_view>

namespace metodika::serve {

class AllowedHosts {
 public:
  /// The hosts of a server bound to `bind_address` ("127.0.0.1", "::1", "0.0.0.0", a name).
  /// Bound to every interface ("0.0.0.0", "::"), any IP address is allowed too: an address is
  /// not a name a rebinding page could own.
  explicit AllowedHosts(std::string bind_address);

  /// Whether a Host header's value ("localhost:1313", "[::1]:8080", "127.0.0.1") names this
  /// server. Names compare without regard to letter case; a port, when given, is digits.
  [[nodiscard]] bool allows_host(std::string_view host) const;

  /// Whether an Origin header's value ("http://localhost:1313") is a page of this server.
  [[nodiscard]] bool allows_origin(std::string_view origin) const;

 private:
  std::string bind_;  // lower case, IPv6 in brackets
  bool any_address_ = false;
};

}  // namespace metodika::serve
