#include "load/input_files.h"

#include <cstdio>

#include "load/limits.h"
#include "load/site_sources.h"
#include "util/fs.h"

namespace metodika::load {
namespace fs = std::filesystem;
namespace {

std::string type_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a named pipe (FIFO)";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    default:
      return "something other than a file or a folder";
  }
}

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

void report_link_outside(const std::string& rel, const fs::path& target,
                         diag::Diagnostics& diags) {
  diags.error({rel, 0, 0},
              rel + " is a symbolic link to " + target.string() + ", outside the site folder",
              "a build reads only the site folder's own files: copy the file into the site "
              "folder, or remove the link");
}

void report_broken_link(const std::string& rel, diag::Diagnostics& diags) {
  diags.error({rel, 0, 0}, rel + " is a symbolic link that leads nowhere (its target does not "
                                 "exist, or links lead to each other in a loop)",
              "fix the link's target, or remove the link");
}

void report_special(const std::string& rel, fs::file_type type, diag::Diagnostics& diags) {
  diags.error({rel, 0, 0},
              rel + " is " + type_name(type) + ", not a file a build can read",
              "remove it, or put an ordinary file or folder in its place");
}

}  // namespace

std::vector<std::string> list_input_files(const fs::path& root, std::string_view folder,
                                          std::initializer_list<std::string_view> file_extensions,
                                          diag::Diagnostics& diags) {
  std::vector<std::string> files;
  const std::string prefix = std::string(folder) + "/";
  std::error_code ec;
  fs::path site = fs::canonical(root, ec);
  if (ec) site = fs::absolute(root).lexically_normal();
  const fs::path private_dir = site / "data" / "private";
  const bool walking_private = folder == "data/private" || folder.starts_with("data/private/");
  // The folder itself (data/, themes/<name>/) may be a link, or not a folder at all.
  const fs::path top = root / std::string(folder);
  const fs::file_status top_status = fs::symlink_status(top, ec);
  if (ec || !fs::exists(top_status)) return files;
  const fs::path real_top = fs::canonical(top, ec);
  if (ec) {
    report_broken_link(std::string(folder), diags);
    return files;
  }
  if (!util::path_within(real_top, site)) {
    report_link_outside(std::string(folder), real_top, diags);
    return files;
  }
  if (!walking_private && util::path_within(real_top, private_dir)) {
    diags.error({std::string(folder), 0, 0},
                std::string(folder) + " is a symbolic link into data/private/, whose records "
                                      "must never be published",
                "remove the link: private data is read only from data/private/teachers/");
    return files;
  }
  if (const fs::file_status st = fs::status(top, ec); !fs::is_directory(st)) {
    diags.error({std::string(folder), 0, 0}, std::string(folder) + " is not a folder",
                "the site's " + std::string(folder) + "/ holds files; move this away");
    return files;
  }
  for (const util::TreeEntry& e : util::walk_tree(top, root)) {
    const std::string rel = prefix + e.rel;
    const bool into_private = !e.real.empty() && util::path_within(e.real, private_dir) &&
                              !walking_private &&
                              !(folder == "data" && (e.rel == "private" ||
                                                     e.rel.starts_with("private/")));
    switch (e.kind) {
      case util::TreeEntryKind::kFile:
      case util::TreeEntryKind::kFolder:
        if (into_private) {
          diags.error({rel, 0, 0},
                      rel + " is a symbolic link into data/private/, whose records must never "
                            "be published",
                      "remove the link: private data is read only from data/private/teachers/");
          break;
        }
        if (e.kind == util::TreeEntryKind::kFile) {
          files.push_back(e.rel);
          break;
        }
        for (std::string_view ext : file_extensions) {
          if (e.rel.size() > ext.size() && e.rel.ends_with(ext)) {
            const std::string plain = rel.substr(0, rel.size() - ext.size());
            diags.error({rel, 0, 0},
                        rel + " is a folder, not a file; nothing in it is read as " + rel,
                        "a file's content belongs in the file " + rel +
                            "; files of one collection go in a folder without the extension, "
                            "such as " + plain + "/");
            break;
          }
        }
        break;
      case util::TreeEntryKind::kLinkOutside:
        report_link_outside(rel, e.real, diags);
        break;
      case util::TreeEntryKind::kBrokenLink:
        report_broken_link(rel, diags);
        break;
      case util::TreeEntryKind::kLinkLoop:
        diags.error({rel, 0, 0},
                    rel + " is a symbolic link to a folder that holds it; following it would "
                          "never end",
                    "remove the link");
        break;
      case util::TreeEntryKind::kSpecial:
        report_special(rel, e.type, diags);
        break;
      case util::TreeEntryKind::kUnreadable:
        diags.error({e.rel.empty() ? std::string(folder) : rel, 0, 0},
                    "the folder " + (e.rel.empty() ? std::string(folder) : rel) +
                        " cannot be read",
                    "check its permissions: the build needs to list it");
        break;
    }
  }
  // Files under a folder reported above (a data file's name on a folder) are still listed and
  // read: their own problems are worth knowing too.
  return files;
}

bool check_top_file(const fs::path& root, const std::string& name, diag::Diagnostics& diags) {
  const fs::path path = root / name;
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  if (ec || !fs::exists(link)) return false;
  fs::file_status st = link;
  if (fs::is_symlink(link)) {
    const fs::path target = fs::canonical(path, ec);
    if (ec) {
      report_broken_link(name, diags);
      return false;
    }
    fs::path site = fs::canonical(root, ec);
    if (ec) site = fs::absolute(root).lexically_normal();
    if (!util::path_within(target, site)) {
      report_link_outside(name, target, diags);
      return false;
    }
    st = fs::status(target, ec);
  }
  if (fs::is_regular_file(st)) return true;
  if (fs::is_directory(st)) {
    diags.error({name, 0, 0}, name + " is a folder, not a file",
                "the site's settings belong in the file " + name);
  } else {
    report_special(name, st.type(), diags);
  }
  return false;
}

std::shared_ptr<const std::string> read_input(const fs::path& root, const std::string& rel,
                                              TextMemo* memo, diag::Diagnostics& diags) {
  TextMemo::Read r = memo ? memo->read(root, rel) : TextMemo::read_now(root, rel);
  switch (r.problem) {
    case util::InputFile::Problem::kNone:
      return r.text;
    case util::InputFile::Problem::kTooLarge:
      diags.error({rel, 0, 0},
                  "the file is " + megabytes(r.size) + "; an input file may be at most " +
                      megabytes(kMaxFileBytes),
                  "split it into several files in a folder, such as data/schools/*.yaml");
      return nullptr;
    case util::InputFile::Problem::kNotRegular:
      report_special(rel, fs::file_type::unknown, diags);
      return nullptr;
  }
  return nullptr;
}

}  // namespace metodika::load
