// JSON: the only module that includes nlohmann/json.
//
// Writes vnie/1 records (../shared/spec/output.md) and reads JSONL articles.
//
//   std::string line = vnie::to_json(record);                       // extractor.h
//   vnie::Article a = vnie::internal::parse_article_json(line);     // throws Error
#pragma once

#include <string_view>

#include "extractor.h"

namespace vnie::internal {

// One JSONL input line as an Article. Throws Error (message without location)
// when the line is not a JSON object or `text` is missing or not a string.
Article parse_article_json(std::string_view line);

}  // namespace vnie::internal
