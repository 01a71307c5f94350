// Finds and parses every input file of a site folder (DATA-MODEL.md sections 1, 13, 15) into
// positioned documents. Knows file layout, not meaning: `model` turns documents into entities.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/yaml.h"
#include "util/fs.h"

namespace metodika::load {

/// The data collections of DATA-MODEL.md section 1, in the order they are validated.
enum class DataSlot {
  kSubjects,
  kMunicipalities,
  kSchools,
  kMethodologists,
  kOlympiads,
  kMaterials,
  kEvents,
  kMetrics,
  kProgrammes,
  kPrivateTeachers,
};
inline constexpr size_t kDataSlotCount = 10;

/// The name of a slot's file or folder under data/ ("schools", "private/teachers").
[[nodiscard]] std::string_view slot_name(DataSlot slot);

/// One YAML or JSON file. `root` is empty when the file has a syntax error, or when parsing was
/// deferred (LoadOptions::defer_data): then the model parses each file when it reads it and frees
/// the tree right after, so that the trees of a national site never all exist at once.
struct Document {
  std::string path;  // relative to the site folder, '/'-separated
  std::optional<Node> root;
  std::shared_ptr<const std::string> text;
  bool deferred = false;
};

/// Parses a data file's text: checks UTF-8, strict JSON syntax for .json files, then builds the
/// positioned tree. Every problem goes to `diags`; nullopt when the file cannot be used.
[[nodiscard]] std::optional<Node> parse_source(const std::string& path, std::string_view text,
                                               diag::Diagnostics& diags);

/// A Markdown file of content/ with its front matter split off.
struct ContentFile {
  std::string path;      // relative to the site folder ("content/en/news/x.md")
  std::string lang;      // "" for the default language, else the language folder ("en")
  std::string rel;       // path under content/ or content/<lang>/ ("news/x.md")
  std::optional<Node> front;  // front matter; a null node when there is none
  std::string body;      // Markdown after the front matter
  uint32_t body_line = 1;  // line of the body's first line in the file
};

struct SiteSources {
  std::filesystem::path root;
  std::optional<Document> site;  // site.yaml / site.yml / site.json
  std::array<std::vector<Document>, kDataSlotCount> data;
  std::vector<ContentFile> content;

  [[nodiscard]] const std::vector<Document>& docs(DataSlot s) const {
    return data[static_cast<size_t>(s)];
  }
};

/// What one process keeps between its builds (`serve`): the text of each file read, valid while
/// the file is the same one (device and inode) with the same size and modification and change
/// times. A file changed less than a second before it was read is not kept: file times are
/// coarser than a quick second write.
class TextMemo {
 public:
  /// A file's text, or why there is none (then `text` is null).
  struct Read {
    std::shared_ptr<const std::string> text;
    util::InputFile::Problem problem = util::InputFile::Problem::kNone;
    uint64_t size = 0;
  };
  /// The text of `root/rel`, read now or kept from an earlier build, within kMaxFileBytes.
  /// Throws as util::read_input_file.
  Read read(const std::filesystem::path& root, const std::string& rel);
  /// The same, without keeping anything.
  static Read read_now(const std::filesystem::path& root, const std::string& rel);

 private:
  struct Entry {
    uint64_t dev = 0, ino = 0, size = 0;
    int64_t mtime_ns = 0, ctime_ns = 0;
    std::shared_ptr<const std::string> text;
  };
  std::mutex mu_;
  std::map<std::string, Entry, std::less<>> files_;
};

struct LoadOptions {
  unsigned jobs = 1;
  /// Between builds of one process: files whose identity did not change are not read again.
  TextMemo* texts = nullptr;
  /// Leave data files unparsed (Document::deferred) for the model to parse file by file, so that
  /// only the trees being read exist at any time.
  bool defer_data = false;
  /// Language codes besides the default; content/<lang>/ folders are read as translations.
  /// Empty: every two-letter folder under content/ is taken as a language.
  std::vector<std::string> other_languages;
};

/// Reads the site folder. Every problem (missing site.yaml, a file in two formats, a syntax
/// error, an unknown file under data/) goes to `diags`. Throws only on IO failures.
[[nodiscard]] SiteSources load_site(const std::filesystem::path& root, const LoadOptions& options,
                                    diag::Diagnostics& diags);

/// Splits `---` front matter from a Markdown text and parses it. For tests and `load_site`.
[[nodiscard]] ContentFile split_front_matter(std::string path, std::string_view text,
                                             diag::Diagnostics& diags);

}  // namespace metodika::load
