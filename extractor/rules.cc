#include "rules.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <atomic>
#include <fstream>
#include <map>
#include <sstream>

#include <toml++/toml.h>

#include "kinds/kinds.h"
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

namespace fs = std::filesystem;

std::atomic<int> g_load_count{0};

const internal::Lexicon& empty_lexicon() {
  static const internal::Lexicon empty;
  return empty;
}

std::string default_resolver(std::string_view type) {
  if (type == "date") return "date";
  if (type == "money" || type == "percent" || type == "ratio" || type == "quantity") return "amount";
  if (type == "ignore") return "ignore";
  if (type == "organization" || type == "person" || type == "location") return "name";
  return "";
}

bool known_type(std::string_view type) {
  for (std::string_view t : {"date", "money", "percent", "ratio", "quantity", "organization", "person",
                             "location", "ignore"}) {
    if (t == type) return true;
  }
  return false;
}

// Collects every problem of a rule set as "file:line: message".
struct Loader {
  fs::path dir;
  std::vector<std::string> problems;
  std::map<std::string, std::string, std::less<>> macros;

  void problem(const std::string& where, const std::string& message) { problems.push_back(where + ": " + message); }

  static std::string where(const std::string& file, const toml::source_region& source) {
    return file + ":" + std::to_string(source.begin.line);
  }
};

// "text with [span] => want": the example without brackets, its span in code
// points, and the expected value.
bool parse_example(std::string_view raw, Example& example, std::string& error) {
  std::string_view input = raw, want;
  if (std::size_t arrow = raw.rfind(" => "); arrow != std::string_view::npos) {
    input = raw.substr(0, arrow);
    want = raw.substr(arrow + 4);
  }
  std::size_t open = input.find('['), close = input.find(']');
  std::string text;
  if (open == std::string_view::npos && close == std::string_view::npos) {
    text = std::string(input);
    example.start = 0;
    example.end = internal::code_points(text);
  } else if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
             input.find('[', open + 1) != std::string_view::npos || input.find(']', close + 1) != std::string_view::npos) {
    error = "example needs exactly one [span]";
    return false;
  } else {
    text = std::string(input.substr(0, open)) + std::string(input.substr(open + 1, close - open - 1)) +
           std::string(input.substr(close + 1));
    example.start = internal::code_points(input.substr(0, open));
    example.end = example.start + internal::code_points(input.substr(open + 1, close - open - 1));
  }
  if (example.start == example.end && !example.reject) {
    error = "example has an empty span";
    return false;
  }
  example.text = std::move(text);
  example.want = std::string(want);
  return true;
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

namespace internal {

namespace {

// Orders literal alternatives so that RE2 factors them into a trie and the
// alternation still prefers the longest entry ("Phó Chủ tịch" over "Chủ
// tịch"). Two literals can match at the same place only if one is a prefix of
// the other (under case folding, for (?i:) contexts), and then the longer
// comes first; otherwise the order is sorted, so that entries sharing a prefix
// sit side by side and RE2 factors the prefix out once. A flat list sorted by
// length instead makes every capture try each entry in turn.
void sort_for_alternation(std::vector<std::string>& entries) {
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(entries.size());
  for (std::string& e : entries) keyed.emplace_back(to_lower(e), std::move(e));
  // Lexicographic, but a string sorts after every string it is a prefix of.
  auto before = [](const std::string& a, const std::string& b) {
    std::size_t n = std::min(a.size(), b.size());
    int c = a.compare(0, n, b, 0, n);
    if (c != 0) return c < 0;
    return a.size() > b.size();
  };
  std::sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return before(x.first, y.first);
    return before(x.second, y.second);
  });
  entries.clear();
  for (auto& [key, entry] : keyed) {
    if (entries.empty() || entries.back() != entry) entries.push_back(std::move(entry));
  }
}

}  // namespace

std::string expand_pattern(std::string_view pattern, const std::map<std::string, std::string, std::less<>>& macros,
                           const std::map<std::string, Lexicon, std::less<>>& lexicons, const std::string& where,
                           int depth) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      // Escapes pass through, "\p{Lu}" with its braces.
      std::size_t n = 2;
      if ((pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        std::size_t close = pattern.find('}', i);
        n = close == std::string_view::npos ? pattern.size() - i : close - i + 1;
      }
      out.append(pattern.substr(i, n));
      i += n;
      continue;
    }
    bool name_start = i + 1 < pattern.size() && (std::isupper(static_cast<unsigned char>(pattern[i + 1])) ||
                                                 pattern[i + 1] == '_' || pattern.substr(i + 1, 8) == "lexicon:");
    if (c != '{' || !name_start) {
      out += c;
      ++i;
      continue;
    }
    std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) throw Error(where + ": unclosed '{' in pattern");
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    i = close + 1;
    if (name.substr(0, 8) == "lexicon:") {
      std::string_view lex = name.substr(8);
      std::size_t field = 0;
      if (std::size_t colon = lex.find(':'); colon != std::string_view::npos) {
        field = static_cast<std::size_t>(std::atoi(std::string(lex.substr(colon + 1)).c_str()));
        lex = lex.substr(0, colon);
      }
      auto it = lexicons.find(lex);
      if (it == lexicons.end()) throw Error(where + ": missing lexicon '" + std::string(lex) + "' (rules/lexicons/" + std::string(lex) + ".txt)");
      std::vector<std::string> entries;
      for (const LexiconRow& row : it->second.rows) {
        if (field < row.fields.size() && !row.fields[field].empty()) entries.push_back(row.fields[field]);
      }
      sort_for_alternation(entries);
      out += "(?:";
      for (std::size_t k = 0; k < entries.size(); ++k) {
        if (k > 0) out += '|';
        out += re2::RE2::QuoteMeta(entries[k]);
      }
      out += ")";
      continue;
    }
    auto it = macros.find(name);
    if (it == macros.end()) throw Error(where + ": unknown macro {" + std::string(name) + "}");
    if (depth > 16) throw Error(where + ": macros expand into each other");
    out += "(?:" + expand_pattern(it->second, macros, lexicons, where, depth + 1) + ")";
  }
  return out;
}

}  // namespace internal

namespace {

// Reads every rule file under loader.dir into impl; problems go to loader.
void load_all(Loader& loader, RuleSetImpl& impl) {
  std::error_code ec;
  const fs::path& dir = loader.dir;
  if (!fs::is_directory(dir, ec)) {
    loader.problem(dir.string(), "no such rules directory");
    return;
  }
  impl.dir = dir;
  std::vector<fs::path> lexicon_files, rule_files;
  for (const auto& entry : fs::directory_iterator(dir / "lexicons", ec)) {
    if (entry.path().extension() == ".txt") lexicon_files.push_back(entry.path());
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") rule_files.push_back(entry.path());
  }
  std::sort(lexicon_files.begin(), lexicon_files.end());
  std::sort(rule_files.begin(), rule_files.end());
  for (const auto& file : lexicon_files) {
    try {
      internal::Lexicon lexicon = internal::load_lexicon(file);
      auto& table = impl.tables[lexicon.name];
      auto& set = impl.sets[lexicon.name];
      for (const auto& row : lexicon.rows) {
        std::string key = internal::fold(row.fields[0]);
        if (row.fields.size() > 1) table.emplace(key, row.fields[1]);
        set.insert(std::move(key));
      }
      impl.lexicons.emplace(lexicon.name, std::move(lexicon));
    } catch (const Error& e) {
      loader.problems.push_back(e.what());
    }
  }

  for (const auto& [name, lexicon] : impl.lexicons) {
    auto& index = impl.by_first_word[name];
    for (const internal::LexiconRow& row : lexicon.rows) {
      const std::string& entry = row.fields[0];
      index[entry.substr(0, entry.find(' '))].push_back(&row);
    }
    for (auto& [word, rows] : index) {
      std::stable_sort(rows.begin(), rows.end(), [](const internal::LexiconRow* a, const internal::LexiconRow* b) {
        return a->fields[0].size() > b->fields[0].size();
      });
    }
  }

  // Pass 1: parse every file and collect the macros; pass 2: the rules.
  std::vector<std::pair<std::string, toml::table>> docs;
  for (const auto& path : rule_files) {
    std::string file = path.string();
    toml::table doc;
    try {
      doc = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      loader.problem(file + ":" + std::to_string(e.source().begin.line), "bad TOML: " + std::string(e.description()));
      continue;
    }
    if (const toml::table* macros = doc["macros"].as_table()) {
      for (const auto& [key, value] : *macros) {
        std::string w = Loader::where(file, value.source());
        if (!value.is_string()) {
          loader.problem(w, "macro " + std::string(key.str()) + " is not a string");
        } else if (!loader.macros.emplace(std::string(key.str()), value.as_string()->get()).second) {
          loader.problem(w, "duplicate macro " + std::string(key.str()));
        }
      }
    }
    docs.emplace_back(file, std::move(doc));
  }

  std::map<std::string, std::string> seen_ids;
  for (auto& [file, doc] : docs) {
    for (const auto& [key, node] : doc) {
      if (key.str() != "macros" && key.str() != "rule") {
        loader.problem(Loader::where(file, node.source()), "unknown table '" + std::string(key.str()) + "'");
      }
    }
    const toml::array* rules = doc["rule"].as_array();
    if (rules == nullptr) continue;
    for (const toml::node& node : *rules) {
      const toml::table* t = node.as_table();
      std::string w = Loader::where(file, node.source());
      if (t == nullptr) {
        loader.problem(w, "[[rule]] is not a table");
        continue;
      }
      internal::Rule rule;
      rule.location = w;
      rule.id = (*t)["id"].value_or(std::string());
      rule.type = (*t)["type"].value_or(std::string());
      rule.priority = (*t)["priority"].value_or(0);
      if (const toml::node* max = t->get("max_chars")) {
        std::optional<std::int64_t> n = max->value<std::int64_t>();
        if (!n || *n < 1 || *n > 100000) {
          loader.problem(Loader::where(file, max->source()), "rule " + rule.id + ": max_chars must be a number from 1 to 100000");
        } else {
          rule.max_chars = static_cast<std::size_t>(*n);
        }
      }
      if (const toml::node* words = t->get("not_after")) {
        const toml::array* list = words->as_array();
        bool ok = list != nullptr;
        if (ok) {
          for (const toml::node& word : *list) {
            std::optional<std::string> s = word.value<std::string>();
            ok = ok && s && !s->empty() && s->find(' ') == std::string::npos;
            if (s) rule.not_after.push_back(internal::normalize(*s).norm);
          }
        }
        if (!ok) loader.problem(Loader::where(file, words->source()), "rule " + rule.id + ": not_after must be a list of single words");
      }
      std::string pattern = (*t)["pattern"].value_or(std::string());
      if (rule.id.empty()) loader.problem(w, "rule without id");
      if (!known_type(rule.type)) loader.problem(w, "rule " + rule.id + ": unknown type '" + rule.type + "'");
      if (pattern.empty()) loader.problem(w, "rule " + rule.id + ": missing pattern");
      if (auto [it, fresh] = seen_ids.emplace(rule.id, w); !fresh && !rule.id.empty()) {
        loader.problem(w, "duplicate rule id " + rule.id + " (first at " + it->second + ")");
      }
      static const std::vector<std::string_view> kKeys = {"id",      "type", "resolver", "priority", "max_chars", "not_after",
                                                          "pattern", "set",  "examples", "rejects",  "published", "note"};
      for (const auto& [key, value] : *t) {
        if (std::find(kKeys.begin(), kKeys.end(), key.str()) == kKeys.end()) {
          loader.problem(Loader::where(file, value.source()),
                         "rule " + rule.id + ": unknown key '" + std::string(key.str()) + "'");
        }
      }
      rule.resolver = (*t)["resolver"].value_or(default_resolver(rule.type));
      const internal::ResolverInfo* resolver = internal::find_resolver(rule.resolver);
      if (resolver == nullptr) loader.problem(w, "rule " + rule.id + ": unknown resolver '" + rule.resolver + "'");
      rule.resolve_with = resolver;
      if (const toml::table* set = (*t)["set"].as_table()) {
        for (const auto& [key, value] : *set) rule.set.emplace_back(std::string(key.str()), value.value_or(std::string()));
      }
      rule.layer = rule.type == "organization" || rule.type == "person" || rule.type == "location" ? 1 : 0;
      if (const std::string* layer = rule.setting("layer")) rule.layer = *layer == "names" ? 1 : 0;
      if (!pattern.empty()) {
        std::string pattern_where = Loader::where(file, (*t)["pattern"].node()->source());
        try {
          rule.pattern = internal::expand_pattern(pattern, loader.macros, impl.lexicons, pattern_where);
          re2::RE2::Options options;
          options.set_log_errors(false);
          // RE2's default budget: its lazily built DFAs stop growing there and
          // start afresh, which bounds memory on an endless stream of new text
          // (a larger budget was no faster: 64 MB took 5.7 s on 16 MB of
          // varied articles, 8 MB 5.1 s, and 30 MB more memory).
          options.set_max_mem(8 << 20);
          auto re = std::make_shared<re2::RE2>(rule.pattern, options);
          if (!re->ok()) {
            loader.problem(pattern_where, "bad pattern: " + re->error());
          } else {
            rule.re = re;
            if (resolver != nullptr) {
              for (const auto& [index, name] : re->CapturingGroupNames()) {
                if (std::find(resolver->captures.begin(), resolver->captures.end(), name) == resolver->captures.end()) {
                  loader.problem(pattern_where,
                                 "capture '" + name + "' maps to no field of resolver '" + rule.resolver + "'");
                }
              }
            }
          }
        } catch (const Error& e) {
          loader.problems.push_back(e.what());
        }
      }
      // Examples document the rule: at least two, and at least one reject.
      int positives = 0, rejects = 0;
      for (const char* list : {"examples", "rejects"}) {
        const toml::array* items = (*t)[list].as_array();
        if (items == nullptr) continue;
        for (const toml::node& item : *items) {
          std::string iw = Loader::where(file, item.source());
          Example example;
          example.location = iw;
          example.rule = rule.id;
          example.type = rule.type;
          example.reject = std::string_view(list) == "rejects";
          example.published = (*t)["published"].value_or(std::string());
          std::string error;
          if (!item.is_string()) {
            loader.problem(iw, "rule " + rule.id + ": example is not a string");
          } else if (!parse_example(item.as_string()->get(), example, error)) {
            loader.problem(iw, "rule " + rule.id + ": " + error);
          } else {
            (example.reject ? rejects : positives)++;
            impl.examples.push_back(std::move(example));
          }
        }
      }
      if (positives < 2 || rejects < 1) {
        loader.problem(w, "rule " + rule.id + ": needs at least two examples and one reject (has " +
                              std::to_string(positives) + " and " + std::to_string(rejects) + ")");
      }
      if (rule.re != nullptr) impl.rules.push_back(std::move(rule));
    }
  }

  // The candidate pass: one RE2::Set per rule file.
  std::map<std::string, RuleSetImpl::CandidateSet> by_file;
  for (std::size_t i = 0; i < impl.rules.size(); ++i) {
    const std::string& where = impl.rules[i].location;
    by_file[where.substr(0, where.rfind(':'))].rules.push_back(static_cast<int>(i));
  }
  for (auto& [file, group] : by_file) {
    re2::RE2::Options options;
    options.set_log_errors(false);
    // A set's budget is its program plus room for DFA states. RE2 takes
    // about 32 bytes an instruction off max_mem (the program and the DFA's
    // work queues) and keeps the rest for states, so a set of large rules
    // (organizations: half a million instructions) gets as much room for
    // states as a set of small ones. That room bounds memory on an endless
    // stream of new text: with 32 MB for every set, the date and figure
    // sets held 12-14 MB of states after 64 MB of varied articles and 20-25
    // MB after 1 GB (peak 152 vs 182 MB). At 12 MB they start afresh a few
    // times in 1 GB and the peak is 149-151 vs 160-161 MB (+6-8%). It may
    // cost some time on the most varied text (vnie_bench's default
    // workload, one thread: 4.17-4.45 MB/s in four runs, 4.41 at 16 MB and
    // 4.60 at 32 MB in one each; runs vary by 5%). 16 MB no longer bounds
    // memory (152 vs 168 MB, +11%).
    constexpr std::int64_t kSetStateBytes = 12 << 20, kBytesPerInstruction = 32;
    std::int64_t instructions = 0;
    for (int i : group.rules) instructions += impl.rules[static_cast<std::size_t>(i)].re->ProgramSize();
    options.set_max_mem(kSetStateBytes + kBytesPerInstruction * instructions);
    auto set = std::make_shared<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    bool ok = true;
    for (int i : group.rules) ok = ok && set->Add(impl.rules[static_cast<std::size_t>(i)].pattern, nullptr) >= 0;
    if (ok && set->Compile()) group.set = set;  // else its rules run on every line
    impl.candidates.push_back(std::move(group));
  }

  for (const auto& row : impl.lexicon("titles").rows) {
    std::string_view flag = row.fields.size() > 1 ? std::string_view(row.fields[1]) : std::string_view();
    impl.titles.push_back({internal::to_lower(row.fields[0]), row.fields[0], flag == "null_org", flag == "unit"});
    impl.max_title_bytes = std::max(impl.max_title_bytes, row.fields[0].size());
  }
  std::sort(impl.titles.begin(), impl.titles.end(),
            [](const RuleSetImpl::Title& a, const RuleSetImpl::Title& b) { return a.lower.size() > b.lower.size(); });

  std::vector<std::string> abbreviations;
  for (const auto& row : impl.lexicon("abbreviations_with_dots").rows) abbreviations.push_back(row.fields[0]);
  impl.segmenter = internal::Segmenter(std::move(abbreviations));
  for (const auto& row : impl.lexicon("not_authors").rows) {
    impl.structure.not_authors.push_back(internal::fold(row.fields[0]));
  }
  for (const auto& row : impl.lexicon("related_markers").rows) {
    bool end = row.fields.size() > 1 && row.fields[1] == "end";
    (end ? impl.structure.end_markers : impl.structure.block_markers).push_back(internal::fold(row.fields[0]));
  }
}

}  // namespace

RuleSet RuleSet::load(const std::filesystem::path& dir) {
  Loader loader{dir, {}, {}};
  auto impl = std::make_shared<RuleSetImpl>();
  load_all(loader, *impl);
  if (!loader.problems.empty()) {
    std::string message = loader.problems.front();
    if (loader.problems.size() > 1) {
      message += " (and " + std::to_string(loader.problems.size() - 1) + " more: run 'vnie rules check')";
    }
    throw Error(message);
  }
  ++g_load_count;
  RuleSet set;
  set.impl_ = std::move(impl);
  return set;
}

std::vector<std::string> RuleSet::check_dir(const std::filesystem::path& dir) {
  Loader loader{dir, {}, {}};
  RuleSetImpl impl;
  load_all(loader, impl);
  return loader.problems;
}

}  // namespace vnie
