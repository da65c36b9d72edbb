// Segmentation: sentences and syllable-level tokens of normalized text.
//
// Sentences come from ICU's sentence BreakIterator, with the breaks after
// Vietnamese abbreviations that end in a dot ("TP.", "ThS.", "PGS.TS.",
// "v.v.") taken back; a line break always ends a sentence. Tokens are
// syllables and the multi-character units rules care about: numbers in
// Vietnamese notation ("6.846", "95,14"), dates ("10/11/2024"), figures with
// a slash ("49/20"), percents ("95,14%"), abbreviations ("LĐLĐ", "TP.HCM",
// "B.Duy") and single punctuation marks.
//
//   Segmenter segmenter({"TP.", "ThS."});
//   for (const Span8& s : segmenter.sentences(text.norm)) ...
//   std::vector<Token> tokens = tokenize(text.norm);
//
// All offsets are byte offsets into the normalized text, end exclusive.
// A Segmenter is immutable and thread-safe (each thread clones ICU's
// iterator once).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnie::internal {

struct Span8 {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

enum class TokenKind { kWord, kAbbreviation, kNumber, kDate, kSlashed, kPercent, kPunct };

struct Token {
  TokenKind kind;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

const char* token_kind_name(TokenKind kind);

std::vector<Token> tokenize(std::string_view norm);

class Segmenter {
 public:
  // `abbreviations`: tokens ending in "." after which a sentence never ends.
  explicit Segmenter(std::vector<std::string> abbreviations = {});

  // Sentences without their surrounding white space; empty ones are skipped.
  std::vector<Span8> sentences(std::string_view norm) const;

  // The same, only for the lines that hold one of the byte offsets `at`. A
  // line break always ends a sentence, so these are exactly the sentences
  // sentences(norm) gives for those lines.
  std::vector<Span8> sentences(std::string_view norm, std::vector<std::uint32_t> at) const;

 private:
  void line_sentences(std::string_view norm, std::size_t line_start, std::size_t line_end, std::vector<Span8>& out) const;
  bool ends_with_abbreviation(std::string_view before) const;
  std::vector<std::string> abbreviations_;
};

// True when the code point at/before byte `b` of `s` is a letter or digit:
// what rules use as a word boundary test.
bool word_char_before(std::string_view s, std::size_t b);
bool word_char_at(std::string_view s, std::size_t b);

}  // namespace vnie::internal
