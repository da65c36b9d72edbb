// vnie: the command-line interface. A thin layer over the library: parses
// flags, streams inputs through vnie::extract(), prints, and turns problems
// into messages and exit codes (0 ok, 1 some input failed, 2 usage).
#include <boost/program_options.hpp>
#include <unistd.h>

#include <cstdio>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <fstream>
#include <iterator>
#include <iostream>
#include <string>
#include <vector>

#include "extractor.h"
#include "input.h"
#include "score.h"

namespace po = boost::program_options;

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

const char* const kUsageText = R"(usage: vnie <command> [options]

commands:
  extract [INPUT...]     extract records (JSON Lines) from .txt/.jsonl files, directories, or - (stdin)
  eval --gold DIR [INPUT...]
                         score extraction against gold annotations
  rules check|test       validate the rule set / run every rule example

Run 'vnie <command> --help' for the command's options.
)";

// One article's output: its JSON line and the messages for stderr.
struct Output {
  std::string json;
  std::string problems;
};

// Extracts one article; an internal failure becomes a record with an
// "error" field instead of stopping the run.
Output extract_one(const vnie::RuleSet& rules, const vnie::Article& article, const vnie::ExtractOptions& options,
                   const vnie::JsonOptions& json) {
  Output out;
  std::string where = article.path.empty() ? article.id : article.path;
  if (article.line > 0) where += ":" + std::to_string(article.line) + " (" + article.id + ")";
  try {
    vnie::Record record = vnie::extract(rules, article, options);
    for (const vnie::Warning& w : record.warnings) {
      out.problems += "vnie: " + where + ": " + w.code + ": " + w.message + "\n";
    }
    out.json = vnie::to_json(record, json);
  } catch (const std::exception& e) {
    vnie::Record record;
    record.id = article.id;
    record.source_path = article.path;
    record.source_url = article.url;
    record.error = std::string("internal error: ") + e.what();
    out.problems += "vnie: " + where + ": " + *record.error + "\n";
    out.json = vnie::to_json(record, json);
  }
  return out;
}

// Progress on stderr when it is a terminal: articles, MB, articles/s, ETA.
class Progress {
 public:
  Progress(bool enabled, std::uintmax_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
  void add(std::size_t bytes) { bytes_ += bytes; }
  void show(long articles) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes_) / (1 << 20);
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%ld articles, %.1f MB, %.0f articles/s", articles, mb,
                          seconds > 0 ? static_cast<double>(articles) / seconds : 0.0);
    if (total_ > 0 && bytes_ > 0 && bytes_ <= total_) {
      double eta = seconds * static_cast<double>(total_ - bytes_) / static_cast<double>(bytes_);
      std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%, ETA %.0fs   ",
                    100.0 * static_cast<double>(bytes_) / static_cast<double>(total_), eta);
    }
    std::cerr << line << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  std::uintmax_t total_;
  std::uintmax_t bytes_ = 0;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& visible,
                        const char* positional_name) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positional;
  if (positional_name != nullptr) {
    all.add_options()(positional_name, po::value<std::vector<std::string>>()->multitoken(), "");
    positional.add(positional_name, -1);
  }
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

vnie::RuleSet load_rules(const po::variables_map& vm) {
  std::filesystem::path dir =
      vm.count("rules") ? std::filesystem::path(vm["rules"].as<std::string>()) : vnie::RuleSet::default_dir();
  return vnie::RuleSet::load(dir);
}

int run_extract(const std::vector<std::string>& args) {
  po::options_description options("vnie extract [options] [INPUT...]");
  options.add_options()
      ("help,h", "show this help")
      ("output,o", po::value<std::string>(), "write records to FILE instead of stdout")
      ("pretty", "indent each record (for reading, not for JSON Lines consumers)")
      ("published", po::value<std::string>(), "reference date (YYYY-MM-DD) for inputs that carry none")
      ("rules", po::value<std::string>(), "rule directory (default: the bundled rules/)")
      ("related-entities", "also extract entities from related sections (into related_entities)")
      ("explain", "name the rule that produced each entity (field \"rule\"), for rule authors")
      ("max-article-bytes", po::value<std::size_t>()->default_value(16u << 20),
       "longer article texts are truncated, with a warning")
      ("threads,j", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())),
       "articles processed in parallel (output stays in input order)")
      ("quiet,q", "no progress and no summary line on stderr");
  po::variables_map vm = parse(args, options, "input");
  if (vm.count("help")) {
    std::cout << options;
    return kOk;
  }
  std::vector<std::string> inputs =
      vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{"-"};
  vnie::RuleSet rules = load_rules(vm);

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (vm.count("output")) {
    file.open(vm["output"].as<std::string>(), std::ios::binary);
    if (!file) throw vnie::Error(vm["output"].as<std::string>() + ": cannot open for writing");
    out = &file;
  }
  vnie::ExtractOptions extract_options;
  if (vm.count("published")) extract_options.published = vm["published"].as<std::string>();
  extract_options.related_entities = vm.count("related-entities") > 0;
  const vnie::JsonOptions json{.pretty = vm.count("pretty") > 0, .explain = vm.count("explain") > 0};

  const bool quiet = vm.count("quiet") > 0;
  const unsigned threads = std::max(1u, vm["threads"].as<unsigned>());
  vnie::internal::ArticleReader reader(inputs, {.max_article_bytes = vm["max-article-bytes"].as<std::size_t>()});
  Progress progress(!quiet && ::isatty(STDERR_FILENO) != 0, reader.total_bytes());

  // Batches: workers extract batch k (each article to its JSON line) while
  // this thread reads batch k+1; then batch k is written in input order.
  const std::size_t batch_size = 32 * static_cast<std::size_t>(threads);
  long read = 0, written = 0, failed = 0;
  auto read_batch = [&]() {
    std::vector<vnie::internal::InputItem> batch;
    while (batch.size() < batch_size) {
      std::optional<vnie::internal::InputItem> item = reader.next();
      if (!item) break;
      batch.push_back(std::move(*item));
    }
    return batch;
  };
  std::vector<vnie::internal::InputItem> batch = read_batch();
  while (!batch.empty()) {
    std::vector<Output> outputs(batch.size());
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
      for (std::size_t i = next++; i < batch.size(); i = next++) {
        if (batch[i].article) outputs[i] = extract_one(rules, *batch[i].article, extract_options, json);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    std::vector<vnie::internal::InputItem> following = read_batch();
    for (std::thread& t : pool) t.join();

    for (std::size_t i = 0; i < batch.size(); ++i) {
      progress.add(batch[i].bytes);
      if (!batch[i].error.empty()) {
        progress.clear();
        std::cerr << "vnie: " << batch[i].error << "\n";
        ++failed;
        continue;
      }
      ++read;
      if (!outputs[i].problems.empty()) {
        progress.clear();
        std::cerr << outputs[i].problems;
        ++failed;
      }
      *out << outputs[i].json << "\n";
      ++written;
    }
    progress.show(read);
    batch = std::move(following);
  }
  out->flush();
  progress.clear();
  if (!*out) throw vnie::Error("write error on output");
  if (!quiet) {
    std::cerr << "vnie: " << read << " articles read, " << written << " written, " << failed
              << " inputs with problems\n";
  }
  return failed > 0 ? kFailed : kOk;
}

std::string read_whole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw vnie::Error(p.string() + ": cannot open file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int run_eval(const std::vector<std::string>& args) {
  po::options_description options("vnie eval --gold DIR [options] [INPUT...]");
  options.add_options()
      ("help,h", "show this help")
      ("gold", po::value<std::string>(), "directory of <id>.gold.json files")
      ("records", po::value<std::string>(), "score these records (JSON Lines) instead of extracting INPUT")
      ("misses", "list each article's misses and false hits")
      ("json", "print the table as JSON")
      ("published", po::value<std::string>(), "reference date for inputs that carry none")
      ("rules", po::value<std::string>(), "rule directory (default: the bundled rules/)");
  po::variables_map vm = parse(args, options, "input");
  if (vm.count("help")) {
    std::cout << options;
    return kOk;
  }
  if (!vm.count("gold")) throw UsageError("eval needs --gold DIR");
  std::filesystem::path gold_dir = vm["gold"].as<std::string>();
  std::error_code ec;
  if (!std::filesystem::is_directory(gold_dir, ec)) throw vnie::Error(gold_dir.string() + ": no such directory");
  std::vector<std::filesystem::path> gold_files;
  for (const auto& e : std::filesystem::directory_iterator(gold_dir)) {
    std::string name = e.path().filename().string();
    if (name.size() > 10 && name.substr(name.size() - 10) == ".gold.json") gold_files.push_back(e.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  std::vector<vnie::JsonText> gold, records;
  for (const auto& f : gold_files) gold.push_back({f.string(), read_whole(f)});

  int status = kOk;
  if (vm.count("records")) {
    std::string path = vm["records"].as<std::string>();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw vnie::Error(path + ": cannot open file");
    std::string line;
    for (long n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) records.push_back({path + ":" + std::to_string(n), line});
    }
  } else {
    std::vector<std::string> inputs =
        vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{gold_dir.string()};
    vnie::RuleSet rules = load_rules(vm);
    vnie::ExtractOptions extract_options;
    if (vm.count("published")) extract_options.published = vm["published"].as<std::string>();
    vnie::internal::ArticleReader reader(inputs, {});
    while (std::optional<vnie::internal::InputItem> item = reader.next()) {
      if (!item->error.empty()) {
        std::cerr << "vnie: " << item->error << "\n";
        status = kFailed;
        continue;
      }
      try {
        vnie::Record record = vnie::extract(rules, *item->article, extract_options);
        records.push_back({record.source_path, vnie::to_json(record)});
      } catch (const std::exception& e) {
        // Scored as a missing record; the other articles still count.
        std::cerr << "vnie: " << item->article->path << ": internal error: " << e.what() << "\n";
        status = kFailed;
      }
    }
  }
  vnie::ScoreReport report = vnie::score(gold, records);
  if (vm.count("json")) {
    std::cout << vnie::to_json(report) << "\n";
  } else {
    std::cout << vnie::format_table(report);
    if (vm.count("misses")) std::cout << "\n" << vnie::format_misses(report);
  }
  return status;
}

int run_rules(const std::vector<std::string>& args) {
  po::options_description options("vnie rules check|test [--rules DIR]");
  options.add_options()
      ("help,h", "show this help")
      ("rules", po::value<std::string>(), "rule directory (default: the bundled rules/)")
      ("verbose,v", "with test: print every example, not only failures");
  po::variables_map vm = parse(args, options, "action");
  std::vector<std::string> action =
      vm.count("action") ? vm["action"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (vm.count("help") || action.size() != 1 || (action[0] != "check" && action[0] != "test")) {
    std::cout << options << "  check: report every problem as file:line: message\n"
              << "  test:  run every rule example and print each failure\n";
    return vm.count("help") ? kOk : kUsage;
  }
  std::filesystem::path dir =
      vm.count("rules") ? std::filesystem::path(vm["rules"].as<std::string>()) : vnie::RuleSet::default_dir();
  if (action[0] == "check") {
    std::vector<std::string> problems = vnie::RuleSet::check_dir(dir);
    for (const std::string& p : problems) std::cout << p << "\n";
    std::cerr << "vnie: " << problems.size() << " problem(s) in " << dir.string() << "\n";
    return problems.empty() ? kOk : kFailed;
  }
  vnie::RuleSet rules = vnie::RuleSet::load(dir);
  long passed = 0, failed = 0;
  for (const vnie::Example& example : rules.examples()) {
    std::string why = vnie::check(rules, example);
    if (why.empty()) {
      ++passed;
      if (vm.count("verbose")) std::cout << example.location << ": ok: " << example.rule << "\n";
    } else {
      ++failed;
      std::cout << example.location << ": " << example.rule << (example.reject ? " reject" : "") << ": "
                << example.text << "\n    " << why << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? kOk : kFailed;
}

int run(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << kUsageText;
    return argc < 2 ? kUsage : kOk;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "extract") return run_extract(args);
  if (command == "rules") return run_rules(args);
  if (command == "eval") return run_eval(args);
  throw UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "vnie: " << e.what() << "\n" << kUsageText;
    return kUsage;
  } catch (const vnie::Error& e) {
    std::cerr << "vnie: " << e.what() << "\n";
    return kFailed;
  } catch (const std::exception& e) {
    std::cerr << "vnie: internal error: " << e.what() << "\n";
    return kFailed;
  }
}
