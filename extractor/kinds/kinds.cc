// The table of resolvers: which rule `resolver` name reads which captures.
#include <array>

#include "kinds.h"

namespace vnie::internal {
namespace {

const std::array<ResolverInfo, 5> kResolvers = {{
    {"date",
     {"day", "month", "year", "day2", "month2", "year2", "quarter", "half", "hour", "minute", "part", "months",
      "decade"},
     resolve_date},
    {"relative", {"rel", "n", "unit"}, resolve_relative},
    {"amount", {"hedge", "num", "num2", "numw", "scale", "currency", "per", "unit", "den"}, resolve_amount},
    {"ignore", {}, resolve_ignore},
    {"name", {"inner", "name", "unit", "place", "next"}, resolve_name},
}};

}  // namespace

const ResolverInfo* find_resolver(std::string_view name) {
  for (const ResolverInfo& r : kResolvers) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace vnie::internal
