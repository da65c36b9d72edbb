#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

// Whole-corpus invariants of the records.
TEST_CASE("every offset in every record slices the input", "[corpus]") {
  std::vector<std::filesystem::path> articles = vnie::test::dev_articles();
  for (const char* set : {"synthetic", "heldout", "fresh", "unseen", "blind", "sealed", "last", "next"}) {
    for (const auto& path : vnie::test::corpus_articles(set)) articles.push_back(path);
  }
  REQUIRE(articles.size() >= 125);
  for (const auto& path : articles) {
    vnie::Article article = vnie::test::article_from_file(path);
    vnie::Record r = vnie::extract(vnie::test::repo_rules(), article, {.related_entities = true});
    INFO(path.filename().string());
    bool has_related = std::any_of(r.sections.begin(), r.sections.end(),
                                   [](const vnie::Section& s) { return s.kind == "related"; });
    CHECK(has_related == !r.related_entities.empty());
    auto j = nlohmann::json::parse(vnie::to_json(r));
    CHECK(j["schema"] == "vnie/1");
    CHECK(j["id"] == path.stem().string());
    std::size_t previous_end = 0;
    for (const auto& s : r.sections) {
      CHECK(s.start >= previous_end);
      CHECK(s.start < s.end);
      previous_end = s.end;
    }
    for (const auto* list : {&r.entities, &r.related_entities}) {
      for (const vnie::Entity& e : *list) {
        INFO(e.type << " " << e.text << " " << e.rule);
        CHECK(vnie::test::cp_slice(article.text, e.start, e.end) == e.text);
      }
    }
    for (const vnie::Fact& f : r.facts) CHECK(vnie::test::cp_slice(article.text, f.start, f.end) == f.text);
  }
}
