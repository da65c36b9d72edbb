#include "segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

namespace vnie::internal {
namespace {

struct Cursor {
  std::string_view s;
  std::size_t at = 0;

  bool done() const { return at >= s.size(); }
  // Code point at `at` (U+FFFD for broken bytes; normalized text has none).
  UChar32 peek(std::size_t* next = nullptr) const {
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (next != nullptr) *next = static_cast<std::size_t>(i);
    return c < 0 ? 0xFFFD : c;
  }
};

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool is_letter(UChar32 c) {
  return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : (u_isalpha(c) || u_getCombiningClass(c) > 0);
}
bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c); }

std::size_t digits_end(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    if (v > 100000) return v;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A number token starting at `i` (a digit): digits with "." or "," groups,
// then optionally "/" or "-" separated parts (dates, ratios), then "%".
Token number_token(std::string_view s, std::size_t i) {
  std::size_t e = digits_end(s, i);
  while (e + 1 < s.size() && (s[e] == '.' || s[e] == ',') && is_digit(s[e + 1])) e = digits_end(s, e + 1);
  Token t{TokenKind::kNumber, static_cast<uint32_t>(i), static_cast<uint32_t>(e)};
  // Date or slashed figure: up to three parts joined by one kind of separator.
  for (char sep : {'/', '-', '.'}) {
    std::array<std::string_view, 3> parts{s.substr(i, e - i)};
    std::size_t n = 1, end = e;
    while (n < 3 && end + 1 < s.size() && s[end] == sep && is_digit(s[end + 1])) {
      std::size_t next = digits_end(s, end + 1);
      // Figures keep their thousands groups: "6.846/6.500".
      while (sep == '/' && next + 1 < s.size() && (s[next] == '.' || s[next] == ',') && is_digit(s[next + 1])) {
        next = digits_end(s, next + 1);
      }
      parts[n++] = s.substr(end + 1, next - end - 1);
      end = next;
    }
    if (n == 1) continue;
    bool plain = std::all_of(parts.begin(), parts.begin() + static_cast<long>(n), [](std::string_view p) {
      return std::all_of(p.begin(), p.end(), [](char c) { return is_digit(c); });
    });
    bool day_month = plain && parts[0].size() <= 2 && parts[1].size() <= 2 && to_int(parts[0]) >= 1 &&
                     to_int(parts[0]) <= 31 && to_int(parts[1]) >= 1 && to_int(parts[1]) <= 12;
    bool date = day_month && (n == 2 ? sep == '/' : parts[2].size() == 4);
    bool month_year = plain && n == 2 && sep == '/' && parts[0].size() <= 2 && to_int(parts[0]) >= 1 &&
                      to_int(parts[0]) <= 12 && parts[1].size() == 4;
    if (date || month_year) return {TokenKind::kDate, t.start, static_cast<uint32_t>(end)};
    if (sep == '/') {
      t = {TokenKind::kSlashed, t.start, static_cast<uint32_t>(end)};
      e = end;
    }
    break;
  }
  if (e < s.size() && s[e] == '%') return {TokenKind::kPercent, t.start, static_cast<uint32_t>(e + 1)};
  return t;
}

// A word: letters (and digits inside, "F0", "COVID-19" stays split at "-"),
// with "." joins between letters ("TP.HCM", "B.Duy", "PGS.TS.").
Token word_token(std::string_view s, std::size_t i) {
  Cursor c{s, i};
  bool dotted = false;
  bool all_upper = true;
  int letters = 0;
  while (!c.done()) {
    std::size_t next;
    UChar32 ch = c.peek(&next);
    if (is_letter(ch) || is_digit(ch)) {
      if (is_letter(ch)) {
        ++letters;
        if (u_getCombiningClass(ch) == 0 && !u_isupper(ch)) all_upper = false;
      }
      c.at = next;
      continue;
    }
    if (ch == '.' && next < s.size()) {
      Cursor after{s, next};
      if (is_letter(after.peek())) {
        dotted = true;
        c.at = next;
        continue;
      }
    }
    break;
  }
  // A trailing dot belongs to a dotted abbreviation ("PGS.TS.").
  if (dotted && c.at < s.size() && s[c.at] == '.') ++c.at;
  TokenKind kind = (dotted || (all_upper && letters >= 2)) ? TokenKind::kAbbreviation : TokenKind::kWord;
  return {kind, static_cast<uint32_t>(i), static_cast<uint32_t>(c.at)};
}

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

}  // namespace

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kAbbreviation: return "abbreviation";
    case TokenKind::kNumber: return "number";
    case TokenKind::kDate: return "date";
    case TokenKind::kSlashed: return "slashed";
    case TokenKind::kPercent: return "percent";
    case TokenKind::kPunct: return "punct";
  }
  return "?";
}

std::vector<Token> tokenize(std::string_view norm) {
  std::vector<Token> tokens;
  tokens.reserve(norm.size() / 4);
  Cursor c{norm, 0};
  while (!c.done()) {
    std::size_t next;
    UChar32 ch = c.peek(&next);
    if (is_space(ch)) {
      c.at = next;
    } else if (is_digit(ch)) {
      tokens.push_back(number_token(norm, c.at));
      c.at = tokens.back().end;
    } else if (is_letter(ch)) {
      tokens.push_back(word_token(norm, c.at));
      c.at = tokens.back().end;
    } else {
      tokens.push_back({TokenKind::kPunct, static_cast<uint32_t>(c.at), static_cast<uint32_t>(next)});
      c.at = next;
    }
  }
  return tokens;
}

Segmenter::Segmenter(std::vector<std::string> abbreviations) : abbreviations_(std::move(abbreviations)) {
  std::sort(abbreviations_.begin(), abbreviations_.end());
}

bool Segmenter::ends_with_abbreviation(std::string_view before) const {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
  if (before.empty() || before.back() != '.') return false;
  std::size_t word = before.find_last_of(" \t\n(\"'");
  std::string_view last = before.substr(word == std::string_view::npos ? 0 : word + 1);
  if (std::binary_search(abbreviations_.begin(), abbreviations_.end(), last)) return true;
  // A single letter and a dot is an initial ("B. Duy", "Nguyễn V. A.").
  Cursor c{last, 0};
  std::size_t next;
  UChar32 ch = c.peek(&next);
  return is_letter(ch) && u_isupper(ch) && next + 1 == last.size();
}

void Segmenter::line_sentences(std::string_view norm, std::size_t line_start, std::size_t line_end,
                               std::vector<Span8>& out) const {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = make_sentence_iterator();
  // Trim ASCII white space only: a byte >= 0x80 is part of a UTF-8 sequence
  // (0xA0 is no NBSP here: normalize() already made those spaces).
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto push = [&](std::size_t b, std::size_t e) {
    while (b < e && ascii_space(norm[b])) ++b;
    while (e > b && ascii_space(norm[e - 1])) --e;
    if (b < e) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };
  std::string_view line = norm.substr(line_start, line_end - line_start);
  if (iterator == nullptr) {
    push(line_start, line_end);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &status);
  if (U_FAILURE(status)) {
    push(line_start, line_end);
    return;
  }
  iterator->setText(ut, status);
  std::size_t begin = 0;
  for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    auto cut = static_cast<std::size_t>(b);
    if (cut < line.size() && ends_with_abbreviation(line.substr(0, cut))) continue;
    push(line_start + begin, line_start + cut);
    begin = cut;
  }
  if (begin < line.size()) push(line_start + begin, line_end);
  iterator->setText(icu::UnicodeString());
  utext_close(ut);
}

std::vector<Span8> Segmenter::sentences(std::string_view norm) const {
  std::vector<Span8> out;
  // Lines first: a line break always ends a sentence, and ICU sees one line at a time.
  for (std::size_t line_start = 0; line_start < norm.size();) {
    std::size_t line_end = std::min(norm.find('\n', line_start), norm.size());
    line_sentences(norm, line_start, line_end, out);
    line_start = line_end + 1;
  }
  return out;
}

std::vector<Span8> Segmenter::sentences(std::string_view norm, std::vector<std::uint32_t> at) const {
  std::sort(at.begin(), at.end());
  std::vector<Span8> out;
  std::size_t done = 0;  // lines before this byte are done
  for (std::uint32_t b : at) {
    if (b < done || b > norm.size()) continue;
    std::size_t line_start = b == 0 ? 0 : norm.rfind('\n', b - 1);
    line_start = line_start == std::string_view::npos || b == 0 ? 0 : line_start + 1;
    std::size_t line_end = std::min(norm.find('\n', b), norm.size());
    line_sentences(norm, line_start, line_end, out);
    done = line_end + 1;
  }
  return out;
}

bool word_char_before(std::string_view s, std::size_t b) {
  if (b == 0) return false;
  auto i = static_cast<int32_t>(b);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return is_letter(c) || is_digit(c);
}

bool word_char_at(std::string_view s, std::size_t b) {
  if (b >= s.size()) return false;
  Cursor c{s, b};
  UChar32 ch = c.peek();
  return is_letter(ch) || is_digit(ch);
}

}  // namespace vnie::internal
