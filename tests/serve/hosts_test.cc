// generator/serve/hosts.cc: the Host and Origin a request may carry (DNS rebinding).
#include "serve/hosts.h"

#include <doctest/doctest.h>

namespace metodika::serve {
namespace {

TEST_CASE("a loopback server answers only its own names") {
  AllowedHosts hosts("127.0.0.1");
  for (const char* ok : {"localhost", "localhost:1313", "LocalHost:1313", "127.0.0.1",
                         "127.0.0.1:80", "[::1]", "[::1]:1313"}) {
    CAPTURE(ok);
    CHECK(hosts.allows_host(ok));
  }
  for (const char* bad :
       {"", ":1313", "evil.example", "evil.example:1313", "localhost.evil.example",
        "localhost.:1313", "127.0.0.1.nip.io", "127.0.0.2", "192.168.1.5:1313", "[::2]", "[::1",
        "[::1]x", "[::1]:", "localhost:", "localhost:13a", "localhost:1313@evil.example",
        "[evil.example]", "::1", "0x7f000001"}) {
    CAPTURE(bad);
    CHECK_FALSE(hosts.allows_host(bad));
  }
}

TEST_CASE("the --bind address is allowed too; every address when bound to all") {
  AllowedHosts lan("192.168.1.5");
  CHECK(lan.allows_host("192.168.1.5:1313"));
  CHECK(lan.allows_host("localhost:1313"));
  CHECK_FALSE(lan.allows_host("192.168.1.6:1313"));
  AllowedHosts v6("fe80::1");
  CHECK(v6.allows_host("[fe80::1]:1313"));
  CHECK(v6.allows_host("[FE80::1]"));
  AllowedHosts named("preview.lan");
  CHECK(named.allows_host("Preview.LAN:1313"));
  CHECK_FALSE(named.allows_host("evil.example"));
  // Bound to every interface: any IP address (no DNS name is involved), still no foreign name.
  AllowedHosts any("0.0.0.0");
  CHECK(any.allows_host("10.0.0.7:1313"));
  CHECK(any.allows_host("[2001:db8::1]:1313"));
  CHECK_FALSE(any.allows_host("evil.example:1313"));
  CHECK_FALSE(any.allows_host("10.0.0.7.nip.io:1313"));
}

TEST_CASE("Origin: the site's own pages only") {
  AllowedHosts hosts("127.0.0.1");
  CHECK(hosts.allows_origin("http://localhost:1313"));
  CHECK(hosts.allows_origin("HTTP://127.0.0.1:1313"));
  CHECK(hosts.allows_origin("http://[::1]:1313"));
  for (const char* bad : {"null", "", "http://", "https://localhost:1313", "http://evil.example",
                          "http://localhost.evil.example:1313", "file://", "localhost:1313"}) {
    CAPTURE(bad);
    CHECK_FALSE(hosts.allows_origin(bad));
  }
}

}  // namespace
}  // namespace metodika::serve
