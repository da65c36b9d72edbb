// Matching: every rule over a text in one candidate pass, then captures,
// boundary checks, resolution and the overlap choice.
//
//   1. RE2::Set over all patterns says which rules match anywhere;
//   2. only those rules run with captures, over the allowed ranges;
//   3. a match must start and end at a word boundary (RE2's \b is ASCII-only,
//      so the engine checks letters and digits itself);
//   4. the rule's resolver turns captures into fields or drops the match;
//   5. overlaps: within a layer (figures: date, money, percent, ratio,
//      quantity, ignore; names: organization, person, location) the longer
//      match wins, then the higher priority, then the earlier one.
//
//   std::vector<Found> found = find_all(rules.impl(), text.norm, context, {});
#pragma once

#include <string_view>
#include <vector>

#include "kinds/kinds.h"

namespace vnie::internal {

struct Found {
  const Rule* rule = nullptr;
  Span8 span;
  std::vector<Field> fields;
};

struct FindOptions {
  // Byte ranges of the text to search; empty means the whole text.
  std::vector<Span8> ranges;
  bool keep_ignored = false;  // also return "ignore" matches (for rule examples)
};

// Entities sorted by start, "ignore" matches removed.
std::vector<Found> find_all(const RuleSetImpl& rules, std::string_view norm, const Context& context,
                            const FindOptions& options);

}  // namespace vnie::internal
