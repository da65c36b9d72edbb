#include <catch2/catch.hpp>

#include "kinds/kinds.h"
#include "test_util.h"

using vnie::internal::parse_number;
using vnie::internal::parse_number_words;
using vnie::internal::parse_roman;

TEST_CASE("numbers in Vietnamese notation", "[number]") {
  struct Case {
    std::string_view in;
    double want;
  };
  const Case cases[] = {{"6.846", 6846},   {"95,14", 95.14},      {"1.052", 1052},  {"2,2", 2.2},
                        {"4.000", 4000},   {"1.052.300", 1052300}, {"12", 12},       {"1.000,5", 1000.5},
                        {"1,000,000", 1e6}, {"0,5", 0.5}};
  for (const Case& c : cases) {
    INFO(c.in);
    REQUIRE(parse_number(c.in));
    CHECK(*parse_number(c.in) == Approx(c.want));
  }
  CHECK(!parse_number("abc"));
  CHECK(!parse_number(""));
}

TEST_CASE("numbers written in words", "[number]") {
  const vnie::RuleSetImpl& rules = vnie::test::repo_rules().impl();
  struct Case {
    std::string_view in;
    double want;
  };
  const Case cases[] = {{"hai mươi lăm", 25}, {"mười lăm", 15},     {"ba mươi mốt", 31},  {"hai mươi tư", 24},
                        {"một trăm linh năm", 105}, {"năm trăm", 500}, {"hai nghìn", 2000}, {"chín", 9},
                        {"Hai mươi", 20}};
  for (const Case& c : cases) {
    INFO(c.in);
    REQUIRE(parse_number_words(c.in, rules));
    CHECK(*parse_number_words(c.in, rules) == c.want);
  }
  CHECK(!parse_number_words("nhiều", rules));
}

TEST_CASE("Roman numerals of quarters and terms", "[number]") {
  CHECK(parse_roman("I") == 1);
  CHECK(parse_roman("IV") == 4);
  CHECK(parse_roman("XXII") == 22);
  CHECK(parse_roman("Q") == 0);
}
