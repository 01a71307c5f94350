// Load time of data files by format (issue 23): reads and parses every data file under the given
// folders of a site into the positioned tree (load::parse_source, what the build does for each
// file), one file after another on one thread, and prints the wall and processor time per
// format. For the teacher and metric records of the national site as YAML and as CSV tables
// (bench/to_csv.py); BENCHMARKS.md "CSV tables" has the figures.
//
//   build/bench_parse SITE [ROUNDS] [FOLDER...]    (FOLDER defaults: data/private/teachers
//   data/metrics)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/site_sources.h"
#include "util/fs.h"

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace metodika;
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_parse SITE [ROUNDS] [FOLDER...]\n");
    return 2;
  }
  const fs::path site = argv[1];
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::vector<std::string> folders;
  for (int i = 3; i < argc; ++i) folders.emplace_back(argv[i]);
  if (folders.empty()) folders = {"data/private/teachers", "data/metrics"};
  std::vector<std::string> files;
  for (const std::string& folder : folders) {
    for (const std::string& f : util::list_files(site / folder)) files.push_back(folder + "/" + f);
  }
  struct Sum {
    size_t files = 0, bytes = 0, entries = 0;
    std::vector<double> wall, cpu;
  };
  std::map<std::string, Sum> by_format;
  for (int r = 0; r < rounds; ++r) {
    std::map<std::string, std::pair<double, double>> round;
    for (const std::string& rel : files) {
      const std::string ext = fs::path(rel).extension().string();
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_seconds();
      const std::string text = util::read_file(site / rel);
      diag::Diagnostics diags;
      auto root = load::parse_source(rel, text, diags);
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double cpu = cpu_seconds() - c0;
      if (!root || diags.has_errors()) {
        std::fprintf(stderr, "%s", diags.format().c_str());
        return 1;
      }
      round[ext].first += wall;
      round[ext].second += cpu;
      if (r == 0) {
        Sum& s = by_format[ext];
        ++s.files;
        s.bytes += text.size();
        s.entries += root->size();
      }
    }
    for (auto& [ext, t] : round) {
      by_format[ext].wall.push_back(t.first);
      by_format[ext].cpu.push_back(t.second);
    }
  }
  for (auto& [ext, s] : by_format) {
    std::sort(s.wall.begin(), s.wall.end());
    std::sort(s.cpu.begin(), s.cpu.end());
    std::printf(
        "%-6s %4zu files %6.1f MB %6zu entries: wall median %7.1f ms (min %7.1f), "
        "processor median %7.1f ms over %d rounds\n",
        ext.c_str(), s.files, static_cast<double>(s.bytes) / 1e6, s.entries,
        s.wall[s.wall.size() / 2] * 1e3, s.wall.front() * 1e3, s.cpu[s.cpu.size() / 2] * 1e3,
        rounds);
  }
  return 0;
}
