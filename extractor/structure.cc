#include "structure.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "normalize.h"

namespace vnie::internal {
namespace {

struct Line {
  Span8 span;
  std::string_view text;
  std::string kind;  // "" = not yet decided
  int words = 0;
};

int count_words(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool has_letter(std::string_view s) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c > 0 && u_isalpha(c)) return true;
  }
  return false;
}

// Ends like a sentence: . ! ? … : ; or a closing quote/bracket after one.
bool ends_sentence(std::string_view s) {
  // A closing attribution counts as part of the sentence before it: "...
  // được hưởng gì? (Nguyễn Thị Thu Hà, thị xã Quế Võ)".
  if (!s.empty() && s.back() == ')') {
    std::size_t open = s.rfind(" (");
    if (open != std::string_view::npos && open > 0 && std::string_view(".!?").find(s[open - 1]) != std::string_view::npos) {
      s = s.substr(0, open);
    }
  }
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  return s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6";  // …
}

const RE2& relative_time() {
  static const RE2 re(R"(^\d+ (giây|phút|giờ|ngày|tuần|tháng|năm) trước)");
  return re;
}
const RE2& source_credit() {
  static const RE2 re(R"(^(Nguồn|Theo)[\s:][^\n]{0,60}(https?://|www\.)\S+$)");
  return re;
}
const RE2& url_line() {
  static const RE2 re(R"(^(https?://|www\.)\S+$)");
  return re;
}
// "Thứ Hai, 25/11/2024 18:16", "23/11/2024 18:16", "25/11/2024 - 08:30 (GMT+7)".
const RE2& dateline() {
  static const RE2 re(
      R"(^(?:(?:Thứ [^\s,]+|Chủ nhật|Chủ Nhật),\s*)?(\d{1,2})/(\d{1,2})/(\d{4})(?:[\s,-]+(\d{1,2})[:h](\d{2}))?(?:\s*\(GMT\+7\))?$)");
  return re;
}
// A photo credit inside a caption: "... Ảnh: B.Duy." or "(Ảnh: Kim Tiến)".
const RE2& photo_credit() {
  static const RE2 re(R"((?:^|[\s(.])Ảnh(?: minh họa)?\s*:\s*([^.()\n]{1,40}?(?:\.[^\s.()\n]+)?)\.?\)?\s*$)");
  return re;
}

// A byline: capitalized words or initials, one or more names joined by " - ",
// ", " or " và ", optionally followed by an outlet tag ("Minh Anh (TTXVN)").
// A word may start with H', K' or Y' as Ede, Jrai and K'Ho names do ("H'Yâo").
bool looks_like_byline(std::string_view s, re2::StringPiece* name) {
  static const RE2 re(
      R"(^((?:\p{Lu}\.\s?)*(?:[HKY]')?\p{Lu}[\p{L}]*(?:(?:[\s.-]+|,\s|\svà\s)(?:[HKY]')?\p{Lu}[\p{L}]*){0,8})\.?(?:\s*[(]\s*[^()]{1,30}\))?$)");
  if (s.size() > 90 || !RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re, name)) return false;
  return count_words(std::string_view(name->data(), name->size())) <= 11;
}

// "B.Duy" and "Bảo Duy" are one person: same last word, initial matches.
bool same_author(std::string_view a, std::string_view b) {
  std::string fa = fold_normalized(a), fb = fold_normalized(b);
  if (fa == fb) return true;
  auto last = [](const std::string& s) { return s.substr(s.find_last_of(" .") + 1); };
  return last(fa) == last(fb) && !fa.empty() && !fb.empty() && fa[0] == fb[0];
}

bool matches_marker(std::string_view line, const std::vector<std::string>& markers) {
  std::string f = fold_normalized(line);
  return std::find(markers.begin(), markers.end(), f) != markers.end();
}

}  // namespace

Structure analyze_structure(std::string_view norm, const StructureLexicon& lexicon,
                            const StructureOptions& options) {
  Structure out;
  std::vector<Line> lines;
  for (std::size_t b = 0; b < norm.size();) {
    std::size_t e = norm.find('\n', b);
    if (e == std::string_view::npos) e = norm.size();
    std::size_t s = b, t = e;
    while (s < t && (norm[s] == ' ' || norm[s] == '\t' || norm[s] == '\r')) ++s;
    while (t > s && (norm[t - 1] == ' ' || norm[t - 1] == '\t' || norm[t - 1] == '\r')) --t;
    if (s < t) {
      std::string_view text = norm.substr(s, t - s);
      // Lines with no letter or digit ("-->", "***") carry nothing; skip them.
      bool content = has_letter(text) || std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (content) lines.push_back({{static_cast<uint32_t>(s), static_cast<uint32_t>(t)}, text, "", count_words(text)});
    }
    b = e + 1;
  }
  if (lines.empty()) return out;

  std::size_t first = 0;
  std::string title_fold;
  if (options.title_in_text) {
    while (first < lines.size() && !has_letter(lines[first].text)) ++first;
    if (first < lines.size()) {
      lines[first].kind = "title";
      out.title = lines[first].span;
      title_fold = fold_normalized(lines[first].text);
      ++first;
    }
  }

  // Page metadata and related markers.
  std::size_t related_from = lines.size();
  for (std::size_t i = first; i < lines.size(); ++i) {
    Line& line = lines[i];
    re2::StringPiece text(line.text.data(), line.text.size());
    std::string d, m, y, hh, mm;
    if (RE2::PartialMatch(text, relative_time()) || RE2::FullMatch(text, source_credit()) ||
        RE2::FullMatch(text, url_line())) {
      line.kind = "meta";
      // "20 giờ trướcBài gốc": the rest is page chrome too.
    } else if (RE2::FullMatch(text, dateline(), &d, &m, &y, &hh, &mm)) {
      line.kind = "meta";
      static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int day = std::stoi(d), month = std::stoi(m);
      bool valid = month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1] &&
                   (hh.empty() || (std::stoi(hh) <= 23 && std::stoi(mm) <= 59));
      if (!out.published && valid) {
        char buf[32];
        if (hh.empty()) {
          std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), std::stoi(m), std::stoi(d));
        } else {
          std::snprintf(buf, sizeof buf, "%s-%02d-%02dT%02d:%s", y.c_str(), std::stoi(m), std::stoi(d),
                        std::stoi(hh), mm.c_str());
        }
        out.published = buf;
      }
    } else if (line.words <= 8 && matches_marker(line.text, lexicon.end_markers)) {
      related_from = i;
      break;
    } else if (line.words <= 8 && matches_marker(line.text, lexicon.block_markers)) {
      // A block marker late in the page is the page's tail; earlier, it
      // covers the headline-like lines that follow it.
      if (i * 10 >= lines.size() * 6) {
        related_from = i;
        break;
      }
      line.kind = "related";
      for (std::size_t j = i + 1; j < lines.size() && !ends_sentence(lines[j].text) && lines[j].words <= 30; ++j) {
        lines[j].kind = "related";
        i = j;
      }
    }
  }
  for (std::size_t i = related_from; i < lines.size(); ++i) lines[i].kind = "related";

  // Title repeats (image alt text) and captions.
  for (std::size_t i = first; i < related_from; ++i) {
    Line& line = lines[i];
    if (!line.kind.empty()) continue;
    bool title_sized = line.text.size() + 8 >= title_fold.size() && line.text.size() <= title_fold.size() + 8;
    if (!title_fold.empty() && title_sized && fold_normalized(line.text) == title_fold) {
      line.kind = "caption";
      if (i + 1 < related_from && lines[i + 1].kind.empty()) lines[i + 1].kind = "caption";
      continue;
    }
    if (line.text.back() == '|' || RE2::PartialMatch(re2::StringPiece(line.text.data(), line.text.size()), photo_credit())) {
      line.kind = "caption";
    }
  }

  // The lede: the first paragraph after the title. Right after it, a long line
  // without sentence punctuation is a run of teaser headlines.
  std::size_t lede = first;
  while (lede < related_from && !lines[lede].kind.empty()) ++lede;
  if (lede < related_from && lines[lede].words >= 12) {
    lines[lede].kind = "lede";
    for (std::size_t j = lede + 1; j < std::min(related_from, lede + 3); ++j) {
      if (lines[j].kind.empty() && lines[j].words >= 20 && !ends_sentence(lines[j].text)) {
        lines[j].kind = "related";
      }
    }
  }

  // The byline: the last content line before the related tail and the meta lines.
  std::size_t last = related_from;
  while (last > first && (lines[last - 1].kind == "meta" || lines[last - 1].kind == "related")) --last;
  auto span_of = [&](re2::StringPiece piece) {
    auto b = static_cast<uint32_t>(piece.data() - norm.data());
    return Span8{b, b + static_cast<uint32_t>(piece.size())};
  };
  auto text_of = [&](Span8 s) { return norm.substr(s.start, s.end - s.start); };
  re2::StringPiece name;
  auto names_nobody = [&](re2::StringPiece piece) {
    return matches_marker(std::string_view(piece.data(), piece.size()), lexicon.not_authors);
  };
  if (last > first && lines[last - 1].kind.empty() && looks_like_byline(lines[last - 1].text, &name) &&
      !names_nobody(name)) {
    lines[last - 1].kind = "byline";
    // "Hồng Nhung - Thu Trang", "Minh Anh, Thu Hà", "A và B": one author each.
    Span8 whole = span_of(name);
    std::uint32_t from = whole.start;
    for (std::uint32_t k = whole.start; k <= whole.end; ++k) {
      std::size_t sep = 0;
      for (std::string_view s : {" - ", ", ", " và "}) {
        if (norm.substr(k, s.size()) == s && k + s.size() <= whole.end) sep = s.size();
      }
      if (k == whole.end || sep > 0) {
        if (k > from) out.authors.push_back({from, k});
        if (sep > 0) {
          k += static_cast<std::uint32_t>(sep) - 1;
          from = k + 1;
        }
      }
    }
  }
  // Photo credits naming someone else are authors too.
  for (std::size_t i = first; i < related_from; ++i) {
    re2::StringPiece piece;
    if (lines[i].kind != "caption" ||
        !RE2::PartialMatch(re2::StringPiece(lines[i].text.data(), lines[i].text.size()), photo_credit(), &piece)) {
      continue;
    }
    while (!piece.empty() && (piece[piece.size() - 1] == ' ' || piece[piece.size() - 1] == '.')) piece.remove_suffix(1);
    std::string_view credit(piece.data(), piece.size());
    bool known = std::any_of(out.authors.begin(), out.authors.end(),
                             [&](Span8 a) { return same_author(text_of(a), credit); });
    if (!known && !credit.empty() && !names_nobody(piece)) out.authors.push_back(span_of(piece));
  }

  for (Line& line : lines) {
    if (line.kind.empty()) line.kind = "body";
    if (!out.sections.empty() && out.sections.back().kind == line.kind) {
      out.sections.back().span.end = line.span.end;
    } else {
      out.sections.push_back({line.kind, line.span});
    }
  }
  return out;
}

}  // namespace vnie::internal
