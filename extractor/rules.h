// Rules: loading, checking and compiling everything under rules/.
//
// A rule set is a directory:
//   rules/<kind>.toml        declarative rules (RE2 patterns + examples)
//   rules/lexicons/<n>.txt   word lists, one entry a line, TAB-separated fields
// RuleSet::load() reads and validates all of it once; the compiled result
// (RuleSetImpl) is immutable and shared by every thread.
//
//   vnie::RuleSet rules = vnie::RuleSet::load("rules");
//   const Lexicon& provinces = rules.impl().lexicon("provinces");
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extractor.h"
#include "segment.h"
#include "structure.h"

#include <re2/re2.h>
#include <re2/set.h>

namespace vnie::internal {

struct LexiconRow {
  std::vector<std::string> fields;  // NFC, tone marks placed as normalize() does
  int line = 0;
};

struct Lexicon {
  std::string name;
  std::string path;
  std::vector<LexiconRow> rows;
};

// Reads one lexicon file. Throws Error("path:line: ...") on invalid UTF-8.
Lexicon load_lexicon(const std::filesystem::path& path);

// One compiled rule. `type` is the entity type it yields ("ignore": the
// match only blocks shorter ones, e.g. "bão số 3" is no quantity).
struct ResolverInfo;

struct Rule {
  std::string id;
  std::string type;
  std::string resolver;  // kinds/ resolver that turns captures into fields
  const ResolverInfo* resolve_with = nullptr;  // that resolver, found once at load
  std::string location;  // "rules/date.toml:14"
  int priority = 0;
  // 0: figures (dates, money, ...), 1: names (organizations, persons,
  // locations); `set.layer` ("names"/"figures") overrides the type's.
  int layer = 0;
  // Longest match in code points (0: no limit). A large bounded repeat such
  // as [^"]{1,120} makes RE2's automata grow a state per count; the rule
  // writes [^"]+ and the engine drops longer matches instead.
  std::size_t max_chars = 0;
  // Words that must not stand right before a match ("Thành" before "phố
  // Lại Hữu Phong": a city's "Thành phố", not a street); the search goes on
  // from the next character.
  std::vector<std::string> not_after;
  std::string pattern;   // after macro and lexicon expansion
  std::shared_ptr<const re2::RE2> re;
  std::vector<std::pair<std::string, std::string>> set;  // constant fields for the resolver

  // The value of `set.key`, or nullptr when the rule does not set it.
  const std::string* setting(std::string_view key) const {
    for (const auto& [k, value] : set) {
      if (k == key) return &value;
    }
    return nullptr;
  }
};

// Expands {MACRO} and {lexicon:name} in `pattern`. Throws Error(where + ": ...").
std::string expand_pattern(std::string_view pattern, const std::map<std::string, std::string, std::less<>>& macros,
                           const std::map<std::string, Lexicon, std::less<>>& lexicons, const std::string& where,
                           int depth = 0);

}  // namespace vnie::internal

namespace vnie {

struct RuleSetImpl {
  std::filesystem::path dir;
  std::map<std::string, internal::Lexicon, std::less<>> lexicons;
  internal::Segmenter segmenter;
  internal::StructureLexicon structure;
  std::vector<Example> examples;
  // Two-field lexicons as folded first field -> second field (first entry wins).
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables;
  // Every lexicon's rows by the first word of their first field, longest entry first.
  std::map<std::string, std::map<std::string, std::vector<const internal::LexiconRow*>, std::less<>>, std::less<>>
      by_first_word;
  // Every lexicon as a set of folded first fields.
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> sets;
  std::vector<internal::Rule> rules;
  // Titles (lexicon titles), lower-cased once, longest first, for officials.
  struct Title {
    std::string lower, title;
    bool null_org = false;
    // The title names a work unit after it, when no body follows ("Trưởng
    // phòng Nhân sự của công ty"): titles.txt field "unit".
    bool takes_unit = false;
  };
  std::vector<Title> titles;
  std::size_t max_title_bytes = 0;
  // The candidate pass: one RE2::Set per rule file, each naming the rules
  // (indices into `rules`) whose patterns it holds. One set over all patterns
  // would be one pass, but its lazily built DFA combines the partial matches
  // of every rule; on new text it builds states at nearly every byte
  // (~200 ns/byte against ~25 for the sets per file together).
  struct CandidateSet {
    std::shared_ptr<const re2::RE2::Set> set;  // null: compiling failed, its rules always run
    std::vector<int> rules;
  };
  std::vector<CandidateSet> candidates;

  // The lexicon called `name`; an empty one when the set has none.
  const internal::Lexicon& lexicon(std::string_view name) const;
};

}  // namespace vnie
