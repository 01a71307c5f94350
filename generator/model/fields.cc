#include "model/fields.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "util/text.h"
#include "util/date.h"

namespace metodika::model {
namespace {

// A value as a message shows it (util::clipped).
std::string shown(std::string_view s) { return util::clipped(s); }

std::string quoted(std::string_view s) {
  // Built by appending: GCC 12's -Wrestrict misfires on "\"" + std::string(s) (PR 105329).
  std::string out;
  const std::string text = shown(s);
  out.reserve(text.size() + 2);
  out.append(1, '"').append(text).append(1, '"');
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The text of a scalar, or a report that a single value was expected.
const std::string* scalar_text(const Node& n, const Ctx& ctx, std::string_view field,
                               std::string_view expected) {
  if (n.is_scalar()) return &n.value;
  ctx.error(n, quoted(field) + " must be " + std::string(expected) + ", not " +
                   std::string(n.kind_name()));
  return nullptr;
}

// "31.08.2025." or "31.08.2025" → "2025-08-31", so the hint can show the fix.
std::optional<std::string> iso_from_latvian(std::string_view s) {
  std::string parts[3];
  size_t part = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      parts[part] += c;
    } else if (c == '.' && part < 2) {
      ++part;
    } else if (!(c == '.' && part == 2 && i + 1 == s.size())) {
      return std::nullopt;
    }
  }
  if (part != 2 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() ||
      parts[1].size() > 2 || parts[2].size() != 4) {
    return std::nullopt;
  }
  auto two = [](const std::string& x) { return x.size() == 1 ? "0" + x : x; };
  return parts[2] + "-" + two(parts[1]) + "-" + two(parts[0]);
}

// A CSV cell (load/csv.h) holds what a Latvian spreadsheet shows and saves: `58,5`, `16 018`,
// `31.08.2025.`. They are converted here, not by the reader: only the field says whether `58,5`
// is a number (`ce.mathematics`) or a text (a title), and the reader knows no field's type. These
// forms are read from cells only: in YAML a decimal comma stays an error (docs/data-model.md
// section 16), since in a flow map `{a: 41,2}` it silently means something else.
bool from_cell(const Node& n) { return n.style == load::ScalarStyle::kCell; }

enum class Unit { kNone, kPercent, kEuro };

// "16 018,5" → "16018.5": the space, no-break space or narrow no-break space between groups of
// three digits dropped, a decimal comma made a point; with `unit`, a trailing "%" or "€"/"EUR"
// as a spreadsheet shows a formatted cell. nullopt when the text is not a number in that form.
std::optional<std::string> cell_number(std::string_view s, Unit unit) {
  auto drop_suffix = [&s](std::string_view suffix) {
    if (!s.ends_with(suffix)) return false;
    s.remove_suffix(suffix.size());
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return true;
  };
  if (unit == Unit::kPercent) {
    drop_suffix("%");
  } else if (unit == Unit::kEuro) {
    drop_suffix("€") || drop_suffix("EUR");
  }
  std::string out;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) out += s[i++];
  size_t group = 0;      // digits since the last separator
  bool grouped = false;  // thousands separators seen
  bool decimal = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    size_t sep = 0;  // length of a thousands separator here
    if (c == ' ') {
      sep = 1;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      sep = 2;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
      sep = 3;
    }
    if (c >= '0' && c <= '9') {
      out += c;
      ++group;
    } else if (sep && !decimal && group > 0 && (grouped ? group == 3 : group <= 3)) {
      grouped = true;
      group = 0;
      i += sep - 1;
    } else if ((c == ',' || c == '.') && !decimal && group > 0 && (!grouped || group == 3)) {
      // "1,600": an English spreadsheet's 1600, or a Latvian 1.6 shown with three decimals.
      const size_t first_digit = (s[0] == '-' || s[0] == '+') ? 1 : 0;
      if (c == ',' && !grouped && group <= 3 && s[first_digit] != '0' && s.size() - i == 4 &&
          s.find_first_not_of("0123456789", i + 1) == std::string_view::npos) {
        return std::nullopt;
      }
      out += '.';
      decimal = true;
      grouped = false;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;
  return out;
}

// "31.08.2025." → "2025-08-31" for a cell; ISO dates pass through.
std::string cell_date(std::string_view s) {
  if (auto iso = iso_from_latvian(s)) return *iso;
  return std::string(s);
}

// "07.05.2025. 10:00" or "07.05.2025 9:00:00" → "2025-05-07 10:00"; other text as it is.
std::string cell_datetime(std::string_view s) {
  size_t space = s.find(' ');
  if (space == std::string_view::npos) return cell_date(s);
  std::string date = cell_date(s.substr(0, space));
  std::string_view time = s.substr(space + 1);
  while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
  std::string t(time);
  if (t.size() >= 4 && t[1] == ':') t = "0" + t;  // 9:00 → 09:00
  return date + " " + t;
}

}  // namespace

Fields::Fields(const Node& map, const Ctx& ctx, std::string_view entity,
               std::initializer_list<std::string_view> known)
    : map_(map), ctx_(ctx), entity_(entity) {
  std::vector<std::string> names(known.begin(), known.end());
  for (size_t i = 0; i < map.size(); ++i) {
    const Node& k = map.key(i);
    bool found = false;
    for (std::string_view name : known) found = found || name == k.value;
    if (found) continue;
    auto guess = util::closest_match(k.value, names);
    std::string hint = "the fields of " + entity_ + " are: " + join(names);
    // `{mathematics: 41,2}`: inside a flow map the Latvian decimal comma ends the entry, and
    // "2" becomes a key of its own.
    if (i > 0 && all_digits(k.value) && map.val(i).is_null() && map.val(i - 1).is_scalar() &&
        all_digits(map.val(i - 1).value)) {
      std::string whole = map.val(i - 1).value;
      hint = "inside { } a comma separates entries: write the number " + whole + "," + k.value +
             " as " + whole + "." + k.value;
    }
    ctx.error(k,
              "unknown field " + quoted(k.value) + " in " + entity_ +
                  (guess ? " (did you mean " + quoted(*guess) + "?)" : ""),
              hint);
  }
}

const Node* Fields::get(std::string_view key) const {
  const Node* v = map_.get(key);
  return (v && !v->is_null()) ? v : nullptr;
}

const Node* Fields::require(std::string_view key) const {
  const Node* v = map_.get(key);
  if (v && !v->is_null()) return v;
  if (v) {
    ctx_.error(*v, "the required field " + quoted(key) + " of " + entity_ + " is empty",
               from_cell(*v) ? "fill in the cell" : "give it a value after the colon");
  } else {
    ctx_.error(map_, "missing required field " + quoted(key) + " in " + entity_,
               from_cell(map_)
                   ? "add a column " + quoted(key) + " to the table, or fill in its cell"
                   : "add `" + std::string(key) + ": ...` to this entry");
  }
  return nullptr;
}

bool expect_map(const Node& n, const Ctx& ctx, std::string_view what) {
  if (n.is_map()) return true;
  ctx.error(n, std::string(what) + " must be a map of fields (key: value), not " +
                   std::string(n.kind_name()),
            "write each field on its own line as `name: value`, or as {name: value, ...}");
  return false;
}

bool expect_list(const Node& n, const Ctx& ctx, std::string_view what) {
  if (n.is_seq()) return true;
  ctx.error(n, std::string(what) + " must be a list, not " + std::string(n.kind_name()),
            "start each entry with \"- \" on a new line, or write [a, b]");
  return false;
}

std::optional<std::string> read_string(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "a text");
  if (!s) return std::nullopt;
  return *s;
}

std::optional<std::string> read_url(const Node& n, const Ctx& ctx, std::string_view field) {
  auto s = read_string(n, ctx, field);
  if (!s) return std::nullopt;
  std::string lower;
  for (char c : *s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool web = (lower.starts_with("https://") || lower.starts_with("http://")) && lower.size() > 8 &&
             lower.find_first_of(" \t\n<>\"") == std::string::npos;
  if (web || lower.starts_with("mailto:") || lower.starts_with("tel:")) return s;
  ctx.error(n, quoted(field) + " " + quoted(*s) + " is not a web address",
            "write the full address, starting with https:// (mailto: and tel: links are also "
            "allowed)");
  return std::nullopt;
}

std::optional<std::string> read_email(const Node& n, const Ctx& ctx, std::string_view field) {
  auto s = read_string(n, ctx, field);
  if (!s) return std::nullopt;
  size_t at = s->find('@');
  bool ok = at != std::string::npos && at > 0 && s->find('.', at) != std::string::npos &&
            s->find('@', at + 1) == std::string::npos && s->back() != '.' &&
            s->find_first_of(" \t,;<>\"") == std::string::npos;
  if (ok) return s;
  ctx.error(n, quoted(field) + " " + quoted(*s) + " is not an e-mail address",
            "write it as name@example.lv");
  return std::nullopt;
}

std::optional<std::string> read_slug(const Node& n, const Ctx& ctx, std::string_view field) {
  auto s = read_string(n, ctx, field);
  if (!s) return std::nullopt;
  if (util::is_slug(*s) && s->size() > util::kMaxSlugLength) {
    ctx.error(n, quoted(field) + " is " + std::to_string(s->size()) +
                     " characters long; ids and slugs name the site's folders and files, so at "
                     "most " + std::to_string(util::kMaxSlugLength) + " characters",
              "shorten it (and the references to it)");
    return std::nullopt;
  }
  if (util::is_slug(*s)) return s;
  std::string suggestion = util::slugify(*s);
  ctx.error(n, quoted(field) + " " + quoted(*s) +
                   " is not a valid id: use only lower-case letters a-z, digits and \"-\"",
            suggestion.empty() ? "for example \"ventspils-1-pamatskola\""
                               : "for example " + quoted(suggestion));
  return std::nullopt;
}

std::optional<int64_t> read_int(const Node& n, const Ctx& ctx, std::string_view field,
                                int64_t min, int64_t max) {
  const std::string* s = scalar_text(n, ctx, field, "a whole number");
  if (!s) return std::nullopt;
  std::string_view v = *s;
  std::optional<std::string> cell = from_cell(n) ? cell_number(v, Unit::kNone) : std::nullopt;
  if (cell) v = *cell;
  bool negative = !v.empty() && v[0] == '-';
  std::string_view digits = (negative || (!v.empty() && v[0] == '+')) ? v.substr(1) : v;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  // More digits than a 64-bit number holds: as out of range as any value past `max`.
  const bool huge = all_digits(digits) && ec == std::errc::result_out_of_range;
  if (!huge && (!all_digits(digits) || ec != std::errc() ||
                ptr != digits.data() + digits.size())) {
    std::string hint = from_cell(n) ? "write a whole number, such as 530 or 16 018"
                                    : "write digits only, without spaces or units";
    if (v.find_first_of(".,") != std::string_view::npos) hint = "a whole number is expected here";
    ctx.error(n, quoted(field) + " must be a whole number, not " + quoted(*s), hint);
    return std::nullopt;
  }
  if (negative) value = -value;
  const bool too_small = huge ? negative : value < min;
  const bool too_large = huge ? !negative : value > max;
  if (too_small || too_large) {
    if (min == 0 && max >= INT32_MAX && too_small) {
      ctx.error(n, quoted(field) + " is " + shown(*s) + ", but it cannot be negative",
                "a count of people or things is 0 or more");
    } else if (max >= INT32_MAX && too_large) {
      ctx.error(n, quoted(field) + " is " + shown(*s) + ", which is too large (at most " +
                       std::to_string(max) + ")",
                "check the number: no count of people or things is that large");
    } else {
      ctx.error(n, quoted(field) + " is " + shown(*s) + ", but it must be between " +
                       std::to_string(min) + " and " + std::to_string(max));
    }
    return std::nullopt;
  }
  return value;
}

std::optional<int> read_count(const Node& n, const Ctx& ctx, std::string_view field) {
  auto v = read_int(n, ctx, field, 0, INT32_MAX);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

namespace {

std::optional<double> read_number_in(const Node& n, const Ctx& ctx, std::string_view field,
                                     double min, double max, Unit unit) {
  const std::string* s = scalar_text(n, ctx, field, "a number");
  if (!s) return std::nullopt;
  std::string_view v = *s;
  std::optional<std::string> cell = from_cell(n) ? cell_number(v, unit) : std::nullopt;
  if (cell) v = *cell;
  std::string_view body = (!v.empty() && v[0] == '+') ? v.substr(1) : v;
  double value = 0;
  auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (body.empty() || ec != std::errc() || ptr != body.data() + body.size() ||
      !std::isfinite(value)) {
    std::string hint = "write digits with a decimal point, e.g. 41.2";
    if (from_cell(n)) hint = "write a number, such as 41,2 or 16 018";
    if (from_cell(n) && v.size() >= 5 && v.size() <= 7 && v[v.size() - 4] == ',') {
      hint = "this could be a thousand or more, or a decimal: write " +
             std::string(v.substr(0, v.size() - 4)) + std::string(v.substr(v.size() - 3)) + " or " +
             std::string(v.substr(0, v.size() - 4)) + "," + std::string(v.substr(v.size() - 3, 1)) +
             " (a Latvian spreadsheet groups thousands with a space: 16 018)";
    }
    std::string fixed(v);
    if (from_cell(n)) {
      // the hint above
    } else if (fixed.find(',') != std::string::npos && fixed.find('.') == std::string::npos) {
      for (char& c : fixed) c = c == ',' ? '.' : c;
      hint = "data files use a decimal point, not a comma: write " + fixed;
    } else if (!v.empty() && v.back() == '%') {
      hint = "leave out the % sign: write " + std::string(v.substr(0, v.size() - 1));
    }
    ctx.error(n, quoted(field) + " must be a number, not " + quoted(*s), hint);
    return std::nullopt;
  }
  if (value < min || value > max) {
    auto fmt = [](double d) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", d);
      return std::string(buf);
    };
    ctx.error(n, quoted(field) + " is " + shown(*s) + ", but it must be between " + fmt(min) +
                     " and " + fmt(max));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> read_number(const Node& n, const Ctx& ctx, std::string_view field, double min,
                                  double max) {
  return read_number_in(n, ctx, field, min, max, Unit::kNone);
}

std::optional<double> read_percent(const Node& n, const Ctx& ctx, std::string_view field) {
  return read_number_in(n, ctx, field, 0, 100, Unit::kPercent);
}

std::optional<bool> read_bool(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "true or false");
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "True" || *s == "TRUE" || *s == "yes" || *s == "Yes") return true;
  if (*s == "false" || *s == "False" || *s == "FALSE" || *s == "no" || *s == "No") return false;
  if (from_cell(n)) {
    // A Latvian spreadsheet shows a logical cell as PATIESS or APLAMS; people type jā or nē.
    for (std::string_view yes : {"jā", "Jā", "JĀ", "patiess", "Patiess", "PATIESS"}) {
      if (*s == yes) return true;
    }
    for (std::string_view no : {"nē", "Nē", "NĒ", "aplams", "Aplams", "APLAMS"}) {
      if (*s == no) return false;
    }
  }
  ctx.error(n, quoted(field) + " must be true or false, not " + quoted(*s),
            from_cell(n) ? "write true or false (jā or nē)" : "");
  return std::nullopt;
}

std::optional<Date> read_date(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "a date (YYYY-MM-DD)");
  if (!s) return std::nullopt;
  if (auto d = util::parse_date(from_cell(n) ? cell_date(*s) : *s)) return d;
  std::string hint = "write dates as YYYY-MM-DD, e.g. 2025-08-31";
  if (from_cell(n)) {
    hint = iso_from_latvian(*s) ? "this day does not exist in the calendar; check the month and day"
                                : "write a date as 31.08.2025. or 2025-08-31";
  } else if (auto iso = iso_from_latvian(*s)) {
    hint = "data files write dates year first: " + *iso;
  } else if (s->size() == 10 && (*s)[4] == '-' && (*s)[7] == '-') {
    hint = "this day does not exist in the calendar; check the month and day";
  }
  ctx.error(n, "invalid date " + quoted(*s) + " in " + quoted(field), hint);
  return std::nullopt;
}

std::optional<DateTime> read_datetime(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "a date and time (YYYY-MM-DDTHH:MM)");
  if (!s) return std::nullopt;
  if (auto d = util::parse_datetime(from_cell(n) ? cell_datetime(*s) : *s)) return d;
  ctx.error(n, "invalid date and time " + quoted(*s) + " in " + quoted(field),
            from_cell(n) ? "write 07.05.2025. 10:00 or 2025-05-07 10:00, or just the date"
                         : "write YYYY-MM-DDTHH:MM, e.g. 2025-05-07T10:00, or just the date "
                           "YYYY-MM-DD");
  return std::nullopt;
}

std::optional<int> read_year(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "a school year");
  if (!s) return std::nullopt;
  if (s->size() == 4 && all_digits(*s)) {
    int y = std::stoi(*s);
    if (y >= 1990 && y <= 2100) return y;
  }
  std::string hint = "a school year is written as the year in which it ends: 2025 for 2024/2025";
  ctx.error(n, "invalid school year " + quoted(*s) + " in " + quoted(field), hint);
  return std::nullopt;
}

std::optional<Cents> read_cents(const Node& n, const Ctx& ctx, std::string_view field) {
  auto v = read_number_in(n, ctx, field, 0, 1e12, Unit::kEuro);
  if (!v) return std::nullopt;
  double cents = *v * 100.0;
  double rounded = std::round(cents);
  if (std::fabs(cents - rounded) > 1e-6) {
    ctx.error(n, quoted(field) + " " + shown(n.value) + " has more than two decimals",
              "amounts are in euro and cents, e.g. 1234.56");
    return std::nullopt;
  }
  return static_cast<Cents>(rounded);
}

std::optional<Text> read_text(const Node& n, const Ctx& ctx, std::string_view field) {
  Text t;
  if (n.is_scalar()) {
    for (const auto& lang : ctx.langs) t.by_lang[lang] = n.value;
    return t;
  }
  if (!n.is_map()) {
    ctx.error(n, quoted(field) + " must be a text, or a map of texts by language like "
                 "{lv: ..., en: ...}, not " + std::string(n.kind_name()));
    return std::nullopt;
  }
  bool ok = true;
  for (size_t i = 0; i < n.size(); ++i) {
    const std::string& lang = n.key(i).value;
    bool known = false;
    for (const auto& l : ctx.langs) known = known || l == lang;
    if (!known) {
      bool code = lang.size() == 2 && std::islower(static_cast<unsigned char>(lang[0])) &&
                  std::islower(static_cast<unsigned char>(lang[1]));
      if (code) {
        // A translation into a language the site does not publish (a Latvian-only site using
        // shared data with English texts): ignored, not an error.
        ctx.diags.warning(ctx.at(n.key(i)),
                          "the " + quoted(lang) + " text of " + quoted(field) +
                              " is ignored: it is not one of the site's languages",
                          "the site's languages (site.yaml `languages`) are: " + join(ctx.langs));
        continue;
      }
      auto guess = util::closest_match(lang, ctx.langs);
      ctx.error(n.key(i),
                "unknown language " + quoted(lang) + " in " + quoted(field) +
                    (guess ? " (did you mean " + quoted(*guess) + "?)" : ""),
                "the site's languages (site.yaml `languages`) are: " + join(ctx.langs));
      ok = false;
      continue;
    }
    auto s = read_string(n.val(i), ctx, field);
    if (!s) {
      ok = false;
      continue;
    }
    t.by_lang[lang] = *s;
  }
  if (!ok) return std::nullopt;
  if (t.by_lang.empty()) {
    ctx.error(n, quoted(field) + " has no text in any language");
    return std::nullopt;
  }
  // Fill missing translations from the default language (or the first given), with a warning.
  const std::string& def = ctx.langs.front();
  std::string fallback_lang = t.by_lang.contains(def) ? def : t.by_lang.begin()->first;
  std::string fallback = t.by_lang[fallback_lang];
  for (const auto& lang : ctx.langs) {
    if (t.by_lang.contains(lang)) continue;
    t.by_lang[lang] = fallback;
    t.filled_from[lang] = fallback_lang;
    Pos p = ctx.at(n);
    ctx.diags.warning_once(
        p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ":" + lang, p,
        "no " + lang + " text for " + quoted(field) + "; the " + fallback_lang + " text is used",
        from_cell(n) ? "fill in the cell of the column " + quoted(std::string(field) + "." + lang) +
                           " to translate it"
                     : "add `" + lang + ": ...` to translate it");
  }
  return t;
}

std::optional<std::vector<std::string>> read_string_list(const Node& n, const Ctx& ctx,
                                                         std::string_view field) {
  std::vector<std::string> out;
  if (n.is_scalar()) {
    out.push_back(n.value);
    return out;
  }
  if (!n.is_seq()) {
    ctx.error(n, quoted(field) + " must be a list, like [a, b], not " + std::string(n.kind_name()));
    return std::nullopt;
  }
  bool ok = true;
  for (const Node& item : n.items) {
    auto s = read_string(item, ctx, field);
    if (s) {
      out.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> read_slug_list(const Node& n, const Ctx& ctx,
                                                       std::string_view field) {
  auto list = read_string_list(n, ctx, field);
  if (!list) return std::nullopt;
  bool ok = true;
  const std::vector<Node> single{n};
  const std::vector<Node>& items = n.is_seq() ? n.items : single;
  for (size_t i = 0; i < items.size(); ++i) ok = read_slug(items[i], ctx, field).has_value() && ok;
  if (!ok) return std::nullopt;
  return list;
}

void report_not_by_year(const Node& n, const Ctx& ctx, std::string_view field) {
  ctx.error(n, quoted(field) + " must be a map from school years to values, like "
                               "{2024: 512, 2025: 530}, not " + std::string(n.kind_name()));
}

void report_bad_enum(const Node& n, const Ctx& ctx, std::string_view field,
                     const std::vector<std::string>& allowed) {
  auto guess = util::closest_match(n.value, allowed);
  ctx.error(n,
            "unknown " + std::string(field) + " " + quoted(n.value) +
                (guess ? " (did you mean " + quoted(*guess) + "?)" : ""),
            "use one of: " + join(allowed));
}

}  // namespace metodika::model
