// generator/serve/live_reload.cc and build_events.cc: the script goes in served HTML only, before
// </body>; build events are well-formed server-sent events.
#include "serve/live_reload.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "serve/build_events.h"

namespace metodika::serve {
namespace {

TEST_CASE("the script tag goes before the last </body>, in any letter case") {
  const std::string tag = live_script_tag(7);
  CHECK(tag == "<script src=\"/__metodika/live.js\" data-generation=\"7\"></script>");
  CHECK(inject_before_body_end("<html><body><p>x</p></body></html>\n", "<s>") ==
        "<html><body><p>x</p><s></body></html>\n");
  CHECK(inject_before_body_end("<BODY>x</BODY>", "<s>") == "<BODY>x<s></BODY>");
  // A "</body>" quoted earlier (in a code sample) is not the end of the page.
  CHECK(inject_before_body_end("<code>&lt;/body&gt;</code></body>", "<s>") ==
        "<code>&lt;/body&gt;</code><s></body>");
  CHECK(inject_before_body_end("<p>a</body><p>b</body >", "<s>") == "<p>a</body><p>b<s></body >");
  CHECK(inject_before_body_end("<p>no body end", "<s>") == "<p>no body end<s>");
  CHECK(inject_before_body_end("", "<s>") == "<s>");
  CHECK(inject_before_body_end("</bod", "<s>") == "</bod<s>");
}

TEST_CASE("the script shows errors as text, in an accessible dialog") {
  std::string_view js = live_script();
  CHECK(js.find("textContent") != std::string_view::npos);
  CHECK(js.find("innerHTML") == std::string_view::npos);
  CHECK(js.find("alertdialog") != std::string_view::npos);
  CHECK(js.find("aria-labelledby") != std::string_view::npos);
  CHECK(js.find("showModal") != std::string_view::npos);
  CHECK(js.find(kEventsPath) != std::string_view::npos);
}

TEST_CASE("build events: greeting, reload, errors as one-line JSON") {
  BuildEvents events;
  uint64_t seen = 0;
  CHECK(events.greeting(seen) == "retry: 500\n\nevent: hello\ndata: {\"generation\":0}\n\n");
  CHECK(seen == 0);
  events.publish_success();
  CHECK(events.generation() == 1);
  uint64_t version = 0;
  CHECK(events.state_event(version) == "event: reload\ndata: {\"generation\":1}\n\n");
  CHECK(version == 1);

  events.publish_failure(
      {{"data/a.yaml:3:7", "data/a.yaml:3:7: error: bad <date>\n 3 | x: \"</script>\"\n"}});
  CHECK(events.failed());
  CHECK(events.generation() == 1);  // the last good build is still what is served
  CHECK(events.state_event(version) ==
        "event: build-error\ndata: {\"generation\":1,\"problems\":[{\"location\":"
        "\"data/a.yaml:3:7\",\"text\":\"data/a.yaml:3:7: error: bad <date>\\n 3 | x: "
        "\\\"</script>\\\"\\n\"}]}\n\n");
  CHECK(version == 2);
  // A page opening now learns of the failure at once.
  uint64_t fresh = 0;
  CHECK(events.greeting(fresh).find("event: build-error\n") != std::string::npos);
  CHECK(fresh == 2);

  events.publish_success();
  CHECK_FALSE(events.failed());
  CHECK(events.state_event(version) == "event: reload\ndata: {\"generation\":2}\n\n");
  CHECK(version == 3);
}

TEST_CASE("the listener hears every publish, from the publishing thread, until removed") {
  BuildEvents events;
  std::atomic<int> heard{0};
  events.set_listener([&] { ++heard; });
  std::thread builder([&] {
    events.publish_success();
    events.publish_failure({});
  });
  builder.join();
  CHECK(heard == 2);
  events.set_listener({});
  events.publish_success();
  CHECK(heard == 2);
}

TEST_CASE("invalid UTF-8 in a message does not break the event") {
  std::string json = BuildEvents::problems_json(0, {{"x", std::string("bad \xff byte")}});
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json.find("bad \xEF\xBF\xBD byte") != std::string::npos);
}

}  // namespace
}  // namespace metodika::serve
