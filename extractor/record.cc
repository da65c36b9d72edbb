// extract(): runs the pipeline stages in order and assembles the Record.
#include <chrono>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "extractor.h"
#include "match.h"
#include "resolve.h"
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

Entity make_entity(const internal::Text& text, internal::Found& f) {
  return {f.rule->type, std::string(text.input_slice(f.span.start, f.span.end)), text.input_offset(f.span.start),
          text.input_end(f.span.end), std::move(f.fields), f.rule->id};
}

std::string value_text(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return x;
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.10g", x);
          return buf;
        } else {
          return std::to_string(x);
        }
      },
      v);
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
  if (record.published && !internal::parse_iso_date(*record.published)) {
    record.warnings.push_back({"invalid_published", "published '" + *record.published +
                                                        "' is no date of 1900-2100 (YYYY-MM-DD...); ignored"});
    record.published.reset();
  }

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
    record.sections.push_back({s.kind, text.input_offset(s.span.start), text.input_end(s.span.end)});
  }
  times.structure += seconds_since(t);

  // Rules over the article's own sections; related sections separately.
  internal::Context context{impl, {}};
  if (record.published) context.published = internal::parse_iso_date(*record.published);
  internal::FindOptions own, related;
  for (const internal::SectionSpan& s : structure.sections) {
    if (s.kind == "related") {
      related.ranges.push_back(s.span);
    } else if (s.kind != "meta") {
      own.ranges.push_back(s.span);
    }
  }
  std::vector<internal::Found> found;
  if (!own.ranges.empty()) found = internal::find_all(impl, text.norm, context, own);
  times.rules += seconds_since(t);

  // Sentences bound the target facts, which hang on ratios: only the lines
  // with a ratio need them.
  std::vector<std::uint32_t> ratios;
  for (const internal::Found& f : found) {
    if (f.rule->type == "ratio") ratios.push_back(f.span.start);
  }
  std::vector<internal::Span8> sentences;
  if (!ratios.empty()) sentences = impl.segmenter.sentences(text.norm, std::move(ratios));
  times.segment += seconds_since(t);

  internal::Resolution resolution =
      internal::resolve_article(impl, text.norm, own.ranges, sentences, found, context.published);
  auto span_of = [&](internal::Span8 s) { return Span{text.input_offset(s.start), text.input_end(s.end)}; };
  for (internal::OfficialSpan& o : resolution.officials) {
    Official official{o.name, {}, {}};
    for (internal::RoleSpan& r : o.roles) {
      std::optional<std::string> org;
      if (r.organization) org = std::string(text.input_slice(r.organization->start, r.organization->end));
      official.roles.push_back({r.title, org, r.organization_canonical});
    }
    for (internal::Span8 m : o.mentions) official.mentions.push_back(span_of(m));
    record.officials.push_back(std::move(official));
  }
  for (internal::FactSpan& f : resolution.facts) {
    Span s = span_of(f.span);
    record.facts.push_back({"target", std::string(text.input_slice(f.span.start, f.span.end)), s.start, s.end, f.metric,
                            f.actual, f.target, f.percent, f.consistent, f.as_of, f.organization});
  }
  for (internal::Found& f : found) record.entities.push_back(make_entity(text, f));
  times.resolve += seconds_since(t);
  if (options.related_entities && !related.ranges.empty()) {
    for (internal::Found& f : internal::find_all(impl, text.norm, context, related)) {
      record.related_entities.push_back(make_entity(text, f));
    }
  }
  times.rules += seconds_since(t);
  return record;
}

std::string check(const RuleSet& rules, const Example& example) {
  const RuleSetImpl& impl = rules.impl();
  internal::Text text = internal::normalize(example.text);
  internal::Context context{impl, internal::parse_iso_date(example.published)};
  internal::FindOptions options;
  options.keep_ignored = true;
  std::vector<internal::Found> found = internal::find_all(impl, text.norm, context, options);
  auto describe = [&](const internal::Found& f) {
    std::string d = "[";
    d.append(text.input_slice(f.span.start, f.span.end));
    d.append("] ").append(f.rule->id);
    for (const Field& field : f.fields) d += " " + field.name + "=" + value_text(field.value);
    return d;
  };
  int layer = 0;
  for (const internal::Rule& rule : impl.rules) {
    if (rule.id == example.rule) layer = rule.layer;
  }
  auto same_layer = [&](const internal::Found& f) {
    return example.type == "ignore" ? f.rule->layer == layer : f.rule->type == example.type;
  };
  std::vector<const internal::Found*> mine;
  for (const internal::Found& f : found) {
    if (same_layer(f) && (f.rule->type != "ignore" || f.rule->id == example.rule)) mine.push_back(&f);
  }
  if (example.reject) {
    for (const internal::Found* f : mine) {
      // A blocking rule's reject: this rule must not fire. Others: nothing of the type.
      bool counts = example.type == "ignore" ? f->rule->id == example.rule : f->rule->type != "ignore";
      if (counts) return "expected nothing, got " + describe(*f);
    }
    return "";
  }
  const internal::Found* hit = nullptr;
  for (const internal::Found* f : mine) {
    if (text.input_offset(f->span.start) == example.start && text.input_end(f->span.end) == example.end) hit = f;
  }
  std::string want_span = internal::cp_substr(example.text, example.start, example.end);
  if (hit == nullptr) {
    std::string got;
    for (const internal::Found* f : mine) got += (got.empty() ? "" : "; ") + describe(*f);
    return "expected [" + want_span + "], got " + (got.empty() ? "nothing" : got);
  }
  if (hit->rule->id != example.rule) return "[" + want_span + "] was produced by " + hit->rule->id + ", not this rule";
  for (const internal::Found* f : mine) {
    if (f != hit && f->rule->type != "ignore" &&
        !(f->span.start >= hit->span.start && f->span.end <= hit->span.end)) {
      return "extra match " + describe(*f);
    }
  }
  // want: "v" (the value, or canonical for names) or "key=v; key=v".
  std::string_view want = example.want;
  while (!want.empty()) {
    std::size_t semi = want.find("; ");
    std::string_view item = want.substr(0, semi);
    want = semi == std::string_view::npos ? std::string_view() : want.substr(semi + 2);
    std::size_t eq = item.find('=');
    std::string key = eq == std::string_view::npos
                          ? (example.type == "organization" || example.type == "person" || example.type == "location"
                                 ? "canonical"
                                 : "value")
                          : std::string(item.substr(0, eq));
    std::string expected(eq == std::string_view::npos ? item : item.substr(eq + 1));
    const Value* v = nullptr;
    for (const Field& field : hit->fields) {
      if (field.name == key) v = &field.value;
    }
    std::string got = v == nullptr ? "<missing>" : value_text(*v);
    if (got != expected) return key + ": expected " + expected + ", got " + got + " (" + describe(*hit) + ")";
  }
  return "";
}

}  // namespace vnie
