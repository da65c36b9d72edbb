#include "json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "normalize.h"

namespace vnie {
namespace {

// Records are written directly (they are on the hot path of every run);
// nlohmann/json only re-indents them for --pretty and reads input lines.
class Writer {
 public:
  std::string out;

  void open(char c) {
    separate();
    out += c;
    need_comma_ = false;
  }
  void close(char c) {
    out += c;
    need_comma_ = true;
  }
  void key(std::string_view k) {
    separate();
    quoted(k);
    out += ':';
    need_comma_ = false;
  }
  void string(std::string_view s) {
    separate();
    quoted(s);
    need_comma_ = true;
  }
  void number(std::int64_t v) {
    separate();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
    need_comma_ = true;
  }
  void number(double v) {
    // Whole numbers print without a fraction ("actual": 49, not 49.0).
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15) return number(static_cast<std::int64_t>(v));
    separate();
    if (!std::isfinite(v)) {
      out += "null";
    } else {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
      out.append(buf, end);
    }
    need_comma_ = true;
  }
  void boolean(bool v) {
    separate();
    out += v ? "true" : "false";
    need_comma_ = true;
  }
  void null() {
    separate();
    out += "null";
    need_comma_ = true;
  }
  template <typename T>
  void optional(const std::optional<T>& v) {
    if (!v) {
      null();
    } else if constexpr (std::is_same_v<T, std::string>) {
      string(*v);
    } else if constexpr (std::is_same_v<T, bool>) {
      boolean(*v);
    } else {
      number(*v);
    }
  }
  void value(const Value& v) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            null();
          } else if constexpr (std::is_same_v<T, bool>) {
            boolean(x);
          } else if constexpr (std::is_same_v<T, std::string>) {
            string(x);
          } else {
            number(x);
          }
        },
        v);
  }

 private:
  void separate() {
    if (need_comma_) out += ',';
  }
  void quoted(std::string_view raw) {
    // Text from the article is valid UTF-8 already; names from elsewhere
    // (file names, ids) may not be.
    std::string repaired;
    std::string_view s = raw;
    if (!internal::valid_utf8(raw)) {
      repaired = internal::repair_utf8(raw).first;
      s = repaired;
    }
    out += '"';
    for (char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
          } else {
            out += c;
          }
      }
    }
    out += '"';
  }
  bool need_comma_ = false;
};

void span_fields(Writer& w, std::size_t start, std::size_t end) {
  w.key("start"), w.number(static_cast<std::int64_t>(start));
  w.key("end"), w.number(static_cast<std::int64_t>(end));
}

// key: [ {...}, ... ] with `fields` writing each object's members.
template <typename T, typename Fields>
void objects(Writer& w, std::string_view key, const std::vector<T>& items, Fields fields) {
  w.key(key);
  w.open('[');
  for (const T& item : items) {
    w.open('{');
    fields(item);
    w.close('}');
  }
  w.close(']');
}

void write_entities(Writer& w, std::string_view key, const std::vector<Entity>& entities, bool explain) {
  objects(w, key, entities, [&](const Entity& e) {
    w.key("type"), w.string(e.type);
    w.key("text"), w.string(e.text);
    span_fields(w, e.start, e.end);
    for (const Field& f : e.fields) w.key(f.name), w.value(f.value);
    if (explain) w.key("rule"), w.string(e.rule);
  });
}

}  // namespace

std::string to_json(const Record& record, bool pretty) { return to_json(record, JsonOptions{.pretty = pretty}); }

std::string to_json(const Record& r, const JsonOptions& options) {
  Writer w;
  w.out.reserve(1024 + 160 * r.entities.size());
  w.open('{');
  w.key("schema"), w.string(r.schema);
  w.key("id"), w.string(r.id);
  w.key("source");
  w.open('{');
  w.key("path"), w.string(r.source_path);
  w.key("url"), w.optional(r.source_url);
  w.close('}');
  if (r.error) {
    w.key("error"), w.string(*r.error);
  } else {
    w.key("title"), w.string(r.title);
    w.key("published"), w.optional(r.published);
    w.key("authors");
    w.open('[');
    for (const std::string& a : r.authors) w.string(a);
    w.close(']');
    objects(w, "sections", r.sections, [&](const Section& s) {
      w.key("kind"), w.string(s.kind);
      span_fields(w, s.start, s.end);
    });
    write_entities(w, "entities", r.entities, options.explain);
    objects(w, "officials", r.officials, [&](const Official& o) {
      w.key("name"), w.string(o.name);
      objects(w, "roles", o.roles, [&](const Role& role) {
        w.key("title"), w.string(role.title);
        w.key("organization"), w.optional(role.organization);
        w.key("organization_canonical"), w.optional(role.organization_canonical);
      });
      objects(w, "mentions", o.mentions, [&](const Span& m) { span_fields(w, m.start, m.end); });
    });
    objects(w, "facts", r.facts, [&](const Fact& f) {
      w.key("type"), w.string(f.type);
      w.key("text"), w.string(f.text);
      span_fields(w, f.start, f.end);
      w.key("metric"), w.string(f.metric);
      w.key("actual"), w.optional(f.actual);
      w.key("target"), w.optional(f.target);
      w.key("percent"), w.optional(f.percent);
      w.key("consistent"), w.optional(f.consistent);
      w.key("as_of"), w.optional(f.as_of);
      w.key("organization"), w.optional(f.organization);
    });
    objects(w, "warnings", r.warnings, [&](const Warning& warning) {
      w.key("code"), w.string(warning.code);
      w.key("message"), w.string(warning.message);
    });
    if (!r.related_entities.empty()) write_entities(w, "related_entities", r.related_entities, options.explain);
  }
  w.close('}');
  if (!options.pretty) return std::move(w.out);
  return nlohmann::ordered_json::parse(w.out).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace internal {

Article parse_article_json(std::string_view line) {
  // Invalid UTF-8 is repaired before parsing, so the article is not lost.
  std::string repaired;
  std::size_t invalid = 0;
  if (!valid_utf8(line)) std::tie(repaired, invalid) = repair_utf8(line);
  nlohmann::json j = nlohmann::json::parse(repaired.empty() ? line : std::string_view(repaired), nullptr, false);
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
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
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
