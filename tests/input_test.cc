#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "input.h"
#include "test_util.h"

namespace fs = std::filesystem;
using vnie::internal::ArticleReader;
using vnie::internal::InputItem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("vnie_input_test_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

std::vector<InputItem> read_all(const std::vector<std::string>& inputs, std::size_t max = 1u << 20) {
  ArticleReader reader(inputs, {.max_article_bytes = max});
  std::vector<InputItem> items;
  while (auto item = reader.next()) items.push_back(std::move(*item));
  return items;
}

}  // namespace

TEST_CASE("input: bad files are reported by name and the rest is read", "[input]") {
  TempDir dir;
  std::string good = dir.write("a_good.txt", "Tiêu đề\nNội dung bài báo.\n");
  std::string empty = dir.write("b_empty.txt", "");
  std::string binary = dir.write("c_binary.txt", std::string("\x7F" "ELF\0\0\x01\x02", 8));
  std::string bad_utf8 = dir.write("d_bad.txt", "Tiêu đề\nSố liệu \xFF\xFE hỏng.\n");
  std::string jsonl = dir.write("e.jsonl",
                                "{\"id\": \"j1\", \"title\": \"T1\", \"text\": \"Một.\"}\n"
                                "{\"id\": \"j2\", \"text\": \n"
                                "[1, 2]\n"
                                "{\"id\": \"j4\", \"text\": \"Bốn.\", \"published\": \"2024-11-23\"}\n");
  std::vector<InputItem> items = read_all({dir.path.string()});
  REQUIRE(items.size() == 8);
  CHECK(items[0].article->id == "a_good");
  CHECK(items[1].error == empty + ": empty file");
  CHECK(items[2].error.rfind(binary + ": binary file", 0) == 0);
  REQUIRE(items[3].article);
  CHECK(items[3].article->id == "d_bad");
  CHECK(items[4].article->id == "j1");
  CHECK(items[4].article->title == "T1");
  CHECK(items[5].error == jsonl + ":2: broken JSON line");
  CHECK(items[6].error == jsonl + ":3: JSON line is not an object");
  CHECK(items[7].article->id == "j4");
  CHECK(items[7].article->published == "2024-11-23");

  // Invalid UTF-8 is repaired and reported as a warning of the record.
  vnie::Record r = vnie::extract(vnie::test::repo_rules(), *items[3].article);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].code == "invalid_utf8");
}

TEST_CASE("input: the last JSONL article after broken lines is still read", "[input]") {
  TempDir dir;
  std::string jsonl = dir.write("x.jsonl", "not json\n\n{\"id\": \"ok\", \"text\": \"Văn bản.\"}\n");
  std::vector<InputItem> items = read_all({jsonl, (dir.path / "missing.txt").string()});
  REQUIRE(items.size() == 3);
  CHECK(items[0].error == jsonl + ":1: broken JSON line");
  CHECK(items[1].article->id == "ok");
  CHECK(items[2].error == (dir.path / "missing.txt").string() + ": no such file or directory");
}

TEST_CASE("input: oversized articles are truncated with a warning", "[input]") {
  TempDir dir;
  std::string big = dir.write("big.txt", "Tiêu đề\n" + std::string(100, 'a') + "ệệệ");
  std::vector<InputItem> items = read_all({big}, 105);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].article);
  CHECK(items[0].article->text.size() <= 105);
  REQUIRE(items[0].article->warnings.size() == 1);
  CHECK(items[0].article->warnings[0].code == "truncated");
}
