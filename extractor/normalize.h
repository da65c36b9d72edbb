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

#include <string>
#include <utility>
#include <string_view>

#include "text.h"

namespace vnie::internal {

Text normalize(std::string_view input);

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
