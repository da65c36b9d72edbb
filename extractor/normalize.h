// Normalization: the one place where Vietnamese spelling variants meet.
//
// normalize() turns an article's bytes into a Text whose `norm` is
//   - valid UTF-8 (invalid sequences become U+FFFD, counted),
//   - NFC (ICU), so NFD input matches the same rules,
//   - one tone-mark placement: the old style, mark on the first vowel of an
//     open "oa", "oe", "uy" syllable (hoà -> hòa, thuỷ -> thủy, khoẻ -> khỏe,
//     Uỷ ban -> Ủy ban), which is what most news text and our rules use,
//   - NBSP and other Unicode spaces as " ", curly quotes as '"' and "'",
//     en/em dashes and minus signs as "-", zero-width characters removed,
//   - HTML left in the text read as text: block tags (<p>, <br>, <div>...)
//     as a line break, other tags, comments and script/style bodies as
//     nothing, entities (&nbsp; &amp; &#37;) as their character; their bytes
//     stay in the input, so offsets still count them,
// and keeps, for every byte of `norm`, the input code point it came from.
//
// fold() is the comparison key of ../shared/spec/gold.md: normalize, lower
// case, white space runs as one space, surrounding punctuation removed.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <utility>
#include <string_view>

#include "text.h"

namespace vnie::internal {

Text normalize(std::string_view input);

// Calls f(c, bytes) for each code point of UTF-8 text `s`, in order: c is
// the code point, or negative for an invalid sequence; bytes is its part of s.
template <typename F>
void for_each_code_point(std::string_view s, F&& f) {
  const auto* data = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    f(c, s.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
  }
}

// The number of code points of UTF-8 text `s` (its lead bytes).
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Whether `s` is valid UTF-8 (no copy; the common case skips repair_utf8).
bool valid_utf8(std::string_view s);

// `s` with each invalid UTF-8 sequence replaced by U+FFFD, and how many there were.
std::pair<std::string, std::size_t> repair_utf8(std::string_view s);

std::string fold(std::string_view s);

// fold() of text that normalize() already produced (skips normalization).
std::string fold_normalized(std::string_view s);

// Lower case (full Unicode) of UTF-8 text, code point counts unchanged for
// Vietnamese.
std::string to_lower(std::string_view s);

// s[start:end] counted in code points.
std::string cp_substr(std::string_view s, std::size_t start, std::size_t end);

}  // namespace vnie::internal
