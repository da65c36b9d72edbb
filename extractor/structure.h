// Article structure: which lines are title, lede, body, captions, byline,
// page metadata, and `related` material (teasers and headline lists of other
// stories, which extraction must ignore).
//
// Detection rests on general signals, not on any one site's layout:
//   - marker lines from rules/lexicons/related_markers.txt ("Có thể bạn quan
//     tâm", "Tin khác", "Xem thêm", ...): an `end` marker makes the rest of
//     the page related; a `block` marker covers the headline-like lines after it;
//   - a run of teaser headlines glued into one long line without sentence
//     punctuation, just after the lede;
//   - lines that repeat the title (image alt text) and the caption after them,
//     caption markers ("Ảnh:", a trailing "|");
//   - relative timestamps, "Nguồn ...: URL" credits and datelines (meta);
//   - the byline: a short name-like line closing the article.
//
//   Structure s = analyze_structure(text.norm, lexicon, {.title_in_text = true});
//   for (const SectionSpan& section : s.sections) ...
//
// Offsets are byte offsets into the normalized text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segment.h"

namespace vnie::internal {

struct StructureLexicon {
  std::vector<std::string> end_markers;    // folded; the rest of the page is related
  std::vector<std::string> block_markers;  // folded; a block of headlines follows
  std::vector<std::string> not_authors;    // folded; byline-like words that name nobody
};

struct SectionSpan {
  std::string kind;
  Span8 span;
};

struct Structure {
  std::vector<SectionSpan> sections;  // in text order, consecutive lines of one kind merged
  std::optional<Span8> title;         // the title line, when the title is in the text
  std::vector<Span8> authors;            // byline names and other photo credits
  std::optional<std::string> published;  // from a dateline, ISO 8601

};

struct StructureOptions {
  bool title_in_text = true;  // .txt input: the first line with a letter is the title
};

Structure analyze_structure(std::string_view norm, const StructureLexicon& lexicon,
                            const StructureOptions& options = {});

}  // namespace vnie::internal
