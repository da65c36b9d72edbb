#include "input.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "json.h"

namespace vnie::internal {
namespace fs = std::filesystem;

namespace {

bool is_jsonl(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
void truncate_utf8(std::string& text, std::size_t max) {
  if (text.size() <= max) return;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
}

void check_size(Article& article, const ReaderOptions& options) {
  if (article.text.size() <= options.max_article_bytes) return;
  std::size_t before = article.text.size();
  truncate_utf8(article.text, options.max_article_bytes);
  article.warnings.push_back({"truncated", "text of " + std::to_string(before) +
                                               " bytes cut to " + std::to_string(article.text.size()) +
                                               " (--max-article-bytes)"});
}

InputItem failure(std::string message) {
  InputItem item;
  item.error = std::move(message);
  return item;
}

}  // namespace

std::string reject_reason(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty file";
  std::size_t control = 0;
  for (char c : bytes.substr(0, 4096)) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0) return "binary file (NUL bytes), skipped";
    if (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f') ++control;
  }
  if (control * 10 > std::min<std::size_t>(bytes.size(), 4096)) return "binary file (control bytes), skipped";
  return "";
}

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReaderOptions options)
    : options_(options) {
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".txt" || is_jsonl(it->path()))) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      pending_.insert(pending_.end(), found.begin(), found.end());
      if (ec) pending_.push_back(input);  // reported when reached
    } else {
      pending_.push_back(input);
    }
  }
  for (const std::string& p : pending_) {
    std::error_code ec;
    if (p != "-" && fs::is_regular_file(p, ec)) total_bytes_ += fs::file_size(p, ec);
  }
}

ArticleReader::~ArticleReader() = default;

void ArticleReader::open_jsonl(std::istream* in, std::string name) {
  jsonl_ = in;
  jsonl_name_ = std::move(name);
  jsonl_line_ = 0;
}

std::optional<InputItem> ArticleReader::next_jsonl_line() {
  std::string line;
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    InputItem item;
    item.bytes = line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = jsonl_name_ + ":" + std::to_string(jsonl_line_);
    try {
      Article article = parse_article_json(line);
      article.path = jsonl_name_;
      article.line = jsonl_line_;
      if (article.id.empty()) article.id = where;
      check_size(article, options_);
      item.article = std::move(article);
    } catch (const Error& e) {
      item.error = where + ": " + e.what();
    }
    return item;
  }
  if (jsonl_->bad()) {
    InputItem item;
    item.error = jsonl_name_ + ":" + std::to_string(jsonl_line_ + 1) + ": read error";
    jsonl_ = nullptr;
    return item;
  }
  jsonl_ = nullptr;
  file_.reset();
  return std::nullopt;
}

InputItem ArticleReader::read_text_file(const fs::path& path) {
  InputItem item;
  std::string name = path.string();
  std::string bytes;
  if (name == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      item.error = name + ": cannot open file";
      return item;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      item.error = name + ": read error";
      return item;
    }
  }
  item.bytes = bytes.size();
  if (std::string why = reject_reason(bytes); !why.empty()) {
    item.error = name + ": " + why;
    return item;
  }
  Article article;
  article.id = name == "-" ? "stdin" : path.stem().string();
  article.path = name;
  article.text = std::move(bytes);
  check_size(article, options_);
  item.article = std::move(article);
  return item;
}

std::optional<InputItem> ArticleReader::next() {
  while (true) {
    if (jsonl_ != nullptr) {
      if (std::optional<InputItem> item = next_jsonl_line()) return item;
    }
    if (next_pending_ >= pending_.size()) return std::nullopt;
    const std::string& name = pending_[next_pending_++];
    std::error_code ec;
    if (name == "-") {
      int c = std::cin.peek();
      while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        std::cin.get();
        c = std::cin.peek();
      }
      if (c == '{') {
        open_jsonl(&std::cin, "-");
        continue;
      }
      return read_text_file(name);
    }
    if (!fs::exists(name, ec)) return failure(name + ": no such file or directory");
    if (fs::is_directory(name, ec)) return failure(name + ": cannot read directory");
    if (is_jsonl(name)) {
      file_ = std::make_unique<std::ifstream>(name, std::ios::binary);
      if (!*file_) return failure(name + ": cannot open file");
      if (fs::file_size(name, ec) == 0) return failure(name + ": empty file");
      open_jsonl(file_.get(), name);
      continue;
    }
    return read_text_file(name);
  }
}

}  // namespace vnie::internal
