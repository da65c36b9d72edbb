// Scoring: compares extracted records with gold annotations, as
// ../shared/spec/gold.md defines it, and reports per-category counts and
// per-article misses and false hits.
//
//   vnie::ScoreReport report = vnie::score(
//       {{.origin = "corpus/dev/000_x.gold.json", .text = gold_text}},
//       {{.origin = "out.jsonl:1", .text = record_line}});
//   std::cout << vnie::format_table(report) << vnie::format_misses(report);
//
// Gold texts are `<id>.gold.json` objects; records are vnie/1 objects
// (../shared/spec/output.md), matched to gold by `id`. Only a record's
// `entities`, `officials`, `facts`, `authors` and `title` are scored, never
// `related_entities`. Text is compared in the folded form of
// internal::fold(). Per article each category is a set (gold items are made
// distinct by the same key as predicted ones, except organization mentions,
// whose gold unit is the annotated item); counts are summed over articles.
//
// Where P and R count TP differently. A predicted item is matched when it
// matches some gold item; a gold item is found when some predicted item
// matches it. P = matched predicted / predicted (CategoryScore::tp_predicted)
// and R = found gold / gold (CategoryScore::tp). The two are equal for every
// category whose match is equality of distinct keys; they differ for
// organization mentions (three predicted texts of one gold organization are
// three matched predictions but one found gold item), for quantities (the
// unit prefix rule lets "ghế" and "ghế đá" both match gold "ghế đá"), and, at
// the 1e-9 tolerance, for percents. The table prints both: "TP" is the
// recall side, "TP(P)" the precision side.
//
// Facts' percent is a separate count: of the distinct gold facts, how many
// were found, and of those how many have a predicted fact with the same
// (actual, target) and the gold percent (to 1e-9; null equals only null).
// A found fact with a wrong percent is listed as a miss of "fact percent".
//
// A gold article with no record counts all its gold items as misses. Records
// with no gold article are not scored; their ids are listed.
//
// All functions are pure and safe to call from any number of threads.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor.h"

namespace vnie {

// The scored categories, in report order.
inline constexpr std::array<std::string_view, 14> kScoreCategories = {
    "title",          "authors",   "organizations", "organization mentions",
    "persons",        "locations", "dates",         "money",
    "percents",       "ratios",    "quantities",    "officials",
    "official roles", "facts"};

// Micro-averaged counts of one category. 0/0 is 0 for P, R and F1; the
// table prints "-" for a ratio whose denominator is 0 (F1: when P or R is).
struct CategoryScore {
  std::string name;
  long gold = 0;          // distinct gold items
  long predicted = 0;     // distinct predicted items
  long tp = 0;            // gold items found (recall side)
  long tp_predicted = 0;  // predicted items that match a gold item (precision side)

  double precision() const;  // tp_predicted / predicted
  double recall() const;     // tp / gold
  double f1() const;         // 2PR / (P + R)
};

// What one gold article's record got wrong. Items are (category, item as
// written), sorted by category order, then item text.
struct ArticleDiff {
  std::string id;
  bool missing_record = false;  // no record had this id: every gold item is a miss
  std::vector<std::pair<std::string, std::string>> misses;      // gold, not found
  std::vector<std::pair<std::string, std::string>> false_hits;  // predicted, not in gold
};

struct ScoreReport {
  std::vector<CategoryScore> categories;       // one per kScoreCategories entry, in that order
  std::vector<ArticleDiff> articles;           // one per gold article, sorted by id
  long fact_percent_gold = 0;                  // distinct gold facts
  long fact_percent_found = 0;                 // of those, found by (actual, target)
  long fact_percent_tp = 0;                    // of those found, with the gold percent
  std::vector<std::string> unmatched_records;  // ids of records without gold, sorted

  // The score of the category named `name` (one of kScoreCategories).
  // Throws std::out_of_range for any other name.
  const CategoryScore& category(std::string_view name) const;
};

// One JSON document and where it came from, for error messages
// ("corpus/dev/000_x.gold.json", "out.jsonl:3").
struct JsonText {
  std::string origin;
  std::string text;
};

// Scores `records` against `gold`. Throws Error, naming the origin and the
// id when known, on invalid JSON, on a missing or mistyped field that
// scoring reads (a gold file must have every list of gold.md's format; a
// record `id`, `title`, `authors`, `entities`, `officials`, `facts`), on a
// record `schema` other than "vnie/1", and on two gold articles or two
// records with the same id. Entity types other than the eight of output.md
// are ignored; a title that folds to "" is not counted.
ScoreReport score(const std::vector<JsonText>& gold, const std::vector<JsonText>& records);

// The same, with origins "gold[i]" and "record[i]" (0-based).
ScoreReport score(const std::vector<std::string>& gold_json_texts,
                  const std::vector<std::string>& record_json_texts);

// Fixed-width table: category, gold, predicted, TP, TP(P), P, R, F1 (three
// decimals, "-" when undefined), then the facts' percent line and the
// article counts.
std::string format_table(const ScoreReport& report);

// Per article with something to fix: "== <id>", then "MISS <category>: <item>"
// and "FALSE <category>: <item>" lines; then the unmatched record ids.
std::string format_misses(const ScoreReport& report);

// The whole report as one JSON object (indented): categories with counts and
// precision/recall/f1 (null when undefined), fact_percent, articles, and
// unmatched_records.
std::string to_json(const ScoreReport& report);

}  // namespace vnie
