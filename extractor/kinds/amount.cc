// Figures: money, percent, ratio and quantity values from captured numbers,
// scale words, currencies, units and hedge words.
//
// Captures: hedge  num  [num2] (range end)  numw (number in words)
//           scale  currency  per (a price's or rate's unit)  unit  den (ratio denominator)
// The rule's type says which fields come out (output.md):
//   money    value currency qualifier      percent  value qualifier
//   quantity value unit qualifier          ratio    numerator denominator unit
// A range ("100 - 200 triệu đồng", "3-4%") gives one entity per end with
// "range": true; the first covers the whole range, the second its own number.
#include <cmath>
#include <cstdlib>

#include "../normalize.h"
#include "kinds.h"

namespace vnie::internal {
namespace {

Value number_value(double v) {
  if (std::fabs(v) < 9.0e15 && v == std::floor(v)) return static_cast<std::int64_t>(v);
  // Round away binary noise from decimal input ("95,14" * 1).
  return std::round(v * 1e6) / 1e6;
}

// Larger figures are digit noise, not amounts (and would not fit the output's integers).
constexpr double kLargest = 1e18;

std::optional<double> amount(const Match& m, std::string_view num, const Context& context) {
  std::optional<double> v = parse_number(num);
  if (!v && m.has("numw")) {
    // "hàng trăm triệu đồng" is no number.
    if (lexicon_has(context.rules, "vague_before", words_before(m.norm, m.span_of("numw").start, 1))) return std::nullopt;
    v = parse_number_words(m["numw"], context.rules);
  }
  if (!v) return std::nullopt;
  if (m.has("scale")) {
    std::string scale = lexicon_value(context.rules, "scale_words", m["scale"]);
    if (scale.empty()) return std::nullopt;
    *v *= std::atof(scale.c_str());
  }
  if (!std::isfinite(*v) || *v > kLargest) return std::nullopt;
  return *v;
}

Value qualifier(const Match& m, const Context& context) {
  if (!m.has("hedge")) return nullptr;
  std::string q = lexicon_value(context.rules, "hedges", m["hedge"]);
  return q.empty() ? Value(nullptr) : Value(q);
}

// The unit noun phrase: the captured words up to the first function word
// (a noun that begins with one stays whole at the start: "chỉ tiêu").
std::string unit_text(const Match& m, const Context& context) {
  std::string_view u = m["unit"];
  // A quoted name counted whole: 27 "Mái ấm Công đoàn".
  if (u.size() > 2 && u.front() == '"' && u.back() == '"') return std::string(u.substr(1, u.size() - 2));
  std::size_t end = longest_prefix(context.rules, "unit_nouns", u, nullptr).size();
  for (std::size_t b = end == 0 ? 0 : end + 1; b < u.size();) {
    std::size_t e = u.find(' ', b);
    if (e == std::string_view::npos) e = u.size();
    if (lexicon_has(context.rules, "unit_stop_words", u.substr(b, e - b))) break;
    end = e;
    b = e + 1;
  }
  return std::string(u.substr(0, end));
}

// The match, ending where the (cut) unit ends.
Span8 unit_span(const Match& m, const std::string& unit) {
  if (!m.has("unit")) return m.span;
  if (m["unit"].front() == '"') return {m.span.start, m.span_of("unit").end};
  return {m.span.start, m.span_of("unit").start + static_cast<std::uint32_t>(unit.size())};
}

// After "tháng", "số", "điều"... (not_count_before.txt) a number is part of
// a date or an identifier.
bool after_not_count_word(const Match& m, std::size_t start, const Context& context) {
  return lexicon_has(context.rules, "not_count_before", words_before(m.norm, start, 1)) ||
         lexicon_has(context.rules, "not_count_before", words_before(m.norm, start, 2));
}

// Whether the currency word after a number begins another word ("11 đồng
// chí", "3 đồng tiền xu"): only a number under a thousand without a scale
// word can be read so; "5 triệu đồng tiền mặt", "700.000 đồng tiền mặt" are
// money. `words` are the currency word and the word after it.
bool begins_false_friend(const Match& m, double value, std::string_view words, const Context& context) {
  return !m.has("scale") && value < 1000 && lexicon_has(context.rules, "currency_false_friends", words);
}

// Counts only: not a duration or age ("6 tháng", "35 tuổi"), not an ordinal
// or identifier ("bão số 3", "lần thứ 5", "hệ số 4,4"), not money. `value`
// is the number counted.
bool is_count(const Match& m, double value, const std::string& unit, const Context& context) {
  if (unit.empty()) return false;
  // "giai đoạn 2021-2025 thành phố phải ...": a span of years, no count.
  if (m.has("num2")) {
    std::optional<double> to = parse_number(m["num2"]);
    if (value >= 1900 && value <= 2100 && to && *to >= 1900 && *to <= 2100 && *to > value) return false;
  }
  std::string_view first(unit);
  first = first.substr(0, first.find(' '));
  std::string_view two_words = std::string_view(unit).substr(0, unit.find(' ', first.size() + 1));
  if (lexicon_has(context.rules, "not_units", first) || lexicon_has(context.rules, "not_units", two_words)) {
    return false;
  }
  if (lexicon_has(context.rules, "currencies", first) && !begins_false_friend(m, value, two_words, context)) {
    return false;
  }
  std::size_t start = m.has("hedge") ? m.span_of("hedge").start : m.span.start;
  // Part of a larger figure, a date or a name: "10/11/2024 LĐLĐ",
  // "1.000-2.000", "quý II/2025 phối hợp", "dịch Covid-19 khiến".
  if (start > 1 && std::string_view("/.,-:").find(m.norm[start - 1]) != std::string_view::npos &&
      ((m.norm[start - 2] >= '0' && m.norm[start - 2] <= '9') ||
       ((m.norm[start - 1] == '/' || m.norm[start - 1] == '-') && word_char_before(m.norm, start - 1)))) {
    return false;
  }
  if (lexicon_has(context.rules, "count_markers", words_before(m.norm, start, 2))) return true;
  return !after_not_count_word(m, start, context);
}

}  // namespace

std::vector<Resolved> resolve_amount(const Rule& rule, const Match& m, const Context& context) {
  const std::string& type = rule.type;
  if (type == "ratio") {
    // "cuối tháng 3/2024", "Điều 5/...": a date or an identifier, not an achievement.
    if (after_not_count_word(m, m.span.start, context)) return {};
    std::optional<double> a = parse_number(m["num"]), b = parse_number(m["den"]);
    if (!a || !b || *b == 0 || *a > kLargest || *b > kLargest) return {};
    std::vector<Field> f = {{"numerator", number_value(*a)}, {"denominator", number_value(*b)}};
    std::string unit = unit_text(m, context);
    f.push_back({"unit", unit.empty() ? Value(nullptr) : Value(unit)});
    Span8 span = unit_span(m, unit);
    if (unit.empty()) span.end = m.span_of("den").end;
    return {{span, std::move(f)}};
  }
  std::optional<double> first = amount(m, m["num"], context);
  if (!first) return {};
  if (type == "money" && m.has("currency")) {
    // "11 đồng chí" counts comrades, not money.
    std::size_t b = m.span.end + 1;
    std::size_t e = m.norm.find_first_of(" ,.;:)\n", b);
    if (b < m.norm.size() && m.norm[m.span.end] == ' ') {
      std::string words = std::string(m["currency"]) + " " +
                          std::string(m.norm.substr(b, (e == std::string_view::npos ? m.norm.size() : e) - b));
      if (begins_false_friend(m, *first, words, context)) return {};
    }
  }
  std::string unit;
  if (type == "quantity") {
    unit = unit_text(m, context);
    if (!is_count(m, *first, unit, context)) return {};
  }
  auto fields_for = [&](double v) {
    std::vector<Field> f = {{"value", number_value(v)}};
    if (type == "money") {
      std::string currency = m.has("currency") ? lexicon_value(context.rules, "currencies", m["currency"]) : "";
      if (const std::string* fixed = rule.setting("currency"); fixed != nullptr && currency.empty()) currency = *fixed;
      if (currency.empty()) currency = "VND";
      f.push_back({"currency", currency});
      // A price or rate: "71,18 USD/thùng", "25.400 đồng/USD" (field `per`, not in vnie/1's table).
      if (m.has("per")) {
        std::string per_currency = lexicon_value(context.rules, "currencies", m["per"]);
        f.push_back({"per", per_currency.empty() ? std::string(m["per"]) : per_currency});
      }
    } else if (type == "quantity") {
      f.push_back({"unit", unit});
    }
    f.push_back({"qualifier", qualifier(m, context)});
    return f;
  };
  Span8 span = type == "quantity" ? unit_span(m, unit) : m.span;
  if (!m.has("num2")) return {{span, fields_for(*first)}};
  std::optional<double> second = amount(m, m["num2"], context);
  if (!second) return {};
  // "3-4 triệu": the scale written once applies to both ends.
  std::vector<Field> a = fields_for(*first), b = fields_for(*second);
  a.push_back({"range", true});
  b.push_back({"range", true});
  Span8 second_span{m.span_of("num2").start, span.end};
  return {{span, std::move(a)}, {second_span, std::move(b)}};
}

std::vector<Resolved> resolve_ignore(const Rule&, const Match& m, const Context&) { return {{m.span, {}}}; }

}  // namespace vnie::internal
