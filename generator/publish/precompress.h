// `metodika build --precompress`: a gzip file beside every text file of the output, for web
// servers that send it to clients that accept gzip instead of compressing each response
// (nginx `gzip_static on`, Apache with mod_rewrite; deploy/ has a tested nginx configuration).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/output_sink.h"

namespace metodika::publish {

/// True for the files worth compressing: the text formats a build writes (pages, styles,
/// scripts, feeds, calendars, sitemaps, open data). PDF and XLSX are compressed already.
[[nodiscard]] bool is_precompressed(std::string_view path);

/// `bytes` as a gzip file (RFC 1952) at zlib's best compression: no name and no time in its
/// header, so the same bytes give the same file on every build.
[[nodiscard]] std::string gzip(std::string_view bytes);

/// Writes every file to `out` and, when is_precompressed(), its gzip beside it as `<path>.gz`.
/// The build cache keeps only the files themselves; with_precompressed() names the gzips of the
/// files a build removes. Thread-safe as `out` is: each write compresses on the calling thread.
class PrecompressingSink final : public util::OutputSink {
 public:
  explicit PrecompressingSink(util::OutputSink& out) : out_(out) {}
  void write(std::string_view path, std::string_view bytes) override;

 private:
  util::OutputSink& out_;
};

/// `paths` and, after each that is_precompressed(), its `.gz`.
[[nodiscard]] std::vector<std::string> with_precompressed(const std::vector<std::string>& paths);

}  // namespace metodika::publish
