// The incremental build's bookkeeping that spans stages, behind one interface: what the build
// cache is keyed on (the compiler and the options that change the output), and the stores kept
// between processes in the private store (publish/private_store.h): the teacher records
// (model/kept_records.h) and the public data files' parsed trees (model/kept_trees.h).
//
// Each stage keeps its own part of the rest: load the files' texts (load::TextMemo), model the
// parsed data (model::ReadMemo), rules the development figures (rules::PdMemo), render the
// digests of each page's inputs (render/common/inputs.h), publish the manifest and the files
// (publish/cache.h). build/build.cc decides when each is used.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load/site_sources.h"
#include "model/build.h"

namespace metodika::build {

/// The compiler itself: its version, its resource folders and the executable (path, size,
/// modification time), so that a rebuilt compiler never takes what an older one kept.
[[nodiscard]] uint64_t compiler_identity(std::string_view version, std::string_view font_dir,
                                         std::string_view hyphen_dir);

/// What the output depends on besides the site folder: the compiler and the options that change
/// which files are written (`--only`, `--precompress`). A build with other ones never shares a
/// cache.
[[nodiscard]] uint64_t build_salt(uint64_t compiler, int parts, bool precompress);

/// A store kept between processes as this process last read or wrote it.
struct KeptStore {
  bool loaded = false;   // read from the store, once per process
  uint64_t entries = 0;  // the digest of the entries (paths and keys) the store holds
};

/// The two stores of one build: taken before the model is built (what they hold stands in for
/// the files they were read from while those are unchanged), kept for the next process after.
class Stores {
 public:
  /// `memo` receives what the stores hold; `records` and `trees` say what this process last
  /// read or wrote (`serve` keeps them from build to build). `clean` (--clean) takes nothing.
  Stores(const std::filesystem::path& site_dir, const load::SiteSources& sources,
         uint64_t compiler, bool clean, model::ReadMemo& memo, KeptStore& records,
         KeptStore& trees);
  Stores(const Stores&) = delete;
  Stores& operator=(const Stores&) = delete;
  /// Joins the threads keeping the stores.
  ~Stores() = default;

  /// Keeps what this build read for the next process, when it differs from what the stores
  /// hold: on threads of their own when `threads` (the build goes on rendering), else at once.
  /// Called once; a failure to keep costs only the next build's shortcut.
  void keep(bool threads);

  /// How one store is kept (incremental.cc).
  struct Kind;

 private:
  void take(const Kind& kind, const std::vector<std::string>& paths, KeptStore& kept);
  std::jthread keep_one(const Kind& kind, std::vector<std::string> paths, KeptStore& kept,
                        bool thread);

  std::filesystem::path site_dir_;
  uint64_t compiler_;
  model::ReadMemo& memo_;
  KeptStore& records_;
  KeptStore& trees_;
  std::vector<std::string> private_paths_, public_paths_;
  std::jthread keeping_records_, keeping_trees_;  // last: joined first
};

}  // namespace metodika::build
