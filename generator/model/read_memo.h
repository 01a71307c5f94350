// What one build of a process keeps for the next (`serve`; and through model/kept_records.h and
// model/kept_trees.h, for the next process): the public data files' parsed trees and the private
// teacher files' records, each valid while the bytes it came from are the same. The incremental
// build's part that belongs to the model; build/incremental.h says when it is used. Apart from
// model/private_data.h, which holds the private records' types: this memo is the build's cache,
// those are the data that only `rules` may read.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/yaml.h"
#include "model/private_data.h"

namespace metodika::model {

/// A data file's tree with load::node_digest of each item of a list root (for entry_digest).
struct ParsedFile {
  load::Node root;
  std::vector<uint64_t> item_digests;
};

/// model/build.h. An entry holds what one teacher file gave: its records and diagnostics, valid
/// while the file's bytes, its path, the institutions it may refer to and the site's languages
/// are the same (`key`).
struct ReadMemo {
  struct Entry {
    uint64_t key = 0;
    std::vector<Teacher> teachers;
    std::vector<diag::Diagnostic> diagnostics;
  };
  std::mutex mu;
  std::map<std::string, Entry, std::less<>> teacher_files;
  /// The tree of each public data file (null when it could not be parsed) and the diagnostics
  /// parsing gave, valid while the file's path and bytes are the same (`key`). Trees are shared:
  /// a build that uses one holds it even if the next edit replaces the entry.
  struct Parsed {
    uint64_t key = 0;
    std::shared_ptr<const ParsedFile> file;
    std::vector<diag::Diagnostic> diagnostics;
  };
  std::map<std::string, Parsed, std::less<>> data_files;
  /// Whether public data files' trees are kept in `data_files` (`serve`); a one-off build keeps
  /// only the teacher records and frees each tree once read, as without a memo.
  bool keep_trees = true;
  /// Public data files' trees kept by an earlier process (model/kept_trees.h), still encoded: a
  /// file whose path and bytes give the same `key` is decoded instead of parsed. With
  /// `encode_trees`, a build that parses a file encodes its tree here for the next process.
  struct Encoded {
    uint64_t key = 0;
    std::string bytes;
  };
  std::map<std::string, Encoded, std::less<>> encoded_trees;
  bool encode_trees = false;
  /// Every teacher file's records together, and every diagnostic reading them gave, valid while
  /// no teacher file and nothing they depend on changed (`key`).
  struct AllTeachers {
    uint64_t key = 0;
    std::shared_ptr<const PrivateData> data;
    std::vector<diag::Diagnostic> diagnostics;
  };
  AllTeachers all_teachers;
};

}  // namespace metodika::model
