// extract(): runs the pipeline stages in order and assembles the Record.
#include <chrono>

#include "extractor.h"
#include "normalize.h"
#include "rules.h"
#include "structure.h"

namespace vnie {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point& t) {
  Clock::time_point now = Clock::now();
  double s = std::chrono::duration<double>(now - t).count();
  t = now;
  return s;
}

}  // namespace

const Value* Entity::field(std::string_view name) const {
  for (const Field& f : fields) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

Record extract(const RuleSet& rules, const Article& article, const ExtractOptions& options) {
  const RuleSetImpl& impl = rules.impl();
  StageTimes local;
  StageTimes& times = options.times != nullptr ? *options.times : local;
  Clock::time_point t = Clock::now();

  Record record;
  record.id = article.id;
  record.source_path = article.path;
  record.source_url = article.url;
  record.published = article.published;
  record.warnings = article.warnings;

  internal::Text text = internal::normalize(article.text);
  if (text.invalid_sequences > 0) {
    record.warnings.push_back({"invalid_utf8", std::to_string(text.invalid_sequences) +
                                                   " invalid UTF-8 sequence(s) replaced by U+FFFD"});
  }
  times.normalize += seconds_since(t);

  internal::Structure structure = internal::analyze_structure(
      text.norm, impl.structure, {.title_in_text = !article.title.has_value()});
  if (article.title) {
    record.title = *article.title;
  } else if (structure.title) {
    record.title = std::string(text.input_slice(structure.title->start, structure.title->end));
  }
  for (internal::Span8 a : structure.authors) record.authors.emplace_back(text.input_slice(a.start, a.end));
  if (!record.published && structure.published) record.published = structure.published;
  if (!record.published && options.published) record.published = options.published;
  for (const internal::SectionSpan& s : structure.sections) {
    record.sections.push_back({s.kind, text.input_offset(s.span.start), text.input_offset(s.span.end)});
  }
  times.structure += seconds_since(t);
  return record;
}

}  // namespace vnie
