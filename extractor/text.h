// Text: an article after normalization, with the map back to the input.
//
// Every stage after normalize works on `norm` (NFC UTF-8) and byte offsets
// into it; they become input code-point offsets once, at output, through
// input_offset().
//
//   vnie::internal::Text text = vnie::internal::normalize(raw);
//   std::size_t start = text.input_offset(b), end = text.input_end(e);
//   std::string_view as_written = text.input_slice(byte_start, byte_end);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnie::internal {

struct Text {
  std::string input;                 // the input as UTF-8; invalid bytes replaced by U+FFFD
  std::vector<std::uint32_t> input_byte;  // input code point i starts at input_byte[i]; size n+1
  std::string norm;                  // normalized text
  std::vector<std::uint32_t> to_input;    // norm byte b comes from input code point to_input[b]; size norm.size()+1
  std::vector<std::uint32_t> to_input_end;  // ... whose input ends before code point to_input_end[b]; size norm.size()
  std::size_t invalid_sequences = 0; // invalid UTF-8 sequences replaced in `input`

  std::size_t input_length() const { return input_byte.size() - 1; }
  // Input code point offset of a start at norm byte `b`.
  std::size_t input_offset(std::size_t b) const { return to_input[b]; }
  // Input code point offset of an exclusive end at norm byte `e`: right after
  // the input of the last character before it, so that markup or zero-width
  // characters the normalization dropped after it are not included.
  std::size_t input_end(std::size_t e) const {
    if (e == 0) return to_input[0];
    std::size_t p = e - 1;
    while (p > 0 && (static_cast<unsigned char>(norm[p]) & 0xC0) == 0x80) --p;
    return to_input_end[p];
  }
  // The input text, as written, of the norm byte range [b, e).
  std::string_view input_slice(std::size_t b, std::size_t e) const {
    std::size_t from = input_byte[input_offset(b)], to = input_byte[input_end(e)];
    return std::string_view(input).substr(from, to > from ? to - from : 0);
  }
};

}  // namespace vnie::internal
