// Writes the fixture review (fixture.h) as PDF: for the end-to-end and golden checks of
// tests/render/pdf/check_pdf.sh, and to look at. Usage: render_pdf_sample OUT.pdf [SCHOOLS] [N]
// (N: render it N times and print the median time of one).
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "fixture.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.pdf [SCHOOLS] [REPEAT]\n", argv[0]);
    return 2;
  }
  const int schools = argc > 2 ? std::atoi(argv[2]) : 60;
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 1;
  const auto review = metodika::test::sample_review(schools);
  const auto& resources = metodika::test::test_resources();
  std::string pdf;
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    // CPU time of this thread: the machine may be busy with other work.
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    pdf = metodika::render::pdf::render_review(review, resources, metodika::test::sample_options());
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    times.push_back(static_cast<double>(end.tv_sec - start.tv_sec) * 1e3 +
                    static_cast<double>(end.tv_nsec - start.tv_nsec) / 1e6);
  }
  std::sort(times.begin(), times.end());
  if (repeat > 1) std::printf("median %.2f ms CPU, %zu bytes\n", times[times.size() / 2], pdf.size());
  std::ofstream(argv[1], std::ios::binary) << pdf;
  return 0;
}
