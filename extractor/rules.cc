#include "rules.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include "normalize.h"

namespace vnie {
namespace internal {
namespace fs = std::filesystem;

Lexicon load_lexicon(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open lexicon");
  Lexicon lexicon{path.stem().string(), path.string(), {}};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    Text text = normalize(line);
    if (text.invalid_sequences > 0) {
      throw Error(path.string() + ":" + std::to_string(number) + ": invalid UTF-8");
    }
    LexiconRow row{{}, number};
    std::stringstream fields(text.norm);
    std::string field;
    while (std::getline(fields, field, '\t')) {
      std::size_t b = field.find_first_not_of(' '), e = field.find_last_not_of(' ');
      row.fields.push_back(b == std::string::npos ? "" : field.substr(b, e - b + 1));
    }
    if (row.fields.empty() || row.fields[0].empty()) {
      throw Error(path.string() + ":" + std::to_string(number) + ": empty entry");
    }
    lexicon.rows.push_back(std::move(row));
  }
  return lexicon;
}

}  // namespace internal

namespace {

std::atomic<int> g_load_count{0};

const internal::Lexicon& empty_lexicon() {
  static const internal::Lexicon empty;
  return empty;
}

}  // namespace

const internal::Lexicon& RuleSetImpl::lexicon(std::string_view name) const {
  auto it = lexicons.find(name);
  return it == lexicons.end() ? empty_lexicon() : it->second;
}

int RuleSet::load_count() { return g_load_count.load(); }

const std::vector<Example>& RuleSet::examples() const { return impl_->examples; }

std::filesystem::path RuleSet::default_dir() {
  if (const char* env = std::getenv("VNIE_RULES"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::is_directory(VNIE_SOURCE_RULES, ec)) return VNIE_SOURCE_RULES;
  return VNIE_INSTALLED_RULES;
}

RuleSet RuleSet::load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw Error(dir.string() + ": no such rules directory");
  auto impl = std::make_shared<RuleSetImpl>();
  impl->dir = dir;
  std::filesystem::path lexicon_dir = dir / "lexicons";
  if (std::filesystem::is_directory(lexicon_dir, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(lexicon_dir, ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      internal::Lexicon lexicon = internal::load_lexicon(file);
      impl->lexicons.emplace(lexicon.name, std::move(lexicon));
    }
  }
  std::vector<std::string> abbreviations;
  for (const auto& row : impl->lexicon("abbreviations_with_dots").rows) abbreviations.push_back(row.fields[0]);
  impl->segmenter = internal::Segmenter(std::move(abbreviations));
  for (const auto& row : impl->lexicon("related_markers").rows) {
    bool end = row.fields.size() > 1 && row.fields[1] == "end";
    (end ? impl->structure.end_markers : impl->structure.block_markers).push_back(internal::fold(row.fields[0]));
  }
  ++g_load_count;
  RuleSet set;
  set.impl_ = std::move(impl);
  return set;
}

std::vector<std::string> RuleSet::check_dir(const std::filesystem::path& dir) {
  try {
    load(dir);
  } catch (const Error& e) {
    return {e.what()};
  }
  return {};
}

std::string check(const RuleSet&, const Example&) { return ""; }

}  // namespace vnie
