#include "model/fields.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "util/date.h"

namespace metodika::model {
namespace {

// A value as a message shows it: cut after 80 characters (between UTF-8 characters) with "…",
// so that a 10,000-character value does not bury the message it is quoted in.
std::string shown(std::string_view s) {
  constexpr size_t kMax = 80;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == kMax) return std::string(s.substr(0, i)) + "\u2026";
  }
  return std::string(s);
}

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
               "give it a value after the colon");
  } else {
    ctx_.error(map_, "missing required field " + quoted(key) + " in " + entity_,
               "add `" + std::string(key) + ": ...` to this entry");
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
  bool negative = !v.empty() && v[0] == '-';
  std::string_view digits = (negative || (!v.empty() && v[0] == '+')) ? v.substr(1) : v;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  // More digits than a 64-bit number holds: as out of range as any value past `max`.
  const bool huge = all_digits(digits) && ec == std::errc::result_out_of_range;
  if (!huge && (!all_digits(digits) || ec != std::errc() ||
                ptr != digits.data() + digits.size())) {
    std::string hint = "write digits only, without spaces or units";
    if (v.find_first_of(".,") != std::string_view::npos) hint = "a whole number is expected here";
    ctx.error(n, quoted(field) + " must be a whole number, not " + quoted(v), hint);
    return std::nullopt;
  }
  if (negative) value = -value;
  const bool too_small = huge ? negative : value < min;
  const bool too_large = huge ? !negative : value > max;
  if (too_small || too_large) {
    if (min == 0 && max >= INT32_MAX && too_small) {
      ctx.error(n, quoted(field) + " is " + shown(v) + ", but it cannot be negative",
                "a count of people or things is 0 or more");
    } else if (max >= INT32_MAX && too_large) {
      ctx.error(n, quoted(field) + " is " + shown(v) + ", which is too large (at most " +
                       std::to_string(max) + ")",
                "check the number: no count of people or things is that large");
    } else {
      ctx.error(n, quoted(field) + " is " + shown(v) + ", but it must be between " +
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

std::optional<double> read_number(const Node& n, const Ctx& ctx, std::string_view field,
                                  double min, double max) {
  const std::string* s = scalar_text(n, ctx, field, "a number");
  if (!s) return std::nullopt;
  std::string_view v = *s;
  std::string_view body = (!v.empty() && v[0] == '+') ? v.substr(1) : v;
  double value = 0;
  auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (body.empty() || ec != std::errc() || ptr != body.data() + body.size() ||
      !std::isfinite(value)) {
    std::string hint = "write digits with a decimal point, e.g. 41.2";
    std::string fixed(v);
    if (fixed.find(',') != std::string::npos && fixed.find('.') == std::string::npos) {
      for (char& c : fixed) c = c == ',' ? '.' : c;
      hint = "data files use a decimal point, not a comma: write " + fixed;
    } else if (!v.empty() && v.back() == '%') {
      hint = "leave out the % sign: write " + std::string(v.substr(0, v.size() - 1));
    }
    ctx.error(n, quoted(field) + " must be a number, not " + quoted(v), hint);
    return std::nullopt;
  }
  if (value < min || value > max) {
    auto fmt = [](double d) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", d);
      return std::string(buf);
    };
    ctx.error(n, quoted(field) + " is " + shown(v) + ", but it must be between " + fmt(min) +
                     " and " + fmt(max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> read_percent(const Node& n, const Ctx& ctx, std::string_view field) {
  return read_number(n, ctx, field, 0, 100);
}

std::optional<bool> read_bool(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "true or false");
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "True" || *s == "TRUE" || *s == "yes" || *s == "Yes") return true;
  if (*s == "false" || *s == "False" || *s == "FALSE" || *s == "no" || *s == "No") return false;
  ctx.error(n, quoted(field) + " must be true or false, not " + quoted(*s));
  return std::nullopt;
}

std::optional<Date> read_date(const Node& n, const Ctx& ctx, std::string_view field) {
  const std::string* s = scalar_text(n, ctx, field, "a date (YYYY-MM-DD)");
  if (!s) return std::nullopt;
  if (auto d = util::parse_date(*s)) return d;
  std::string hint = "write dates as YYYY-MM-DD, e.g. 2025-08-31";
  if (auto iso = iso_from_latvian(*s)) {
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
  if (auto d = util::parse_datetime(*s)) return d;
  ctx.error(n, "invalid date and time " + quoted(*s) + " in " + quoted(field),
            "write YYYY-MM-DDTHH:MM, e.g. 2025-05-07T10:00, or just the date YYYY-MM-DD");
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
  auto v = read_number(n, ctx, field, 0, 1e12);
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
    Pos p = ctx.at(n);
    ctx.diags.warning_once(p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) +
                               ":" + lang,
                           p,
                           "no " + lang + " text for " + quoted(field) + "; the " + fallback_lang +
                               " text is used",
                           "add `" + lang + ": ...` to translate it");
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
