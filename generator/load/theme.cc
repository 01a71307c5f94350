#include "load/theme.h"

#include <memory>

#include "load/embedded.h"
#include "load/input_files.h"
#include "load/yaml.h"

namespace metodika::load {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kTemplateExt = ".mustache";

// Flattens a translation file's map into "a.b" keys.
void flatten(const Node& n, const std::string& prefix, StringTable& out, const std::string& file,
             diag::Diagnostics& diags) {
  for (size_t i = 0; i < n.size(); ++i) {
    std::string key = prefix.empty() ? n.key(i).value : prefix + "." + n.key(i).value;
    const Node& v = n.val(i);
    if (v.is_map()) {
      flatten(v, key, out, file, diags);
    } else if (v.is_scalar()) {
      out[key] = v.value;
    } else {
      diags.error({file, v.line, v.col}, "the translation \"" + key + "\" must be a text");
    }
  }
}

// Adds one theme file (path relative to the theme folder) to the theme.
void add_file(Theme& theme, std::string_view path, std::string data, const std::string& origin,
              diag::Diagnostics& diags) {
  if (path.starts_with("templates/") && path.ends_with(kTemplateExt)) {
    std::string name(path.substr(10, path.size() - 10 - kTemplateExt.size()));
    theme.templates[name] = std::move(data);
    theme.template_sources[name] = origin;
  } else if (path.starts_with("i18n/") && path.ends_with(".yaml")) {
    // i18n/<lang>.yaml, or any i18n/<lang>/<part>.yaml (strings kept beside their pages).
    std::string_view rest = path.substr(5, path.size() - 10);
    std::string lang(rest.substr(0, rest.find('/')));
    auto text = std::make_shared<const std::string>(std::move(data));
    diags.add_source(origin, text);
    auto root = parse_yaml(*text, origin, diags);
    if (!root || root->is_null()) return;
    if (!root->is_map()) {
      diags.error({origin, root->line, root->col}, "a translation file must be a map of key: text");
      return;
    }
    flatten(*root, "", theme.strings[lang], origin, diags);
  } else if (path.starts_with("static/")) {
    theme.static_files[std::string(path.substr(7))] = std::move(data);
  }
}

}  // namespace

Theme load_theme(const fs::path& site_root, std::string_view name,
                 const std::vector<std::string>& languages, diag::Diagnostics& diags) {
  Theme theme;
  for (const EmbeddedFile& f : embedded_theme()) {
    add_file(theme, f.path, std::string(f.data), "(built-in)/" + std::string(f.path), diags);
  }
  const std::string folder = "themes/" + std::string(name);
  std::error_code ec;
  if (fs::is_directory(site_root / folder, ec)) {
    for (const std::string& rel :
         list_input_files(site_root, folder, {".mustache", ".yaml"}, diags)) {
      std::string origin = folder + "/" + rel;
      if (auto text = read_input(site_root, origin, nullptr, diags)) {
        add_file(theme, rel, std::string(*text), origin, diags);
      }
    }
  } else if (name != "default") {
    diags.error({"site.yaml", 0, 0}, "the theme \"" + std::string(name) + "\" is not in themes/",
                "create themes/" + std::string(name) + "/, or write `theme: default`");
  }
  for (const std::string& rel : list_input_files(site_root, "templates", {kTemplateExt}, diags)) {
    if (!rel.ends_with(kTemplateExt)) continue;
    if (auto text = read_input(site_root, "templates/" + rel, nullptr, diags)) {
      add_file(theme, "templates/" + rel, std::string(*text), "templates/" + rel, diags);
    }
  }
  // Every language needs every string of the default language; a missing one falls back.
  if (!languages.empty()) {
    const StringTable& base = theme.strings[languages.front()];
    for (size_t i = 1; i < languages.size(); ++i) {
      StringTable& t = theme.strings[languages[i]];
      for (const auto& [key, text] : base) {
        if (t.contains(key)) continue;
        diags.warning({"themes/" + std::string(name) + "/i18n/" + languages[i] + ".yaml", 0, 0},
                      "no " + languages[i] + " translation of \"" + key + "\"; the " +
                          languages.front() + " text is used");
        t[key] = text;
      }
    }
  }
  return theme;
}

}  // namespace metodika::load
