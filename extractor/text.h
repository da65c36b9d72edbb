// Text: an article after normalization, with the map back to the input.
//
// Every stage after normalize works on `norm` (NFC UTF-8) and byte offsets
// into it; they become input code-point offsets once, at output, through
// input_offset().
//
//   vnie::internal::Text text = vnie::internal::normalize(raw);
//   std::size_t cp = text.input_offset(byte_in_norm);
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
  std::size_t invalid_sequences = 0; // invalid UTF-8 sequences replaced in `input`

  std::size_t input_length() const { return input_byte.size() - 1; }
  // Input code point offset of norm byte offset `b` (a start or an exclusive end).
  std::size_t input_offset(std::size_t b) const { return to_input[b]; }
  // The input text, as written, of the norm byte range [b, e).
  std::string_view input_slice(std::size_t b, std::size_t e) const {
    return std::string_view(input).substr(input_byte[to_input[b]],
                                          input_byte[to_input[e]] - input_byte[to_input[b]]);
  }
};

}  // namespace vnie::internal
