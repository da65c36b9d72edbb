// Names: organizations, persons and locations from their matched text.
//
// organization: canonical = the text with "(ABBR)" definitions dropped,
//   abbreviations expanded (lexicon org_abbreviations), unit words in lower
//   case, "Công đoàn" before an administrative unit read as "Liên đoàn Lao
//   động", a trailing term ("khóa XI") dropped; kind from org_heads/organs.
//   A group `inner` is a nested organization, reported as a second entity.
// person: canonical = the name (group `name` when the match carries a lead
//   word such as "đồng chí" or a title); aliases from person_aliases.
// location: group `place` (else the match), level from group `unit` or from
//   the lexicon that knows the place.
// group `next`: the word after a bare organ; one of generic_after_organ makes it generic.
// Article context (home district, short mentions) is applied later, in resolve.cc.
#include <cctype>
#include <re2/re2.h>

#include <algorithm>
#include <sstream>

#include "../normalize.h"
#include "kinds.h"

namespace vnie::internal {
namespace {

bool starts_with_word(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix &&
         (s.size() == prefix.size() || s[prefix.size()] == ' ');
}

// An administrative unit word of a province, district or ward (unit_words.txt).
bool is_admin_word(const RuleSetImpl& rules, std::string_view w) {
  const LexiconRow* row = lexicon_row(rules, "unit_words", to_lower(w));
  if (row == nullptr || row->fields.size() < 2) return false;
  const std::string& level = row->fields[1];
  return level == "province" || level == "province_or_district" || level == "district" || level == "ward";
}

// A family name that is not also a common word or a place's ("Nguyễn", not
// "Tân" or "Giang": family_names.txt flags those ambiguous).
bool surely_family_name(const RuleSetImpl& rules, std::string_view w) {
  const LexiconRow* row = lexicon_row(rules, "family_names", w);
  return row != nullptr && row->fields.size() < 2;
}

}  // namespace

std::string organization_canonical(const RuleSetImpl& rules, std::string_view text) {
  // Drop "(LĐLĐ)"-style definitions and a trailing term number.
  static const RE2 definition(R"( \((?:(?:Sở|Bộ|Phòng|Cục) )?\p{Lu}[\p{Lu}\p{Ll}&.-]*\))");
  static const RE2 term(R"( khóa [IVXL]+$)");
  std::string s(text);
  if (s.find(" (") != std::string::npos) RE2::GlobalReplace(&s, definition, "");
  if (s.find(" khóa ") != std::string::npos) RE2::GlobalReplace(&s, term, "");
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  // words[i..] joined by single spaces, for the lexicon lookups below;
  // rebuilt only when a word is rewritten.
  std::string joined;
  std::vector<std::size_t> starts;
  bool stale = true;
  auto rest_from = [&](std::size_t i) {
    if (stale) {
      joined.clear();
      starts.clear();
      for (const std::string& word : words) {
        if (!joined.empty()) joined += ' ';
        starts.push_back(joined.size());
        joined += word;
      }
      stale = false;
    }
    return std::string_view(joined).substr(starts[i]);
  };
  std::string out;
  // A company's or bank's name keeps a place in it as written ("Công ty
  // TNHH Nhựa Hòa Bình", "Ngân hàng TMCP Sài Gòn Thương Tín").
  bool own_name = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (!own_name && std::isupper(static_cast<unsigned char>(w[0]))) {
      std::string kind;
      own_name = !longest_prefix(rules, "org_heads", rest_from(i), &kind).empty() && (kind == "company" || kind == "bank");
    }
    if (w == "TP" || w == "TP." || w == "Tp" || w == "Tp.") {
      w = "thành phố";
    } else if ((w == "Thành" || w == "Tỉnh" || w == "Quận" || w == "Huyện" || w == "Phường") && i > 0 &&
               i + 1 < words.size()) {
      // A unit word before a place name reads in lower case ("LĐLĐ Thành phố"
      // -> "thành phố"); not in "Tỉnh ủy", nor in a numbered unit ("Quận 3").
      const std::string& next = words[i + 1];
      bool unit = w == "Thành" ? next == "phố" : (to_lower(next) != next);
      if (unit) w = to_lower(w);
    } else if (w == "Công" && i + 1 < words.size() && words[i + 1] == "đoàn" && i + 2 < words.size() &&
               (is_admin_word(rules, words[i + 2]) ||
                (i + 3 < words.size() && is_admin_word(rules, words[i + 2] + " " + words[i + 3])))) {
      w = "Liên đoàn Lao";
      words[i + 1] = "động";
      stale = true;
    } else {
      std::string_view rest = rest_from(i);
      // City forms written together ("TP.HCM", "TP. Hà Nội"): the unit and the name.
      std::string place;
      std::string alias = longest_prefix(rules, "province_aliases", rest, &place);
      // A branch keeps the name it is called by ("Chi nhánh Sài Gòn").
      bool branch = i > 0 && words[i - 1] == "nhánh";
      if (!alias.empty() && !place.empty() && !branch && !own_name) {
        std::string unit = lexicon_value(rules, "provinces", place);
        if (unit.empty()) unit = "tỉnh";
        bool unit_written = out.size() >= unit.size() && out.compare(out.size() - unit.size(), unit.size(), unit) == 0;
        w = unit_written ? place : unit + " " + place;
        i += static_cast<std::size_t>(std::count(alias.begin(), alias.end(), ' '));
        if (!out.empty()) out += ' ';
        out += w;
        continue;
      }
      // Multi-word abbreviations first ("Tổng LĐLĐ Việt Nam"), then single
      // ones; a company's name keeps its group's after a dash ("Công ty Than
      // Khe Ngà - TKV").
      std::string expansion;
      std::string abbr = longest_prefix(rules, "org_abbreviations", rest, &expansion);
      bool group_suffix = own_name && i > 0 && words[i - 1] == "-";
      if (!abbr.empty() && !expansion.empty() && expansion != "công nhân, viên chức, lao động" && !group_suffix) {
        std::size_t n = static_cast<std::size_t>(std::count(abbr.begin(), abbr.end(), ' ')) + 1;
        w = expansion;
        i += n - 1;
      }
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string organization_kind(const RuleSetImpl& rules, std::string_view canonical) {
  std::string kind;
  std::string organ = longest_prefix(rules, "organs", canonical, &kind);
  if (!organ.empty() && canonical.size() > organ.size() + 1) {
    std::string inner_kind = organization_kind(rules, canonical.substr(organ.size() + 1));
    if (inner_kind != "other") return inner_kind;
  }
  if (!organ.empty()) return kind;
  std::string head = longest_prefix(rules, "org_heads", canonical, &kind);
  if (!head.empty() && !kind.empty()) return kind;
  if (starts_with_word(canonical, "Cụm thi đua")) return "union";
  return "other";
}

std::vector<Field> organization_fields(const RuleSetImpl& rules, std::string_view text) {
  std::string canonical = organization_canonical(rules, text);
  if (std::string alias = lexicon_value(rules, "org_canonical_aliases", canonical); !alias.empty()) canonical = alias;
  std::string kind = organization_kind(rules, canonical);
  // A union's or an agency's province written bare takes "tỉnh" ("Công
  // đoàn Giáo dục Đắk Lắk" -> "... tỉnh Đắk Lắk"), as bare mentions
  // completed from the article do ("Sở Giáo dục và Đào tạo tỉnh Đắk Lắk"), so
  // both name the body alike; a company's name keeps its place as written.
  // A zone's place is part of the zone's name ("Khu kinh tế Đông Nam Nghệ An").
  bool zone = canonical.find("Khu ") != std::string::npos || canonical.find("Cụm công nghiệp") != std::string::npos;
  // A company's union: the place belongs to the company's name.
  bool company = canonical.find("Công ty ") != std::string::npos || canonical.find("Ngân hàng ") != std::string::npos;
  const LexiconRow* province = zone || company || (kind != "union" && kind != "government" && kind != "party")
                                  ? nullptr
                                  : trailing_entry(rules, "provinces", canonical);
  if (province != nullptr) {
    std::string_view before = std::string_view(canonical).substr(0, canonical.size() - province->fields[0].size() - 1);
    // "Tỉnh ủy Bắc Ninh", "Thành ủy Hà Nội": the committee's name holds the unit.
    bool has_unit = ends_with_word(before, "tỉnh") || ends_with_word(before, "thành phố") ||
                    ends_with_word(before, "ủy") || before == "Tỉnh ủy" || before == "Thành ủy";
    // Centrally-run cities go without it, as their bodies' names do ("Sở
    // Giáo dục và Đào tạo Hà Nội", "Công đoàn ngành Y tế Hà Nội").
    bool city = province->fields.size() > 1 && province->fields[1] == "thành phố";
    if (!has_unit && !city) canonical.insert(before.size() + 1, "tỉnh ");
  }
  return {{"canonical", canonical}, {"kind", kind}};
}

namespace {

std::string place_level(const RuleSetImpl& rules, std::string_view unit, std::string_view place) {
  std::string u = to_lower(unit);
  if (u == "nước" || place == "Việt Nam" || lexicon_has(rules, "countries", place)) return "country";
  if (u == "quận" || u == "huyện" || u == "thị xã") return "district";
  if (u == "phường" || u == "xã" || u == "thị trấn") return "ward";
  if (u == "tỉnh") return "province";
  bool province = lexicon_has(rules, "provinces", place) || !lexicon_value(rules, "province_aliases", place).empty();
  if (u == "thành phố" || u == "tp" || u == "tp.") {
    // "thành phố Bắc Ninh" is the city inside tỉnh Bắc Ninh; "thành phố Hà Nội" a province.
    return province && lexicon_value(rules, "provinces", place) != "tỉnh" ? "province" : "district";
  }
  if (province || u == "thủ đô") return "province";
  if (lexicon_has(rules, "hanoi_districts", place) || lexicon_has(rules, "other_cities", place) ||
      lexicon_has(rules, "districts", place)) {
    return "district";
  }
  if (lexicon_has(rules, "hanoi_wards", place)) return "ward";
  return "other";
}

}  // namespace

namespace {

// Whether the word [b, e) of a name match `span` is a number that numbers the
// body: one or two digits after "số" ("Xí nghiệp Lắp máy số 3"), or after a
// name word when the name ends there or a function word follows ("Trường
// Tiểu học Hưng Dũng 2 vừa ..."); not "Công ty ABC 5 năm", nor a date or a
// figure ("dịp 8/3").
bool numbers_the_body(const RuleSetImpl& rules, std::string_view norm, Span8 span, std::size_t b, std::size_t e) {
  std::string_view word = norm.substr(b, e - b);
  if (word.empty() || word.size() > 2 || word.find_first_not_of("0123456789") != std::string_view::npos) return false;
  if (e < norm.size() && std::string_view("/.,:").find(norm[e]) != std::string_view::npos) return false;
  std::string_view previous = words_before(norm, b, 1);
  if (previous == "số") return true;
  if (previous.empty() || to_lower(previous) == previous) return false;
  if (e + 1 >= span.end) return true;
  std::string_view after = norm.substr(e + 1, std::min<std::size_t>(norm.find(' ', e + 1), span.end) - e - 1);
  return lexicon_has(rules, "unit_stop_words", after);
}

}  // namespace

// A proper name ends before the first function word after its head, on a
// capitalized word or a name word (org_name_words): "Công ty TNHH Sản xuất
// thương mại Việt Hùng và Ban ..." ends at "Hùng"; "Câu lạc bộ Nữ công" keeps "công".
std::uint32_t trimmed_end(const RuleSetImpl& rules, std::string_view norm, Span8 span) {
  std::string_view text = norm.substr(span.start, span.end - span.start);
  std::string head = longest_prefix(rules, "org_heads", text, nullptr);
  std::uint32_t end = span.start + static_cast<std::uint32_t>(head.size());
  for (std::uint32_t b = end == span.start ? span.start : end + 1; b < span.end;) {
    std::size_t e = norm.find(' ', b);
    if (e == std::string_view::npos || e > span.end) e = span.end;
    std::string_view word = norm.substr(b, e - b);
    // A department's name is kept whole ("Công đoàn Sở Nội vụ", "... Tài
    // nguyên và Môi trường").
    if (std::string department = longest_prefix(rules, "departments", norm.substr(b, span.end - b), nullptr);
        !department.empty() && to_lower(word) != word) {
      end = static_cast<std::uint32_t>(b + department.size());
      b = end + 1;
      continue;
    }
    // Function words are lower-case: a capitalized "Đạt" or "Cho" is a name.
    bool lower = to_lower(word) == word;
    if (end > span.start && lower &&
        (lexicon_has(rules, "unit_stop_words", word) || lexicon_has(rules, "org_name_stop_words", word))) {
      break;
    }
    // Unit words stay ("Ngân hàng Chính sách xã hội tỉnh", completed from context later).
    static const std::vector<std::string_view> kUnitWords = {"quận", "huyện", "tỉnh", "thành", "phố",
                                                             "thị", "xã", "phường", "trấn"};
    bool unit_word = std::find(kUnitWords.begin(), kUnitWords.end(), word) != kUnitWords.end();
    // "Công đoàn" is one word in two syllables ("... pháp luật Công đoàn").
    static constexpr std::string_view kCong = "Công ";
    bool union_word = word == "đoàn" && b >= kCong.size() && norm.substr(b - kCong.size(), kCong.size()) == kCong;
    bool keeps = !lower || word == "-" || unit_word || union_word || numbers_the_body(rules, norm, span, b, e) ||
                 lexicon_has(rules, "org_name_words", word);
    if (keeps || end == span.start) end = static_cast<std::uint32_t>(e);
    b = static_cast<std::uint32_t>(e + 1);
  }
  return end;
}

namespace {

// Where a body's name ends when a person's name follows its unit word
// ("Chủ tịch Công đoàn ngành Giáo dục tỉnh Ngô Thị Hải") or its province:
// the capitalized words after "tỉnh" are taken for a place, but a family
// name then "Thị" or "Văn" is how a person's name reads, not a place's.
// span.end otherwise.
std::uint32_t end_before_person(const RuleSetImpl& rules, std::string_view norm, Span8 span) {
  static const std::vector<std::string_view> kUnits = {"tỉnh", "phố", "huyện", "quận", "xã", "phường", "ủy"};
  // Called for every organization match: the word list is reused, not allocated.
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> words;
  words.clear();
  for (std::uint32_t b = span.start; b < span.end;) {
    std::size_t e = std::min<std::size_t>(norm.find(' ', b), span.end);
    words.emplace_back(b, static_cast<std::uint32_t>(e));
    b = static_cast<std::uint32_t>(e + 1);
  }
  auto word = [&](std::size_t i) { return norm.substr(words[i].first, words[i].second - words[i].first); };
  // The word after the match counts: the body's pattern may stop at a name's
  // first word ("LĐLĐ huyện Nghĩa Hưng Đinh| Văn Chiến").
  std::string_view after;
  if (span.end < norm.size() && norm[span.end] == ' ') {
    std::size_t e = norm.find_first_of(" ,.;:\n", span.end + 1);
    after = norm.substr(span.end + 1, (e == std::string_view::npos ? norm.size() : e) - span.end - 1);
  }
  auto person_at = [&](std::size_t i) {
    std::string_view next = i + 1 < words.size() ? word(i + 1) : after;
    return i < words.size() && (next == "Thị" || next == "Văn") && lexicon_has(rules, "family_names", word(i));
  };
  // Three capitalized words ending the name after a unit word, which begin
  // with a family name that is no common word and are no known place ("UBND
  // Thành phố Lại Hữu Phong", not "thành phố Hồ Chí Minh" nor "xã Tân Thạnh
  // Đông"), are a person too.
  auto known_place = [&](std::size_t i, std::size_t n) {
    std::string_view place = norm.substr(words[i].first, words[i + n - 1].second - words[i].first);
    for (std::string_view lexicon : {"provinces", "districts", "hanoi_districts", "hanoi_wards", "other_cities"}) {
      if (lexicon_has(rules, lexicon, place)) return true;
    }
    return false;
  };
  auto capitalized = [&](std::size_t i) { return to_lower(word(i)) != word(i); };
  for (std::size_t i = 0; i + 3 < words.size(); ++i) {
    if (std::find(kUnits.begin(), kUnits.end(), to_lower(word(i))) == kUnits.end()) continue;
    if (person_at(i + 1) && !known_place(i + 1, std::min<std::size_t>(3, words.size() - i - 1))) return words[i].second;
    if (i + 4 == words.size() && surely_family_name(rules, word(i + 1)) && capitalized(i + 2) && capitalized(i + 3) && !known_place(i + 1, 3)) {
      return words[i].second;
    }
  }
  // After a province the name is complete ("Bệnh viện Đa khoa An Phúc Hà Nội
  // Đỗ Thị Thanh Nga").
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (person_at(i) && trailing_entry(rules, "provinces", norm.substr(span.start, words[i - 1].second - span.start)) != nullptr) {
      return words[i - 1].second;
    }
  }
  // Two name words after the body's head, a family name and Thị or Văn begin
  // the person a title names ("Chủ tịch Công đoàn Công ty TNHH Điện tử Seojin
  // Vina Lê Thị Hồng Nhung"); right after the head they may name the body
  // ("Trường THCS Lê Văn Tám").
  std::string head = longest_prefix(rules, "org_heads", norm.substr(span.start, span.end - span.start), nullptr);
  std::size_t first_name_word = head.empty() ? 1 : static_cast<std::size_t>(std::count(head.begin(), head.end(), ' ')) + 1;
  for (std::size_t i = first_name_word + 2; i < words.size(); ++i) {
    if (person_at(i)) return words[i - 1].second;
  }
  return span.end;
}

}  // namespace

std::vector<Resolved> resolve_name(const Rule& rule, const Match& m, const Context& context) {
  const RuleSetImpl& rules = context.rules;
  std::string_view whole = m.norm.substr(m.span.start, m.span.end - m.span.start);
  if (rule.type == "organization") {
    bool trim = rule.setting("trim") != nullptr;
    Span8 span = m.span;
    if (m.has("next")) {
      // A bare organ of a generic body ("Ban Chấp hành công đoàn cơ sở") is none.
      std::string_view next = m["next"].substr(1);
      if (lexicon_has(rules, "generic_after_organ", next)) return {};
      span.end = m.span_of("next").start;
    }
    // "Trưởng phòng LĐ-TB&XH huyện": the body is the division the title
    // heads, named with the word the title holds (set.prefix = "Phòng").
    if (const std::string* prefix = rule.setting("prefix"); prefix != nullptr && m.has("inner")) {
      Span8 inner = m.span_of("inner");
      std::string named = *prefix + " " + std::string(m.norm.substr(inner.start, inner.end - inner.start));
      return {{inner, organization_fields(rules, named)}};
    }
    if (trim) span.end = trimmed_end(rules, m.norm, span);
    span.end = end_before_person(rules, m.norm, span);
    // canonical and kind are filled in for the matches that win (finish_organization).
    std::vector<Resolved> out = {{span, {}}};
    if (m.has("inner")) {
      Span8 inner = m.span_of("inner");
      inner.end = std::min(inner.end, span.end);
      if (inner.start < inner.end && (inner.start != span.start || inner.end != span.end)) {
        out.push_back({inner, {}});
      }
    }
    return out;
  }
  if (rule.type == "person") {
    // "Phó" is a family name and begins titles: "Phó Tổng Giám đốc" is no
    // person "Phó Tổng Giám". A title that starts here and covers the whole
    // match wins.
    if (!m.has("name")) {
      std::string title = longest_prefix(rules, "titles", m.norm.substr(m.span.start), nullptr);
      if (title.size() >= whole.size()) return {};
    }
    Span8 span = m.has("name") ? m.span_of("name") : m.span;
    // "Ủy viên [Đoàn Chủ] tịch": an organ or a title that starts where the
    // name does and runs on past it is no name.
    std::string_view from_name = m.norm.substr(span.start);
    for (std::string_view lexicon : {"organs", "titles"}) {
      if (longest_prefix(rules, lexicon, from_name, nullptr).size() > span.end - span.start) return {};
    }
    // A family name then Thị or Văn inside the match begins the name when no
    // word before it is surely a family name: "Công ty Tân Phước [Đặng Thị
    // Thùy Linh]", "tỉnh Bắc Giang [Nguyễn Văn Thắng]". The search goes on
    // from the next word and finds it.
    bool sure_before = false;
    for (std::size_t b = span.start, k = 0; b < span.end; ++k) {
      std::size_t e = std::min<std::size_t>(m.norm.find(' ', b), span.end);
      std::string_view w = m.norm.substr(b, e - b);
      std::size_t nb = e + 1, ne = std::min(m.norm.find(' ', nb), m.norm.size());
      std::string_view next = e < m.norm.size() && m.norm[e] == ' ' ? m.norm.substr(nb, ne - nb) : std::string_view();
      if (k > 0 && !sure_before && (next == "Thị" || next == "Văn") && surely_family_name(rules, w)) return {};
      sure_before = sure_before || surely_family_name(rules, w);
      b = nb;
    }
    std::string name(m.has("name") ? m["name"] : whole);
    std::string alias = lexicon_value(rules, "person_aliases", name);
    return {{span, {{"canonical", alias.empty() ? name : alias}}}};
  }
  // location
  Span8 span = m.span;
  std::string_view place = m.has("place") ? m["place"] : whole;
  // "Thành phố Lại Hữu Phong": a person after the unit word, not a place.
  if (m.has("unit") && end_before_person(rules, m.norm, m.span) != m.span.end) return {};
  // A district outside Hà Nội whose bare name is also a word, a person's name
  // or another unit's (districts.txt: ambiguous) is a place only with its
  // unit word ("huyện Ngọc Hiển"); the known provinces and Hà Nội districts
  // stay places on their own.
  if (!m.has("unit") && !lexicon_has(rules, "provinces", place) && !lexicon_has(rules, "hanoi_districts", place) &&
      lexicon_value(rules, "province_aliases", place).empty()) {
    const LexiconRow* row = lexicon_row(rules, "districts", place);
    if (row != nullptr && row->fields.size() > 2 && row->fields[2] == "ambiguous") return {};
  }
  std::string canonical(place);
  std::string alias = lexicon_value(rules, "province_aliases", place);
  if (!alias.empty()) canonical = alias;
  if (canonical == "CHXHCN Việt Nam") canonical = "Việt Nam";
  std::string_view unit = m["unit"];
  std::string level = place_level(rules, unit, canonical);
  // Numbered units keep their unit word: "Quận 3".
  if (!canonical.empty() && std::isdigit(static_cast<unsigned char>(canonical[0]))) {
    canonical = std::string(unit) + " " + canonical;
  }
  return {{span, {{"canonical", canonical}, {"level", level}}}};
}

}  // namespace vnie::internal
