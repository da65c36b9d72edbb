// Kinds: the typed C++ side of rules. A rule's named captures go to the
// resolver its `resolver` key names (default: its type), which turns them
// into output fields (values, canonical names) or drops the match.
//
// Adding a kind: rules/<kind>.toml, a resolver here and in kinds.cc's table,
// its tests.
//
//   const ResolverInfo* r = find_resolver("date");
//   std::vector<Resolved> out = r->resolve(rule, match, context);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../extractor.h"
#include "../rules.h"
#include "../segment.h"

namespace vnie::internal {

// One match of a rule: the named groups as views into the normalized text.
struct Match {
  std::string_view norm;  // the whole normalized text
  Span8 span;             // the whole match
  std::vector<std::pair<std::string_view, std::string_view>> groups;  // name -> text ("" if unset)

  std::string_view operator[](std::string_view name) const;
  bool has(std::string_view name) const { return !(*this)[name].empty(); }
  Span8 span_of(std::string_view name) const;
};

struct CivilDate {
  int year = 0, month = 0, day = 0;
};

struct Context {
  const RuleSetImpl& rules;
  std::optional<CivilDate> published;
};

// One entity a match yields: its span (usually the match) and fields.
struct Resolved {
  Span8 span;
  std::vector<Field> fields;
};

using ResolveFn = std::vector<Resolved> (*)(const Rule&, const Match&, const Context&);

struct ResolverInfo {
  std::string_view name;
  std::vector<std::string_view> captures;  // the capture names it reads
  ResolveFn resolve;
};

// nullptr when there is no such resolver.
const ResolverInfo* find_resolver(std::string_view name);

// Numbers in Vietnamese notation ("6.846", "95,14", "1.052,5"); nullopt if not one.
std::optional<double> parse_number(std::string_view digits);
// Number words ("hai mươi lăm" = 25, "một trăm linh năm" = 105).
std::optional<double> parse_number_words(std::string_view words, const RuleSetImpl& rules);
// Roman numerals I..XXXIX ("quý II"); 0 if not one.
int parse_roman(std::string_view s);
// "2024-11-23" or "2024-11-23T..." as a date.
std::optional<CivilDate> parse_iso_date(std::string_view s);

// Resolvers (kinds/*.cc).
std::vector<Resolved> resolve_date(const Rule&, const Match&, const Context&);
std::vector<Resolved> resolve_relative(const Rule&, const Match&, const Context&);
std::vector<Resolved> resolve_amount(const Rule&, const Match&, const Context&);
std::vector<Resolved> resolve_ignore(const Rule&, const Match&, const Context&);
std::vector<Resolved> resolve_name(const Rule&, const Match&, const Context&);

// An organization's canonical name and kind, out of context (names.cc).
std::string organization_canonical(const RuleSetImpl& rules, std::string_view text);
std::string organization_kind(const RuleSetImpl& rules, std::string_view canonical);
// {canonical, kind} of an organization mention. The name resolver leaves them
// out; find_all() adds them to the matches that win, since most candidates lose.
std::vector<Field> organization_fields(const RuleSetImpl& rules, std::string_view text);

// Lookup in a two-column lexicon by folded first field; "" when absent.
std::string lexicon_value(const RuleSetImpl& rules, std::string_view lexicon, std::string_view key);
// The longest entry of a lexicon that `s` starts with, ending at a word
// boundary ("" if none); its second field goes to *value when given.
std::string longest_prefix(const RuleSetImpl& rules, std::string_view lexicon, std::string_view s, std::string* value);
// The lexicon row whose first field is exactly `entry`, or nullptr.
const LexiconRow* lexicon_row(const RuleSetImpl& rules, std::string_view lexicon, std::string_view entry);
// Whether the folded `key` is an entry of the lexicon.
bool lexicon_has(const RuleSetImpl& rules, std::string_view lexicon, std::string_view key);
// The `n` words before byte `b` of `norm` (fewer at the start of a line).
std::string_view words_before(std::string_view norm, std::size_t b, int n);
// Whether `s` ends with the word(s) `w`, after a space.
bool ends_with_word(std::string_view s, std::string_view w);
// The lexicon row whose first field ends `s` as whole words ("... tỉnh Đắk
// Lắk" ends with the province "Đắk Lắk"), or nullptr.
const LexiconRow* trailing_entry(const RuleSetImpl& rules, std::string_view lexicon, std::string_view s);

}  // namespace vnie::internal
