#include "match.h"

#include <algorithm>
#include <array>

#include "normalize.h"

namespace vnie::internal {

namespace {

struct Candidate {
  Found found;
  int layer = 0;
  int priority = 0;
  std::size_t order = 0;  // position in its resolver's output (a range's second end is 1)
  std::size_t group = 0;  // which resolver call produced it
};

// Whether the word right before `start` is one the rule must not follow.
bool after_listed_word(const Rule& rule, std::string_view norm, std::size_t start) {
  if (rule.not_after.empty()) return false;
  std::string_view word = words_before(norm, start, 1);
  return std::find(rule.not_after.begin(), rule.not_after.end(), word) != rule.not_after.end();
}

// Runs one rule over [range.start, range.end) of `norm`, adding candidates.
void run_rule(const Rule& rule, const ResolverInfo& resolver, std::string_view norm, Span8 range,
              const Context& context, std::vector<Candidate>& out) {
  const re2::RE2& re = *rule.re;
  const int ngroups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(ngroups) + 1);
  const auto& names = re.CapturingGroupNames();
  re2::StringPiece text(norm.data(), norm.size());
  std::size_t pos = range.start;
  while (pos <= range.end &&
         re.Match(text, pos, range.end, re2::RE2::UNANCHORED, groups.data(), ngroups + 1)) {
    auto start = static_cast<std::size_t>(groups[0].data() - norm.data());
    std::size_t end = start + groups[0].size();
    // Word boundaries at both ends, where the match itself starts/ends with a word character.
    bool ok = groups[0].size() > 0 &&
              !(word_char_at(norm, start) && word_char_before(norm, start)) &&
              !(word_char_before(norm, end) && word_char_at(norm, end)) &&
              (rule.max_chars == 0 || code_points(norm.substr(start, end - start)) <= rule.max_chars) &&
              !after_listed_word(rule, norm, start);
    if (ok) {
      Match m{norm, {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)}, {}};
      for (const auto& [index, name] : names) {
        const re2::StringPiece& g = groups[static_cast<std::size_t>(index)];
        m.groups.emplace_back(name, g.data() == nullptr ? std::string_view() : std::string_view(g.data(), g.size()));
      }
      std::size_t order = 0, group = out.size();
      for (Resolved& r : resolver.resolve(rule, m, context)) {
        out.push_back({{&rule, r.span, std::move(r.fields)}, rule.layer, rule.priority, order++, group});
      }
      // Go on from the next word, not the match end: a shorter match may
      // start inside this one and win where this one loses an overlap
      // ("LĐLĐ tỉnh Bắc [Ninh Nguyễn Văn Hải]" vs "Nguyễn Văn Hải").
      // Figures do not nest that way; they go on after the match.
      std::size_t next = norm.find(' ', start);
      bool names = rule.layer == 1;
      pos = !names || next == std::string_view::npos || next + 1 >= end ? std::max(end, start + 1) : next + 1;
    } else {
      // Try again one character after this match's start.
      std::size_t next = start + 1;
      while (next < norm.size() && (static_cast<unsigned char>(norm[next]) & 0xC0) == 0x80) ++next;
      pos = next;
    }
  }
}

}  // namespace

std::vector<Found> find_all(const RuleSetImpl& rules, std::string_view norm, const Context& context,
                            const FindOptions& options) {
  std::vector<Span8> sections = options.ranges;
  if (sections.empty()) sections.push_back({0, static_cast<std::uint32_t>(norm.size())});
  // Matches never cross a line: the candidate pass runs per line, so each
  // rule then scans only the lines where it can match.
  std::vector<Span8> ranges;
  for (Span8 section : sections) {
    for (std::uint32_t b = section.start; b < section.end;) {
      std::size_t e = norm.find('\n', b);
      auto end = static_cast<std::uint32_t>(e == std::string_view::npos || e > section.end ? section.end : e);
      if (end > b) ranges.push_back({b, end});
      b = end + 1;
    }
  }

  std::vector<Candidate> candidates;
  std::vector<int> hits, set_hits;
  for (Span8 range : ranges) {
    re2::StringPiece piece(norm.data() + range.start, range.end - range.start);
    hits.clear();
    for (const RuleSetImpl::CandidateSet& group : rules.candidates) {
      set_hits.clear();
      re2::RE2::Set::ErrorInfo error{re2::RE2::Set::kNoError};
      if (group.set != nullptr && group.set->Match(piece, &set_hits, &error)) {
        for (int k : set_hits) hits.push_back(group.rules[static_cast<std::size_t>(k)]);
      } else if (group.set == nullptr || error.kind != re2::RE2::Set::kNoError) {
        // No set, or its DFA ran out of memory on this text: run all its rules.
        hits.insert(hits.end(), group.rules.begin(), group.rules.end());
      }
    }
    if (hits.empty()) continue;
    std::sort(hits.begin(), hits.end());
    for (int index : hits) {
      const Rule& rule = rules.rules[static_cast<std::size_t>(index)];
      if (rule.resolve_with != nullptr) run_rule(rule, *rule.resolve_with, norm, range, context, candidates);
    }
  }

  // Overlap choice per layer: longer first, then priority, then earlier.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    std::uint32_t la = a.found.span.end - a.found.span.start, lb = b.found.span.end - b.found.span.start;
    if (a.order != b.order) return a.order < b.order;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.found.span.start < b.found.span.start;
  });
  // A resolver's later outputs (a range's second end) stand or fall with its
  // first. Bytes taken per layer make each overlap test linear in the match.
  std::vector<Candidate> kept;
  std::vector<bool> kept_group(candidates.size(), false);
  std::array<std::vector<bool>, 2> taken;
  for (auto& layer : taken) layer.assign(norm.size() + 1, false);
  for (Candidate& c : candidates) {
    if (c.order > 0) {
      if (kept_group[c.group]) kept.push_back(std::move(c));
      continue;
    }
    std::vector<bool>& bytes = taken[static_cast<std::size_t>(c.layer)];
    Span8 span = c.found.span;
    if (std::find(bytes.begin() + span.start, bytes.begin() + span.end, true) != bytes.begin() + span.end) continue;
    std::fill(bytes.begin() + span.start, bytes.begin() + span.end, true);
    kept_group[c.group] = true;
    kept.push_back(std::move(c));
  }
  std::vector<Found> out;
  for (Candidate& c : kept) {
    if (c.found.rule->type == "organization" && c.found.fields.empty()) {
      c.found.fields = organization_fields(rules, norm.substr(c.found.span.start, c.found.span.end - c.found.span.start));
    }
    if (options.keep_ignored || c.found.rule->type != "ignore") out.push_back(std::move(c.found));
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  return out;
}

}  // namespace vnie::internal
