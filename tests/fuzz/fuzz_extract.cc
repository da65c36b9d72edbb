// libFuzzer target: any bytes as an article must give a valid record whose
// offsets slice the input (when the input is valid UTF-8), never a crash.
//
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DVNIE_FUZZ=ON -DVNIE_SANITIZE=ON
//   cmake --build build-fuzz --target vnie_fuzz_extract
//   mkdir -p fuzz-corpus && build-fuzz/vnie_fuzz_extract -max_len=6000 fuzz-corpus corpus/dev
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extractor.h"
#include "normalize.h"

namespace {

const vnie::RuleSet& rules() {
  static const vnie::RuleSet loaded = vnie::RuleSet::load(vnie::RuleSet::default_dir());
  return loaded;
}

// The code points [start, end) of valid UTF-8 `text`.
std::string slice(std::string_view text, std::size_t start, std::size_t end) {
  std::string out;
  std::size_t index = 0;
  vnie::internal::for_each_code_point(text, [&](std::int32_t, std::string_view bytes) {
    if (index >= start && index < end) out.append(bytes);
    ++index;
  });
  return out;
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_extract: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vnie::Article article;
  article.id = "fuzz";
  article.text.assign(reinterpret_cast<const char*>(data), size);
  vnie::Record record = vnie::extract(rules(), article);
  std::string json = vnie::to_json(record, vnie::JsonOptions{});
  check(nlohmann::json::accept(json), "record is not valid JSON");
  if (vnie::internal::valid_utf8(article.text)) {
    for (const vnie::Entity& e : record.entities) {
      check(e.start <= e.end, "entity ends before it starts");
      check(slice(article.text, e.start, e.end) == e.text, "entity offsets do not slice the input");
    }
  }
  return 0;
}
