#include "score.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "normalize.h"

namespace vnie {
namespace {

using internal::fold;
using nlohmann::json;

// Indices into kScoreCategories.
enum Category : std::size_t {
  kTitle,
  kAuthors,
  kOrganizations,
  kOrganizationMentions,
  kPersons,
  kLocations,
  kDates,
  kMoney,
  kPercents,
  kRatios,
  kQuantities,
  kOfficials,
  kOfficialRoles,
  kFacts,
  kCategoryCount
};
static_assert(kCategoryCount == kScoreCategories.size());

// Not a table row: listed in misses after the fourteen categories.
constexpr std::string_view kFactPercent = "fact percent";

// gold.md: percents are equal to 1e-9; a fact's percent is a percent too.
constexpr double kPercentTolerance = 1e-9;

// The categories whose gold list elements and record entities carry the same
// fields, so one reader serves both.
struct ListCategory {
  std::string_view gold_key;     // list in the gold file
  std::string_view entity_type;  // `type` of the record entity
  Category category;
};
constexpr std::array<ListCategory, 8> kListCategories = {{
    {"organizations", "organization", kOrganizations},
    {"persons", "person", kPersons},
    {"locations", "location", kLocations},
    {"dates", "date", kDates},
    {"money", "money", kMoney},
    {"percents", "percent", kPercents},
    {"ratios", "ratio", kRatios},
    {"quantities", "quantity", kQuantities},
}};

// One distinct scored thing of one article, gold or predicted.
// (Every member has an initializer so that designated initializers may omit it.)
struct Item {
  std::string key{};                 // items with equal keys are one item
  std::string display{};             // how a miss or a false hit shows it
  std::vector<std::string> texts{};  // gold organization mentions: folded surface forms
  double number = 0;                 // percents, quantities: the value
  std::string unit{};                // quantities: folded, punctuation read as spaces
  std::vector<std::optional<double>> percents{};  // facts: the percent of each fact with this key
};

using Items = std::array<std::vector<Item>, kCategoryCount>;

std::string format_number(double v) {
  if (std::trunc(v) == v && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));  // also turns -0 into 0
  }
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  return std::string(buf, result.ptr);
}

std::string format_number(const std::optional<double>& v) { return v ? format_number(*v) : "null"; }

bool same_percent(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return !a && !b;
  return std::fabs(*a - *b) <= kPercentTolerance;
}

// gold.md's quantity units: punctuation inside a unit reads as a space
// ("nhà ở/căn hộ" is "nhà ở căn hộ"); fold() then collapses the spaces.
std::string unit_words(std::string_view unit) {
  std::string spaced;
  spaced.reserve(unit.size());
  internal::for_each_code_point(unit, [&](UChar32 c, std::string_view bytes) {
    if (c >= 0 && u_ispunct(c)) {
      spaced += ' ';
    } else {
      spaced.append(bytes);
    }
  });
  return fold(spaced);
}

// One unit is the other, or begins with it followed by a space.
bool unit_matches(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return a == b || (a.starts_with(b) && a[b.size()] == ' ');
}

bool matches(Category category, const Item& predicted, const Item& gold) {
  switch (category) {
    case kOrganizationMentions:
      return std::ranges::find(gold.texts, predicted.key) != gold.texts.end();
    case kPercents:
      return std::fabs(predicted.number - gold.number) <= kPercentTolerance;
    case kQuantities:
      return predicted.number == gold.number && unit_matches(predicted.unit, gold.unit);
    default:
      return predicted.key == gold.key;
  }
}

// Adds `item` unless an item with its key is there already; a fact's percents
// join those of the fact already there.
void add(std::vector<Item>& items, Item item) {
  auto it = std::ranges::find(items, item.key, &Item::key);
  if (it == items.end()) {
    items.push_back(std::move(item));
  } else {
    it->percents.insert(it->percents.end(), item.percents.begin(), item.percents.end());
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// One JSON document being read: every error names it, its id once known, and
// the path of the offending field.
class Reader {
 public:
  explicit Reader(const JsonText& source) : origin_(source.origin) {
    try {
      root_ = json::parse(source.text);
    } catch (const json::exception& e) {
      // Drop nlohmann's "[json.exception.parse_error.101] " tag.
      std::string_view what = e.what();
      std::size_t tag_end = what.find("] ");
      fail("",
           "invalid JSON: " +
               std::string(tag_end == std::string_view::npos ? what : what.substr(tag_end + 2)));
    }
    if (!root_.is_object()) {
      fail("", "expected a JSON object, got " + std::string(root_.type_name()));
    }
    id_ = string(root_, "id", "");
    if (id_.empty()) fail("id", "empty");
  }

  const json& root() const { return root_; }
  const std::string& id() const { return id_; }

  [[noreturn]] void fail(std::string_view path, std::string_view message) const {
    std::string where = origin_;
    if (!id_.empty()) where += " (id " + id_ + ")";
    where += ": ";
    if (!path.empty()) where += std::string(path) + ": ";
    throw Error(where + std::string(message));
  }

  // Required member `key` of `object` (found at `path`).
  const json& member(const json& object, std::string_view key, std::string_view path) const {
    auto it = object.find(key);
    if (it == object.end()) fail(path, "missing field \"" + std::string(key) + "\"");
    return *it;
  }

  std::string string(const json& object, std::string_view key, std::string_view path) const {
    const json& value = member(object, key, path);
    if (!value.is_string()) mistyped(path, key, "a string", value);
    return value.get<std::string>();
  }

  // Required, string or null.
  std::optional<std::string> nullable_string(const json& object, std::string_view key,
                                             std::string_view path) const {
    const json& value = member(object, key, path);
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) mistyped(path, key, "a string or null", value);
    return value.get<std::string>();
  }

  // Missing or null, else a string.
  std::optional<std::string> optional_string(const json& object, std::string_view key,
                                             std::string_view path) const {
    if (!object.contains(key)) return std::nullopt;
    return nullable_string(object, key, path);
  }

  double number(const json& object, std::string_view key, std::string_view path) const {
    const json& value = member(object, key, path);
    if (!value.is_number()) mistyped(path, key, "a number", value);
    return value.get<double>();
  }

  std::optional<double> nullable_number(const json& object, std::string_view key,
                                        std::string_view path) const {
    const json& value = member(object, key, path);
    if (value.is_null()) return std::nullopt;
    if (!value.is_number()) mistyped(path, key, "a number or null", value);
    return value.get<double>();
  }

  const json& array(const json& object, std::string_view key, std::string_view path) const {
    const json& value = member(object, key, path);
    if (!value.is_array()) mistyped(path, key, "an array", value);
    return value;
  }

  // Element `i` of `array`, which was found at `path`; it must be an object.
  const json& object_at(const json& array, std::size_t i, std::string_view path) const {
    const json& value = array[i];
    if (!value.is_object()) {
      fail(element_path(path, i), "expected an object, got " + std::string(value.type_name()));
    }
    return value;
  }

  // Element `i` of `array`, which was found at `path`; it must be a string.
  std::string string_at(const json& array, std::size_t i, std::string_view path) const {
    const json& value = array[i];
    if (!value.is_string()) {
      fail(element_path(path, i), "expected a string, got " + std::string(value.type_name()));
    }
    return value.get<std::string>();
  }

  static std::string element_path(std::string_view path, std::size_t i) {
    return std::string(path) + "[" + std::to_string(i) + "]";
  }

  static std::string field_path(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
  }

 private:
  [[noreturn]] void mistyped(std::string_view path, std::string_view key, std::string_view want,
                             const json& got) const {
    fail(field_path(path, key),
         "expected " + std::string(want) + ", got " + std::string(got.type_name()));
  }

  std::string origin_;
  std::string id_;
  json root_;
};

Item text_item(std::string text) {
  Item item{.key = fold(text)};
  item.display = std::move(text);
  return item;
}

// " (as written)" when the object gives its text.
std::string written(const Reader& reader, const json& object, std::string_view path) {
  std::optional<std::string> text = reader.optional_string(object, "text", path);
  return text ? " (" + *text + ")" : "";
}

// The item of a gold list element or a record entity of `category`: both
// use the field names of output.md.
Item read_item(const Reader& reader, Category category, const json& object, std::string_view path) {
  switch (category) {
    case kOrganizations:
    case kPersons:
    case kLocations:
      return text_item(reader.string(object, "canonical", path));
    case kDates: {
      std::string value = reader.string(object, "value", path);
      return {.key = value, .display = value + written(reader, object, path)};
    }
    case kMoney: {
      std::string value = format_number(reader.number(object, "value", path));
      std::string currency = reader.string(object, "currency", path);
      return {.key = value + '\x1f' + currency,
              .display = value + " " + currency + written(reader, object, path)};
    }
    case kPercents: {
      double value = reader.number(object, "value", path);
      return {.key = format_number(value),
              .display = format_number(value) + written(reader, object, path),
              .number = value};
    }
    case kRatios: {
      std::string ratio = format_number(reader.number(object, "numerator", path)) + "/" +
                          format_number(reader.number(object, "denominator", path));
      return {.key = ratio, .display = ratio + written(reader, object, path)};
    }
    case kQuantities: {
      double value = reader.number(object, "value", path);
      std::string unit = reader.nullable_string(object, "unit", path).value_or("");
      return {.key = format_number(value) + '\x1f' + fold(unit),
              .display = format_number(value) + (unit.empty() ? "" : " " + unit) +
                         written(reader, object, path),
              .number = value,
              .unit = unit_words(fold(unit))};
    }
    default:
      assert(false && "category without list elements");
      return {};
  }
}

// What one gold file or one record says, category by category.
Items read_items(const Reader& reader, bool gold) {
  const json& root = reader.root();
  Items items;

  if (std::optional<std::string> title = reader.nullable_string(root, "title", "")) {
    Item item = text_item(*title);
    if (!item.key.empty()) add(items[kTitle], std::move(item));
  }

  const json& authors = reader.array(root, "authors", "");
  for (std::size_t i = 0; i < authors.size(); ++i) {
    add(items[kAuthors], text_item(reader.string_at(authors, i, "authors")));
  }

  if (gold) {
    for (const ListCategory& list : kListCategories) {
      const json& elements = reader.array(root, list.gold_key, "");
      for (std::size_t i = 0; i < elements.size(); ++i) {
        std::string path = Reader::element_path(list.gold_key, i);
        const json& element = reader.object_at(elements, i, list.gold_key);
        add(items[list.category], read_item(reader, list.category, element, path));
        if (list.category != kOrganizations) continue;
        // Each gold organization is one mention item, found by any of its texts.
        std::string texts_path = Reader::field_path(path, "texts");
        const json& texts = reader.array(element, "texts", path);
        Item mention;  // no key: gold mention items are never merged
        std::vector<std::string> written_texts;
        for (std::size_t t = 0; t < texts.size(); ++t) {
          written_texts.push_back(reader.string_at(texts, t, texts_path));
          mention.texts.push_back(fold(written_texts.back()));
        }
        mention.display =
            reader.string(element, "canonical", path) + ": " + join(written_texts, " | ");
        items[kOrganizationMentions].push_back(std::move(mention));
      }
    }
  } else {
    const json& entities = reader.array(root, "entities", "");
    for (std::size_t i = 0; i < entities.size(); ++i) {
      std::string path = Reader::element_path("entities", i);
      const json& entity = reader.object_at(entities, i, "entities");
      std::string type = reader.string(entity, "type", path);
      auto list = std::ranges::find(kListCategories, type, &ListCategory::entity_type);
      if (list == kListCategories.end()) continue;  // a type vnie/1 does not score
      add(items[list->category], read_item(reader, list->category, entity, path));
      if (list->category == kOrganizations) {
        add(items[kOrganizationMentions], text_item(reader.string(entity, "text", path)));
      }
    }
  }

  const json& officials = reader.array(root, "officials", "");
  for (std::size_t i = 0; i < officials.size(); ++i) {
    std::string path = Reader::element_path("officials", i);
    const json& official = reader.object_at(officials, i, "officials");
    std::string name = reader.string(official, "name", path);
    std::string roles_path = Reader::field_path(path, "roles");
    const json& roles = reader.array(official, "roles", path);
    for (std::size_t r = 0; r < roles.size(); ++r) {
      std::string role_path = Reader::element_path(roles_path, r);
      const json& role = reader.object_at(roles, r, roles_path);
      std::string title = reader.string(role, "title", role_path);
      std::optional<std::string> organization =
          reader.nullable_string(role, "organization_canonical", role_path);
      std::string key = fold(name) + '\x1f' + fold(title);
      std::string display = name + " | " + title;
      add(items[kOfficials], {.key = key, .display = display});
      add(items[kOfficialRoles],
          {.key = key + (organization ? '\x1f' + fold(*organization) : "\x1e"),
           .display = display + " | " + organization.value_or("null")});
    }
  }

  const json& facts = reader.array(root, "facts", "");
  for (std::size_t i = 0; i < facts.size(); ++i) {
    std::string path = Reader::element_path("facts", i);
    const json& fact = reader.object_at(facts, i, "facts");
    std::string key = format_number(reader.nullable_number(fact, "actual", path)) + "/" +
                      format_number(reader.nullable_number(fact, "target", path));
    add(items[kFacts],
        {.key = key, .display = key, .percents = {reader.nullable_number(fact, "percent", path)}});
  }
  return items;
}

std::size_t rank(std::string_view category) {
  return static_cast<std::size_t>(std::ranges::find(kScoreCategories, category) -
                                  kScoreCategories.begin());
}

void sort_items(std::vector<std::pair<std::string, std::string>>& items) {
  std::ranges::sort(items, [](const auto& a, const auto& b) {
    return std::pair(rank(a.first), std::string_view(a.second)) <
           std::pair(rank(b.first), std::string_view(b.second));
  });
}

// Scores one article: adds its counts to `report` and returns its diff.
// `predicted` is null when no record has the article's id.
ArticleDiff compare(const std::string& id, const Items& gold, const Items* predicted,
                    ScoreReport& report) {
  ArticleDiff diff;
  diff.id = id;
  diff.missing_record = predicted == nullptr;
  static const Items kNothing;
  const Items& found = predicted ? *predicted : kNothing;
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    auto category = static_cast<Category>(c);
    CategoryScore& score = report.categories[c];
    std::string name(kScoreCategories[c]);
    score.gold += static_cast<long>(gold[c].size());
    score.predicted += static_cast<long>(found[c].size());
    for (const Item& g : gold[c]) {
      if (std::ranges::any_of(found[c], [&](const Item& p) { return matches(category, p, g); })) {
        ++score.tp;
      } else {
        diff.misses.emplace_back(name, g.display);
      }
    }
    for (const Item& p : found[c]) {
      if (std::ranges::any_of(gold[c], [&](const Item& g) { return matches(category, p, g); })) {
        ++score.tp_predicted;
      } else {
        diff.false_hits.emplace_back(name, p.display);
      }
    }
  }

  for (const Item& g : gold[kFacts]) {
    ++report.fact_percent_gold;
    auto p = std::ranges::find(found[kFacts], g.key, &Item::key);
    if (p == found[kFacts].end()) continue;
    ++report.fact_percent_found;
    const std::optional<double>& want = g.percents.front();  // the first gold fact's
    if (std::ranges::any_of(p->percents,
                            [&](const auto& got) { return same_percent(got, want); })) {
      ++report.fact_percent_tp;
    } else {
      std::vector<std::string> got;
      for (const auto& percent : p->percents) got.push_back(format_number(percent));
      diff.misses.emplace_back(kFactPercent, g.display + ": gold " + format_number(want) +
                                                 ", predicted " + join(got, ", "));
    }
  }

  sort_items(diff.misses);
  sort_items(diff.false_hits);
  return diff;
}

std::string pad_left(std::string_view s, std::size_t width) {
  return std::string(width > s.size() ? width - s.size() : 0, ' ') + std::string(s);
}

std::string pad_right(std::string_view s, std::size_t width) {
  return std::string(s) + std::string(width > s.size() ? width - s.size() : 0, ' ');
}

std::string three_decimals(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

double CategoryScore::precision() const {
  return predicted == 0 ? 0 : static_cast<double>(tp_predicted) / static_cast<double>(predicted);
}

double CategoryScore::recall() const {
  return gold == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(gold);
}

double CategoryScore::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

const CategoryScore& ScoreReport::category(std::string_view name) const {
  auto it = std::ranges::find(categories, name, &CategoryScore::name);
  if (it == categories.end()) {
    throw std::out_of_range("no score category \"" + std::string(name) + "\"");
  }
  return *it;
}

ScoreReport score(const std::vector<JsonText>& gold, const std::vector<JsonText>& records) {
  std::map<std::string, Items> gold_articles;  // sorted by id
  for (const JsonText& source : gold) {
    Reader reader(source);
    Items items = read_items(reader, /*gold=*/true);
    if (!gold_articles.emplace(reader.id(), std::move(items)).second) {
      reader.fail("", "a second gold article with this id");
    }
  }

  std::map<std::string, Items> predicted;
  for (const JsonText& source : records) {
    Reader reader(source);
    if (std::optional<std::string> schema = reader.optional_string(reader.root(), "schema", "");
        schema && *schema != "vnie/1") {
      reader.fail("schema", "\"" + *schema + "\" is not vnie/1");
    }
    Items items = read_items(reader, /*gold=*/false);
    if (!predicted.emplace(reader.id(), std::move(items)).second) {
      reader.fail("", "a second record with this id");
    }
  }

  ScoreReport report;
  for (std::string_view name : kScoreCategories) {
    report.categories.push_back({.name = std::string(name)});
  }
  for (const auto& [id, items] : gold_articles) {
    auto record = predicted.find(id);
    report.articles.push_back(
        compare(id, items, record == predicted.end() ? nullptr : &record->second, report));
  }
  for (const auto& [id, items] : predicted) {
    if (!gold_articles.contains(id)) report.unmatched_records.push_back(id);
  }
  return report;
}

ScoreReport score(const std::vector<std::string>& gold_json_texts,
                  const std::vector<std::string>& record_json_texts) {
  auto name = [](std::string_view side, const std::vector<std::string>& texts) {
    std::vector<JsonText> named;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      named.push_back(
          {.origin = std::string(side) + "[" + std::to_string(i) + "]", .text = texts[i]});
    }
    return named;
  };
  return score(name("gold", gold_json_texts), name("record", record_json_texts));
}

std::string format_table(const ScoreReport& report) {
  constexpr std::size_t kName = 22, kCount = 10, kRatio = 7;
  auto ratio = [](bool defined, double v) {
    return pad_left(defined ? three_decimals(v) : "-", kRatio);
  };
  std::string out = pad_right("category", kName);
  for (std::string_view header : {"gold", "predicted", "TP", "TP(P)"}) {
    out += pad_left(header, kCount);
  }
  for (std::string_view header : {"P", "R", "F1"}) out += pad_left(header, kRatio);
  out += '\n';
  for (const CategoryScore& s : report.categories) {
    out += pad_right(s.name, kName);
    for (long count : {s.gold, s.predicted, s.tp, s.tp_predicted}) {
      out += pad_left(std::to_string(count), kCount);
    }
    out += ratio(s.predicted > 0, s.precision());
    out += ratio(s.gold > 0, s.recall());
    out += ratio(s.predicted > 0 && s.gold > 0, s.f1());
    out += '\n';
  }
  out += "\nfact percent: " + std::to_string(report.fact_percent_tp) + " of " +
         std::to_string(report.fact_percent_found) + " found facts have the gold percent (" +
         std::to_string(report.fact_percent_gold) + " gold facts)\n";
  long missing = std::ranges::count_if(report.articles, &ArticleDiff::missing_record);
  out += "articles: " + std::to_string(report.articles.size()) + " gold, " +
         std::to_string(static_cast<long>(report.articles.size()) - missing) +
         " with a record; records without gold (not scored): " +
         std::to_string(report.unmatched_records.size()) + "\n";
  return out;
}

std::string format_misses(const ScoreReport& report) {
  std::string out;
  auto line = [&out](std::string_view kind, const std::pair<std::string, std::string>& entry) {
    out.append(kind).append(" ").append(entry.first).append(": ").append(entry.second) += '\n';
  };
  for (const ArticleDiff& article : report.articles) {
    if (!article.missing_record && article.misses.empty() && article.false_hits.empty()) continue;
    out.append("== ").append(article.id).append(article.missing_record ? " (no record)\n" : "\n");
    for (const auto& miss : article.misses) line("MISS", miss);
    for (const auto& hit : article.false_hits) line("FALSE", hit);
  }
  if (!report.unmatched_records.empty()) {
    out += "records without gold (not scored): " + join(report.unmatched_records, ", ") + "\n";
  }
  return out;
}

std::string to_json(const ScoreReport& report) {
  using nlohmann::ordered_json;  // keys in the order written here
  auto ratio = [](bool defined, double v) {
    return defined ? ordered_json(v) : ordered_json(nullptr);
  };
  ordered_json categories = ordered_json::array();
  for (const CategoryScore& s : report.categories) {
    categories.push_back({{"name", s.name},
                          {"gold", s.gold},
                          {"predicted", s.predicted},
                          {"tp", s.tp},
                          {"tp_predicted", s.tp_predicted},
                          {"precision", ratio(s.predicted > 0, s.precision())},
                          {"recall", ratio(s.gold > 0, s.recall())},
                          {"f1", ratio(s.predicted > 0 && s.gold > 0, s.f1())}});
  }
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& items) {
    ordered_json out = ordered_json::array();
    for (const auto& [category, item] : items) {
      out.push_back({{"category", category}, {"item", item}});
    }
    return out;
  };
  ordered_json articles = ordered_json::array();
  for (const ArticleDiff& a : report.articles) {
    articles.push_back({{"id", a.id},
                        {"missing_record", a.missing_record},
                        {"misses", pairs(a.misses)},
                        {"false_hits", pairs(a.false_hits)}});
  }
  ordered_json out = {{"categories", categories},
                      {"fact_percent",
                       {{"gold", report.fact_percent_gold},
                        {"found", report.fact_percent_found},
                        {"tp", report.fact_percent_tp}}},
                      {"articles", articles},
                      {"unmatched_records", report.unmatched_records}};
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace vnie
