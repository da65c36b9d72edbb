// Dates: captured day/month/year (and quarter, half, clock time, intervals)
// to ISO 8601 text, with the year inferred from the publication date when the
// text leaves it out.
//
// Captures: day month year  [day2 month2 year2] (interval end)
//           quarter (1-4 or I-IV)  half ("đầu"/"cuối" or 1/2)  hour minute
//           part ("đầu"/"giữa"/"cuối", kept at month or year granularity)
//           months (N in "N tháng đầu năm": the interval YYYY-01/YYYY-MM)
//           decade (the first year of "những năm 1990": the interval 1990/1999)
// Constant fields (`set`): granularity (forced), relative.
#include <cstdio>
#include <cstdlib>

#include "../normalize.h"
#include "kinds.h"

namespace vnie::internal {
namespace {

int to_int(std::string_view s) {
  if (s.empty()) return 0;
  int r = parse_roman(s);
  return r > 0 ? r : std::atoi(std::string(s).c_str());
}

std::string year_text(int year) {
  if (year <= 0) return "XXXX";
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

// The year of day/month when the text gives none: the most recent such date
// not after publication; 0 (written XXXX) when publication is unknown.
int infer_year(int month, int day, const Context& context) {
  if (!context.published) return 0;
  const CivilDate& p = *context.published;
  bool not_after = month < p.month || (month == p.month && day <= p.day);
  return not_after ? p.year : p.year - 1;
}

int year_of(std::string_view y) {
  int year = to_int(y);
  if (y.size() == 2) year += 2000;
  return year;
}

std::string day_text(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%02d-%02d", month, day);
  return year_text(year) + buf;
}

std::string month_text(int year, int month) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "-%02d", month);
  return year_text(year) + buf;
}

Resolved make(const Match& m, std::string value, std::string granularity) {
  return {m.span, {{"value", std::move(value)}, {"granularity", std::move(granularity)}}};
}

}  // namespace

std::vector<Resolved> resolve_date(const Rule& rule, const Match& m, const Context& context) {
  int day = to_int(m["day"]), month = to_int(m["month"]);
  int year = m.has("year") ? year_of(m["year"]) : 0;
  int day2 = to_int(m["day2"]), month2 = to_int(m["month2"]);
  int year2 = m.has("year2") ? year_of(m["year2"]) : 0;

  if (month > 12 || month2 > 12 || day > 31 || day2 > 31) return {};
  if (m.has("year") && (year < 1900 || year > 2100)) return {};

  // Lists: "hai ngày 18 và 19/7/2023" are two days sharing the month and year.
  if (rule.setting("list") != nullptr && m.has("day2")) {
    if (day == 0 || day2 == 0 || month2 == 0) return {};
    if (year2 == 0) year2 = infer_year(month2, day2, context);
    Span8 second{m.span_of("day2").start, m.span.end};  // the first covers the whole list, as a range does
    return {{m.span, {{"value", day_text(year2, month2, day)}, {"granularity", std::string("day")}}},
            {second, {{"value", day_text(year2, month2, day2)}, {"granularity", std::string("day")}}}};
  }
  // Month lists: "tháng 8 và tháng 9/2024" are two months sharing the year.
  if (rule.setting("list") != nullptr && m.has("month2") && !m.has("day2")) {
    if (month == 0 || month2 == 0) return {};
    if (year2 == 0) year2 = infer_year(month2, 1, context);
    Span8 second{m.span_of("month2").start, m.span.end};
    return {{m.span, {{"value", month_text(year2, month)}, {"granularity", std::string("month")}}},
            {second, {{"value", month_text(year2, month2)}, {"granularity", std::string("month")}}}};
  }
  // Intervals: "từ ngày 21 đến 23/11/2024", "từ 20/12/2024 đến 20/1/2025", "2023-2028".
  if (m.has("day2") || m.has("year2") || m.has("month2")) {
    if (m.has("year2") && !m.has("month2") && !m.has("day2")) {
      if (year2 < 1900 || year2 > 2100 || year2 < year) return {};
      return {make(m, year_text(year) + "/" + year_text(year2), "interval")};
    }
    if (month2 == 0) month2 = month;
    if (month == 0) month = month2;
    if (!m.has("year2")) year2 = year != 0 ? year : infer_year(month2, day2, context);
    if (!m.has("year")) year = (month <= month2) ? year2 : (year2 > 0 ? year2 - 1 : 0);
    if (day == 0) return {make(m, month_text(year, month) + "/" + month_text(year2, month2), "interval")};
    return {make(m, day_text(year, month, day) + "/" + day_text(year2, month2, day2), "interval")};
  }
  if (m.has("decade")) {  // "đầu những năm 1990"
    int first = to_int(m["decade"]);
    if (first < 1900 || first > 2090 || first % 10 != 0) return {};
    return {make(m, year_text(first) + "/" + year_text(first + 9), "interval")};
  }
  // A part of a year without its year ("6 tháng đầu năm", "quý II") stays
  // XXXX here; resolve.cc gives it the year of its paragraph or article,
  // else of publication.
  if (m.has("months")) {  // "5 tháng đầu năm 2024"
    int months = to_int(m["months"]);
    if (months < 1 || months > 12) return {};
    if (months == 6) return {make(m, year_text(year) + "-H1", "half")};
    return {make(m, year_text(year) + "-01/" + month_text(year, months), "interval")};
  }
  if (m.has("quarter")) {
    int q = to_int(m["quarter"]);
    if (q < 1 || q > 4) return {};
    return {make(m, year_text(year) + "-Q" + std::to_string(q), "quarter")};
  }
  if (m.has("half")) {
    std::string h = to_lower(m["half"]);
    bool second = h == "cuối" || h == "2" || h == "ii" || h == "sau";
    return {make(m, year_text(year) + (second ? "-H2" : "-H1"), "half")};
  }
  if (day > 0) {
    if (month == 0) return {};
    if (year == 0) year = infer_year(month, day, context);
    std::string value = day_text(year, month, day);
    if (m.has("hour")) {
      int hour = to_int(m["hour"]), minute = to_int(m["minute"]);
      if (hour > 23 || minute > 59) return {};
      char buf[32];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
      return {make(m, value + buf, "datetime")};
    }
    return {make(m, value, "day")};
  }
  if (month > 0) {
    // "5 tháng 3 ngày" is a duration, not March.
    if (!m.has("year")) {
      std::string_view before = words_before(m.norm, m.span.start, 1);
      if (!before.empty() && before.find_first_not_of("0123456789") == std::string_view::npos) return {};
    }
    if (year == 0 && context.published) year = infer_year(month, 1, context);
    return {make(m, month_text(year, month), "month")};
  }
  if (year > 0) return {make(m, year_text(year), "year")};
  return {};
}

}  // namespace vnie::internal

namespace vnie::internal {
namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

std::string iso_day(const CivilDate& c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

}  // namespace

// Relative dates, resolved against the publication date; dropped when it is
// unknown. Captures: `rel` (hôm nay, sáng nay, hôm qua, ngày mai, tuần qua,
// tháng trước, năm ngoái ...) or `n` + `unit` ("3 ngày trước", "20 giờ trước").
std::vector<Resolved> resolve_relative(const Rule&, const Match& m, const Context& context) {
  if (!context.published) return {};
  const CivilDate& p = *context.published;
  long today = days_from_civil(p.year, p.month, p.day);
  auto day = [&](long offset) {
    return std::vector<Resolved>{{m.span, {{"value", iso_day(civil_from_days(today + offset))},
                                           {"granularity", std::string("day")},
                                           {"relative", true}}}};
  };
  std::string rel = to_lower(m["rel"]);
  if (m.has("n")) {
    long n = std::atol(std::string(m["n"]).c_str());
    std::string unit = to_lower(m["unit"]);
    if (unit == "ngày") return day(-n);
    if (unit == "tuần") return day(-7 * n);
    if (unit == "giờ" || unit == "phút") return day(unit == "giờ" && n >= 24 ? -(n / 24) : 0);
    return {};
  }
  if (rel.find("nay") != std::string::npos) return day(0);
  if (rel == "hôm qua" || rel.find(" qua") != std::string::npos) {
    if (rel.rfind("tuần", 0) == 0) {
      return {{m.span, {{"value", iso_day(civil_from_days(today - 7)) + "/" + iso_day(p)},
                        {"granularity", std::string("interval")},
                        {"relative", true}}}};
    }
    return day(-1);
  }
  if (rel == "hôm kia") return day(-2);
  if (rel == "ngày mai") return day(1);
  if (rel == "tháng trước") {
    int y = p.month == 1 ? p.year - 1 : p.year, mo = p.month == 1 ? 12 : p.month - 1;
    return {{m.span, {{"value", month_text(y, mo)}, {"granularity", std::string("month")}, {"relative", true}}}};
  }
  if (rel == "năm ngoái" || rel == "năm trước" || rel == "năm qua") {
    return {{m.span, {{"value", year_text(p.year - 1)}, {"granularity", std::string("year")}, {"relative", true}}}};
  }
  return {};
}

}  // namespace vnie::internal
