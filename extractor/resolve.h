// Resolve: article-level work after matching.
//
//   - canonical names from context: the article's home district and province
//     complete short mentions ("LĐLĐ quận" -> "... quận Long Biên", "LĐLĐ
//     Thành phố" -> "... thành phố Hà Nội", "Ủy ban nhân dân" -> "... quận
//     Long Biên", "Quận ủy" -> "Quận ủy Long Biên"), a bare organ ("Ban
//     Thường vụ") belongs to the article's main union, and a mention that is
//     the start of a longer one ("Cụm thi đua số 1") takes its canonical;
//   - persons: short references ("đồng chí Giang", "chị Hằng") get the full
//     name the article gave;
//   - officials: each person with the posts the text gives them, before
//     ("Phó Chủ tịch LĐLĐ quận X NAME") or after the name ("NAME - TITLE
//     ORG, TITLE, TITLE ORG"); an organ inside a title ("Ủy viên Ban Chấp
//     hành LĐLĐ Thành phố") is part of the title, not an organization; a
//     title written without its body ("Phó Chủ tịch NAME") takes the body
//     the passage is about (the last organization before it in the paragraph);
//   - facts: target-achievement statements around each ratio ("thành lập
//     được 49/20 Công đoàn cơ sở, đạt 245%").
//
//   - abbreviations the article defines ("Công ty Cổ phần Đầu tư ABC (ABCI)"):
//     later mentions of the abbreviation are the same organization;
//
//   Resolution r = resolve_article(rules, text.norm, ranges, sentences, found, published);
//
// Offsets are byte offsets into the normalized text.
#pragma once

#include <string_view>
#include <vector>

#include "match.h"

namespace vnie::internal {

struct RoleSpan {
  std::string title;
  std::optional<Span8> organization;  // the organization mention, if written
  std::optional<std::string> organization_canonical;
  bool null_org = false;              // the title never takes an organization
};

struct OfficialSpan {
  std::string name;
  std::vector<RoleSpan> roles;
  std::vector<Span8> mentions;
};

struct FactSpan {
  Span8 span;
  std::string metric;
  double actual = 0, target = 0;
  std::optional<double> percent;
  std::optional<bool> consistent;
  std::optional<std::string> as_of;
  std::optional<std::string> organization;
};

struct Resolution {
  std::vector<OfficialSpan> officials;
  std::vector<FactSpan> facts;
};

// Rewrites canonicals in `found` (and drops organs that are part of a title),
// gives a part of a year written without one ("6 tháng đầu năm") the year of
// its paragraph or else of `published`, and returns officials and facts.
// `sentences` are the text's sentences. `ranges` are the parts of the text
// that belong to the article (not related).
Resolution resolve_article(const RuleSetImpl& rules, std::string_view norm, const std::vector<Span8>& ranges,
                           const std::vector<Span8>& sentences, std::vector<Found>& found,
                           std::optional<CivilDate> published = std::nullopt);

}  // namespace vnie::internal
