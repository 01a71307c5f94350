#include "build/incremental.h"

#include <exception>
#include <span>
#include <system_error>
#include <utility>

#include "model/kept_records.h"
#include "model/kept_trees.h"
#include "publish/private_store.h"
#include "util/digest.h"

namespace metodika::build {
namespace fs = std::filesystem;

uint64_t compiler_identity(std::string_view version, std::string_view font_dir,
                           std::string_view hyphen_dir) {
  util::Digest d;
  d.add(version).add(font_dir).add(hyphen_dir);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    d.add(exe.string()).add(static_cast<uint64_t>(fs::file_size(exe, ec)));
    auto mtime = fs::last_write_time(exe, ec);
    d.add(static_cast<int64_t>(mtime.time_since_epoch().count()));
  }
  return d.value();
}

uint64_t build_salt(uint64_t compiler, int parts, bool precompress) {
  return util::Digest().add(compiler).add(parts).add(precompress).value();
}

namespace {

std::vector<std::string> teacher_paths(const load::SiteSources& sources) {
  std::vector<std::string> paths;
  for (const load::Document& doc : sources.docs(load::DataSlot::kPrivateTeachers)) {
    paths.push_back(doc.path);
  }
  return paths;
}

std::vector<std::string> public_data_paths(const load::SiteSources& sources) {
  std::vector<std::string> paths;
  for (size_t s = 0; s < load::kDataSlotCount; ++s) {
    const auto slot = static_cast<load::DataSlot>(s);
    if (slot == load::DataSlot::kPrivateTeachers) continue;
    for (const load::Document& doc : sources.docs(slot)) {
      if (doc.deferred) paths.push_back(doc.path);
    }
  }
  return paths;
}

std::string encode_teachers(model::ReadMemo& memo, std::span<const std::string> paths,
                            uint64_t compiler) {
  return model::encode_teacher_files(memo, paths, compiler);
}

}  // namespace

// How one store is kept: its name in publish::private_store_dir, how its bytes go into a memo and
// come out of one, and the digest of what a memo holds for it.
struct Stores::Kind {
  std::string_view name;
  bool (*decode)(std::string_view, uint64_t, model::ReadMemo&);
  uint64_t (*digest)(model::ReadMemo&, std::span<const std::string>);
  std::string (*encode)(model::ReadMemo&, std::span<const std::string>, uint64_t);
};

namespace {
constexpr Stores::Kind kTeachers{"teachers.bin", model::decode_teacher_files,
                                 model::teacher_files_digest, encode_teachers};
constexpr Stores::Kind kTrees{"trees.bin", model::decode_kept_trees, model::kept_trees_digest,
                              model::encode_kept_trees};
}  // namespace

Stores::Stores(const fs::path& site_dir, const load::SiteSources& sources, uint64_t compiler,
               bool clean, model::ReadMemo& memo, KeptStore& records, KeptStore& trees)
    : site_dir_(site_dir),
      compiler_(compiler),
      memo_(memo),
      records_(records),
      trees_(trees),
      private_paths_(teacher_paths(sources)),
      public_paths_(public_data_paths(sources)) {
  if (!clean) {
    take(kTeachers, private_paths_, records_);
    take(kTrees, public_paths_, trees_);
  } else {
    records_.loaded = trees_.loaded = true;
  }
}

// Takes what the previous process kept in a store, once per process.
void Stores::take(const Kind& kind, const std::vector<std::string>& paths, KeptStore& kept) {
  if (kept.loaded) return;
  kept.loaded = true;
  if (paths.empty()) return;
  auto bytes = publish::read_private_store(site_dir_, kind.name);
  if (bytes && kind.decode(*bytes, compiler_, memo_)) kept.entries = kind.digest(memo_, paths);
}

void Stores::keep(bool threads) {
  keeping_records_ = keep_one(kTeachers, std::move(private_paths_), records_, threads);
  keeping_trees_ = keep_one(kTrees, std::move(public_paths_), trees_, threads);
}

std::jthread Stores::keep_one(const Kind& kind, std::vector<std::string> paths, KeptStore& kept,
                              bool thread) {
  if (paths.empty()) {  // the files are gone: so is what was kept from them
    publish::remove_private_store(site_dir_, kind.name);
    kept.entries = 0;
    return {};
  }
  const uint64_t now = kind.digest(memo_, paths);
  if (now == kept.entries) return {};
  kept.entries = now;
  auto keep = [this, &kept, &kind, paths = std::move(paths)] {
    try {
      const std::string bytes = kind.encode(memo_, paths, compiler_);
      if (!publish::write_private_store(site_dir_, kind.name, bytes)) kept.entries = 0;
    } catch (const std::exception&) {
      kept.entries = 0;  // nothing kept; the next build reads the files
    }
  };
  if (!thread) {  // a one-worker build keeps to one thread
    keep();
    return {};
  }
  return std::jthread(std::move(keep));
}

}  // namespace metodika::build
