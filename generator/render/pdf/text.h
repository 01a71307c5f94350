// Line breaking: styled text into lines of a given width, measured with the embedded fonts'
// real advances. Ragged right (first fit); a word that does not fit is hyphenated with the Latvian
// patterns, at a hyphen or slash already in it, or — only when a single word is wider than the
// whole line — before the last character that fits, with a hyphen. Nothing ever overflows.
#pragma once

#include <string>
#include <vector>

#include "render/pdf/display.h"
#include "render/pdf/fonts.h"
#include "render/pdf/hyphenate.h"

namespace metodika::render::pdf {

struct TextStyle {
  FontStyle font = FontStyle::kRegular;
  double size = 10;
  Rgb colour = kBlack;
  friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

/// A run of text in one style. "\n" in `text` is a forced line break; runs of spaces, tabs and
/// newlines elsewhere count as one space (U+00A0 NO-BREAK SPACE never breaks).
struct Span {
  std::string text;
  TextStyle style;
  std::string url;  ///< a link
  /// The text's language when it is not the document's ("en" in a Latvian review): tagged as a
  /// Span with its own /Lang (PDF/UA-1 7.2).
  std::string lang = {};
};

/// A piece of a laid-out line.
struct Piece {
  double x = 0;
  double width = 0;
  std::string text;
  TextStyle style;
  std::string url;
  std::string lang = {};  ///< as Span::lang
  /// A part of a word broken across lines, in pieces of its own: the word's number in the
  /// text broken (-1: a whole word), and whether the part ends in a hyphen the word does not
  /// have.
  int broken_word = -1;
  bool hyphen_added = false;
};

struct Line {
  std::vector<Piece> pieces;
  double width = 0;
  /// The tallest size on the line (for leading).
  double size = 0;
};

enum class Hyphenation {
  kAuto,          ///< hyphenate where the line would otherwise end far short of the margin
  kOverlongOnly,  ///< only words wider than the line (table cells: names stay whole)
};

struct Typesetter {
  const FontSet& fonts;
  const Hyphenator& hyphenator;
};

/// Breaks `spans` into lines at most `width` wide.
[[nodiscard]] std::vector<Line> break_lines(const std::vector<Span>& spans, double width,
                                            const Typesetter& typesetter,
                                            Hyphenation hyphenation = Hyphenation::kAuto);

/// What a table needs of a cell before its columns' widths are known, from one pass over its
/// words.
struct Measured {
  double widest_word = 0;
  /// The widest of `lines`: the cell's width on one line, spaces collapsed as `break_lines`
  /// does (more than one line only at forced breaks).
  double natural_width = 0;
  /// What `break_lines(spans, width, typesetter, Hyphenation::kOverlongOnly)` gives for any
  /// `width` from `natural_width` up: a cell that fits its column is not broken again.
  std::vector<Line> lines;
};

[[nodiscard]] Measured measure(const std::vector<Span>& spans, const Typesetter& typesetter);

/// Where `emit_line` puts what it draws in the structure (structure.h): text in `parent`, each
/// link's text and annotation in a Link element of its own, and the parts of a word broken
/// across lines in a Span whose /ActualText is the word, whole ("audzināšana", not
/// "audzinā-" "šana"). Carried from line to line of one paragraph, so that a link or a word
/// that wraps stays one element.
struct TextTags {
  Structure* structure = nullptr;  ///< null: the text is an artifact
  int parent = kArtifact;
  int link = -1;  ///< the Link element of the last piece emitted, if it was a link
  std::string link_url;
  int word = -1;  ///< the Span of the last broken word emitted
  int word_number = -1;  ///< and its Piece::broken_word
  int foreign = -1;  ///< the Span of the last piece in another language, if the last was
  std::string foreign_lang;

  TextTags() = default;
  TextTags(Structure* structure, int parent) : structure(structure), parent(parent) {}
};

/// Text ops (and link ops) for `line` with its baseline at `baseline`, shifted right by `x`,
/// marked as `tags` says. Taken by value: a line passed as an rvalue gives its text to the ops
/// instead of a copy.
void emit_line(Line line, double x, double baseline, std::vector<Op>& ops, TextTags& tags);

}  // namespace metodika::render::pdf
