#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <re2/re2.h>

#include "rules.h"
#include "test_util.h"

namespace fs = std::filesystem;

TEST_CASE("rule examples hold", "[rules]") {
  const vnie::RuleSet& rules = vnie::test::repo_rules();
  REQUIRE(rules.examples().size() > 20);
  for (const vnie::Example& example : rules.examples()) {
    DYNAMIC_SECTION(example.location) { CHECK(vnie::check(rules, example) == ""); }
  }
}

TEST_CASE("the rule set is compiled once per load, whatever the number of articles", "[rules]") {
  const vnie::RuleSet& rules = vnie::test::repo_rules();
  int loads = vnie::RuleSet::load_count();
  for (const auto& path : vnie::test::dev_articles()) {
    for (int i = 0; i < 3; ++i) vnie::extract(rules, vnie::test::article_from_file(path));
  }
  CHECK(vnie::RuleSet::load_count() == loads);
}

namespace {

// A throwaway rules directory with one lexicon and the given rule files.
struct RulesDir {
  fs::path path;
  RulesDir(const std::string& name, const std::string& text) {
    static int counter = 0;
    path = fs::temp_directory_path() / ("vnie_rules_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path / "lexicons");
    std::ofstream(path / "lexicons" / "hedges.txt") << "# test\ngần\tnearly\n";
    std::ofstream(path / name) << text;
  }
  ~RulesDir() { fs::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

const char* const kGood = R"([[rule]]
id = "percent.test"
type = "percent"
pattern = '(?P<num>\d+)%'
examples = ['đạt [5%] => 5', 'tăng [12%] => 12']
rejects = ['không có số']
)";

}  // namespace

TEST_CASE("broken rule files are reported as file:line: message", "[rules]") {
  struct Case {
    std::string name, text, want;
  };
  const std::vector<Case> cases = {
      {"bad TOML", "[[rule]]\nid = \"x\nbroken", "a.toml:2: bad TOML"},
      {"regex RE2 rejects",
       "[[rule]]\nid = \"money.x\"\ntype = \"money\"\npattern = '(?P<num>\\d+'\nexamples = ['[1] => 1', '[2] => 2']\nrejects = ['x']\n",
       "a.toml:4: bad pattern: missing )"},
      {"unknown macro",
       "[[rule]]\nid = \"money.x\"\ntype = \"money\"\npattern = '{NOPE} (?P<num>\\d+)'\nexamples = ['[1] => 1', '[2] => 2']\nrejects = ['x']\n",
       "a.toml:4: unknown macro {NOPE}"},
      {"capture without a field",
       "[[rule]]\nid = \"money.x\"\ntype = \"money\"\npattern = '(?P<amount>\\d+)'\nexamples = ['[1] => 1', '[2] => 2']\nrejects = ['x']\n",
       "a.toml:4: capture 'amount' maps to no field of resolver 'amount'"},
      {"duplicate rule name", std::string(kGood) + "\n" + kGood, "a.toml:8: duplicate rule id percent.test"},
      {"missing lexicon",
       "[[rule]]\nid = \"money.x\"\ntype = \"money\"\npattern = '{lexicon:nowhere} (?P<num>\\d+)'\nexamples = ['[1] => 1', '[2] => 2']\nrejects = ['x']\n",
       "a.toml:4: missing lexicon 'nowhere'"},
      {"example that is not valid",
       "[[rule]]\nid = \"percent.x\"\ntype = \"percent\"\npattern = '(?P<num>\\d+)%'\nexamples = ['[5% => 5', '[6%] => 6']\nrejects = ['x']\n",
       "a.toml:5: rule percent.x: example needs exactly one [span]"},
      {"not_after that is no list of words",
       "[[rule]]\nid = \"percent.x\"\ntype = \"percent\"\nnot_after = \"từ\"\npattern = '(?P<num>\\d+)%'\nexamples = ['[5%] => 5', '[6%] => 6']\nrejects = ['x']\n",
       "a.toml:4: rule percent.x: not_after must be a list of single words"},
      {"max_chars that is no count",
       "[[rule]]\nid = \"percent.x\"\ntype = \"percent\"\nmax_chars = \"ten\"\npattern = '(?P<num>\\d+)%'\nexamples = ['[5%] => 5', '[6%] => 6']\nrejects = ['x']\n",
       "a.toml:4: rule percent.x: max_chars must be a number from 1 to 100000"},
      {"too few examples",
       "[[rule]]\nid = \"percent.x\"\ntype = \"percent\"\npattern = '(?P<num>\\d+)%'\nexamples = ['[5%] => 5']\n",
       "a.toml:1: rule percent.x: needs at least two examples and one reject"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      RulesDir dir("a.toml", c.text);
      std::vector<std::string> problems = vnie::RuleSet::check_dir(dir.path);
      REQUIRE(!problems.empty());
      std::string want = dir.file("") + c.want;
      bool found = std::any_of(problems.begin(), problems.end(),
                               [&](const std::string& p) { return p.rfind(want, 0) == 0; });
      INFO(problems.front());
      CHECK(found);
      CHECK_THROWS_AS(vnie::RuleSet::load(dir.path), vnie::Error);
    }
  }
}

TEST_CASE("a valid rule set loads and its examples pass", "[rules]") {
  RulesDir dir("a.toml", kGood);
  CHECK(vnie::RuleSet::check_dir(dir.path).empty());
  vnie::RuleSet rules = vnie::RuleSet::load(dir.path);
  REQUIRE(rules.examples().size() == 3);
  for (const vnie::Example& e : rules.examples()) CHECK(vnie::check(rules, e) == "");
}

TEST_CASE("max_chars drops a longer match and the search goes on after its start", "[rules]") {
  RulesDir dir("a.toml", R"([[rule]]
id = "ignore.quoted"
type = "ignore"
max_chars = 12
pattern = '"[^"]+"'
examples = ['cuộc thi [“Tay nghề”] năm nay', 'chủ đề [“Vì bạn”] năm nay']
rejects = ['khẩu hiệu “Tất cả vì người lao động” được treo']
)");
  REQUIRE(vnie::RuleSet::check_dir(dir.path).empty());
  vnie::RuleSet rules = vnie::RuleSet::load(dir.path);
  for (const vnie::Example& e : rules.examples()) CHECK(vnie::check(rules, e) == "");
  // After a quote too long, the search goes on from the next character, as
  // a bounded repeat would: the closing quote opens the next match.
  vnie::Example e{.rule = "ignore.quoted", .type = "ignore", .text = "“Tất cả vì người lao động” và “Năm tốt”"};
  e.start = 25;  // ” và “
  e.end = 31;
  CHECK(vnie::check(rules, e) == "");
}

TEST_CASE("not_after drops a match right after a listed word and the search goes on", "[rules]") {
  RulesDir dir("a.toml", R"([[rule]]
id = "ignore.streets"
type = "ignore"
not_after = ["Thành", "thành"]
pattern = 'phố \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*'
examples = ['nhà ở [phố Lê Duẩn] cũ', 'quán trên [phố Huế] đông khách']
rejects = ['Phó Chủ tịch UBND Thành phố Lại Hữu Phong dự', 'về thành phố Hải Phòng']
)");
  REQUIRE(vnie::RuleSet::check_dir(dir.path).empty());
  vnie::RuleSet rules = vnie::RuleSet::load(dir.path);
  REQUIRE(rules.examples().size() == 4);
  for (const vnie::Example& e : rules.examples()) CHECK(vnie::check(rules, e) == "");
}

TEST_CASE("a lexicon alternation prefers a longer entry over its own prefix", "[rules]") {
  vnie::internal::Lexicon titles;
  for (const char* e : {"Chủ tịch", "Phó Chủ tịch", "Chủ tịch nước", "chủ tịch", "Phó", "Chủ"}) {
    titles.rows.push_back({{e}});
  }
  const std::map<std::string, vnie::internal::Lexicon, std::less<>> lexicons = {{"titles", titles}};
  const std::map<std::string, std::string, std::less<>> macros;
  for (const char* wrap : {"(?:{lexicon:titles})", "(?i:{lexicon:titles})"}) {
    RE2 re(vnie::internal::expand_pattern(wrap, macros, lexicons, "test"));
    REQUIRE(re.ok());
    // (text, what the alternation takes at its start)
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Phó Chủ tịch nước", "Phó Chủ tịch"}, {"Chủ tịch nước ta", "Chủ tịch nước"},
        {"Chủ tịch Công đoàn", "Chủ tịch"},   {"Chủ nhiệm", "Chủ"}, {"Phó Giám đốc", "Phó"}};
    for (const auto& [text, want] : cases) {
      re2::StringPiece m;
      INFO(wrap << " " << text);
      REQUIRE(re.Match(text, 0, text.size(), RE2::ANCHOR_START, &m, 1));
      CHECK(std::string(m) == want);
    }
    // Case-insensitively, "CHỦ TỊCH NƯỚC" is the longest entry, whatever case each entry has.
    if (std::string(wrap).find("(?i") != std::string::npos) {
      re2::StringPiece m;
      std::string text = "chủ tịch nước";
      REQUIRE(re.Match(text, 0, text.size(), RE2::ANCHOR_START, &m, 1));
      CHECK(std::string(m) == text);
    }
  }
}

TEST_CASE("a failing example says what was expected and what was found", "[rules]") {
  RulesDir dir("a.toml", R"([[rule]]
id = "percent.test"
type = "percent"
pattern = '(?P<num>\d+)%'
examples = ['đạt [5%] => 6', 'tăng [12%] => 12']
rejects = ['đạt 7%']
)");
  vnie::RuleSet rules = vnie::RuleSet::load(dir.path);
  CHECK(vnie::check(rules, rules.examples()[0]) == "value: expected 6, got 5 ([5%] percent.test value=5 qualifier=null)");
  CHECK(vnie::check(rules, rules.examples()[2]) == "expected nothing, got [7%] percent.test value=7 qualifier=null");
}
