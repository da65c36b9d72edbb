// Input: articles from files, directories and stdin, streamed one at a time.
//
//   - `.txt` (or any other file named on the command line): one article, the
//     whole file; its first line with a letter is the title.
//   - `.jsonl`: one article per line, fields id, url, title, published, text.
//   - a directory: its .txt and .jsonl files, recursively, in sorted order.
//   - `-`: stdin; JSON Lines when its first non-blank byte is "{", else one
//     text article.
//
// Problems never stop the stream: a file that cannot be read, an empty or
// binary file, a broken JSONL line each come out as an Item with `error`
// set ("corpus/a.jsonl:17: ...") and reading goes on with the rest.
//
//   ArticleReader reader({"corpus/dev", "-"}, {});
//   while (std::optional<InputItem> item = reader.next()) { ... }
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractor.h"

namespace vnie::internal {

struct InputItem {
  std::optional<Article> article;  // set when an article was read
  std::string error;               // set when something failed ("file:line: message")
  std::size_t bytes = 0;           // input bytes this item consumed
};

struct ReaderOptions {
  std::size_t max_article_bytes = 16u << 20;  // larger texts are truncated, with a warning
};

class ArticleReader {
 public:
  ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
  ~ArticleReader();

  // The next article or error; nullopt at the end of all inputs.
  std::optional<InputItem> next();

  // Total size of the regular files named (0 when unknown, e.g. stdin).
  std::uintmax_t total_bytes() const { return total_bytes_; }

 private:
  std::optional<InputItem> next_jsonl_line();
  InputItem read_text_file(const std::filesystem::path& path);
  void open_jsonl(std::istream* in, std::string name);

  std::vector<std::string> pending_;  // files still to read, in order
  std::size_t next_pending_ = 0;
  ReaderOptions options_;
  std::uintmax_t total_bytes_ = 0;

  std::unique_ptr<std::ifstream> file_;
  std::istream* jsonl_ = nullptr;  // current JSONL stream, if any
  std::string jsonl_name_;
  std::size_t jsonl_line_ = 0;
};

// Why a text cannot be an article ("empty file", "binary file"), or "".
std::string reject_reason(std::string_view bytes);

}  // namespace vnie::internal
