#include "resolve.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "normalize.h"

namespace vnie::internal {
namespace {

// A match's field `name`, or nullptr.
Value* field_of(Found& f, std::string_view name) {
  for (Field& field : f.fields) {
    if (field.name == name) return &field.value;
  }
  return nullptr;
}
const Value* field_of(const Found& f, std::string_view name) { return field_of(const_cast<Found&>(f), name); }

// A text field ("canonical", "level", "value" of a date), or nullptr.
std::string* text_field(Found& f, std::string_view name) {
  Value* v = field_of(f, name);
  return v == nullptr ? nullptr : std::get_if<std::string>(v);
}
const std::string* text_field(const Found& f, std::string_view name) { return text_field(const_cast<Found&>(f), name); }

// A number field (a ratio's "numerator", a percent's "value"), or nullopt.
std::optional<double> number_field(const Found& f, std::string_view name) {
  const Value* v = field_of(f, name);
  if (v == nullptr) return std::nullopt;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(v)) return *d;
  return std::nullopt;
}

std::string* canonical_of(Found& f) { return text_field(f, "canonical"); }
const std::string* canonical_of(const Found& f) { return text_field(f, "canonical"); }

std::string_view text_of(std::string_view norm, Span8 s) { return norm.substr(s.start, s.end - s.start); }

// The matches that start in [from, to): `found` is sorted by start, so the
// per-mention look-ups below stay logarithmic, not linear, in the article.
struct Window {
  std::vector<Found>::const_iterator first, last;
  auto begin() const { return first; }
  auto end() const { return last; }
};

Window starting_in(const std::vector<Found>& found, std::uint32_t from, std::uint32_t to) {
  auto by_start = [](const Found& f, std::uint32_t b) { return f.span.start < b; };
  auto first = std::lower_bound(found.begin(), found.end(), from, by_start);
  auto last = std::lower_bound(first, found.end(), to, by_start);
  return {first, last};
}

// How far back a mention may start and still matter for one at hand.
constexpr std::uint32_t kReach = 600;

std::uint32_t back(std::uint32_t b, std::uint32_t n) { return b > n ? b - n : 0; }


// The sentence holding byte b (index), or -1.
int sentence_of(const std::vector<Span8>& sentences, std::uint32_t b) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), b,
                             [](std::uint32_t x, const Span8& s) { return x < s.start; });
  if (it == sentences.begin()) return -1;
  --it;
  return b < it->end ? static_cast<int>(it - sentences.begin()) : -1;
}

template <typename Map>
std::string most_frequent(const Map& counts) {
  std::string best;
  int n = 0;
  for (const auto& [key, count] : counts) {
    if (count > n) {
      best = key;
      n = count;
    }
  }
  return best;
}

// --- canonical names from context -------------------------------------------

struct Home {
  std::string district_unit, district;  // "quận", "Long Biên"
  std::string province_unit, province;  // "thành phố", "Hà Nội"
};

Home find_home(const RuleSetImpl& rules, std::string_view norm, const std::vector<Found>& found) {
  static const RE2 district_re(R"((quận|huyện|thị xã) (\p{Lu}\p{Latin}*(?: \p{Lu}\p{Latin}*){0,3}|\d{1,2})$)");
  static const RE2 province_re(R"((thành phố|tỉnh) (\p{Lu}\p{Latin}*(?: \p{Lu}\p{Latin}*){0,3})$)");
  // The unit word must occur for either pattern to match: most names have
  // none, and a plain substring test is far cheaper than the search.
  auto has = [](std::string_view s, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
  };
  std::map<std::string, int> districts, provinces;
  std::map<std::string, std::string> district_units;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (c == nullptr) continue;
    std::string unit, place;
    if (f.rule->type == "organization" || f.rule->type == "location") {
      std::string_view subject = f.rule->type == "location" ? text_of(norm, f.span) : std::string_view(*c);
      re2::StringPiece piece(subject.data(), subject.size());
      if (has(subject, {"quận ", "huyện ", "thị xã "}) && RE2::PartialMatch(piece, district_re, &unit, &place)) {
        ++districts[place];
        district_units[place] = unit;
      } else if (has(subject, {"thành phố ", "tỉnh "}) && RE2::PartialMatch(piece, province_re, &unit, &place) &&
                 lexicon_has(rules, "provinces", place) &&
                 !(unit == "thành phố" && lexicon_value(rules, "provinces", place) == "tỉnh")) {
        ++provinces[place];  // a province, not a provincial city ("thành phố Thủ Đức")
      } else if (const std::string* level = text_field(f, "level"); level != nullptr && *level == "province") {
        ++provinces[*c];
      }
    }
  }
  Home home;
  home.district = most_frequent(districts);
  if (!home.district.empty()) home.district_unit = district_units[home.district];
  // A Hà Nội district makes Hà Nội the home province.
  if (!home.district.empty() && lexicon_has(rules, "hanoi_districts", home.district)) provinces["Hà Nội"] += 2;
  home.province = most_frequent(provinces);
  if (!home.province.empty()) {
    std::string kind;
    for (const LexiconRow& row : rules.lexicon("provinces").rows) {
      if (row.fields[0] == home.province && row.fields.size() > 1) kind = row.fields[1];
    }
    home.province_unit = kind.empty() ? "tỉnh" : kind;
  }
  return home;
}

// The completed canonical of a mention that leaves out its place, from the
// home district and province (lexicon local_bodies for the bodies every unit has).
std::string complete(const RuleSetImpl& rules, const std::string& c, const Home& home) {
  // An organ of a body, or the union of an agency, is completed as that body
  // ("Thanh tra Sở LĐTBXH", "Công đoàn Sở Tư pháp").
  std::string organ = longest_prefix(rules, "organs", c, nullptr);
  static constexpr std::string_view kUnion = "Công đoàn ";
  if (organ.empty() && c.starts_with(kUnion) &&
      !longest_prefix(rules, "local_bodies", std::string_view(c).substr(kUnion.size()), nullptr).empty()) {
    organ = kUnion.substr(0, kUnion.size() - 1);
  }
  if (!organ.empty() && c.size() > organ.size() + 1) return organ + " " + complete(rules, c.substr(organ.size() + 1), home);
  for (std::string_view unit : {"quận", "huyện", "thị xã"}) {
    if (ends_with_word(c, unit) && home.district_unit == unit && !home.district.empty()) return c + " " + home.district;
  }
  for (std::string_view unit : {"thành phố", "tỉnh"}) {
    if (ends_with_word(c, unit) && !home.province.empty()) return c + " " + home.province;
  }
  bool names_unit = false;
  for (std::string_view unit : {" quận", " huyện", " thị xã", " thành phố", " tỉnh", " phường", " xã"}) {
    names_unit = names_unit || c.find(unit) != std::string::npos;
  }
  // A centrally-run city names its bodies without the unit word ("Sở ... Hà Nội").
  names_unit = names_unit || trailing_entry(rules, "provinces", c) != nullptr;
  for (const LexiconRow& row : rules.lexicon("local_bodies").rows) {
    const std::string& body = row.fields[0];
    const std::string how = row.fields.size() > 1 ? row.fields[1] : "unit";
    bool prefix = how == "prefix" || how == "province_prefix";
    bool applies = prefix ? c.rfind(body + " ", 0) == 0 && !names_unit && !ends_with_word(c, "Việt Nam")
                          : c == body || ends_with_word(c, body);
    if (!applies) continue;
    if (how == "province_prefix") {  // "Sở ... tỉnh Đắk Lắk", "Sở ... Hà Nội"
      if (home.province.empty()) return c;
      return c + (home.province_unit == "thành phố" ? "" : " " + home.province_unit) + " " + home.province;
    }
    if (how == "district" && !home.district.empty()) return c + " " + home.district;
    if (how == "province" && !home.province.empty()) return c + " " + home.province;
    if (how == "unit" || how == "prefix") {
      if (!home.district.empty()) return c + " " + home.district_unit + " " + home.district;
      if (!home.province.empty()) return c + " " + home.province_unit + " " + home.province;
    }
    return c;
  }
  return c;
}

// A short mention (set.short: "Công đoàn Công ty", "Ban Giám đốc Công ty",
// "Ban Chấp hành CĐCS") names the one body the article names in full (with or
// without "cơ sở"), under its organ if it has one; else nothing. `all`: the
// canonicals of the article's organizations.
void resolve_short_mentions(const RuleSetImpl& rules, const std::vector<std::string>& all, std::vector<Found>& found) {
  std::erase_if(found, [&](Found& f) {
    if (f.rule->type != "organization" || f.rule->setting("short") == nullptr) return false;
    std::string* c = canonical_of(f);
    if (c == nullptr) return true;
    std::string organ = longest_prefix(rules, "organs", *c, nullptr);
    std::string body = organ.empty() || organ.size() >= c->size() ? *c : c->substr(organ.size() + 1);
    if (body == *c) organ.clear();
    // "Công đoàn công ty": the company written in lower case.
    static constexpr std::string_view kLowerCompany = "công ty";
    if (body.starts_with("Công đoàn") && body.ends_with(kLowerCompany)) body.replace(body.size() - kLowerCompany.size(), 1, "C");
    // A bare "CĐCS" names only a grassroots union; elsewhere "cơ sở" may be left out.
    static constexpr std::string_view kBase = " cơ sở";
    bool bare_base = body == "Công đoàn cơ sở";
    auto key = [&](std::string name) {
      if (std::size_t at = name.find(kBase); at != std::string::npos && !bare_base) name.erase(at, kBase.size());
      return name;
    };
    std::string short_key = key(body);
    std::set<std::string_view> bodies;
    for (const std::string& other : all) {
      std::string other_key = key(other);
      if (other_key.size() > short_key.size() + 1 && other_key.compare(0, short_key.size(), short_key) == 0 &&
          other_key[short_key.size()] == ' ') {
        bodies.insert(other);
      }
    }
    // Only the company named in full: "Công đoàn Công ty" is its union.
    std::string named_union;
    static constexpr std::string_view kCompany = "Công ty";
    if (bodies.empty() && body.starts_with("Công đoàn") && body.ends_with(kCompany)) {
      std::set<std::string_view> companies;
      for (const std::string& other : all) {
        if (other.size() > kCompany.size() + 1 && other.starts_with(kCompany) && other[kCompany.size()] == ' ') {
          companies.insert(other);
        }
      }
      if (companies.size() != 1) return true;
      named_union = body.substr(0, body.size() - kCompany.size()) + std::string(*companies.begin());
    } else if (bodies.size() != 1) {
      return true;
    } else {
      named_union = std::string(*bodies.begin());
    }
    *c = organ.empty() ? named_union : organ + " " + named_union;
    return false;
  });
}

// A company named short, without its legal form or trade ("Công ty Phúc
// Khang Miền Trung", "HTX Hoàng Kim", "Tổng công ty Vạn Xuân"), is the one
// company of the article whose full name holds those words in a row under
// the same head ("Công ty Cổ phần Xây dựng Phúc Khang Miền Trung"). Two
// names that both give a legal form are two companies.
void complete_company_short_names(const RuleSetImpl& rules, std::vector<Found>& found) {
  auto words_of = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0; b < s.size();) {
      std::size_t e = std::min(s.find(' ', b), s.size());
      out.push_back(s.substr(b, e - b));
      b = e + 1;
    }
    return out;
  };
  auto has_legal_form = [](std::string_view c) {
    return c.find("Trách nhiệm hữu hạn") != std::string_view::npos || c.find("Cổ phần") != std::string_view::npos ||
           c.find("cổ phần") != std::string_view::npos;
  };
  std::vector<std::string> companies;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (f.rule->type != "organization" || c == nullptr) continue;
    std::string kind = organization_kind(rules, *c);
    if ((kind == "company" || kind == "bank") &&
        std::find(companies.begin(), companies.end(), *c) == companies.end()) {
      companies.push_back(*c);
    }
  }
  for (Found& f : found) {
    std::string* full = canonical_of(f);
    if (f.rule->type != "organization" || full == nullptr || has_legal_form(*full)) continue;
    // A company's union named short too ("Công đoàn Công ty Than Khe Ngà").
    std::string union_prefix;
    for (std::string_view prefix : {"Công đoàn cơ sở ", "Công đoàn "}) {
      if (full->starts_with(prefix)) {
        union_prefix = prefix;
        break;
      }
    }
    std::string company = full->substr(union_prefix.size());
    const std::string* c = &company;
    if (union_prefix.empty() && std::find(companies.begin(), companies.end(), *c) == companies.end()) continue;
    std::string kind;
    std::string head = longest_prefix(rules, "org_heads", *c, &kind);
    if (head.empty() || c->size() <= head.size() + 1 || (kind != "company" && kind != "bank")) continue;
    std::vector<std::string_view> name = words_of(std::string_view(*c).substr(head.size() + 1));
    if (name.size() < 2) continue;  // one word names no company for sure
    const std::string* match = nullptr;
    int n = 0;
    for (const std::string& other : companies) {
      if (other.size() <= c->size() || other.compare(0, head.size() + 1, head + " ") != 0) continue;
      std::vector<std::string_view> rest = words_of(std::string_view(other).substr(head.size() + 1));
      if (std::search(rest.begin(), rest.end(), name.begin(), name.end()) != rest.end()) {
        match = &other;
        ++n;
      }
    }
    if (n == 1) *full = union_prefix + *match;
  }
}

void complete_canonicals(const RuleSetImpl& rules, std::string_view norm, std::vector<Found>& found) {
  Home home = find_home(rules, norm, found);
  for (Found& f : found) {
    if (f.rule->type != "organization") continue;
    std::string* c = canonical_of(f);
    if (c == nullptr) continue;
    *c = complete(rules, *c, home);
  }
  std::vector<std::string> all;
  for (const Found& f : found) {
    if (f.rule->type == "organization" && canonical_of(f) != nullptr) all.push_back(*canonical_of(f));
  }
  resolve_short_mentions(rules, all, found);
  // The article's main union, which a bare organ ("Ban Chấp hành") belongs
  // to: the most mentioned union with a name of its own, short mentions
  // counted ("Công đoàn Công ty" in a company union's congress).
  std::map<std::string, int> unions;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (f.rule->type == "organization" && c != nullptr && c->find(' ', 10) != std::string::npos &&
        !lexicon_has(rules, "organs", *c) && organization_kind(rules, *c) == "union") {
      ++unions[*c];
    }
  }
  std::string main_union = most_frequent(unions);
  std::map<std::string, int> companies, schools;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (f.rule->type != "organization" || c == nullptr || lexicon_has(rules, "organs", *c)) continue;
    std::string kind = organization_kind(rules, *c);
    if (kind == "company" || kind == "bank" || kind == "hospital") ++companies[*c];
    if (kind == "school") ++schools[*c];
  }
  std::string main_company = most_frequent(companies), main_school = most_frequent(schools);
  std::vector<bool> drop(found.size(), false);
  for (Found& f : found) {
    if (f.rule->type != "organization") continue;
    std::string* c = canonical_of(f);
    if (c == nullptr) continue;
    // A bare organ belongs to the article's main body of its kind: a
    // board of directors to its company, bank or hospital, a school board to
    // its school, the others to its main union. A company organ with no such
    // body names nothing.
    if (const LexiconRow* organ = lexicon_row(rules, "organs", *c); organ != nullptr) {
      const std::string kind = organ->fields.size() > 1 ? organ->fields[1] : "";
      const std::string& body = kind == "company" ? main_company : kind == "school" ? main_school : main_union;
      if (!body.empty()) {
        *c += " " + body;
      } else if (kind == "company" || kind == "school") {
        drop[static_cast<std::size_t>(&f - found.data())] = true;
      }
      continue;
    }
    // A mention that starts exactly one longer one names the same body ("Cụm
    // thi đua số 1", "Công đoàn Y tế" beside "Công đoàn Y tế Việt Nam"); short
    // mentions are left to the step below.
    if (f.rule->setting("short") != nullptr) continue;
    std::string longer;
    int n = 0;
    for (const std::string& other : all) {
      if (other.size() > c->size() + 1 && other.compare(0, c->size(), *c) == 0 && other[c->size()] == ' ' &&
          other != longer) {
        longer = other;
        ++n;
      }
    }
    if (n == 1) *c = longer;
  }
  std::size_t index = 0;
  std::erase_if(found, [&](const Found&) { return drop[index++]; });
  complete_company_short_names(rules, found);
}

// --- persons ------------------------------------------------------------------

bool captures(const Rule& rule, std::string_view group) {
  const auto& names = rule.re->CapturingGroupNames();
  return std::any_of(names.begin(), names.end(), [&](const auto& entry) { return entry.second == group; });
}

// "Công ty CP Bao bì Nhựa Tân Phú Hưng ... chọn Tân Phú Hưng làm mô hình": a
// bare full name (no lead word, no title) that ends an organization's name
// in the article is that organization's short name, not a person.
void drop_names_of_organizations(std::string_view norm, std::vector<Found>& found) {
  std::vector<std::string_view> organizations;
  for (const Found& f : found) {
    if (f.rule->type == "organization") organizations.push_back(text_of(norm, f.span));
  }
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Found& f) {
                               // Only a name matched alone: rules with a lead word or a
                               // title before it capture the name as group `name`.
                               if (f.rule->type != "person" || captures(*f.rule, "name")) return false;
                               std::string_view name = text_of(norm, f.span);
                               return std::any_of(organizations.begin(), organizations.end(), [&](std::string_view o) {
                                 return o.size() > name.size() && o.substr(o.size() - name.size()) == name &&
                                        o[o.size() - name.size() - 1] == ' ';
                               });
                             }),
              found.end());
}

void complete_persons(std::vector<Found>& found) {
  // A full name has three words or more, or two with an Ede, Jrai or K'Ho
  // syllable ("Ksor H'Ngân", short "H'Ngân").
  auto is_full = [](const std::string& name) {
    auto spaces = std::count(name.begin(), name.end(), ' ');
    return spaces >= 2 || (spaces == 1 && name.find('\'') != std::string::npos);
  };
  std::vector<std::string> full;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (f.rule->type == "person" && c != nullptr && is_full(*c)) full.push_back(*c);
  }
  for (Found& f : found) {
    std::string* c = canonical_of(f);
    if (f.rule->type != "person" || c == nullptr || is_full(*c)) continue;
    // "Giang" or "Trường Giang": the full name that ends with it.
    for (const std::string& name : full) {
      if (name.size() > c->size() && name.compare(name.size() - c->size(), c->size(), *c) == 0 &&
          name[name.size() - c->size() - 1] == ' ') {
        *c = name;
        break;
      }
    }
  }
}

// --- officials ------------------------------------------------------------------

struct TitleMatch {
  std::string title;  // as the lexicon writes it
  Span8 span;
  bool null_org = false;
  bool takes_unit = false;
};

// The longest title that starts at b (case-insensitive).
std::optional<TitleMatch> title_at(const RuleSetImpl& rules, std::string_view norm, std::uint32_t b) {
  // Lower-case the text ahead, remembering where each lower-cased character
  // starts in the source ("İ" grows when lower-cased, so bytes do not line up).
  std::string window;
  std::vector<std::uint32_t> source;  // source byte of the character each window byte belongs to
  const auto* bytes = reinterpret_cast<const uint8_t*>(norm.data());
  auto length = static_cast<int32_t>(norm.size());
  auto i = static_cast<int32_t>(b);
  while (i < length && window.size() < rules.max_title_bytes + 4) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    std::string lower = to_lower(norm.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    window += lower;
    source.insert(source.end(), lower.size(), static_cast<std::uint32_t>(at));
  }
  source.push_back(static_cast<std::uint32_t>(i));  // after the last character read
  for (const RuleSetImpl::Title& t : rules.titles) {  // longest first
    std::size_t n = t.lower.size();
    if (window.compare(0, n, t.lower) != 0) continue;
    if (n < window.size() && source[n] == source[n - 1]) continue;  // ends inside a character
    std::uint32_t e = source[n];
    if (word_char_at(norm, e)) continue;
    return TitleMatch{t.title, {b, e}, t.null_org, t.takes_unit};
  }
  return std::nullopt;
}

// The longest title that ends at e.
std::optional<TitleMatch> title_before(const RuleSetImpl& rules, std::string_view norm, std::uint32_t e) {
  std::uint32_t from = e > rules.max_title_bytes ? e - static_cast<std::uint32_t>(rules.max_title_bytes) : 0;
  while (from < e && (static_cast<unsigned char>(norm[from]) & 0xC0) == 0x80) ++from;
  std::string window = to_lower(norm.substr(from, e - from));
  if (window.size() != e - from) return std::nullopt;  // lower case changed the length: no byte map
  for (const RuleSetImpl::Title& t : rules.titles) {
    if (t.lower.size() > window.size() ||
        window.compare(window.size() - t.lower.size(), t.lower.size(), t.lower) != 0) {
      continue;
    }
    std::uint32_t b = e - static_cast<std::uint32_t>(t.lower.size());
    if (word_char_before(norm, b)) continue;
    return TitleMatch{t.title, {b, e}, t.null_org, t.takes_unit};
  }
  return std::nullopt;
}

const Found* organization_at(const std::vector<Found>& found, std::uint32_t b) {
  const Found* best = nullptr;
  for (const Found& f : starting_in(found, b, b + 1)) {
    if (f.rule->type == "organization" && f.span.start == b &&
        (best == nullptr || f.span.end - f.span.start > best->span.end - best->span.start)) {
      best = &f;
    }
  }
  return best;
}

RoleSpan role_of(const TitleMatch& t, const Found* org) {
  RoleSpan r{t.title, std::nullopt, std::nullopt, t.null_org};
  if (org != nullptr && !t.null_org) {
    r.organization = org->span;
    if (const std::string* c = canonical_of(*org)) r.organization_canonical = *c;
  }
  return r;
}

std::uint32_t skip(std::string_view norm, std::uint32_t b, std::string_view what) {
  return norm.substr(b, what.size()) == what ? b + static_cast<std::uint32_t>(what.size()) : b;
}

// "Trưởng phòng Kỹ thuật Công ty ...", "Quản đốc Phân xưởng Cơ điện, Công
// ty ...": a capitalized sub-unit between a title and its organization
// belongs to the title. Taken only when an organization follows within six
// words (directly or after a comma); `after` is where the sub-unit starts.
void extend_by_sub_unit(std::string_view norm, const std::vector<Found>& found, TitleMatch& t, std::uint32_t after,
                        const Found*& org) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(norm.data());
  int32_t i = static_cast<int32_t>(after);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(norm.size()), c);
  if (c < 0 || !u_isupper(c)) return;
  std::uint32_t pos = after;
  for (int words = 0; words < 6 && pos < norm.size(); ++words) {
    std::size_t end = norm.find_first_of(" ,.;:()\n", pos);
    if (end == std::string_view::npos) end = norm.size();
    if (end == pos) return;
    auto word_end = static_cast<std::uint32_t>(end);
    std::uint32_t next = word_end;
    if (norm.substr(word_end, 2) == ", ") {
      next = word_end + 2;
    } else if (norm.substr(word_end, 1) == " ") {
      next = word_end + 1;
    } else {
      return;
    }
    if (const Found* o = organization_at(found, next); o != nullptr) {
      org = o;
      t.title += " ";
      t.title += norm.substr(after, word_end - after);
      t.span.end = word_end;
      return;
    }
    if (next == word_end + 2) return;  // a comma not followed by an organization
    pos = next;
  }
}

// "Trưởng phòng Nhân sự của công ty": a title that takes a work unit
// (titles.txt "unit") holds the unit named after it, capitalized, up to a
// function word or punctuation, when no organization follows; not a
// person's name ("Trưởng phòng Lê Văn An").
void extend_by_unit(const RuleSetImpl& rules, std::string_view norm, TitleMatch& t, std::uint32_t after) {
  if (!t.takes_unit || after <= t.span.end) return;
  std::uint32_t end = t.span.end, pos = after;
  for (int words = 0; words < 5 && pos < norm.size(); ++words) {
    std::size_t e = norm.find_first_of(" ,.;:()\n", pos);
    if (e == std::string_view::npos) e = norm.size();
    std::string_view word = norm.substr(pos, e - pos);
    if (word.empty()) break;
    bool lower = to_lower(word) == word;
    if (words == 0 && (lower || lexicon_has(rules, "family_names", word))) return;
    if (lower && (lexicon_has(rules, "unit_stop_words", word) || lexicon_has(rules, "org_name_stop_words", word))) break;
    // "Trưởng phòng Nhân sự công ty": a body's head in lower case ends the unit.
    if (lower && words > 0) {
      std::string rest(norm.substr(pos, std::min<std::size_t>(norm.size() - pos, 32)));
      rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
      if (!longest_prefix(rules, "org_heads", rest, nullptr).empty()) break;
    }
    end = static_cast<std::uint32_t>(e);
    if (norm.substr(e, 3) == " - ") {
      pos = static_cast<std::uint32_t>(e + 3);
    } else if (norm.substr(e, 1) == " ") {
      pos = static_cast<std::uint32_t>(e + 1);
    } else {
      break;
    }
  }
  if (end == t.span.end) return;
  t.title += norm.substr(t.span.end, end - t.span.end);
  t.span.end = end;
}

// Roles written after a name: "NAME - TITLE ORG, TITLE, TITLE ORG".
std::vector<std::pair<RoleSpan, Span8>> roles_after(const RuleSetImpl& rules, std::string_view norm,
                                                    const std::vector<Found>& found, std::uint32_t e) {
  std::vector<std::pair<RoleSpan, Span8>> out;
  std::uint32_t b = e;
  for (std::string_view sep : {" - ", ", ", " (", " là "}) {
    if (norm.substr(b, sep.size()) == sep) {
      b += static_cast<std::uint32_t>(sep.size());
      break;
    }
  }
  if (b == e && norm.substr(b, 1) == " ") {
    // "NAME tái đắc cử chức TITLE ORG", "NAME được bầu làm TITLE".
    std::string_view rest = norm.substr(b + 1, 48);
    std::size_t longest = 0;
    for (const LexiconRow& row : rules.lexicon("role_verbs").rows) {
      const std::string& verb = row.fields[0];
      if (verb.size() > longest && rest.size() > verb.size() && rest.substr(0, verb.size()) == verb &&
          rest[verb.size()] == ' ') {
        longest = verb.size();
      }
    }
    if (longest > 0) b += 1 + static_cast<std::uint32_t>(longest) + 1;
  }
  if (b == e) return out;
  while (true) {
    std::optional<TitleMatch> t = title_at(rules, norm, b);
    if (!t) break;
    std::uint32_t after = skip(norm, t->span.end, " ");
    const Found* org = after > t->span.end ? organization_at(found, after) : nullptr;
    if (org == nullptr && after > t->span.end) extend_by_sub_unit(norm, found, *t, after, org);
    if (org == nullptr) extend_by_unit(rules, norm, *t, after);
    // The organ in the title may have started an organization match
    // ("Ủy viên Ban Chấp hành LĐLĐ Thành phố"): take its nested body, or
    // the body its canonical names after the organ ("Chánh [Thanh tra Sở
    // LĐ-TB&XH tỉnh Vĩnh Phúc]").
    std::optional<RoleSpan> organ_role;
    if (org == nullptr) {
      for (const Found& f : starting_in(found, t->span.start, t->span.end)) {
        if (f.rule->type == "organization" && f.span.start < t->span.end && f.span.end > after &&
            f.span.start >= t->span.start) {
          org = organization_at(found, after);
          const std::string* c = canonical_of(f);
          std::string organ = c == nullptr ? "" : longest_prefix(rules, "organs", *c, nullptr);
          if (org == nullptr && !organ.empty() && c->size() > organ.size() + 1 && !t->null_org) {
            organ_role = RoleSpan{t->title, Span8{after, f.span.end}, c->substr(organ.size() + 1), false};
          }
        }
      }
    }
    if (organ_role) {
      out.emplace_back(*organ_role, t->span);
      b = organ_role->organization->end;
    } else {
      out.emplace_back(role_of(*t, org), t->span);
      b = org != nullptr ? org->span.end : t->span.end;
    }
    if (norm.substr(b, 2) != ", ") break;
    b += 2;
  }
  // Titles listed before one with its body hold posts in that body: "Ủy
  // viên Đoàn Chủ tịch, Trưởng Ban Tổ chức Tổng LĐLĐ Việt Nam".
  for (std::size_t i = out.size(); i-- > 1;) {
    RoleSpan& earlier = out[i - 1].first;
    const RoleSpan& later = out[i].first;
    if (!earlier.organization && !earlier.null_org && later.organization) {
      earlier.organization = later.organization;
      earlier.organization_canonical = later.organization_canonical;
    }
  }
  return out;
}

// Roles written before a name: "TITLE ORG NAME", "TITLE NAME", "TITLE ORG, đồng chí NAME".
std::optional<std::pair<RoleSpan, Span8>> role_before(const RuleSetImpl& rules, std::string_view norm,
                                                      const std::vector<Found>& found, std::uint32_t b) {
  if (b < 2) return std::nullopt;
  std::uint32_t e = b - 1;  // the space before the name
  if (norm[e] != ' ') return std::nullopt;
  for (std::string_view lead : {", đồng chí", ", ông", ", bà", " đồng chí", " ông", " bà"}) {
    if (e >= lead.size() && norm.substr(e - lead.size(), lead.size()) == lead) {
      e -= static_cast<std::uint32_t>(lead.size());
      break;
    }
  }
  // The organizations ending there, longest first: the title may hold the
  // organ the longest one begins with ("Phó Trưởng [Ban Tổ chức] LĐLĐ ...").
  std::vector<const Found*> orgs;
  for (const Found& f : starting_in(found, back(e, kReach), e)) {
    if (f.rule->type == "organization" && f.span.end == e) orgs.push_back(&f);
  }
  std::sort(orgs.begin(), orgs.end(), [](const Found* x, const Found* y) { return x->span.start < y->span.start; });
  for (const Found* org : orgs) {
    if (org->span.start == 0 || norm[org->span.start - 1] != ' ') continue;
    if (std::optional<TitleMatch> t = title_before(rules, norm, org->span.start - 1)) {
      return std::make_pair(role_of(*t, org), t->span);
    }
  }
  if (std::optional<TitleMatch> t = title_before(rules, norm, e)) return std::make_pair(role_of(*t, nullptr), t->span);
  return std::nullopt;
}

// The body a paragraph is about at byte b, for `title`: the last
// organization mentioned before b in the same paragraph, not further than a
// few sentences back.
std::optional<std::string> passage_body(const RuleSetImpl& rules, std::string_view norm, const std::vector<Found>& found,
                                        std::uint32_t b, std::string_view title) {
  // The kind of body the title can head (lexicon title_bodies): a director
  // no union, a head teacher a school.
  std::string_view wanted;
  for (const LexiconRow& row : rules.lexicon("title_bodies").rows) {
    if (row.fields.size() > 1 && title.find(row.fields[0]) != std::string_view::npos) wanted = row.fields[1];
  }
  std::size_t line = norm.rfind('\n', b);
  std::uint32_t from = line == std::string_view::npos ? 0 : static_cast<std::uint32_t>(line + 1);
  if (b > from + 400) from = b - 400;
  std::optional<std::string> body;
  for (const Found& f : starting_in(found, from, b)) {
    if (f.rule->type == "organization" && f.span.end <= b) {
      const std::string* c = canonical_of(f);
      if (c == nullptr) continue;
      // An organ's title is its body's ("Ban Giám đốc Công ty X" -> "Công ty X").
      std::string named = *c;
      std::string organ = longest_prefix(rules, "organs", named, nullptr);
      if (!organ.empty() && named.size() > organ.size() + 1) named.erase(0, organ.size() + 1);
      bool fits = wanted.empty() || (wanted == "not union" ? organization_kind(rules, named) != "union"
                                                           : organization_kind(rules, named) == wanted);
      if (fits) body = named;
    }
  }
  return body;
}

// "ông A và bà B được bầu làm Phó Chủ tịch": A shares the roles a role verb
// gives B (not an apposition: in "A và B, Phó Chủ tịch" the title is B's).
std::vector<std::pair<RoleSpan, Span8>> shared_roles(const RuleSetImpl& rules, std::string_view norm,
                                                     const std::vector<Found>& found, std::uint32_t e) {
  static constexpr std::string_view kAnd = " và ";
  if (norm.substr(e, kAnd.size()) != kAnd) return {};
  std::uint32_t b = e + static_cast<std::uint32_t>(kAnd.size());
  for (std::string_view lead : {"đồng chí ", "ông ", "bà ", "anh ", "chị "}) {
    if (norm.substr(b, lead.size()) == lead) {
      b += static_cast<std::uint32_t>(lead.size());
      break;
    }
  }
  for (const Found& g : found) {
    if (g.rule->type != "person" || g.span.start != b) continue;
    // Only a role verb right after B, no separator.
    if (norm.substr(g.span.end, 1) != " ") return {};
    return roles_after(rules, norm, found, g.span.end);
  }
  return {};
}

std::vector<OfficialSpan> find_officials(const RuleSetImpl& rules, std::string_view norm, std::vector<Found>& found,
                                         std::vector<Span8>& title_spans) {
  std::vector<OfficialSpan> out;
  std::map<std::string, std::size_t> official_index;
  for (const Found& f : found) {
    if (f.rule->type != "person") continue;
    const std::string* name = canonical_of(f);
    if (name == nullptr) continue;
    std::vector<std::pair<RoleSpan, Span8>> roles = roles_after(rules, norm, found, f.span.end);
    if (auto before = role_before(rules, norm, found, f.span.start)) roles.insert(roles.begin(), *before);
    if (roles.empty()) roles = shared_roles(rules, norm, found, f.span.end);
    if (roles.empty()) continue;
    auto [index, fresh] = official_index.emplace(*name, out.size());
    if (fresh) out.push_back({*name, {}, {}});
    auto it = out.begin() + static_cast<long>(index->second);
    for (auto& [role, span] : roles) {
      title_spans.push_back(span);
      // "Tổng Giám đốc Công ty": a body is named, only not fully; no guessing then.
      bool names_a_body = span.end + 1 < norm.size() && norm[span.end] == ' ' &&
                          !longest_prefix(rules, "org_heads", norm.substr(span.end + 1, 64), nullptr).empty();
      if (!role.organization_canonical && !role.null_org && !names_a_body) {
        role.organization_canonical = passage_body(rules, norm, found, span.start, role.title);
      }
      const RoleSpan& candidate = role;  // clang before 16 cannot capture a structured binding
      bool seen = std::any_of(it->roles.begin(), it->roles.end(), [&](const RoleSpan& r) {
        return r.title == candidate.title && r.organization_canonical == candidate.organization_canonical;
      });
      if (!seen) it->roles.push_back(role);
    }
  }
  // Every mention of an official's name, with or without a title, is theirs.
  std::map<std::string_view, OfficialSpan*> by_name;
  for (OfficialSpan& official : out) by_name[official.name] = &official;
  for (const Found& f : found) {
    const std::string* name = canonical_of(f);
    if (f.rule->type != "person" || name == nullptr) continue;
    if (auto it = by_name.find(*name); it != by_name.end()) it->second->mentions.push_back(f.span);
  }
  return out;
}

// --- facts ----------------------------------------------------------------------

// Whether `text` holds, as whole words, a phrase of a lower-case lexicon
// (punctuation counts as a word break).
bool holds_phrase(const RuleSetImpl& rules, std::string_view lexicon, std::string_view text) {
  std::string words = " " + to_lower(text) + " ";
  for (char& c : words) {
    if (std::string_view(",:();.").find(c) != std::string_view::npos) c = ' ';
  }
  for (const LexiconRow& row : rules.lexicon(lexicon).rows) {
    if (words.find(" " + row.fields[0] + " ") != std::string::npos) return true;
  }
  return false;
}

// The clause from `from` to ";" or ". ", within the sentence ending at `end`
// and at most `limit` bytes.
std::string_view clause_from(std::string_view norm, std::uint32_t from, std::uint32_t end, std::size_t limit) {
  std::string_view clause = norm.substr(from, std::min<std::size_t>(end - from, limit));
  return clause.substr(0, std::min(clause.find(';'), clause.find(". ")));
}

// Whether a ratio starting at `from`, the clause after it and the words
// right before it (the sentence is [begin, end)) make it a share of a whole
// or a vote ("6/15 ủy viên là nữ, chiếm 40%", "134/135 đại biểu tán thành",
// "với số phiếu 34/35"), not a target reached (lexicon share_markers).
bool is_share(const RuleSetImpl& rules, std::string_view norm, std::uint32_t from, std::uint32_t begin,
              std::uint32_t end) {
  std::uint32_t back_to = from - std::min<std::uint32_t>(from - begin, 24);
  while (back_to < from && (static_cast<unsigned char>(norm[back_to]) & 0xC0) == 0x80) ++back_to;
  std::string text(norm.substr(back_to, from - back_to));
  text += ' ';
  text += clause_from(norm, from, end, 60);
  return holds_phrase(rules, "share_markers", text);
}

// Whether the clause from `from` (within the sentence ending at `end`) holds
// a word of achievement (lexicon achievement_words: đạt, vượt, hoàn thành,
// chỉ tiêu, kế hoạch ...).
bool names_achievement(const RuleSetImpl& rules, std::string_view norm, std::uint32_t from, std::uint32_t end) {
  return holds_phrase(rules, "achievement_words", clause_from(norm, from, end, 200));
}

std::vector<FactSpan> find_facts(const RuleSetImpl& rules, std::string_view norm, const std::vector<Span8>& sentences,
                                 const std::vector<Found>& found, const std::string& main_org) {
  std::vector<FactSpan> out;
  for (const Found& r : found) {
    if (r.rule->type != "ratio") continue;
    std::optional<double> actual = number_field(r, "numerator"), target = number_field(r, "denominator");
    if (!actual || !target) continue;
    int sentence = sentence_of(sentences, r.span.start);
    Span8 bounds = sentence >= 0 ? sentences[static_cast<std::size_t>(sentence)] : Span8{0, static_cast<std::uint32_t>(norm.size())};

    if (is_share(rules, norm, r.span.start, bounds.start, bounds.end)) continue;

    FactSpan fact;
    fact.actual = *actual;
    fact.target = *target;
    // The verb phrase before the ratio, back to the clause start.
    std::uint32_t start = r.span.start;
    int words = 0;
    while (start > bounds.start && words < 6) {
      std::uint32_t s = start;
      while (s > bounds.start && norm[s - 1] == ' ') --s;
      if (s == bounds.start || std::string_view(",;:(").find(norm[s - 1]) != std::string_view::npos) break;
      std::uint32_t w = s;
      while (w > bounds.start && norm[w - 1] != ' ' && std::string_view(",;:(").find(norm[w - 1]) == std::string_view::npos) --w;
      std::string_view word = norm.substr(w, s - w);
      if (lexicon_has(rules, "fact_clause_starts", word)) break;
      start = w;
      ++words;
    }
    std::string lead(text_of(norm, {start, r.span.start}));
    while (!lead.empty() && lead.back() == ' ') lead.pop_back();
    for (std::string_view filler : {" được", " có"}) {
      if (lead.size() >= filler.size() && lead.compare(lead.size() - filler.size(), filler.size(), filler) == 0) {
        lead.resize(lead.size() - filler.size());
      }
    }
    if (lead == "có" || lead == "được") lead.clear();
    const std::string* unit_text = text_field(r, "unit");
    fact.metric = lead;
    if (unit_text != nullptr && fold_normalized(lead).find(fold_normalized(*unit_text)) == std::string::npos) {
      fact.metric += (fact.metric.empty() ? "" : " ") + *unit_text;
    }
    fact.span = {start, r.span.end};
    bool fact_excess = false;
    // "…, đạt 245%", "(đạt 105%)": a percent right after the ratio; further
    // on in the sentence ("31/34 CĐCS trên địa bàn đã tổ chức ..., đạt
    // 91,2%") only if it is the ratio's own percent, to the text's rounding.
    for (const Found& p : starting_in(found, r.span.end, r.span.end + 161)) {
      if (p.rule->type != "percent" || p.span.start < r.span.end || p.span.start > r.span.end + 160 ||
          p.span.end > bounds.end) {
        continue;
      }
      std::optional<double> percent = number_field(p, "value");
      std::string between = to_lower(text_of(norm, {r.span.end, p.span.start}));
      // "vượt 15%": the excess over the target, not the share of it (the
      // hedge word may have started the percent itself).
      bool excess = between.ends_with("vượt ") || between.ends_with("vượt chỉ tiêu ") ||
                    between.ends_with("vượt kế hoạch ") || to_lower(text_of(norm, p.span)).starts_with("vượt");
      double expected = *target > 0 ? 100.0 * *actual / *target - (excess ? 100.0 : 0.0) : 0.0;
      if (p.span.start > r.span.end + 40 && (!percent || *target <= 0 || std::fabs(*percent - expected) > 0.6)) {
        continue;
      }
      if (between.find("đạt") == std::string::npos && between.find("bằng") == std::string::npos &&
          between.find('(') == std::string::npos && !excess) {
        continue;
      }
      if (between.find('.') != std::string::npos || between.find(';') != std::string::npos) continue;
      fact_excess = excess;
      fact.percent = percent;
      fact.span.end = p.span.end;
      if (norm.substr(fact.span.end, 1) == ")" && between.find('(') != std::string::npos) ++fact.span.end;
      break;
    }
    if (fact.percent && fact.target > 0) {
      // Consistent to the rounding the text used.
      std::string written;
      for (const Found& p : starting_in(found, r.span.end, fact.span.end)) {
        if (p.rule->type == "percent" && p.span.end <= fact.span.end) {
          written = std::string(text_of(norm, p.span));
        }
      }
      // The decimals the text wrote ("105,3%": one).
      int decimals = 0;
      if (std::size_t comma = written.find(','); comma != std::string::npos) {
        while (comma + 1 + static_cast<std::size_t>(decimals) < written.size() && decimals < 6 &&
               std::isdigit(static_cast<unsigned char>(written[comma + 1 + static_cast<std::size_t>(decimals)]))) {
          ++decimals;
        }
      }
      double scale = std::pow(10.0, decimals);
      double computed = std::round((fact.actual / fact.target * 100.0 - (fact_excess ? 100.0 : 0.0)) * scale) / scale;
      fact.consistent = std::fabs(computed - *fact.percent) < 0.5 / scale + 1e-9;
    }
    // As of: the last day date before the ratio in the sentence (then the paragraph).
    for (const Found& d : starting_in(found, sentence >= 0 ? bounds.start : back(r.span.start, kReach), r.span.start)) {
      if (d.rule->type != "date" || d.span.end > r.span.start) continue;
      if (const std::string* value = text_field(d, "value")) fact.as_of = *value;
    }
    // The organization: the last union body mentioned before it in the sentence, else the article's.
    for (const Found& o : starting_in(found, back(r.span.start, kReach) > bounds.start ? back(r.span.start, kReach) : bounds.start, r.span.start)) {
      if (o.rule->type != "organization" || o.span.end > r.span.start) continue;
      if (const std::string* c = canonical_of(o)) {
        if (organization_kind(rules, *c) == "union") fact.organization = *c;
      }
    }
    if (!fact.organization && !main_org.empty()) fact.organization = main_org;
    // A ratio below or at its total with no word of achievement is a count
    // of a part ("Hiện 34/42 doanh nghiệp đã có đơn hàng"), not a target met.
    if (!fact.percent && fact.actual <= fact.target && !names_achievement(rules, norm, start, bounds.end)) continue;
    out.push_back(std::move(fact));
  }
  return out;
}

// --- abbreviations the article defines -----------------------------------------

const Rule& article_abbreviation_rule() {
  static const Rule rule = [] {
    Rule r;
    r.id = "organization.article_abbreviation";
    r.type = "organization";
    r.resolver = "name";
    r.location = "extractor/resolve.cc";
    return r;
  }();
  return rule;
}

// Adds names found by the article passes, keeping `found` sorted by start
// (longer first), as find_all returns it.
void add_in_order(std::vector<Found>& found, const std::vector<Found>& added) {
  found.insert(found.end(), added.begin(), added.end());
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    return x.span.start != y.span.start ? x.span.start < y.span.start : x.span.end > y.span.end;
  });
}

// "NAME (ABBR)" right after an organization: later whole-word ABBRs in the
// article's own text are mentions of it.
void add_defined_abbreviations(std::string_view norm, const std::vector<Span8>& ranges, std::vector<Found>& found) {
  static const RE2 definition(R"(^ \((\p{Lu}[\p{Lu}&-]{1,11})\))");
  // The first definition of each abbreviation wins.
  std::vector<std::pair<std::string, const Found*>> defined;
  for (const Found& f : found) {
    if (f.rule->type != "organization") continue;
    re2::StringPiece rest(norm.data() + f.span.end, std::min<std::size_t>(norm.size() - f.span.end, 32));
    std::string abbr;
    if (!RE2::PartialMatch(rest, definition, &abbr)) continue;
    if (std::none_of(defined.begin(), defined.end(), [&](const auto& d) { return d.first == abbr; })) {
      defined.emplace_back(abbr, &f);
    }
  }
  if (defined.empty()) return;
  // Bytes already inside a name, so that no mention is reported twice.
  std::vector<bool> taken(norm.size() + 1, false);
  for (const Found& f : found) {
    if (f.rule->layer == 1) std::fill(taken.begin() + f.span.start, taken.begin() + f.span.end, true);
  }
  std::vector<Found> added;
  for (const auto& [abbr, definer] : defined) {
    std::uint32_t after_definition = definer->span.end + 3 + static_cast<std::uint32_t>(abbr.size());
    for (Span8 range : ranges) {
      for (std::size_t at = norm.find(abbr, range.start); at != std::string_view::npos && at + abbr.size() <= range.end;
           at = norm.find(abbr, at + abbr.size())) {
        auto b = static_cast<std::uint32_t>(at), e = static_cast<std::uint32_t>(at + abbr.size());
        if (b < after_definition || word_char_before(norm, b) || word_char_at(norm, e)) continue;
        if (std::find(taken.begin() + b, taken.begin() + e, true) != taken.begin() + e) continue;
        std::fill(taken.begin() + b, taken.begin() + e, true);
        added.push_back({&article_abbreviation_rule(), {b, e}, definer->fields});
      }
    }
  }
  if (added.empty()) return;
  add_in_order(found, added);
}

// A body's name does not run into a person the article names elsewhere:
// "Chủ tịch LĐLĐ thành phố Rạch Giá Trần Minh Khoa" after "ông Trần Minh
// Khoa, Chủ tịch LĐLĐ thành phố Rạch Giá", "Giám đốc Bệnh viện Lâm Quốc Đạt
// công bố" after "ông Lâm Quốc Đạt, Giám đốc Bệnh viện". A full name (three
// words or more) found as a person after a lead word, met inside an organization's match after
// its first two words, ends the organization there and is that person.
void split_persons_from_organizations(const RuleSetImpl& rules, std::string_view norm, std::vector<Found>& found) {
  std::vector<const Found*> persons;
  for (const Found& f : found) {
    std::string_view name = text_of(norm, f.span);
    // Named after a lead word ("ông", "bà"; rule setting sure): a name
    // matched alone or after a title may be a company's ("Tổng Giám đốc An
    // Phú Thịnh", "Hoàng Phúc Thành").
    if (f.rule->type == "person" && f.rule->setting("sure") != nullptr && std::count(name.begin(), name.end(), ' ') >= 2) {
      persons.push_back(&f);
    }
  }
  if (persons.empty()) return;
  std::vector<bool> names(norm.size() + 1, false);  // bytes inside a name of layer 1
  for (const Found& f : found) {
    if (f.rule->layer == 1) std::fill(names.begin() + f.span.start, names.begin() + f.span.end, true);
  }
  std::vector<Found> added;
  for (Found& org : found) {
    if (org.rule->type != "organization") continue;
    std::size_t first_space = norm.find(' ', org.span.start);
    if (first_space == std::string_view::npos || first_space >= org.span.end) continue;
    std::size_t second_space = norm.find(' ', first_space + 1);
    if (second_space == std::string_view::npos || second_space >= org.span.end) continue;
    for (const Found* person : persons) {
      std::string_view name = text_of(norm, person->span);
      // Only a name starting inside the organization: search no further.
      std::string_view near = norm.substr(0, std::min<std::size_t>(norm.size(), org.span.end - 1 + name.size()));
      std::size_t at = near.find(name, second_space + 1);
      if (at == std::string_view::npos || norm[at - 1] != ' ') continue;
      auto b = static_cast<std::uint32_t>(at), e = static_cast<std::uint32_t>(at + name.size());
      if (word_char_at(norm, e)) continue;
      // Past the organization's end the name must not run into another name.
      if (e > org.span.end && std::find(names.begin() + org.span.end, names.begin() + e, true) != names.begin() + e) {
        continue;
      }
      org.span.end = b - 1;
      org.fields = organization_fields(rules, text_of(norm, org.span));
      added.push_back({person->rule, {b, e}, person->fields});
      break;
    }
  }
  if (added.empty()) return;
  add_in_order(found, added);
}

// The end of a capitalized name of one to three words at byte b ("Ngọc
// Hiển", "U Minh", "Hòa Khánh Bắc"): each word a capital letter and then
// lower-case letters. 0 when there is none.
std::size_t place_name_end(std::string_view norm, std::size_t b) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(norm.data());
  const auto length = static_cast<int32_t>(norm.size());
  std::size_t end = 0;
  auto at = static_cast<int32_t>(b);
  for (int word = 0; word < 3; ++word) {
    int32_t i = at;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isupper(c)) break;
    int32_t after = i;
    while (after < length) {
      int32_t next = after;
      U8_NEXT(bytes, next, length, c);
      if (c < 0 || !u_islower(c)) break;
      after = next;
    }
    // A letter or digit right after ("TP", "LĐLĐ", "Quận3"): no name word.
    if (after < length) {
      int32_t next = after;
      U8_NEXT(bytes, next, length, c);
      if (c >= 0 && (u_isalpha(c) || u_isdigit(c))) break;
    }
    end = static_cast<std::size_t>(after);
    if (after + 1 >= length || norm[static_cast<std::size_t>(after)] != ' ') break;
    at = after + 1;
  }
  return end;
}

// "các huyện Năm Căn, Ngọc Hiển và U Minh": names listed after a place with
// its unit word are places of the same level. The list stops at anything
// else, at a name another rule took (a person, an organization), and after
// a place another rule found on its own ("quận Long Biên, Hà Nội").
void add_listed_places(const RuleSetImpl& rules, std::string_view norm, std::vector<Found>& found) {
  std::vector<Found> added;
  std::vector<bool> taken(norm.size() + 1, false);
  for (const Found& f : found) std::fill(taken.begin() + f.span.start, taken.begin() + f.span.end, true);
  for (const Found& f : found) {
    if (f.rule->type != "location") continue;
    const std::string* canonical = canonical_of(f);
    const std::string* level = text_field(f, "level");
    if (canonical == nullptr || level == nullptr || *level == "country" || *level == "other" ||
        text_of(norm, f.span) == *canonical) {
      continue;  // no unit word: nothing says what the next names are
    }
    static constexpr std::string_view kComma = ", ", kAnd = " và ";
    std::size_t p = f.span.end;
    for (int items = 0; items < 16; ++items) {
      std::size_t b;
      if (norm.substr(p, kComma.size()) == kComma) {
        b = p + kComma.size();
      } else if (norm.substr(p, kAnd.size()) == kAnd) {
        b = p + kAnd.size();
      } else {
        break;
      }
      // A place already found continues the list ("các huyện Mỹ Xuyên, Trần
      // Đề, Long Phú, Kế Sách": Trần Đề and Long Phú need no unit word).
      auto known = std::find_if(found.begin(), found.end(), [&](const Found& g) {
        return g.rule->type == "location" && g.span.start == b;
      });
      if (known != found.end()) {
        p = known->span.end;
        continue;
      }
      std::size_t e = place_name_end(norm, b);
      if (e == 0) break;
      // A body's name ends the list ("tỉnh Sơn La và Ban Dân tộc tỉnh").
      std::string_view item = norm.substr(b, std::min<std::size_t>(norm.size() - b, 64));
      if (!longest_prefix(rules, "org_heads", item, nullptr).empty() || !longest_prefix(rules, "organs", item, nullptr).empty() ||
          item.starts_with("Ban ")) {
        break;
      }
      // One word then more text is the start of something else ("TP Long
      // Xuyên, Đại hội ..."): a one-word item must end the clause or the list.
      if (norm.substr(b, e - b).find(' ') == std::string_view::npos && e < norm.size() &&
          std::string_view(",.;:)\n").find(norm[e]) == std::string_view::npos &&
          norm.substr(e, kAnd.size()) != kAnd && norm.substr(e, 2) != " (") {
        break;
      }
      if (std::find(taken.begin() + static_cast<std::ptrdiff_t>(b), taken.begin() + static_cast<std::ptrdiff_t>(e), true) !=
          taken.begin() + static_cast<std::ptrdiff_t>(e)) {
        break;
      }
      added.push_back({f.rule, {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)},
                       {{"canonical", std::string(norm.substr(b, e - b))}, {"level", *level}}});
      p = e;
    }
  }
  if (added.empty()) return;
  for (Found& a : added) found.push_back(std::move(a));
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
}

// "6 tháng đầu năm và ... 6 tháng cuối năm 2022": a half, quarter or "N
// tháng đầu năm" written without its year (value "XXXX...") takes the year of
// the nearest dated expression in its paragraph, else of the last one before
// it in the article, else the publication year. Intervals ("nhiệm kỳ
// 2018-2023") give no year.
void complete_partial_years(std::string_view norm, std::vector<Found>& found, std::optional<CivilDate> published) {
  for (Found& f : found) {
    if (f.rule->type != "date") continue;
    std::string* value = text_field(f, "value");
    const std::string* granularity = text_field(f, "granularity");
    if (value == nullptr || granularity == nullptr || value->rfind("XXXX", 0) != 0) continue;
    bool partial = *granularity == "half" || *granularity == "quarter" ||
                   (*granularity == "interval" && value->size() == 15 && value->compare(4, 4, "-01/") == 0);
    if (!partial) continue;
    std::size_t line = norm.rfind('\n', f.span.start);
    std::size_t from = line == std::string_view::npos ? 0 : line + 1;
    std::size_t to = std::min(norm.find('\n', f.span.start), norm.size());
    std::string in_paragraph, before;
    std::size_t best = std::string_view::npos;
    for (Found& g : found) {
      if (&g == &f || g.rule->type != "date") continue;
      const std::string* v = text_field(g, "value");
      const std::string* gran = text_field(g, "granularity");
      if (v == nullptr || gran == nullptr || *gran == "interval" || v->size() < 4 ||
          v->find_first_not_of("0123456789") < 4) {
        continue;
      }
      if (g.span.start >= from && g.span.end <= to) {
        std::size_t distance = g.span.start > f.span.start ? g.span.start - f.span.start : f.span.start - g.span.start;
        if (distance < best) {
          best = distance;
          in_paragraph = v->substr(0, 4);
        }
      } else if (g.span.end <= f.span.start) {
        before = v->substr(0, 4);  // found is sorted by start: the last one wins
      }
    }
    std::string year = !in_paragraph.empty() ? in_paragraph : before;
    if (year.empty() && published) year = std::to_string(published->year);
    if (year.size() != 4) continue;
    for (std::size_t at = value->find("XXXX"); at != std::string::npos; at = value->find("XXXX", at)) value->replace(at, 4, year);
  }
}

}  // namespace

Resolution resolve_article(const RuleSetImpl& rules, std::string_view norm, const std::vector<Span8>& ranges,
                           const std::vector<Span8>& sentences, std::vector<Found>& found,
                           std::optional<CivilDate> published) {
  add_listed_places(rules, norm, found);
  split_persons_from_organizations(rules, norm, found);
  complete_partial_years(norm, found, published);
  complete_canonicals(rules, norm, found);
  add_defined_abbreviations(norm, ranges, found);
  drop_names_of_organizations(norm, found);
  complete_persons(found);
  Resolution out;
  std::vector<Span8> title_spans;
  out.officials = find_officials(rules, norm, found, title_spans);
  // An organ that a title holds ("Ủy viên [Ban Chấp hành] LĐLĐ Thành phố") is no organization.
  std::vector<bool> in_title(norm.size() + 1, false);
  for (Span8 t : title_spans) std::fill(in_title.begin() + t.start, in_title.begin() + t.end, true);
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Found& f) { return f.rule->type == "organization" && in_title[f.span.start]; }),
              found.end());
  std::map<std::string, int> unions;
  for (const Found& f : found) {
    const std::string* c = canonical_of(f);
    if (f.rule->type == "organization" && c != nullptr && organization_kind(rules, *c) == "union") ++unions[*c];
  }
  out.facts = find_facts(rules, norm, sentences, found, most_frequent(unions));
  return out;
}

}  // namespace vnie::internal
