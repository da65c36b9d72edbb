#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor.h"

TEST_CASE("records are valid JSON with every character escaped", "[json]") {
  vnie::Record r;
  r.id = "a\"b\\c";
  r.title = "Tab\there, line\nbreak, bell \x07, Vi\xE1\xBB\x87t";
  r.authors = {"B.Duy"};
  r.entities.push_back({"percent", "95,14%", 3, 9, {{"value", 95.14}, {"qualifier", nullptr}}, "percent.number"});
  r.entities.push_back({"money", "2 tỷ", 0, 4, {{"value", std::int64_t{2000000000}}, {"range", true}}, "money.amount"});
  r.facts.push_back({"target", "49/20", 0, 5, "thành lập", 49.0, 20.0, 245.0, true, std::nullopt, std::nullopt});
  nlohmann::json j = nlohmann::json::parse(vnie::to_json(r));
  CHECK(j["id"] == "a\"b\\c");
  CHECK(j["title"] == r.title);
  CHECK(j["entities"][0]["value"] == 95.14);
  CHECK(j["entities"][0]["qualifier"].is_null());
  CHECK(j["entities"][1]["value"] == 2000000000);
  CHECK(j["entities"][1]["range"] == true);
  CHECK(j["facts"][0]["actual"].is_number_integer());
  CHECK(j["facts"][0]["percent"] == 245);
  CHECK(j["facts"][0]["as_of"].is_null());
  CHECK(j["warnings"].is_array());
  CHECK(!j.contains("related_entities"));
  // Pretty output is the same record.
  CHECK(nlohmann::json::parse(vnie::to_json(r, true)) == j);
}

TEST_CASE("an error record carries only its identity and the error", "[json]") {
  vnie::Record r;
  r.id = "x";
  r.source_path = "in.jsonl";
  r.error = "internal error: boom";
  nlohmann::json j = nlohmann::json::parse(vnie::to_json(r));
  CHECK(j == nlohmann::json::parse(
                 R"({"schema":"vnie/1","id":"x","source":{"path":"in.jsonl","url":null},"error":"internal error: boom"})"));
}
