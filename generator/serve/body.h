// The bytes of a response as `metodika serve` sends them: pieces of text and of one open file,
// in order. A file piece goes straight from the file to the socket (sendfile), so that a slow
// reader of a large PDF costs the server a descriptor, not the file's size in memory; a range of
// a response is a slice of its pieces, never a copy of the file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "serve/static_files.h"

namespace metodika::serve {

class Body {
 public:
  /// A part of the body: `length` bytes from `offset` of `text`, or of the file when `text` is
  /// null.
  struct Piece {
    std::shared_ptr<const std::string> text;
    uint64_t offset = 0;
    uint64_t length = 0;
  };

  Body() = default;
  explicit Body(std::string text);
  /// The bytes of `text`, shared (an event sent to every open page is kept once).
  explicit Body(std::shared_ptr<const std::string> text);
  /// The whole of an open file of `size` bytes.
  Body(Fd file, uint64_t size);

  /// Adds pieces at the end.
  void append_text(std::string text);
  /// Adds the file's bytes [offset, offset + length) at the end (a body holds one file).
  void append_file(uint64_t offset, uint64_t length);
  /// Adds [first, first + length) of `other` (the same file, or none) at the end.
  void append_slice(const Body& other, uint64_t first, uint64_t length);

  [[nodiscard]] uint64_t size() const { return size_; }
  [[nodiscard]] const std::vector<Piece>& pieces() const { return pieces_; }
  [[nodiscard]] int file() const { return file_ ? file_->get() : -1; }
  /// A body with the same file and no pieces (for a range of this one).
  [[nodiscard]] Body empty_like() const;
  /// Drops the pieces and the file (a HEAD answer), keeping nothing.
  void clear();

  /// The whole body as one string (reads the file); for tests and small bodies.
  [[nodiscard]] std::string to_string() const;

 private:
  void add(Piece piece);

  std::shared_ptr<const Fd> file_;
  std::vector<Piece> pieces_;
  uint64_t size_ = 0;
};

}  // namespace metodika::serve
