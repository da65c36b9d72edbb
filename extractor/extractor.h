// vnie: information extraction from Vietnamese news articles.
//
// The public facade. A RuleSet is loaded once per process (from rules/), is
// immutable and shared by every thread; extract() is a pure function of
// (rules, article) that returns one Record, as ../shared/spec/output.md
// describes it.
//
//   vnie::RuleSet rules = vnie::RuleSet::load("rules");
//   vnie::Record record = vnie::extract(rules, {.id = "a1", .text = text});
//   std::cout << vnie::to_json_line(record);
//
// No ICU, RE2, JSON or Boost type appears here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vnie {

// Problems with input the user controls (rule files, paths, flags). The message
// starts with "file:line: " when it points into a file.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Warning {
  std::string code;  // invalid_utf8, empty, binary, truncated, ...
  std::string message;
};

// One article as it comes in. `text` is the article body exactly as given;
// every offset in the Record counts code points of it.
struct Article {
  std::string id;
  std::string path;                      // where it was read from ("" if none)
  std::size_t line = 0;                  // its line in a JSONL input (0: not from JSONL)
  std::optional<std::string> url;
  std::optional<std::string> title;      // from metadata; else the text's first line
  std::optional<std::string> published;  // ISO 8601 date or date-time
  std::string text;
  std::vector<Warning> warnings;  // problems met while reading it (truncated, ...)
};

// A JSON scalar, for the type-specific fields of entities.
using Value = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string>;

struct Field {
  std::string name;
  Value value;
};

// Offsets are code points into Article::text, end exclusive.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Section {
  std::string kind;  // title, lede, body, caption, byline, meta, related
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Entity {
  std::string type;  // organization, person, location, date, money, percent, ratio, quantity
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  std::vector<Field> fields;  // in output order; e.g. {"value", "2024-11-10"}
  std::string rule;           // id of the rule that produced it (not part of vnie/1)

  const Value* field(std::string_view name) const;
};

struct Role {
  std::string title;
  std::optional<std::string> organization;
  std::optional<std::string> organization_canonical;
};

struct Official {
  std::string name;
  std::vector<Role> roles;
  std::vector<Span> mentions;
};

struct Fact {
  std::string type = "target";
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string metric;
  std::optional<double> actual;
  std::optional<double> target;
  std::optional<double> percent;
  std::optional<bool> consistent;
  std::optional<std::string> as_of;
  std::optional<std::string> organization;
};

struct Record {
  std::string schema = "vnie/1";
  std::string id;
  std::string source_path;
  std::optional<std::string> source_url;
  std::string title;
  std::optional<std::string> published;
  std::vector<std::string> authors;
  std::vector<Section> sections;
  std::vector<Entity> entities;
  std::vector<Entity> related_entities;
  std::vector<Official> officials;
  std::vector<Fact> facts;
  std::vector<Warning> warnings;
  // Set when extraction failed inside (an internal error): the record then
  // carries only schema, id, source and this message.
  std::optional<std::string> error;
};

// A rule example: an input sentence and what extracting it must give.
struct Example {
  std::string location;  // "rules/date.toml:14"
  std::string rule;      // the rule id it belongs to
  std::string type;      // entity type the rule yields
  std::string text;      // the sentence, brackets removed
  std::size_t start = 0; // expected span, code points into text
  std::size_t end = 0;
  std::string want;      // expected value, as the rule file writes it
  bool reject = false;   // true: nothing of this type may be found
  std::string published; // reference date for the example ("" = none)
};

struct RuleSetImpl;

// The compiled rule set: patterns, lexicons, normalization tables. Immutable
// after load, cheap to copy (shared), safe to use from any number of threads.
class RuleSet {
 public:
  // Loads and compiles every rule file and lexicon under `dir`.
  // Throws Error("rules/date.toml:14: ...") on the first problem found.
  static RuleSet load(const std::filesystem::path& dir);

  // All problems in the rule set under `dir`, one "file:line: message" each;
  // empty when the set is valid. Never throws.
  static std::vector<std::string> check_dir(const std::filesystem::path& dir);

  // The bundled rule set: $VNIE_RULES, else the source tree's rules/, else
  // the installed share/vnie/rules.
  static std::filesystem::path default_dir();

  const std::vector<Example>& examples() const;
  const RuleSetImpl& impl() const { return *impl_; }

  // How many times any RuleSet was compiled in this process (for tests and
  // the benchmark: it must stay at one per distinct load).
  static int load_count();

 private:
  std::shared_ptr<const RuleSetImpl> impl_;
};

// "" when the example holds, else a one-line reason with expected and actual.
std::string check(const RuleSet& rules, const Example& example);

// Time spent per pipeline stage, accumulated by extract() when given.
struct StageTimes {
  double normalize = 0, segment = 0, structure = 0, rules = 0, resolve = 0;
};

struct ExtractOptions {
  std::optional<std::string> published;  // reference date when the article has none
  // Also run the rules over `related` sections and fill Record::related_entities
  // (other stories' teasers: off by default, it costs time and is rarely wanted).
  bool related_entities = false;
  StageTimes* times = nullptr;
};

// Extracts one article. Never throws because of the article's text: invalid
// UTF-8 is repaired and reported in Record::warnings.
Record extract(const RuleSet& rules, const Article& article, const ExtractOptions& options = {});

struct JsonOptions {
  bool pretty = false;   // indented, for reading
  bool explain = false;  // each entity also names the rule that produced it ("rule")
};

// The record as one line of JSON (no trailing newline), or indented.
std::string to_json(const Record& record, bool pretty = false);
std::string to_json(const Record& record, const JsonOptions& options);

}  // namespace vnie
