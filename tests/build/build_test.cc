#include "build/build.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace metodika::build {
namespace {
namespace fs = std::filesystem;

// Records what the build tells, in order.
struct Recorder final : Listener {
  std::vector<std::string> events;
  void stage(std::string_view name) override { events.push_back("stage " + std::string(name)); }
  void diagnostics(const diag::Diagnostics& d) override {
    events.push_back("diagnostics " + std::to_string(d.error_count()));
  }
  void published() override { events.push_back("published"); }
};

// A scratch copy of the valid test site, removed with its output at the end.
struct Site {
  fs::path dir = fs::temp_directory_path() / ("metodika-build-test-" + std::to_string(::getpid()));
  Site() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(fs::path(METODIKA_TEST_DIR) / "sites/valid/kurzeme-json", dir / "site",
             fs::copy_options::recursive);
  }
  ~Site() { fs::remove_all(dir); }
  [[nodiscard]] Options options() const {
    Options o;
    o.site_dir = dir / "site";
    o.out_dir = dir / "out";
    o.as_of = util::parse_date("2026-11-22");
    o.env.font_dir = METODIKA_FONT_DIR;
    o.env.hyphen_dir = METODIKA_HYPHEN_DIR;
    o.env.scratch_dir = dir.string();
    o.env.compiler = 42;
    return o;
  }
};

TEST_CASE("a missing site folder or an output folder inside the data is unusable: exit 2") {
  Recorder r;
  Options o;
  o.site_dir = "/nonexistent/metodika-site";
  o.out_dir = "/tmp/metodika-never";
  Summary s = run(o, r);
  CHECK(s.result == Summary::Result::kUnusable);
  CHECK(s.exit_code() == 2);
  CHECK(s.failure.find("/nonexistent/metodika-site") != std::string::npos);
  CHECK(r.events.empty());

  Site site;
  o = site.options();
  o.out_dir = o.site_dir / "data";
  s = run(o, r);
  CHECK(s.result == Summary::Result::kUnusable);
  CHECK(!s.failure.empty());
}

TEST_CASE("check validates and counts, writes nothing; build writes, then updates in place") {
  Site site;
  Recorder r;
  Options o = site.options();
  o.check_only = true;
  Summary s = run(o, r);
  CHECK(s.result == Summary::Result::kChecked);
  CHECK(s.exit_code() == 0);
  CHECK(s.municipalities == 3);
  CHECK(s.institutions > 0);
  CHECK(!fs::exists(o.out_dir));
  CHECK(r.events == std::vector<std::string>{"stage reading", "stage validating",
                                             "diagnostics 0", "stage computing"});

  r.events.clear();
  o.check_only = false;
  s = run(o, r);
  REQUIRE(s.result == Summary::Result::kBuilt);
  CHECK(!s.incremental);
  CHECK(s.pages > 0);
  CHECK(s.reports == 3);
  CHECK(s.annexes > 0);
  CHECK(s.files_written > s.pages);
  CHECK(fs::exists(o.out_dir / "index.html"));
  CHECK(r.events.back() == "published");

  s = run(o, r);  // nothing changed: every part is reused
  REQUIRE(s.result == Summary::Result::kBuilt);
  CHECK(s.incremental);
  CHECK(s.files_changed == 0);
  CHECK(s.parts_rendered == 0);
  CHECK(s.parts_reused > 0);
}

TEST_CASE("errors in the data: nothing is written, the previous output stays") {
  Site site;
  Recorder r;
  Options o = site.options();
  REQUIRE(run(o, r).result == Summary::Result::kBuilt);
  const auto before = fs::last_write_time(o.out_dir / "index.html");
  std::ofstream(o.site_dir / "data/subjects.json") << "[{\"id\": \"Not An Id\"}]";
  r.events.clear();
  Summary s = run(o, r);
  CHECK(s.result == Summary::Result::kInvalid);
  CHECK(s.exit_code() == 1);
  CHECK(s.errors > 0);
  CHECK(fs::last_write_time(o.out_dir / "index.html") == before);
  CHECK(r.events.back().starts_with("diagnostics "));
}

}  // namespace
}  // namespace metodika::build
