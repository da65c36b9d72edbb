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
#include <string>
#include <vector>

#include "extractor.h"
#include "segment.h"
#include "structure.h"

namespace re2 {
class RE2;
class Set;
}  // namespace re2

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

struct Rule;  // rules.cc / match.cc

}  // namespace vnie::internal

namespace vnie {

struct RuleSetImpl {
  std::filesystem::path dir;
  std::map<std::string, internal::Lexicon, std::less<>> lexicons;
  internal::Segmenter segmenter;
  internal::StructureLexicon structure;
  std::vector<Example> examples;
  std::vector<std::shared_ptr<const internal::Rule>> rules;

  // The lexicon called `name`; an empty one when the set has none.
  const internal::Lexicon& lexicon(std::string_view name) const;
};

}  // namespace vnie
