#include "score.h"

#include <catch2/catch.hpp>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// `fields` plus an empty list for each list key it does not give, inside
// `{"id": id, "title": title, ...}`.
std::string document(std::string_view id, std::string_view title, std::string_view fields,
                     std::initializer_list<std::string_view> list_keys) {
  std::string out = R"({"id": ")" + std::string(id) + R"(", "title": ")" + std::string(title) + '"';
  if (!fields.empty()) out += ", " + std::string(fields);
  for (std::string_view key : list_keys) {
    std::string member = '"' + std::string(key) + "\":";
    if (fields.find(member) == std::string_view::npos) out += ", " + member + " []";
  }
  return out + "}";
}

// A gold file whose categories other than those in `fields` are empty.
std::string gold(std::string_view id, std::string_view title, std::string_view fields = "") {
  return document(id, title, fields,
                  {"authors", "organizations", "persons", "locations", "dates", "money", "percents",
                   "ratios", "quantities", "officials", "facts"});
}

// A vnie/1 record whose lists other than those in `fields` are empty.
std::string record(std::string_view id, std::string_view title, std::string_view fields = "") {
  std::string with_schema = R"("schema": "vnie/1")";
  if (!fields.empty()) with_schema += ", " + std::string(fields);
  return document(id, title, with_schema, {"authors", "entities", "officials", "facts"});
}

struct Counts {
  long gold, predicted, tp, tp_predicted;
  bool operator==(const Counts&) const = default;
};

Counts counts(const vnie::ScoreReport& report, std::string_view category) {
  const vnie::CategoryScore& s = report.category(category);
  return {s.gold, s.predicted, s.tp, s.tp_predicted};
}

std::ostream& operator<<(std::ostream& os, const Counts& c) {
  return os << "{gold " << c.gold << ", predicted " << c.predicted << ", tp " << c.tp
            << ", tp_predicted " << c.tp_predicted << "}";
}

using Items = std::vector<std::pair<std::string, std::string>>;

const std::string kRichGold =
    gold("a1", "Công đoàn huyện Gia Lâm trao 120 suất quà cho công nhân", R"(
  "authors": ["Minh Anh"],
  "organizations": [{"canonical": "Liên đoàn Lao động huyện Gia Lâm",
                     "texts": ["Công đoàn huyện Gia Lâm", "LĐLĐ huyện"]}],
  "persons": [{"canonical": "Trần Văn Bình", "texts": ["Trần Văn Bình"]}],
  "locations": [{"canonical": "Gia Lâm", "level": "district", "texts": ["huyện Gia Lâm"]}],
  "dates": [{"text": "ngày 12/1/2025", "value": "2025-01-12"}],
  "money": [{"text": "300 triệu đồng", "value": 300000000, "currency": "VND"}],
  "percents": [{"text": "98,5%", "value": 98.5}],
  "ratios": [{"text": "12/10 Công đoàn cơ sở", "numerator": 12, "denominator": 10}],
  "quantities": [{"text": "120 suất quà", "value": 120, "unit": "suất quà"}],
  "officials": [{"name": "Trần Văn Bình",
                 "roles": [{"title": "Chủ tịch",
                            "organization_canonical": "Liên đoàn Lao động huyện Gia Lâm"}]}],
  "facts": [{"actual": 12, "target": 10, "percent": 120}])");

const std::string kRichRecord =
    record("a1", "Công đoàn huyện Gia Lâm trao 120 suất quà cho công nhân", R"(
  "authors": ["Minh Anh"],
  "entities": [
    {"type": "organization", "text": "Công đoàn huyện Gia Lâm", "start": 0, "end": 23,
     "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
    {"type": "organization", "text": "LĐLĐ huyện", "start": 40, "end": 50,
     "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
    {"type": "person", "text": "Trần Văn Bình", "start": 60, "end": 73,
     "canonical": "Trần Văn Bình"},
    {"type": "location", "text": "huyện Gia Lâm", "start": 80, "end": 93, "canonical": "Gia Lâm",
     "level": "district"},
    {"type": "date", "text": "ngày 12/1/2025", "start": 100, "end": 114, "value": "2025-01-12",
     "granularity": "day"},
    {"type": "money", "text": "300 triệu đồng", "start": 120, "end": 134, "value": 300000000,
     "currency": "VND", "qualifier": null},
    {"type": "percent", "text": "98,5%", "start": 140, "end": 145, "value": 98.5,
     "qualifier": null},
    {"type": "ratio", "text": "12/10 Công đoàn cơ sở", "start": 150, "end": 171, "numerator": 12,
     "denominator": 10, "unit": "Công đoàn cơ sở"},
    {"type": "quantity", "text": "120 suất quà", "start": 180, "end": 192, "value": 120,
     "unit": "suất quà", "qualifier": null}],
  "related_entities": [
    {"type": "person", "text": "Lê Thị Mai", "start": 300, "end": 310, "canonical": "Lê Thị Mai"}],
  "officials": [{"name": "Trần Văn Bình",
                 "roles": [{"title": "Chủ tịch", "organization": "LĐLĐ huyện",
                            "organization_canonical": "Liên đoàn Lao động huyện Gia Lâm"}],
                 "mentions": [{"start": 60, "end": 73}]}],
  "facts": [{"type": "target", "text": "thành lập 12/10 Công đoàn cơ sở, đạt 120%", "start": 150,
             "end": 190, "actual": 12, "target": 10, "percent": 120}])");

}  // namespace

TEST_CASE("a perfect record scores 1 in every category", "[score]") {
  vnie::ScoreReport report = vnie::score({kRichGold}, {kRichRecord});
  REQUIRE(report.categories.size() == vnie::kScoreCategories.size());
  for (std::size_t i = 0; i < report.categories.size(); ++i) {
    const vnie::CategoryScore& s = report.categories[i];
    INFO(s.name);
    CHECK(s.name == vnie::kScoreCategories[i]);
    // Two texts predicted for the one gold organization, both matched.
    CHECK(counts(report, s.name) ==
          (s.name == "organization mentions" ? Counts{1, 2, 1, 2} : Counts{1, 1, 1, 1}));
    CHECK(s.precision() == 1.0);
    CHECK(s.recall() == 1.0);
    CHECK(s.f1() == 1.0);
  }
  CHECK(report.fact_percent_gold == 1);
  CHECK(report.fact_percent_found == 1);
  CHECK(report.fact_percent_tp == 1);
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].misses.empty());
  CHECK(report.articles[0].false_hits.empty());  // related_entities are not scored
  CHECK(vnie::format_misses(report).empty());
}

TEST_CASE("tone placement, case and surrounding quotes do not matter", "[score]") {
  std::string g = gold("a2", "HOÀ BÌNH: Mùa xuân cho công nhân", R"(
    "authors": ["THUỶ TIÊN"],
    "organizations": [{"canonical": "Liên đoàn Lao động quận Hoàn Kiếm",
                       "texts": ["LĐLĐ QUẬN"]}],
    "locations": [{"canonical": "Hoà Bình", "texts": ["tỉnh Hoà Bình"]}])");
  std::string r = record("a2", "“Hòa Bình: mùa xuân  cho công nhân”", R"(
    "authors": ["Thủy Tiên"],
    "entities": [
      {"type": "organization", "text": "LĐLĐ quận", "start": 0, "end": 9,
       "canonical": "Liên đoàn Lao động Quận Hoàn Kiếm", "kind": "union"},
      {"type": "location", "text": "tỉnh Hòa Bình", "start": 20, "end": 33,
       "canonical": "\"Hòa Bình\"", "level": "province"}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  for (std::string_view category :
       {"title", "authors", "organizations", "organization mentions", "locations"}) {
    INFO(category);
    CHECK(counts(report, category) == Counts{1, 1, 1, 1});
  }
}

TEST_CASE("a false hit lowers precision only", "[score]") {
  std::string g = gold("a3", "Hai cán bộ được khen thưởng", R"(
    "persons": [{"canonical": "Trần Văn Bình", "texts": ["Trần Văn Bình"]},
                {"canonical": "Lê Thị Mai", "texts": ["Lê Thị Mai"]}])");
  std::string r = record("a3", "Hai cán bộ được khen thưởng", R"(
    "entities": [
      {"type": "person", "text": "Trần Văn Bình", "start": 0, "end": 13,
       "canonical": "Trần Văn Bình"},
      {"type": "person", "text": "Lê Thị Mai", "start": 20, "end": 30, "canonical": "Lê Thị Mai"},
      {"type": "person", "text": "bà Mai", "start": 40, "end": 46, "canonical": "Lê Thị Mai"},
      {"type": "person", "text": "Hồ Gươm", "start": 50, "end": 57, "canonical": "Hồ Gươm"}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  const vnie::CategoryScore& persons = report.category("persons");
  CHECK(counts(report, "persons") == Counts{2, 3, 2, 2});
  CHECK(persons.precision() == Approx(2.0 / 3));
  CHECK(persons.recall() == 1.0);
  CHECK(persons.f1() == Approx(0.8));
  CHECK(report.articles[0].misses.empty());
  CHECK(report.articles[0].false_hits == Items{{"persons", "Hồ Gươm"}});
  CHECK(vnie::format_misses(report) == "== a3\nFALSE persons: Hồ Gươm\n");
}

TEST_CASE("organization mentions: each gold item counts once for recall", "[score]") {
  std::string g = gold("a4", "Gia Lâm chăm lo Tết cho người lao động", R"(
    "organizations": [
      {"canonical": "Liên đoàn Lao động huyện Gia Lâm",
       "texts": ["Liên đoàn Lao động huyện Gia Lâm", "LĐLĐ huyện Gia Lâm", "LĐLĐ huyện"]},
      {"canonical": "Ủy ban nhân dân huyện Gia Lâm",
       "texts": ["Ủy ban nhân dân huyện Gia Lâm"]}])");
  std::string r = record("a4", "Gia Lâm chăm lo Tết cho người lao động", R"(
    "entities": [
      {"type": "organization", "text": "Liên đoàn Lao động huyện Gia Lâm", "start": 0, "end": 32,
       "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
      {"type": "organization", "text": "LĐLĐ huyện Gia Lâm", "start": 40, "end": 58,
       "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
      {"type": "organization", "text": "LĐLĐ huyện", "start": 70, "end": 80,
       "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
      {"type": "organization", "text": "LĐLĐ huyện", "start": 90, "end": 100,
       "canonical": "Liên đoàn Lao động huyện Gia Lâm", "kind": "union"},
      {"type": "organization", "text": "UBND huyện", "start": 110, "end": 120,
       "canonical": "Ủy ban nhân dân huyện Gia Lâm", "kind": "government"}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  CHECK(counts(report, "organizations") == Counts{2, 2, 2, 2});
  // Four distinct texts: three name the first organization, "UBND huyện" is no gold text.
  CHECK(counts(report, "organization mentions") == Counts{2, 4, 1, 3});
  CHECK(report.category("organization mentions").precision() == Approx(0.75));
  CHECK(report.category("organization mentions").recall() == Approx(0.5));
  CHECK(report.articles[0].misses ==
        Items{{"organization mentions",
               "Ủy ban nhân dân huyện Gia Lâm: Ủy ban nhân dân huyện Gia Lâm"}});
  CHECK(report.articles[0].false_hits == Items{{"organization mentions", "UBND huyện"}});
}

TEST_CASE("quantities: one unit is the other or begins with it and a space", "[score]") {
  std::string g = gold("a5", "Trường học nhận quà", R"(
    "quantities": [{"text": "550 ghế đá", "value": 550, "unit": "ghế đá"},
                   {"text": "4 nhà ở/căn hộ", "value": 4, "unit": "nhà ở/căn hộ"},
                   {"text": "7 cây", "value": 7, "unit": "cây"},
                   {"text": "25 chuyến xe", "value": 25, "unit": "chuyến xe"},
                   {"text": "90 phòng học", "value": 90, "unit": "phòng học"}])");
  std::string r = record("a5", "Trường học nhận quà", R"(
    "entities": [
      {"type": "quantity", "text": "550 ghế", "start": 0, "end": 7, "value": 550, "unit": "ghế"},
      {"type": "quantity", "text": "550 Ghế Đá", "start": 10, "end": 20, "value": 550,
       "unit": "Ghế Đá"},
      {"type": "quantity", "text": "4 nhà ở căn hộ", "start": 30, "end": 44, "value": 4,
       "unit": "nhà ở căn hộ"},
      {"type": "quantity", "text": "7 cây xanh", "start": 50, "end": 60, "value": 7,
       "unit": "cây xanh"},
      {"type": "quantity", "text": "25 chuyến đi", "start": 70, "end": 82, "value": 25,
       "unit": "chuyến đi"},
      {"type": "quantity", "text": "90 phòng họ", "start": 90, "end": 101, "value": 90,
       "unit": "phòng họ"},
      {"type": "quantity", "text": "60 ghế đá", "start": 110, "end": 119, "value": 60,
       "unit": "ghế đá"}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  CHECK(counts(report, "quantities") == Counts{5, 7, 3, 4});
  CHECK(report.articles[0].misses == Items{{"quantities", "25 chuyến xe (25 chuyến xe)"},
                                           {"quantities", "90 phòng học (90 phòng học)"}});
  CHECK(report.articles[0].false_hits == Items{{"quantities", "25 chuyến đi (25 chuyến đi)"},
                                               {"quantities", "60 ghế đá (60 ghế đá)"},
                                               {"quantities", "90 phòng họ (90 phòng họ)"}});
}

TEST_CASE("facts are matched by (actual, target); percent is a separate count", "[score]") {
  std::string g = gold("a6", "Vượt chỉ tiêu phát triển đoàn viên", R"(
    "facts": [{"actual": 49, "target": 20, "percent": 245},
              {"actual": 45, "target": 40, "percent": null},
              {"actual": 12, "target": 10, "percent": null},
              {"actual": 6846, "target": 6500, "percent": 105}])");
  std::string r = record("a6", "Vượt chỉ tiêu phát triển đoàn viên", R"(
    "facts": [{"actual": 49, "target": 20, "percent": 245.0000000001},
              {"actual": 45, "target": 40, "percent": 112.5},
              {"actual": 12, "target": 10, "percent": null},
              {"actual": 10, "target": 8, "percent": 125}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  CHECK(counts(report, "facts") == Counts{4, 4, 3, 3});
  CHECK(report.fact_percent_gold == 4);
  CHECK(report.fact_percent_found == 3);
  CHECK(report.fact_percent_tp == 2);
  CHECK(report.articles[0].misses ==
        Items{{"facts", "6846/6500"}, {"fact percent", "45/40: gold null, predicted 112.5"}});
  CHECK(report.articles[0].false_hits == Items{{"facts", "10/8"}});
  CHECK_THAT(
      vnie::format_table(report),
      Catch::Contains("fact percent: 2 of 3 found facts have the gold percent (4 gold facts)"));
}

TEST_CASE("money needs value and currency; percents are equal to 1e-9", "[score]") {
  std::string g = gold("a7", "Trao quà và học bổng", R"(
    "money": [{"text": "100 triệu đồng", "value": 100000000, "currency": "VND"},
              {"text": "50 USD", "value": 50, "currency": "USD"}],
    "percents": [{"text": "95,14%", "value": 95.14}, {"text": "7%", "value": 7}])");
  std::string r = record("a7", "Trao quà và học bổng", R"(
    "entities": [
      {"type": "money", "text": "100 triệu", "start": 0, "end": 9, "value": 100000000,
       "currency": "USD"},
      {"type": "money", "text": "50 USD", "start": 20, "end": 26, "value": 50.0, "currency": "USD"},
      {"type": "percent", "text": "95,14%", "start": 30, "end": 36, "value": 95.1400000000001},
      {"type": "percent", "text": "7,01%", "start": 40, "end": 45, "value": 7.01}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  CHECK(counts(report, "money") == Counts{2, 2, 1, 1});
  CHECK(counts(report, "percents") == Counts{2, 2, 1, 1});
  CHECK(report.articles[0].misses ==
        Items{{"money", "100000000 VND (100 triệu đồng)"}, {"percents", "7 (7%)"}});
  CHECK(report.articles[0].false_hits ==
        Items{{"money", "100000000 USD (100 triệu)"}, {"percents", "7.01 (7,01%)"}});
}

TEST_CASE("officials by (name, title); official roles add the organization, null its own value",
          "[score]") {
  std::string g = gold("a8", "Đại hội Công đoàn huyện Gia Lâm", R"(
    "officials": [
      {"name": "Trần Văn Bình",
       "roles": [{"title": "Chủ tịch",
                  "organization_canonical": "Liên đoàn Lao động huyện Gia Lâm"},
                 {"title": "Huyện ủy viên", "organization_canonical": null}]},
      {"name": "Lê Thị Mai",
       "roles": [{"title": "Phó Chủ tịch",
                  "organization_canonical": "Liên đoàn Lao động huyện Gia Lâm"}]}])");
  std::string r = record("a8", "Đại hội Công đoàn huyện Gia Lâm", R"(
    "officials": [
      {"name": "Trần Văn Bình",
       "roles": [{"title": "Chủ tịch", "organization": "LĐLĐ huyện",
                  "organization_canonical": "Liên đoàn Lao động huyện Gia Lâm"},
                 {"title": "Huyện uỷ viên", "organization": null, "organization_canonical": null}],
       "mentions": []},
      {"name": "Lê Thị Mai",
       "roles": [{"title": "Phó Chủ tịch", "organization": null, "organization_canonical": null}],
       "mentions": []}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  CHECK(counts(report, "officials") == Counts{3, 3, 3, 3});
  CHECK(counts(report, "official roles") == Counts{3, 3, 2, 2});
  CHECK(report.articles[0].misses ==
        Items{{"official roles", "Lê Thị Mai | Phó Chủ tịch | Liên đoàn Lao động huyện Gia Lâm"}});
  CHECK(report.articles[0].false_hits ==
        Items{{"official roles", "Lê Thị Mai | Phó Chủ tịch | null"}});
}

TEST_CASE("an article without a record misses everything; a record without gold is listed",
          "[score]") {
  std::string other = gold("a0", "Hội nghị tổng kết năm", R"(
    "persons": [{"canonical": "Lê Thị Mai", "texts": ["Lê Thị Mai"]}])");
  std::string other_record = record("a0", "Hội nghị tổng kết năm", R"(
    "entities": [{"type": "person", "text": "Lê Thị Mai", "start": 0, "end": 10,
                  "canonical": "Lê Thị Mai"}])");
  vnie::ScoreReport report =
      vnie::score({kRichGold, other}, {other_record, record("zz", "Tin khác")});
  REQUIRE(report.articles.size() == 2);
  CHECK(report.articles[0].id == "a0");
  CHECK_FALSE(report.articles[0].missing_record);
  CHECK(report.articles[1].id == "a1");
  CHECK(report.articles[1].missing_record);
  CHECK(report.articles[1].misses.size() == 14);  // one gold item per category in kRichGold
  CHECK(report.articles[1].misses.front() ==
        std::pair<std::string, std::string>{
            "title", "Công đoàn huyện Gia Lâm trao 120 suất quà cho công nhân"});
  CHECK(report.articles[1].misses.back() == std::pair<std::string, std::string>{"facts", "12/10"});
  CHECK(report.articles[1].false_hits.empty());
  CHECK(counts(report, "persons") == Counts{2, 1, 1, 1});
  CHECK(counts(report, "title") == Counts{2, 1, 1, 1});  // "Tin khác" is not scored
  CHECK(report.fact_percent_gold == 1);
  CHECK(report.fact_percent_found == 0);
  CHECK(report.unmatched_records == std::vector<std::string>{"zz"});
  CHECK_THAT(vnie::format_misses(report),
             Catch::StartsWith("== a1 (no record)\nMISS title: Công đoàn huyện Gia Lâm") &&
                 Catch::EndsWith("records without gold (not scored): zz\n"));
}

TEST_CASE("the table prints three decimals and - for an undefined ratio", "[score]") {
  std::string g = gold("a9", "Ba cán bộ", R"(
    "persons": [{"canonical": "Trần Văn Bình", "texts": ["Trần Văn Bình"]},
                {"canonical": "Lê Thị Mai", "texts": ["Lê Thị Mai"]},
                {"canonical": "Ngô Văn Tú", "texts": ["Ngô Văn Tú"]}])");
  std::string r = record("a9", "Ba cán bộ", R"(
    "entities": [{"type": "person", "text": "Lê Thị Mai", "start": 0, "end": 10,
                  "canonical": "Lê Thị Mai"}],
    "facts": [{"actual": 3, "target": 2, "percent": 150}])");
  vnie::ScoreReport report = vnie::score({g}, {r});
  std::string table = vnie::format_table(report);
  CHECK_THAT(table,
             Catch::StartsWith("category                    gold predicted        TP     TP(P)"
                               "      P      R     F1\n"));
  CHECK_THAT(table,
             Catch::Contains("\npersons                        3         1         1         1"
                             "  1.000  0.333  0.500\n"));
  CHECK_THAT(table,
             Catch::Contains("\ndates                          0         0         0         0"
                             "      -      -      -\n"));
  CHECK_THAT(table,
             Catch::Contains("\nfacts                          0         1         0         0"
                             "  0.000      -      -\n"));
  std::string json = vnie::to_json(report);
  CHECK_THAT(json, Catch::Contains(R"("name": "dates")"));
  CHECK_THAT(json, Catch::Contains(R"("recall": null)"));
  CHECK_THAT(json, Catch::Contains(R"("item": "Trần Văn Bình")"));
}

TEST_CASE("malformed gold or record JSON throws vnie::Error naming the input", "[score]") {
  std::string good_record = record("a1", "Tiêu đề");
  CHECK_THROWS_WITH(vnie::score({R"({"id": "a1", "title": )"}, {}),
                    Catch::StartsWith("gold[0]: invalid JSON: "));
  CHECK_THROWS_WITH(vnie::score({gold("a1", "Tiêu đề")}, {"[1, 2]"}),
                    "record[0]: expected a JSON object, got array");
  CHECK_THROWS_WITH(vnie::score({R"({"id": "a1", "title": "Tiêu đề", "authors": []})"}, {}),
                    "gold[0] (id a1): missing field \"organizations\"");
  CHECK_THROWS_WITH(vnie::score({gold("a1", "Tiêu đề", R"("persons": [{"canonical": null}])")}, {}),
                    "gold[0] (id a1): persons[0].canonical: expected a string, got null");
  std::string money_without_currency =
      record("a1", "Tiêu đề", R"("entities": [{"type": "money", "text": "5 đồng", "value": 5}])");
  CHECK_THROWS_WITH(vnie::score(std::vector<vnie::JsonText>{},
                                {{.origin = "out.jsonl:3", .text = money_without_currency}}),
                    "out.jsonl:3 (id a1): entities[0]: missing field \"currency\"");
  CHECK_THROWS_WITH(vnie::score({}, {R"({"schema": "vnie/2", "id": "a1"})"}),
                    "record[0] (id a1): schema: \"vnie/2\" is not vnie/1");
  CHECK_THROWS_WITH(vnie::score({}, {good_record, good_record}),
                    "record[1] (id a1): a second record with this id");
  CHECK_THROWS_AS(vnie::score({}, {R"({"title": "x"})"}), vnie::Error);
}
