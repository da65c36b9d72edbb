#include "normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cassert>
#include <vector>

namespace vnie::internal {
namespace {

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    assert(U_SUCCESS(status) && n != nullptr);
    return n;
  }();
  return *instance;
}

// The five tone marks on a, e, y, o, u (lower and upper case), in the order
// huyền, sắc, hỏi, ngã, nặng. Row index = base vowel.
constexpr std::array<char32_t, 10> kBase = {U'a', U'e', U'y', U'o', U'u',
                                            U'A', U'E', U'Y', U'O', U'U'};
constexpr std::array<std::array<char32_t, 5>, 10> kToned = {{
    {U'à', U'á', U'ả', U'ã', U'ạ'},
    {U'è', U'é', U'ẻ', U'ẽ', U'ẹ'},
    {U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'},
    {U'ò', U'ó', U'ỏ', U'õ', U'ọ'},
    {U'ù', U'ú', U'ủ', U'ũ', U'ụ'},
    {U'À', U'Á', U'Ả', U'Ã', U'Ạ'},
    {U'È', U'É', U'Ẻ', U'Ẽ', U'Ẹ'},
    {U'Ỳ', U'Ý', U'Ỷ', U'Ỹ', U'Ỵ'},
    {U'Ò', U'Ó', U'Ỏ', U'Õ', U'Ọ'},
    {U'Ù', U'Ú', U'Ủ', U'Ũ', U'Ụ'},
}};

struct Toned {
  int row = -1;  // index into kBase
  int tone = -1;
};

Toned find_toned(char32_t c) {
  for (int r = 0; r < 10; ++r) {
    for (int t = 0; t < 5; ++t) {
      if (kToned[r][t] == c) return {r, t};
    }
  }
  return {};
}

char32_t lower_ascii(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

bool is_letter(char32_t c) { return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : u_isalpha(c); }

// Moves the tone mark of an open "oa", "oe", "uy" syllable to its first vowel.
void place_tone_marks(std::vector<char32_t>& cps) {
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    char32_t first = lower_ascii(cps[i]);
    if (first != U'o' && first != U'u') continue;
    char32_t second = cps[i + 1];
    if (second < 0xC0) continue;  // no tone mark
    Toned toned = find_toned(second);
    if (toned.row < 0) continue;
    char32_t base = lower_ascii(kBase[toned.row]);
    bool pair = (first == U'o' && (base == U'a' || base == U'e')) || (first == U'u' && base == U'y');
    if (!pair) continue;
    if (i + 2 < cps.size() && is_letter(cps[i + 2])) continue;    // closed syllable: hoàn, tuyển
    if (first == U'u' && i > 0 && lower_ascii(cps[i - 1]) == U'q') continue;  // quý
    int first_row = (first == U'o' ? 3 : 4) + (cps[i] == first ? 0 : 5);
    cps[i] = kToned[first_row][toned.tone];
    cps[i + 1] = kBase[toned.row];
  }
}

// Unicode spaces, quotes and dashes that rules should see as their ASCII
// forms; 0 means "drop".
char32_t map_char(char32_t c) {
  switch (c) {
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
    case 0x200A: case 0x202F: case 0x205F: case 0x3000:
      return U' ';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return 0;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0xFF02:
      return U'"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
      return U'\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return U'-';
    default:
      return c;
  }
}

bool nfc_unchanged_alone(char32_t c) {
  return c < 0x300 || u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
    return;
  }
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

namespace {

// Appends code point `c`, the output of input code points [from, to), mapped.
inline void emit(Text& text, char32_t c, std::uint32_t from, std::uint32_t to) {
  if (c >= 0x80) {
    c = map_char(c);
    if (c == 0) return;
  }
  std::size_t before = text.norm.size();
  append_utf8(text.norm, c);
  text.to_input.insert(text.to_input.end(), text.norm.size() - before, from);
  text.to_input_end.insert(text.to_input_end.end(), text.norm.size() - before, to);
}

// Tone placement on the encoded text: finds "o"/"u" + toned vowel pairs and
// rewrites them, keeping each character's origin. A move almost never changes
// the byte length (the same tone on o/a or u/y has the same length); when
// one does ("khoẽ" -> "khõe"), the text and maps are rebuilt once, at the end.
void place_tone_marks(Text& text) {
  struct Move {
    std::size_t at, old_len;
    std::string bytes;
    std::vector<std::uint32_t> origins, ends;
  };
  std::vector<Move> resized;
  std::string& s = text.norm;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    char first = s[i];
    if (first != 'o' && first != 'u' && first != 'O' && first != 'U') continue;
    if (static_cast<unsigned char>(s[i + 1]) < 0xC3) continue;  // the next character carries no tone
    auto n = static_cast<int32_t>(s.size());
    int32_t j = static_cast<int32_t>(i + 1);
    UChar32 second, third = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, n, second);
    int32_t after = j;
    // Only a toned a/e after o, or a toned y after u, can move: most "o"/"u"
    // + accented letter pairs ("uố", "ườ") stop here.
    Toned toned = find_toned(static_cast<char32_t>(second));
    if (toned.row < 0) continue;
    char32_t base = lower_ascii(kBase[static_cast<std::size_t>(toned.row)]);
    char32_t lower_first = lower_ascii(static_cast<char32_t>(first));
    if (!((lower_first == U'o' && (base == U'a' || base == U'e')) || (lower_first == U'u' && base == U'y'))) continue;
    if (j < n) U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, n, third);
    std::vector<char32_t> window = {static_cast<char32_t>(first), static_cast<char32_t>(second)};
    if (after < n) window.push_back(static_cast<char32_t>(third));
    if (i > 0) window.insert(window.begin(), static_cast<char32_t>(static_cast<unsigned char>(s[i - 1]) < 0x80 ? s[i - 1] : ' '));
    std::vector<char32_t> moved = window;
    place_tone_marks(moved);
    if (moved == window) continue;
    std::size_t offset = i > 0 ? 1 : 0;
    Move m{i, static_cast<std::size_t>(after) - i, {}, {}, {}};
    append_utf8(m.bytes, moved[offset]);
    std::size_t first_len = m.bytes.size();
    append_utf8(m.bytes, moved[offset + 1]);
    m.origins.assign(m.bytes.size(), text.to_input[i + 1]);
    m.ends.assign(m.bytes.size(), text.to_input_end[i + 1]);
    std::fill(m.origins.begin(), m.origins.begin() + static_cast<long>(first_len), text.to_input[i]);
    std::fill(m.ends.begin(), m.ends.begin() + static_cast<long>(first_len), text.to_input_end[i]);
    if (m.bytes.size() == m.old_len) {
      s.replace(i, m.old_len, m.bytes);
      std::copy(m.origins.begin(), m.origins.end(), text.to_input.begin() + static_cast<long>(i));
      std::copy(m.ends.begin(), m.ends.end(), text.to_input_end.begin() + static_cast<long>(i));
    } else {
      resized.push_back(std::move(m));
    }
    i = static_cast<std::size_t>(after) - 1;
  }
  if (resized.empty()) return;
  std::string norm;
  std::vector<std::uint32_t> to_input, to_input_end;
  std::size_t copied = 0;
  for (const Move& m : resized) {
    norm.append(s, copied, m.at - copied);
    to_input.insert(to_input.end(), text.to_input.begin() + static_cast<long>(copied), text.to_input.begin() + static_cast<long>(m.at));
    to_input_end.insert(to_input_end.end(), text.to_input_end.begin() + static_cast<long>(copied),
                        text.to_input_end.begin() + static_cast<long>(m.at));
    norm += m.bytes;
    to_input.insert(to_input.end(), m.origins.begin(), m.origins.end());
    to_input_end.insert(to_input_end.end(), m.ends.begin(), m.ends.end());
    copied = m.at + m.old_len;
  }
  norm.append(s, copied, std::string::npos);
  to_input.insert(to_input.end(), text.to_input.begin() + static_cast<long>(copied), text.to_input.end());
  to_input_end.insert(to_input_end.end(), text.to_input_end.begin() + static_cast<long>(copied), text.to_input_end.end());
  text.norm = std::move(norm);
  text.to_input = std::move(to_input);
  text.to_input_end = std::move(to_input_end);
}


// HTML left in article text: a tag, comment or entity at byte `at`. Returns
// the bytes it spans (0: none) and what it reads as: '\n' for block tags,
// nothing (0) for inline tags and comments, the character for an entity.
struct Markup {
  std::size_t length = 0;
  char32_t reads_as = 0;
};

bool ascii_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

Markup markup_at(std::string_view s, std::size_t at) {
  std::string_view rest = s.substr(at);
  if (rest[0] == '&') {
    static const std::array<std::pair<std::string_view, char32_t>, 9> kNamed = {{
        {"&nbsp;", U' '}, {"&amp;", U'&'}, {"&quot;", U'"'}, {"&apos;", U'\''}, {"&#39;", U'\''},
        {"&lt;", U'<'}, {"&gt;", U'>'}, {"&ndash;", U'-'}, {"&mdash;", U'-'}}};
    for (const auto& [name, c] : kNamed) {
      if (rest.substr(0, name.size()) == name) return {name.size(), c};
    }
    if (rest.size() > 3 && rest[1] == '#') {
      std::size_t semi = rest.find(';');
      if (semi != std::string_view::npos && semi <= 10) {
        bool hex = rest[2] == 'x' || rest[2] == 'X';
        std::string digits(rest.substr(hex ? 3 : 2, semi - (hex ? 3 : 2)));
        bool all_digits = std::all_of(digits.begin(), digits.end(), [hex](char c) {
          return (c >= '0' && c <= '9') || (hex && (((c | 32) >= 'a' && (c | 32) <= 'f')));
        });
        if (!all_digits) return {};
        char* end = nullptr;
        long v = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
        if (!digits.empty() && end != nullptr && *end == '\0' && v > 0 && v < 0x110000 && (v < 0xD800 || v > 0xDFFF)) {
          return {semi + 1, static_cast<char32_t>(v)};
        }
      }
    }
    return {};
  }
  if (rest.size() < 3) return {};
  if (rest.substr(0, 4) == "<!--") {
    std::size_t end = rest.find("-->", 4);
    return {end == std::string_view::npos ? rest.size() : end + 3, 0};
  }
  bool closing = rest[1] == '/';
  std::size_t name_at = closing ? 2 : 1;
  if (name_at >= rest.size() || !(ascii_alpha(rest[name_at]) || rest[name_at] == '!')) return {};
  std::size_t end = rest.find_first_of("<>\n", name_at);
  if (end == std::string_view::npos || rest[end] != '>' || end > 2000) return {};
  std::size_t name_end = name_at;
  while (name_end < end && (ascii_alpha(rest[name_end]) || (rest[name_end] >= '0' && rest[name_end] <= '9'))) ++name_end;
  std::string name = to_lower(rest.substr(name_at, name_end - name_at));
  std::size_t length = end + 1;
  // Script and style bodies are not text.
  if (!closing && (name == "script" || name == "style")) {
    std::size_t close = length;
    while ((close = rest.find("</", close)) != std::string_view::npos &&
           to_lower(rest.substr(close + 2, name.size())) != name) {
      close += 2;
    }
    std::size_t close_end = close == std::string_view::npos ? std::string_view::npos : rest.find('>', close);
    length = close_end == std::string_view::npos ? rest.size() : close_end + 1;
  }
  static const std::array<std::string_view, 22> kBlock = {
      "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
      "section", "article", "figure", "figcaption", "blockquote", "header", "footer", "hr"};
  bool block = std::find(kBlock.begin(), kBlock.end(), name) != kBlock.end();
  return {length, block ? U'\n' : 0};
}

}  // namespace

Text normalize(std::string_view input) {
  Text text;
  text.input.reserve(input.size());
  text.input_byte.reserve(input.size() + 1);
  text.norm.reserve(input.size());
  text.to_input.reserve(input.size() + 1);
  text.to_input_end.reserve(input.size());
  const icu::Normalizer2& n = nfc();
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  const auto length = static_cast<int32_t>(input.size());

  // One pass: decode (repairing invalid sequences), NFC chunk by chunk (a
  // starter and the marks after it, so each output knows its input chunk),
  // map spaces/quotes/dashes, encode with the byte-level map.
  std::uint32_t cp = 0;
  int32_t i = 0;
  auto next = [&](UChar32* c) {
    text.input_byte.push_back(static_cast<std::uint32_t>(text.input.size()));
    int32_t begin = i;
    U8_NEXT(bytes, i, length, *c);
    if (*c < 0) {
      *c = 0xFFFD;
      ++text.invalid_sequences;
      append_utf8(text.input, 0xFFFD);
    } else {
      text.input.append(input.data() + begin, static_cast<std::size_t>(i - begin));
    }
    return cp++;
  };
  // Whether the code point at byte i starts a combining sequence continuation.
  auto mark_follows = [&]() {
    if (i >= length || bytes[i] < 0xCC) return false;  // below U+0300: no mark
    int32_t k = i;
    UChar32 c;
    U8_NEXT(bytes, k, length, c);
    return c >= 0x300 && !n.hasBoundaryBefore(c);
  };
  while (i < length) {
    if (bytes[i] == '<' || bytes[i] == '&') {
      // HTML tags, comments and entities left in the text: their bytes stay
      // in the input (offsets count them) but read as what they mean.
      if (Markup markup = markup_at(input, static_cast<std::size_t>(i)); markup.length > 0) {
        std::uint32_t from = cp;
        auto end = static_cast<int32_t>(static_cast<std::size_t>(i) + markup.length);
        while (i < end) {
          UChar32 skipped;
          next(&skipped);
        }
        if (markup.reads_as != 0) emit(text, markup.reads_as, from, cp);
        continue;
      }
    }
    if (bytes[i] < 0x80 && (i + 1 >= length || bytes[i + 1] < 0xCC)) {
      // ASCII not followed by a combining mark: as is.
      text.input_byte.push_back(static_cast<std::uint32_t>(text.input.size()));
      text.input += static_cast<char>(bytes[i]);
      text.norm += static_cast<char>(bytes[i]);
      text.to_input.push_back(cp);
      text.to_input_end.push_back(++cp);
      ++i;
      continue;
    }
    UChar32 c;
    std::uint32_t from = next(&c);
    if (!mark_follows()) {
      if (nfc_unchanged_alone(static_cast<char32_t>(c))) {
        emit(text, static_cast<char32_t>(c), from, cp);
        continue;
      }
    }
    icu::UnicodeString chunk;
    chunk.append(c);
    while (mark_follows()) {
      UChar32 mark;
      next(&mark);
      chunk.append(mark);
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString composed = n.normalize(chunk, status);
    if (U_FAILURE(status)) composed = chunk;
    for (int32_t k = 0; k < composed.length();) {
      UChar32 out = composed.char32At(k);
      emit(text, static_cast<char32_t>(out), from, cp);
      k += U16_LENGTH(out);
    }
  }
  text.input_byte.push_back(static_cast<std::uint32_t>(text.input.size()));
  text.to_input.push_back(cp);
  place_tone_marks(text);
  return text;
}

bool valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::pair<std::string, std::size_t> repair_utf8(std::string_view s) {
  std::pair<std::string, std::size_t> out;
  out.first.reserve(s.size());
  for_each_code_point(s, [&](UChar32 c, std::string_view bytes) {
    if (c < 0) {
      append_utf8(out.first, 0xFFFD);
      ++out.second;
    } else {
      out.first.append(bytes);
    }
  });
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_code_point(s, [&](UChar32 c, std::string_view) {
    append_utf8(out, static_cast<char32_t>(u_tolower(c < 0 ? 0xFFFD : c)));
  });
  return out;
}

std::string cp_substr(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t cp = 0, from = s.size(), to = s.size();
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == start) from = i;
    if (cp == end) to = i;
    ++cp;
  }
  return from <= to ? std::string(s.substr(from, to - from)) : std::string();
}

std::string fold_normalized(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  bool space = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c = bytes[i];
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 0x80 && u_isUWhiteSpace(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      append_utf8(out, static_cast<char32_t>(u_tolower(c)));
    }
  }
  // Surrounding punctuation and quotes go.
  auto punct_at = [&](std::size_t b, std::size_t* len) {
    int32_t i = static_cast<int32_t>(b);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(out.data()), i, static_cast<int32_t>(out.size()), c);
    *len = static_cast<std::size_t>(i) - b;
    return c == ' ' || u_ispunct(c);
  };
  std::size_t b = 0, len = 0;
  while (b < out.size() && punct_at(b, &len)) b += len;
  std::size_t e = out.size();
  while (e > b) {
    std::size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(out[p]) & 0xC0) == 0x80) --p;
    if (!punct_at(p, &len)) break;
    e = p;
  }
  return out.substr(b, e - b);
}

std::string fold(std::string_view s) { return fold_normalized(normalize(s).norm); }

}  // namespace vnie::internal
