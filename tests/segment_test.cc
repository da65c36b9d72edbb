#include <catch2/catch.hpp>

#include "normalize.h"
#include "rules.h"
#include "segment.h"
#include "test_util.h"

using vnie::internal::normalize;
using vnie::internal::Token;
using vnie::internal::TokenKind;
using vnie::internal::tokenize;

namespace {

std::vector<std::pair<std::string, std::string>> kinds_and_texts(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Token& t : tokenize(s)) {
    out.emplace_back(vnie::internal::token_kind_name(t.kind), std::string(s.substr(t.start, t.end - t.start)));
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("tokens: numbers, dates, percents, abbreviations", "[segment]") {
  CHECK(kinds_and_texts("đạt 95,14% với 6.846/6.500 đoàn viên") ==
        Pairs{{"word", "đạt"}, {"percent", "95,14%"}, {"word", "với"}, {"slashed", "6.846/6.500"},
              {"word", "đoàn"}, {"word", "viên"}});
  CHECK(kinds_and_texts("tính đến 10/11/2024, LĐLĐ quận") ==
        Pairs{{"word", "tính"}, {"word", "đến"}, {"date", "10/11/2024"}, {"punct", ","},
              {"abbreviation", "LĐLĐ"}, {"word", "quận"}});
  CHECK(kinds_and_texts("49/20 CĐCS, ngày 5-3-2024") ==
        Pairs{{"slashed", "49/20"}, {"abbreviation", "CĐCS"}, {"punct", ","}, {"word", "ngày"},
              {"date", "5-3-2024"}});
  CHECK(kinds_and_texts("TP.HCM và B.Duy (tháng 1/2025)") ==
        Pairs{{"abbreviation", "TP.HCM"}, {"word", "và"}, {"abbreviation", "B.Duy"}, {"punct", "("},
              {"word", "tháng"}, {"date", "1/2025"}, {"punct", ")"}});
}

TEST_CASE("sentences: abbreviations with dots do not end a sentence", "[segment]") {
  const vnie::internal::Segmenter& seg = vnie::test::repo_rules().impl().segmenter;
  std::string s = "Ông đến TP. Hồ Chí Minh hôm qua. PGS.TS. Lê Văn A phát biểu.\nDòng mới không chấm";
  std::vector<std::string> got;
  for (auto span : seg.sentences(s)) got.push_back(s.substr(span.start, span.end - span.start));
  CHECK(got == std::vector<std::string>{"Ông đến TP. Hồ Chí Minh hôm qua.", "PGS.TS. Lê Văn A phát biểu.",
                                        "Dòng mới không chấm"});
}

TEST_CASE("tokens and sentences slice the input at their offsets", "[segment][corpus]") {
  const vnie::RuleSet& rules = vnie::test::repo_rules();
  std::vector<std::string> inputs;
  for (const auto& p : vnie::test::dev_articles()) inputs.push_back(vnie::test::read_file(p));
  // NFD, NBSP and CRLF variants of a sentence.
  inputs.push_back("Ho\xCC\x80" "a Bi\xCC\x80nh\xC2\xA0ng\xC3\xA0y 10/11/2024,\r\nLĐLĐ qua\xCC\xA3\xCC\x82n đạt 95,14%.\r\n");
  for (const std::string& in : inputs) {
    vnie::internal::Text text = normalize(in);
    std::string input_copy = text.input;
    for (const Token& t : tokenize(text.norm)) {
      std::size_t s = text.input_offset(t.start), e = text.input_end(t.end);
      std::string want = vnie::test::cp_slice(input_copy, s, e);
      REQUIRE(text.input_slice(t.start, t.end) == want);
      // Same characters up to normalization.
      REQUIRE(normalize(want).norm == text.norm.substr(t.start, t.end - t.start));
    }
    for (auto span : rules.impl().segmenter.sentences(text.norm)) {
      std::string want = vnie::test::cp_slice(input_copy, text.input_offset(span.start), text.input_end(span.end));
      REQUIRE(normalize(want).norm == text.norm.substr(span.start, span.end - span.start));
    }
  }
}

TEST_CASE("sentences of chosen lines are those lines' sentences of the whole text", "[segment][corpus]") {
  const vnie::RuleSet& rules = vnie::test::repo_rules();
  const vnie::internal::Segmenter& seg = rules.impl().segmenter;
  for (const auto& p : vnie::test::dev_articles()) {
    std::string norm = normalize(vnie::test::read_file(p)).norm;
    std::vector<vnie::internal::Span8> all = seg.sentences(norm);
    REQUIRE(all.size() > 6);
    // Offsets in the 2nd, the 5th and the last sentence, one of them twice,
    // out of order: the lines holding them, each once, in text order.
    std::vector<std::uint32_t> at = {all.back().start, all[4].start + 1, all[1].start, all[4].start};
    std::vector<vnie::internal::Span8> want;
    for (const vnie::internal::Span8& s : all) {
      for (std::uint32_t b : at) {
        std::size_t line = norm.rfind('\n', b);
        std::size_t from = line == std::string::npos ? 0 : line + 1;
        std::size_t to = std::min(norm.find('\n', b), norm.size());
        if (s.start >= from && s.end <= to) {
          want.push_back(s);
          break;
        }
      }
    }
    std::vector<vnie::internal::Span8> got = seg.sentences(norm, at);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].start == want[i].start);
      CHECK(got[i].end == want[i].end);
    }
  }
}
