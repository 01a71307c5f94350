#include "serve/body.h"

#include <algorithm>
#include <cassert>

namespace metodika::serve {

Body::Body(std::string text) { append_text(std::move(text)); }

Body::Body(std::shared_ptr<const std::string> text) {
  uint64_t n = text->size();
  add({std::move(text), 0, n});
}

Body::Body(Fd file, uint64_t size) : file_(std::make_shared<const Fd>(std::move(file))) {
  append_file(0, size);
}

void Body::add(Piece piece) {
  if (piece.length == 0) return;
  size_ += piece.length;
  pieces_.push_back(std::move(piece));
}

void Body::append_text(std::string text) {
  uint64_t n = text.size();
  add({std::make_shared<const std::string>(std::move(text)), 0, n});
}

void Body::append_file(uint64_t offset, uint64_t length) {
  assert(file_);
  add({nullptr, offset, length});
}

void Body::append_slice(const Body& other, uint64_t first, uint64_t length) {
  assert(!other.file_ || !file_ || other.file_ == file_);
  if (other.file_) file_ = other.file_;
  uint64_t at = 0;  // where the current piece of `other` starts in it
  for (const Piece& p : other.pieces_) {
    uint64_t begin = std::max(first, at);
    uint64_t end = std::min(first + length, at + p.length);
    if (begin < end) add({p.text, p.offset + (begin - at), end - begin});
    at += p.length;
    if (at >= first + length) break;
  }
}

Body Body::empty_like() const {
  Body out;
  out.file_ = file_;
  return out;
}

void Body::clear() {
  file_.reset();
  pieces_.clear();
  size_ = 0;
}

std::string Body::to_string() const {
  std::string out;
  for (const Piece& p : pieces_) {
    if (p.text) {
      out.append(*p.text, static_cast<size_t>(p.offset), static_cast<size_t>(p.length));
    } else {
      out += read_at(file_->get(), p.offset, p.length);
    }
  }
  return out;
}

}  // namespace metodika::serve
