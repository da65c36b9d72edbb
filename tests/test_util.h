// Helpers shared by the tests: the repository's rule set (loaded once),
// corpus files, and code-point slicing as output.md defines offsets.
#pragma once

#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extractor.h"

namespace vnie::test {

inline const std::filesystem::path kSourceDir = VNIE_SOURCE_DIR;

inline const RuleSet& repo_rules() {
  static const RuleSet rules = RuleSet::load(kSourceDir / "rules");
  return rules;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The articles (.txt) of corpus/<set>, sorted.
inline std::vector<std::filesystem::path> corpus_articles(const std::string& set) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(kSourceDir / "corpus" / set)) {
    if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The development articles (with gold), sorted.
inline std::vector<std::filesystem::path> dev_articles() { return corpus_articles("dev"); }

// s[start:end] in code points, as Python slices a str.
inline std::string cp_slice(const std::string& s, std::size_t start, std::size_t end) {
  std::size_t cp = 0, b = 0, from = std::string::npos;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i <= n;) {
    if (cp == start) from = static_cast<std::size_t>(i);
    if (cp == end) return from == std::string::npos ? "" : s.substr(from, static_cast<std::size_t>(i) - from);
    if (i == n) break;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    ++cp;
  }
  (void)b;
  return "<out of range>";
}

inline Article article_from_file(const std::filesystem::path& p) {
  Article a;
  a.id = p.stem().string();
  a.path = p.string();
  a.text = read_file(p);
  return a;
}

}  // namespace vnie::test
