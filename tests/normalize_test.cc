#include <catch2/catch.hpp>

#include "normalize.h"
#include "test_util.h"

using vnie::internal::fold;
using vnie::internal::normalize;

namespace {

struct Case {
  std::string_view in, want;
};

// Every input's norm text, and every norm character mapped back, slices the input.
void check_round_trip(std::string_view in) {
  vnie::internal::Text t = normalize(in);
  REQUIRE(t.to_input.size() == t.norm.size() + 1);
  REQUIRE(t.to_input.back() == t.input_length());
  REQUIRE(t.to_input_end.size() == t.norm.size());
  for (std::size_t b = 0; b + 1 < t.to_input.size(); ++b) REQUIRE(t.to_input[b] <= t.to_input[b + 1]);
  for (std::size_t b = 0; b < t.norm.size(); ++b) {
    REQUIRE(t.to_input[b] < t.to_input_end[b]);
    bool last_byte_of_char = b + 1 == t.norm.size() || (static_cast<unsigned char>(t.norm[b + 1]) & 0xC0) != 0x80;
    if (last_byte_of_char) REQUIRE(t.to_input_end[b] <= t.to_input[b + 1]);
  }
}

}  // namespace

TEST_CASE("normalize: NFC, tone placement, spaces, quotes, dashes", "[normalize]") {
  const Case cases[] = {
      {"hoà bình", "hòa bình"},
      {"Thanh Hoá", "Thanh Hóa"},
      {"thuỷ lợi", "thủy lợi"},
      {"sức khoẻ", "sức khỏe"},
      {"Uỷ ban nhân dân", "Ủy ban nhân dân"},
      {"HOÀ", "HÒA"},
      {"hoàn thành", "hoàn thành"},  // closed syllable keeps its mark
      {"quý I", "quý I"},            // "qu" + y is not "uy"
      {"tuyển dụng", "tuyển dụng"},
      {"Ho\xCC\x80" "a", "Hòa"},                             // NFD o + grave, then a
      {"Vie\xCC\xA3\xCC\x82t Nam", "Việt Nam"},           // NFD, marks out of canonical order
      {"49\xC2\xA0/\xC2\xA0" "20", "49 / 20"},            // NBSP
      {"\xE2\x80\x9CT\xE1\xBA\xBFt\xE2\x80\x9D", "\"Tết\""},  // curly quotes
      {"2023 \xE2\x80\x93 2028", "2023 - 2028"},          // en dash
      {"a\xE2\x80\x8B" "b", "ab"},                        // zero-width space dropped
      {"khoẽ, thuỹ và hoà", "khõe, thũy và hòa"},          // moves that change the byte length
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(normalize(c.in).norm == c.want);
    check_round_trip(c.in);
  }
}

TEST_CASE("normalize: offsets map back to the input", "[normalize]") {
  // "Hòa" written in NFD (o + U+0300) is 4 input code points, 3 normalized.
  std::string in = "Ho\xCC\x80" "a Bình\xC2\xA0quận";
  vnie::internal::Text t = normalize(in);
  REQUIRE(t.norm == "Hòa Bình quận");
  std::size_t binh = t.norm.find("Bình");
  CHECK(t.input_offset(binh) == 5);
  CHECK(t.input_slice(0, binh - 1) == "Ho\xCC\x80" "a");
  CHECK(t.input_slice(binh, binh + std::string("Bình").size()) == "Bình");
  CHECK(t.input_slice(t.norm.find("quận"), t.norm.size()) == "quận");
}

TEST_CASE("normalize: invalid UTF-8 is replaced and counted", "[normalize]") {
  std::string in = "ab\xFF\xFE" "c\xE1\xBA";  // two bad bytes, one truncated sequence
  vnie::internal::Text t = normalize(in);
  CHECK(t.invalid_sequences == 3);
  CHECK(t.input == "ab\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  CHECK(t.input_length() == 6);
  check_round_trip(in);
}

TEST_CASE("valid_utf8 agrees with repair_utf8", "[normalize]") {
  const std::vector<std::string> cases = {
      "", "abc", "Liên đoàn Lao động", "\xF0\x9F\x98\x80",  // 4-byte sequence
      "ab\xFF", "\xE1\xBA", "\xC0\xAF",                       // bad byte, truncated, overlong
      "\xED\xA0\x80", "a\x80" "b",                              // surrogate, stray continuation
  };
  for (const std::string& s : cases) {
    INFO(s);
    CHECK(vnie::internal::valid_utf8(s) == (vnie::internal::repair_utf8(s).second == 0));
  }
}

TEST_CASE("fold: the gold.md comparison key", "[normalize]") {
  const Case cases[] = {
      {"  LĐLĐ   QUẬN Long Biên. ", "lđlđ quận long biên"},
      {"\"Hoà Bình\"", "hòa bình"},
      {"Thuỷ", "thủy"},
      {"(B.Duy)", "b.duy"},
  };
  for (const Case& c : cases) CHECK(fold(c.in) == c.want);
}

TEST_CASE("normalize: HTML tags, comments and entities read as text", "[normalize]") {
  std::string in = "<p class=\"x\">LĐLĐ quận&nbsp;Long Biên</p><!-- c --><br/>Hôm nay &amp; 5&#37;<script>var a = '<b>';</script> <b>x</b>";
  vnie::internal::Text t = normalize(in);
  CHECK(t.norm == "\nLĐLĐ quận Long Biên\n\nHôm nay & 5% x");
  check_round_trip(in);
  std::size_t b = t.norm.find("LĐLĐ");
  std::size_t e = t.norm.find("Biên") + std::string("Biên").size();
  CHECK(t.input_slice(b, e) == "LĐLĐ quận&nbsp;Long Biên");
  // A lone "<" or "&" is text.
  CHECK(normalize("a < b & c").norm == "a < b & c");
  CHECK(normalize("<p>broken <b").norm == "\nbroken <b");
  CHECK(normalize("<SCRIPT>var x=1;</SCRIPT>\nLĐLĐ").norm == "\nLĐLĐ");  // upper-case tags close too
  CHECK(normalize("a&#\n65;b").norm == "a&#\n65;b");                        // not an entity
  // An end right before dropped markup does not take the markup in.
  vnie::internal::Text u = normalize("trao <i>100 triệu đồng</i>, tại");
  std::size_t b2 = u.norm.find("100"), e2 = u.norm.find(",");
  CHECK(u.input_slice(b2, e2) == "100 triệu đồng");
}
