#include "render/pdf/text.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

namespace metodika::render::pdf {

namespace {

// Below this share of the line left empty, a word that does not fit simply moves to the next
// line; above it, hyphenating it is worth a hyphen (ragged right tolerates some raggedness).
constexpr double kRaggedTolerance = 0.12;

// A width no text reaches: every word fits, lines end only at forced breaks.
constexpr double kUnlimited = 1e9;

// A word's text in one span: a view of the span's text (the spans outlive the breaker), so
// splitting a paragraph into words copies nothing.
struct Fragment {
  size_t span = 0;
  std::string_view text;
  double width = 0;
  bool hyphen = false;  // a hyphen follows: the word was broken after it
};

// A word's fragments are a range of the breaker's one vector of them (no allocation a word).
struct Word {
  uint32_t first = 0;
  uint32_t count = 0;
  double width = 0;
  bool space_before = false;
  size_t space_span = 0;  // whose style the space before it has
  bool break_after = false;
  int broken = -1;  // a part of a word broken across lines: the word's number
};

struct BreakPoint {
  size_t offset = 0;  // byte offset into the word's text
  bool hyphen = false;
};

bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_upper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0 && c != 0x138;  // Latin Extended-A pairs
  return false;
}

class Breaker {
 public:
  Breaker(const std::vector<Span>& spans, double width, const Typesetter& typesetter,
          Hyphenation hyphenation)
      : spans_(spans), width_(width), ts_(typesetter), hyphenation_(hyphenation) {}

  std::vector<Line> run() {
    split_words();
    for (const Word& word : words_) place(word);
    if (!line_.pieces.empty() || lines_.empty()) flush();
    return std::move(lines_);
  }

  std::vector<Word>& words() {
    split_words();
    return words_;
  }

 private:
  std::span<const Fragment> fragments(const Word& word) const {
    return {fragments_.data() + word.first, word.count};
  }

  double measure(size_t span, std::string_view text) const {
    const TextStyle& style = spans_[span].style;
    return ts_.fonts.metrics(style.font).width(text, style.size);
  }

  void split_words() {
    if (split_) return;
    split_ = true;
    size_t bytes = 0;
    for (const Span& span : spans_) bytes += span.text.size();
    words_.reserve(bytes / 6 + 1);
    fragments_.reserve(bytes / 6 + 1);
    Word word;
    // Each fragment's advances in 1/1000 em, summed while its characters are read (the width
    // is then what FontMetrics::width gives, without reading them again).
    std::vector<long> advances;
    bool pending_space = false;
    size_t space_span = 0;
    const auto end_word = [&] {
      if (word.count == 0) return;
      for (uint32_t k = 0; k < word.count; ++k) {
        Fragment& fragment = fragments_[word.first + k];
        fragment.width =
            static_cast<double>(advances[k]) * spans_[fragment.span].style.size / 1000.0;
        word.width += fragment.width;
      }
      words_.push_back(word);
      word = Word();
      advances.clear();
    };
    for (size_t s = 0; s < spans_.size(); ++s) {
      const std::string& text = spans_[s].text;
      const FontMetrics& metrics = ts_.fonts.metrics(spans_[s].style.font);
      for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t c = next_code_point(text, i);
        if (c == ' ' || c == '\t' || c == '\r') {
          end_word();
          pending_space = true;
          space_span = s;
          continue;
        }
        if (c == '\n') {
          end_word();
          if (words_.empty()) words_.push_back(Word());
          words_.back().break_after = true;
          pending_space = false;
          continue;
        }
        if (word.count == 0) {
          word.first = static_cast<uint32_t>(fragments_.size());
          word.space_before = pending_space && !words_.empty() && !words_.back().break_after;
          word.space_span = space_span;
          pending_space = false;
        }
        if (word.count == 0 || fragments_.back().span != s) {
          fragments_.push_back({.span = s, .text = {text.data() + start, 0}});
          ++word.count;
          advances.push_back(0);
        }
        Fragment& fragment = fragments_.back();
        fragment.text = {fragment.text.data(), fragment.text.size() + (i - start)};
        advances.back() += metrics.advance(c);
      }
    }
    end_word();
  }

  double space_width(const Word& word) const {
    return word.space_before && !line_.pieces.empty() ? measure(word.space_span, " ") : 0;
  }

  double hyphen_width(const Word& word, size_t offset) const {
    return measure(span_at(word, offset), "-");
  }

  size_t span_at(const Word& word, size_t offset) const {
    size_t at = 0;
    for (const Fragment& fragment : fragments(word)) {
      if (offset <= at + fragment.text.size()) return fragment.span;
      at += fragment.text.size();
    }
    return fragments(word).back().span;
  }

  std::string text_of(const Word& word) const {
    std::string out;
    for (const Fragment& fragment : fragments(word)) out += fragment.text;
    return out;
  }

  // The word's text before `offset`, as a word, and the rest; their fragments are added to
  // `fragments_` (head's, then tail's, each contiguous).
  std::pair<Word, Word> split(const Word& word, size_t offset) {
    Word head;
    Word tail;
    head.space_before = word.space_before;
    head.space_span = word.space_span;
    tail.break_after = word.break_after;
    // Copies, not references: adding fragments may move the vector.
    const auto add = [&](Word& to, Fragment fragment, bool measured) {
      if (!measured) fragment.width = measure(fragment.span, fragment.text);
      if (to.count == 0) to.first = static_cast<uint32_t>(fragments_.size());
      fragments_.push_back(fragment);
      ++to.count;
    };
    size_t at = 0;
    for (uint32_t k = 0; k < word.count; ++k) {
      const Fragment fragment = fragments_[word.first + k];
      const size_t end = at + fragment.text.size();
      if (end <= offset) {
        add(head, fragment, true);
      } else if (at < offset) {
        add(head, {fragment.span, fragment.text.substr(0, offset - at)}, false);
      }
      at = end;
    }
    at = 0;
    for (uint32_t k = 0; k < word.count; ++k) {
      const Fragment fragment = fragments_[word.first + k];
      const size_t end = at + fragment.text.size();
      if (at >= offset) {
        add(tail, fragment, true);
      } else if (end > offset) {
        add(tail, {fragment.span, fragment.text.substr(offset - at)}, false);
      }
      at = end;
    }
    for (const Fragment& f : fragments(head)) head.width += f.width;
    for (const Fragment& f : fragments(tail)) tail.width += f.width;
    return {head, tail};
  }

  // Where the word may break: after a hyphen, dash or slash inside it, and at the hyphenation
  // points of its letter runs (not of capitalised runs, usually names, unless `names`).
  std::vector<BreakPoint> break_points(const Word& word, bool names) const {
    const std::string text = text_of(word);
    std::vector<BreakPoint> points;
    size_t run_start = std::string::npos;
    const auto end_run = [&](size_t end) {
      if (run_start == std::string::npos) return;
      const std::string_view run(text.data() + run_start, end - run_start);
      size_t k = 0;
      const bool capital = is_upper(next_code_point(run, k));
      if (!capital || names) {
        for (size_t offset : ts_.hyphenator.points(run)) {
          points.push_back({run_start + offset, true});
        }
      }
      run_start = std::string::npos;
    };
    for (size_t i = 0; i < text.size();) {
      const size_t start = i;
      const char32_t c = next_code_point(text, i);
      if (is_letter(c)) {
        if (run_start == std::string::npos) run_start = start;
        continue;
      }
      end_run(start);
      const bool breaks_after = c == '-' || c == 0x2013 || c == 0x2014 || c == '/';
      if (breaks_after && start > 0 && i < text.size()) points.push_back({i, false});
    }
    end_run(text.size());
    std::sort(points.begin(), points.end(),
              [](const BreakPoint& a, const BreakPoint& b) { return a.offset < b.offset; });
    return points;
  }

  // Every character boundary, for a word wider than a whole line with no better place.
  std::vector<BreakPoint> every_character(const Word& word) const {
    const std::string text = text_of(word);
    std::vector<BreakPoint> points;
    for (size_t i = 0; i < text.size();) {
      (void)next_code_point(text, i);
      if (i < text.size()) points.push_back({i, true});
    }
    return points;
  }

  double prefix_width(const Word& word, size_t offset) const {
    double width = 0;
    size_t at = 0;
    for (const Fragment& fragment : fragments(word)) {
      const size_t end = at + fragment.text.size();
      if (end <= offset) {
        width += fragment.width;
      } else {
        if (offset > at) width += measure(fragment.span, fragment.text.substr(0, offset - at));
        break;
      }
      at = end;
    }
    return width;
  }

  // The last of `points` whose head (with its hyphen) fits in `room`.
  std::optional<BreakPoint> last_fitting(const Word& word, const std::vector<BreakPoint>& points,
                                         double room) const {
    std::optional<BreakPoint> best;
    for (const BreakPoint& point : points) {
      const double w =
          prefix_width(word, point.offset) + (point.hyphen ? hyphen_width(word, point.offset) : 0);
      if (w <= room) best = point;
      else break;
    }
    return best;
  }

  void place(Word word) {
    while (true) {
      if (word.count == 0) {  // a bare forced break
        if (word.break_after) flush();
        return;
      }
      const double space = space_width(word);
      const double x = line_.pieces.empty() ? 0 : line_.width;
      if (x + space + word.width <= width_ + 1e-6) {
        append(word, space);
        if (word.break_after) flush();
        return;
      }
      const double room = width_ - x - space;
      const bool overlong = word.width > width_;
      const bool worth = hyphenation_ == Hyphenation::kAuto
                             ? room > kRaggedTolerance * width_ || line_.pieces.empty()
                             : overlong;
      std::optional<BreakPoint> at;
      if (worth) at = last_fitting(word, break_points(word, overlong), room);
      if (!at && line_.pieces.empty()) at = last_fitting(word, every_character(word), room);
      if (!at && line_.pieces.empty()) {
        // Not even one character fits (a column narrower than a letter): place it anyway.
        append(word, 0);
        flush();
        return;
      }
      if (!at) {
        flush();
        continue;
      }
      auto [head, tail] = split(word, at->offset);
      // The parts keep the word's number: they are tagged as one word (text.h, TextTags).
      if (word.broken < 0) word.broken = broken_words_++;
      head.broken = word.broken;
      tail.broken = word.broken;
      if (at->hyphen) {
        Fragment& last = fragments_[head.first + head.count - 1];
        last.hyphen = true;
        const double w = measure(last.span, "-");
        last.width += w;
        head.width += w;
      }
      append(head, space);
      flush();
      word = tail;
      word.space_before = false;
    }
  }

  void append(const Word& word, double space) {
    double x = line_.pieces.empty() ? 0 : line_.width;
    bool first = true;
    for (const Fragment& fragment : fragments(word)) {
      const Span& span = spans_[fragment.span];
      line_.size = std::max(line_.size, span.style.size);
      const bool with_space = first && space > 0;
      if (!line_.pieces.empty() && line_.pieces.back().style == span.style &&
          line_.pieces.back().url == span.url && line_.pieces.back().lang == span.lang &&
          line_.pieces.back().broken_word == word.broken) {
        Piece& piece = line_.pieces.back();
        if (with_space) piece.text += ' ';
        piece.text += fragment.text;
        if (fragment.hyphen) piece.text += '-';
        piece.width += (with_space ? space : 0) + fragment.width;
      } else {
        // The space stays in the text (a screen reader and a copy read the words apart): at
        // the end of the piece before when it is in that piece's style, else at the start of
        // the new one. Either way the glyphs stay where they were measured.
        std::string text;
        if (with_space) {
          const Span& space_span = spans_[word.space_span];
          Piece* before = line_.pieces.empty() ? nullptr : &line_.pieces.back();
          if (before != nullptr && before->style == space_span.style &&
              before->url == space_span.url && before->lang == space_span.lang) {
            before->text += ' ';
            before->width += space;
            x += space;
          } else {
            text += ' ';
          }
        }
        text += fragment.text;
        const double width = fragment.width + (text.size() > fragment.text.size() ? space : 0);
        line_.pieces.push_back(
            {x, width, std::move(text), span.style, span.url, span.lang, word.broken});
        if (fragment.hyphen) line_.pieces.back().text += '-';
      }
      if (fragment.hyphen) line_.pieces.back().hyphen_added = true;
      x = line_.pieces.back().x + line_.pieces.back().width;
      first = false;
    }
    line_.width = x;
  }

  void flush() {
    if (line_.size == 0) line_.size = spans_.empty() ? 10 : spans_.front().style.size;
    lines_.push_back(std::move(line_));
    line_ = Line();
  }

  const std::vector<Span>& spans_;
  double width_;
  const Typesetter& ts_;
  Hyphenation hyphenation_;
  bool split_ = false;
  int broken_words_ = 0;
  std::vector<Fragment> fragments_;
  std::vector<Word> words_;
  std::vector<Line> lines_;
  Line line_;
};

}  // namespace

std::vector<Line> break_lines(const std::vector<Span>& spans, double width,
                              const Typesetter& typesetter, Hyphenation hyphenation) {
  return Breaker(spans, width, typesetter, hyphenation).run();
}

Measured measure(const std::vector<Span>& spans, const Typesetter& typesetter) {
  Breaker breaker(spans, kUnlimited, typesetter, Hyphenation::kOverlongOnly);
  Measured out;
  for (const Word& word : breaker.words()) out.widest_word = std::max(out.widest_word, word.width);
  out.lines = breaker.run();  // the same words, split once
  for (const Line& line : out.lines) out.natural_width = std::max(out.natural_width, line.width);
  return out;
}

void emit_line(Line line, double x, double baseline, std::vector<Op>& ops, TextTags& tags) {
  Structure* structure = tags.structure;
  for (Piece& piece : line.pieces) {
    int node = structure == nullptr ? kArtifact : tags.parent;
    int link = -1;
    if (structure != nullptr && !piece.url.empty()) {
      // A link that wraps onto the next line stays one Link element, with an annotation a line.
      if (tags.link < 0 || tags.link_url != piece.url) {
        tags.link = structure->add(Role::kLink, tags.parent);
        tags.link_url = piece.url;
      }
      link = tags.link;
      node = link;
    } else {
      tags.link = -1;
    }
    if (structure != nullptr && !piece.lang.empty()) {
      // Text in another language: a Span with its /Lang, one for a run of such pieces.
      if (tags.foreign < 0 || tags.foreign_lang != piece.lang ||
          (*structure)[tags.foreign].parent != node) {
        tags.foreign = structure->add(Role::kSpan, node);
        tags.foreign_lang = piece.lang;
        (*structure)[tags.foreign].lang = piece.lang;
      }
      node = tags.foreign;
    } else {
      tags.foreign = -1;
    }
    if (structure != nullptr && piece.broken_word >= 0) {
      if (tags.word < 0 || tags.word_number != piece.broken_word) {
        tags.word = structure->add(Role::kSpan, node);
        tags.word_number = piece.broken_word;
      }
      std::string& whole = (*structure)[tags.word].actual_text;
      std::string_view part = piece.text;
      if (piece.hyphen_added && !part.empty()) part.remove_suffix(1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      whole += part;
      node = tags.word;
    }
    const Rgb colour = piece.url.empty() ? piece.style.colour : kLinkBlue;
    if (!piece.url.empty()) {
      const double size = piece.style.size;
      std::string contents = piece.text;
      ops.emplace_back(TextOp{x + piece.x, baseline, piece.style.font, piece.style.size, colour,
                              std::move(piece.text), 0, node});
      ops.emplace_back(LineOp{{{x + piece.x, baseline + 0.12 * size},
                               {x + piece.x + piece.width, baseline + 0.12 * size}},
                              0.4, kLinkBlue, Dash::kSolid});
      ops.emplace_back(LinkOp{{x + piece.x, baseline - 0.8 * size, piece.width, 1.05 * size},
                              piece.url, -1, std::move(contents), link});
    } else {
      ops.emplace_back(TextOp{x + piece.x, baseline, piece.style.font, piece.style.size, colour,
                              std::move(piece.text), 0, node});
    }
  }
}

int node_of(const Op& op) {
  return std::visit([](const auto& o) { return o.node; }, op);
}

void set_node(std::span<Op> ops, int node) {
  for (Op& op : ops) std::visit([node](auto& o) { o.node = node; }, op);
}

void translate(std::span<Op> ops, double dx, double dy) {
  for (Op& op : ops) {
    std::visit(
        [&](auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, TextOp>) {
            o.x += dx;
            o.y += dy;
          } else if constexpr (std::is_same_v<T, LineOp>) {
            for (Point& p : o.points) {
              p.x += dx;
              p.y += dy;
            }
          } else if constexpr (std::is_same_v<T, MarkerOp>) {
            o.at.x += dx;
            o.at.y += dy;
          } else {
            o.box.x += dx;
            o.box.y += dy;
          }
        },
        op);
  }
}

}  // namespace metodika::render::pdf
