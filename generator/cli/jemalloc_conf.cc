// jemalloc's settings for the metodika binary, read at its first allocation (jemalloc looks up
// this symbol; the MALLOC_CONF environment variable still overrides it). Linked only where
// jemalloc is the allocator (generator/CMakeLists.txt).
//
// thp:always puts the arenas on transparent huge pages (Debian's kernel default is `madvise`, so
// without asking jemalloc gets 4 KiB pages). A build's trees of parsed data are millions of new
// 72-byte nodes: with 4 KiB pages a quarter of parsing the national teacher and metric tables as
// CSV was the kernel's page faults. Measured (BENCHMARKS.md "CSV tables"): parsing them takes
// 60 % less processor time as CSV and 17 % less as YAML, a cold national build ~10 % less user
// time, for ~50 MB more resident memory (198 → 249 MB).
extern "C" {
// NOLINTNEXTLINE: the name is jemalloc's.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always";
}
