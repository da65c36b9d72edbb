// Vietnamese numbers: digits with "." thousands groups and "," decimals,
// number words, Roman numerals. Shared by dates, money, percents, quantities.
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "../normalize.h"
#include "kinds.h"

namespace vnie::internal {

std::string_view Match::operator[](std::string_view name) const {
  for (const auto& [n, text] : groups) {
    if (n == name) return text;
  }
  return {};
}

Span8 Match::span_of(std::string_view name) const {
  std::string_view t = (*this)[name];
  if (t.empty()) return {};
  auto b = static_cast<std::uint32_t>(t.data() - norm.data());
  return {b, b + static_cast<std::uint32_t>(t.size())};
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  // "." groups thousands when every group after it has three digits;
  // otherwise a lone "." is a decimal point ("1.5" written the English way).
  std::string digits;
  std::size_t dots = 0, commas = 0;
  bool groups_of_three = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == ',') {
      (c == '.' ? dots : commas)++;
      std::size_t j = i + 1;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if (c == '.' && j - i - 1 != 3) groups_of_three = false;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '.') {
      if (!groups_of_three && commas == 0 && dots == 1) digits += '.';
    } else if (c == ',') {
      // "1,000,000" (English thousands) vs "95,14" (decimal).
      if (commas == 1 || dots > 0) digits += '.';
    }
  }
  return std::strtod(digits.c_str(), nullptr);
}

std::optional<double> parse_number_words(std::string_view words, const RuleSetImpl& rules) {
  // total = completed thousands groups; group = hundreds + tens + unit. Each
  // word's role comes from rules/lexicons/number_words.txt: digit/special
  // (a value), ten ("mười": +10), tenmult ("mươi": the last digit times ten),
  // hundred ("trăm"), thousand ("nghìn"), zero ("linh", "lẻ"); larger scale
  // words ("triệu", "tỷ") from scale_words.txt.
  std::istringstream in{to_lower(words)};
  std::string w;
  double total = 0, group = 0, last = 0;
  bool any = false;
  while (in >> w) {
    const LexiconRow* row = lexicon_row(rules, "number_words", w);
    std::string role = row != nullptr && row->fields.size() > 2 ? row->fields[2] : "";
    double value = row != nullptr && row->fields.size() > 1 ? std::atof(row->fields[1].c_str()) : 0;
    double scale = std::atof(lexicon_value(rules, "scale_words", w).c_str());
    if (role == "tenmult" || role == "hundred") {
      group += (last == 0 ? 1 : last) * value - last;
      last = 0;
    } else if (role == "ten") {
      group += value;
      last = 0;
    } else if (role == "zero") {
      last = 0;
    } else if (role == "thousand" || scale >= 1000) {
      total += (group == 0 ? 1 : group) * (role == "thousand" ? value : scale);
      group = 0;
      last = 0;
    } else if (role == "digit" || role == "special") {
      last = value;
      group += last;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return total + group;
}

int parse_roman(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : 0;
    if (v == 0) return 0;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;  // "2024-11-23garbage"
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  CivilDate d{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
              std::atoi(std::string(s.substr(8, 2)).c_str())};
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) {
    return std::nullopt;
  }
  return d;
}

std::string lexicon_value(const RuleSetImpl& rules, std::string_view lexicon, std::string_view key) {
  auto table = rules.tables.find(lexicon);
  if (table == rules.tables.end()) return "";
  auto it = table->second.find(fold_normalized(key));
  return it == table->second.end() ? "" : it->second;
}

std::string longest_prefix(const RuleSetImpl& rules, std::string_view lexicon, std::string_view s, std::string* value) {
  auto index = rules.by_first_word.find(lexicon);
  if (index == rules.by_first_word.end()) return "";
  auto rows = index->second.find(s.substr(0, s.find(' ')));
  if (rows == index->second.end()) return "";
  for (const LexiconRow* row : rows->second) {  // longest first
    const std::string& entry = row->fields[0];
    if (s.size() >= entry.size() && s.substr(0, entry.size()) == entry && !word_char_at(s, entry.size())) {
      if (value != nullptr) *value = row->fields.size() > 1 ? row->fields[1] : "";
      return entry;
    }
  }
  return "";
}

const LexiconRow* lexicon_row(const RuleSetImpl& rules, std::string_view lexicon, std::string_view entry) {
  auto index = rules.by_first_word.find(lexicon);
  if (index == rules.by_first_word.end()) return nullptr;
  auto rows = index->second.find(entry.substr(0, entry.find(' ')));
  if (rows == index->second.end()) return nullptr;
  for (const LexiconRow* row : rows->second) {
    if (row->fields[0] == entry) return row;
  }
  return nullptr;
}

bool lexicon_has(const RuleSetImpl& rules, std::string_view lexicon, std::string_view key) {
  auto set = rules.sets.find(lexicon);
  return set != rules.sets.end() && set->second.count(fold_normalized(key)) > 0;
}

std::string_view words_before(std::string_view norm, std::size_t b, int n) {
  std::size_t end = b;
  while (end > 0 && norm[end - 1] == ' ') --end;
  std::size_t start = end;
  for (int i = 0; i < n; ++i) {
    std::size_t s = start;
    while (s > 0 && norm[s - 1] != ' ' && norm[s - 1] != '\n' && norm[s - 1] != ',' && norm[s - 1] != '(' &&
           norm[s - 1] != '.' && norm[s - 1] != ':' && norm[s - 1] != ';') {
      --s;
    }
    if (s == start) break;
    start = s;
    if (i + 1 < n && start > 0 && norm[start - 1] == ' ') --start;
    else break;
  }
  while (start < end && norm[start] == ' ') ++start;
  return norm.substr(start, end - start);
}

bool ends_with_word(std::string_view s, std::string_view w) {
  return s.size() > w.size() && s.substr(s.size() - w.size()) == w && s[s.size() - w.size() - 1] == ' ';
}

const LexiconRow* trailing_entry(const RuleSetImpl& rules, std::string_view lexicon, std::string_view s) {
  for (const LexiconRow& row : rules.lexicon(lexicon).rows) {
    if (!row.fields.empty() && ends_with_word(s, row.fields[0])) return &row;
  }
  return nullptr;
}

}  // namespace vnie::internal
