#include "json.h"

#include <nlohmann/json.hpp>

#include "normalize.h"

namespace vnie {
namespace {

using nlohmann::ordered_json;

ordered_json value_json(const Value& v) {
  return std::visit(
      [](const auto& x) -> ordered_json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return nullptr;
        } else {
          return x;
        }
      },
      v);
}

template <typename T>
ordered_json optional_json(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json entity_json(const Entity& e) {
  ordered_json j;
  j["type"] = e.type;
  j["text"] = e.text;
  j["start"] = e.start;
  j["end"] = e.end;
  for (const Field& f : e.fields) j[f.name] = value_json(f.value);
  return j;
}

// Numbers that are whole print without a fraction ("actual": 49, not 49.0).
ordered_json number_json(const std::optional<double>& v) {
  if (!v) return nullptr;
  double d = *v;
  if (d == static_cast<double>(static_cast<std::int64_t>(d)) && d < 9.0e15 && d > -9.0e15) {
    return static_cast<std::int64_t>(d);
  }
  return d;
}

}  // namespace

std::string to_json(const Record& r, bool pretty) {
  ordered_json j;
  j["schema"] = r.schema;
  j["id"] = r.id;
  j["source"] = {{"path", r.source_path}, {"url", optional_json(r.source_url)}};
  if (r.error) {
    j["error"] = *r.error;
    return j.dump(pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace);
  }
  j["title"] = r.title;
  j["published"] = optional_json(r.published);
  j["authors"] = r.authors;
  j["sections"] = ordered_json::array();
  for (const Section& s : r.sections) {
    j["sections"].push_back({{"kind", s.kind}, {"start", s.start}, {"end", s.end}});
  }
  j["entities"] = ordered_json::array();
  for (const Entity& e : r.entities) j["entities"].push_back(entity_json(e));
  j["officials"] = ordered_json::array();
  for (const Official& o : r.officials) {
    ordered_json oj;
    oj["name"] = o.name;
    oj["roles"] = ordered_json::array();
    for (const Role& role : o.roles) {
      oj["roles"].push_back({{"title", role.title},
                             {"organization", optional_json(role.organization)},
                             {"organization_canonical", optional_json(role.organization_canonical)}});
    }
    oj["mentions"] = ordered_json::array();
    for (const Span& m : o.mentions) oj["mentions"].push_back({{"start", m.start}, {"end", m.end}});
    j["officials"].push_back(oj);
  }
  j["facts"] = ordered_json::array();
  for (const Fact& f : r.facts) {
    j["facts"].push_back({{"type", f.type},
                          {"text", f.text},
                          {"start", f.start},
                          {"end", f.end},
                          {"metric", f.metric},
                          {"actual", number_json(f.actual)},
                          {"target", number_json(f.target)},
                          {"percent", number_json(f.percent)},
                          {"consistent", optional_json(f.consistent)},
                          {"as_of", optional_json(f.as_of)},
                          {"organization", optional_json(f.organization)}});
  }
  j["warnings"] = ordered_json::array();
  for (const Warning& w : r.warnings) j["warnings"].push_back({{"code", w.code}, {"message", w.message}});
  if (!r.related_entities.empty()) {
    j["related_entities"] = ordered_json::array();
    for (const Entity& e : r.related_entities) j["related_entities"].push_back(entity_json(e));
  }
  // Invalid UTF-8 never reaches here (normalize repairs it); replace to be safe.
  return j.dump(pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace);
}

namespace internal {

Article parse_article_json(std::string_view line) {
  // Invalid UTF-8 is repaired before parsing, so the article is not lost.
  auto [repaired, invalid] = repair_utf8(line);
  nlohmann::json j = nlohmann::json::parse(repaired, nullptr, false);
  if (j.is_discarded()) throw Error("broken JSON line");
  if (!j.is_object()) throw Error("JSON line is not an object");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) throw Error("missing or non-string field \"text\"");
  Article a;
  a.text = text->get<std::string>();
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    throw Error(std::string("field \"") + key + "\" is not a string");
  };
  a.id = str("id").value_or("");
  a.url = str("url");
  a.title = str("title");
  a.published = str("published");
  if (invalid > 0) {
    a.warnings.push_back({"invalid_utf8", std::to_string(invalid) + " invalid UTF-8 sequence(s) in the JSON line replaced by U+FFFD"});
  }
  return a;
}

}  // namespace internal
}  // namespace vnie
