// vnie_bench: measures extraction throughput on a synthetic workload.
//
// Reads every article of INPUT (default corpus/dev and corpus/synthetic, the
// five real articles and fifty made-up ones) and builds --size MB of
// articles from them, in one of two ways (--workload):
//
//   varied (default)  every article is new text, as in a real archive: its
//                     paragraphs are drawn from all input articles, and in
//                     each one the digits, the place names (lexicons
//                     provinces, hanoi_districts, hanoi_wards, other_cities)
//                     and the given names after a family name are replaced
//                     by random ones; deterministic (fixed seed), built
//                     before timing and held in memory;
//   cycled            the input articles repeated by index: only the
//                     distinct articles are kept, so memory stays flat, but
//                     RE2's lazily built automata see the same text again
//                     and again, which flatters the rules stage (several
//                     times faster than on new text).
//
// Over the same bytes it runs, in order:
//
//   1. a plain ICU word-break pass (BreakIterator for "vi" over UTF-8 UText),
//      single-threaded: the baseline, about the cheapest useful thing one can
//      do to Vietnamese text;
//   2. the full pipeline, vnie::extract() + vnie::to_json(), single-threaded,
//      with the time per stage;
//   3. the same with --threads workers taking article indices from a shared
//      counter, each with its own StageTimes, all sharing one RuleSet.
//
// Runs 2 and 3 each load the rules afresh and warm them, untimed, with one
// pass over the input articles, so neither inherits the automata the other
// built. It prints throughput, the speed-up of N threads over one, vnie's
// speed as a fraction of the ICU baseline, the stage split, peak RSS and the
// core count, as a table or (--json) as one JSON object. MB means 2^20 bytes
// throughout.
//
//   build/vnie_bench                        # 64 MB varied from corpus/, all cores
//   build/vnie_bench --size 512 --threads 2 --json corpus/dev
//   build/vnie_bench --workload cycled
//   build/vnie_bench --size 1024 --write varied.jsonl   # then time vnie extract on it
//
// Exit codes: 0 ok, 1 error (no articles, bad rules, N-thread output differs
// from single-thread output), 2 usage.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "extractor.h"
#include "input.h"
#include "rules.h"
#include "segment.h"

namespace po = boost::program_options;

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr double kMB = 1024.0 * 1024.0;

using Clock = std::chrono::steady_clock;

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

double seconds_between(Clock::time_point start, Clock::time_point end) {
  return std::chrono::duration<double>(end - start).count();
}

// CPU time used by all threads of the process so far. Compared with the wall
// time of a run it shows whether the run got the cores it asked for (other
// processes on the machine skew a benchmark without any other sign).
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The workload: article `i` is articles[i % articles.size()]. Cycled, those
// are the input articles; varied, one generated article per index.
struct Workload {
  std::string kind;
  std::vector<vnie::Article> inputs;  // the articles read from INPUT
  std::vector<vnie::Article> articles;
  std::size_t count = 0;
  std::uint64_t bytes = 0;

  const vnie::Article& at(std::size_t i) const { return articles[i % articles.size()]; }
};

// Makes new articles out of the input articles (see the header comment).
class Variator {
 public:
  Variator(const std::vector<vnie::Article>& inputs, const vnie::RuleSet& rules) {
    for (const vnie::Article& a : inputs) {
      std::vector<std::string> lines;
      for (std::size_t b = 0; b <= a.text.size();) {
        std::size_t e = std::min(a.text.find('\n', b), a.text.size());
        lines.emplace_back(a.text.substr(b, e - b));
        b = e + 1;
      }
      for (std::size_t k = 1; k < lines.size(); ++k) {
        if (lines[k].size() >= kParagraph && lines[k] != lines[0]) paragraphs_.push_back(lines[k]);
      }
      if (!lines[0].empty()) titles_.push_back(lines[0]);
      templates_.push_back(std::move(lines));
    }
    if (titles_.empty()) titles_.push_back("Tin");
    if (paragraphs_.empty()) paragraphs_ = titles_;
    for (const char* name : {"provinces", "hanoi_districts", "hanoi_wards", "other_cities"}) {
      std::vector<std::string>& entries = places_[name];
      for (const auto& row : rules.impl().lexicon(name).rows) {
        if (!row.fields.empty() && !row.fields[0].empty()) entries.push_back(row.fields[0]);
      }
      for (const std::string& entry : entries) place_words_[first_word(entry)].emplace_back(entry, name);
    }
    for (auto& [word, entries] : place_words_) {
      std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
    for (const auto& row : rules.impl().lexicon("family_names").rows) {
      if (!row.fields.empty()) family_.push_back(row.fields[0]);
    }
    // Given names: the capitalized words of the inputs.
    std::map<std::string, int> seen;
    for (const auto& lines : templates_) {
      for (const std::string& p : lines) {
        for (std::size_t b = 0; b < p.size();) {
          std::size_t e = std::min(p.find(' ', b), p.size());
          std::string word = p.substr(b, e - b);
          if (capitalized(word) && word.size() <= 12) seen[word]++;
          b = e + 1;
        }
      }
    }
    for (const auto& [word, n] : seen) given_.push_back(word);
    if (family_.empty() || given_.empty()) given_.assign({"An"}), family_.assign({"Nguyễn"});
    family_names_.insert(family_.begin(), family_.end());
  }

  // Article `index` keeps the line layout of an input article (title, its
  // repeat, blank lines, short lines such as the byline and captions, varied
  // in place) with each paragraph drawn from all inputs.
  vnie::Article make(std::size_t index) {
    std::mt19937_64 rng(0x766e6965ULL * (index + 1));
    vnie::Article article;
    article.id = "varied-" + std::to_string(index);
    const std::vector<std::string>& lines = templates_[index % templates_.size()];
    std::string title = vary(titles_[pick(rng, titles_.size())], rng);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k > 0) article.text += "\n";
      if (k == 0 || lines[k] == lines[0]) {
        article.text += title;
      } else if (lines[k].size() >= kParagraph) {
        article.text += vary(paragraphs_[pick(rng, paragraphs_.size())], rng);
      } else {
        article.text += vary(lines[k], rng);
      }
    }
    return article;
  }

 private:
  static std::size_t pick(std::mt19937_64& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }
  static std::string first_word(const std::string& s) { return s.substr(0, s.find(' ')); }
  static bool capitalized(std::string_view w) {
    if (w.empty()) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
    return c >= 0 && u_isupper(c);
  }

  std::string vary(const std::string& text, std::mt19937_64& rng) {
    std::string out;
    out.reserve(text.size() + 16);
    bool after_family = false;
    for (std::size_t b = 0; b < text.size();) {
      std::size_t e = std::min(text.find(' ', b), text.size());
      std::string word = text.substr(b, e - b);
      std::string sep = e < text.size() ? " " : "";
      // A place name (longest entry starting here) becomes another of its lexicon.
      if (auto it = place_words_.find(word); it != place_words_.end()) {
        for (const auto& [entry, lexicon] : it->second) {
          if (text.compare(b, entry.size(), entry) == 0 &&
              !vnie::internal::word_char_at(text, b + entry.size())) {
            const std::vector<std::string>& pool = places_[lexicon];
            out += pool[pick(rng, pool.size())];
            b += entry.size();
            word.clear();
            break;
          }
        }
        if (word.empty()) {
          after_family = false;
          continue;
        }
      }
      if (family_names_.count(word) > 0) {
        out += family_[pick(rng, family_.size())];
        after_family = true;
      } else if (after_family && capitalized(word) && vnie::internal::word_char_before(word, word.size())) {
        out += given_[pick(rng, given_.size())];
      } else {
        after_family = false;
        for (char c : word) {
          out += std::isdigit(static_cast<unsigned char>(c)) ? static_cast<char>('0' + pick(rng, 10)) : c;
        }
      }
      out += sep;
      b = e + 1;
    }
    return out;
  }

  static constexpr std::size_t kParagraph = 80;  // bytes: shorter lines are kept in place
  std::vector<std::vector<std::string>> templates_;  // the lines of each input article
  std::vector<std::string> titles_;
  std::vector<std::string> paragraphs_;
  std::map<std::string, std::vector<std::string>> places_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> place_words_;
  std::vector<std::string> family_;
  std::set<std::string, std::less<>> family_names_;  // family_, for look-ups
  std::vector<std::string> given_;
};

// Every article of INPUT; an input that cannot be read is named and skipped.
std::vector<vnie::Article> read_inputs(const std::vector<std::string>& inputs) {
  std::vector<vnie::Article> articles;
  std::uint64_t bytes = 0;
  vnie::internal::ArticleReader reader(inputs, {});
  while (std::optional<vnie::internal::InputItem> item = reader.next()) {
    if (!item->error.empty()) {
      std::cerr << "vnie_bench: " << item->error << " (skipped)\n";
      continue;
    }
    bytes += item->article->text.size();
    articles.push_back(std::move(*item->article));
  }
  if (articles.empty() || bytes == 0) {
    std::string where;
    for (const std::string& input : inputs) where += (where.empty() ? "" : " ") + input;
    throw vnie::Error("no articles found in " + where);
  }
  return articles;
}

Workload load_workload(const std::vector<std::string>& inputs, double size_mb, const std::string& kind,
                       const vnie::RuleSet& rules) {
  Workload workload;
  workload.kind = kind;
  workload.inputs = read_inputs(inputs);
  const auto target = static_cast<std::uint64_t>(size_mb * kMB);
  if (kind == "cycled") {
    workload.articles = workload.inputs;
  } else {
    Variator variator(workload.inputs, rules);
    for (std::uint64_t bytes = 0; bytes < target;) {
      workload.articles.push_back(variator.make(workload.articles.size()));
      bytes += workload.articles.back().text.size();
    }
  }
  while (workload.bytes < target) {
    workload.bytes += workload.at(workload.count).text.size();
    ++workload.count;
  }
  return workload;
}

// --write: the varied articles as JSONL, generated one at a time.
int write_workload(const std::vector<std::string>& inputs, double size_mb, const vnie::RuleSet& rules,
                   const std::string& path) {
  Variator variator(read_inputs(inputs), rules);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw vnie::Error(path + ": cannot open for writing");
  const auto target = static_cast<std::uint64_t>(size_mb * kMB);
  std::uint64_t bytes = 0;
  std::size_t count = 0;
  while (bytes < target) {
    vnie::Article article = variator.make(count++);
    bytes += article.text.size();
    out << nlohmann::json{{"id", article.id}, {"text", article.text}}.dump() << "\n";
  }
  out.close();
  if (!out) throw vnie::Error(path + ": write failed");
  std::cerr << "vnie_bench: wrote " << count << " articles (" << static_cast<double>(bytes) / kMB << " MB of text) to "
            << path << "\n";
  return kOk;
}

struct RunResult {
  double seconds = 0;
  double cpu_seconds = 0;
  unsigned threads = 1;
  std::uint64_t output = 0;  // boundaries (ICU) or JSON bytes (vnie): keeps the work observable
};

RunResult run_icu_word_break(const Workload& workload) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) {
    throw vnie::Error(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  RunResult result;
  UText* text = nullptr;
  double cpu_start = process_cpu_seconds();
  Clock::time_point start = Clock::now();
  for (std::size_t i = 0; i < workload.count; ++i) {
    const std::string& bytes = workload.at(i).text;
    text = utext_openUTF8(text, bytes.data(), static_cast<std::int64_t>(bytes.size()), &status);
    words->setText(text, status);
    if (U_FAILURE(status)) {
      utext_close(text);
      throw vnie::Error(std::string("ICU word break: ") + u_errorName(status));
    }
    for (std::int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
      ++result.output;
    }
  }
  result.seconds = seconds_between(start, Clock::now());
  result.cpu_seconds = process_cpu_seconds() - cpu_start;
  utext_close(text);
  return result;
}

// One worker's totals, on its own cache line so threads do not share one.
struct alignas(64) WorkerTotals {
  vnie::StageTimes stages;
  double json = 0;
  std::uint64_t output = 0;
  std::exception_ptr error;  // what stopped the worker, rethrown by the caller
};

void extract_from(const vnie::RuleSet& rules, const Workload& workload,
                  std::atomic<std::size_t>& next, WorkerTotals& totals) {
  const vnie::ExtractOptions options{.times = &totals.stages};
  try {
    for (std::size_t i = next.fetch_add(1, std::memory_order_relaxed); i < workload.count;
         i = next.fetch_add(1, std::memory_order_relaxed)) {
      vnie::Record record = vnie::extract(rules, workload.at(i), options);
      Clock::time_point start = Clock::now();
      std::string json = vnie::to_json(record);
      totals.json += seconds_between(start, Clock::now());
      totals.output += json.size();
    }
  } catch (...) {
    totals.error = std::current_exception();
    next.store(workload.count, std::memory_order_relaxed);  // stop the other workers too
  }
}

struct VnieResult {
  RunResult run;
  WorkerTotals totals;  // summed over threads
};

VnieResult run_vnie(const vnie::RuleSet& rules, const Workload& workload, unsigned threads) {
  std::vector<WorkerTotals> per_thread(threads);
  std::atomic<std::size_t> next{0};
  double cpu_start = process_cpu_seconds();
  Clock::time_point start = Clock::now();
  if (threads == 1) {
    extract_from(rules, workload, next, per_thread[0]);
  } else {
    std::vector<std::thread> workers;
    workers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back(extract_from, std::cref(rules), std::cref(workload), std::ref(next),
                           std::ref(per_thread[t]));
    }
    for (std::thread& worker : workers) worker.join();
  }
  VnieResult result;
  result.run.seconds = seconds_between(start, Clock::now());
  result.run.cpu_seconds = process_cpu_seconds() - cpu_start;
  result.run.threads = threads;
  for (const WorkerTotals& t : per_thread) {
    if (t.error) std::rethrow_exception(t.error);
  }
  for (const WorkerTotals& t : per_thread) {
    result.totals.stages.normalize += t.stages.normalize;
    result.totals.stages.segment += t.stages.segment;
    result.totals.stages.structure += t.stages.structure;
    result.totals.stages.rules += t.stages.rules;
    result.totals.stages.resolve += t.stages.resolve;
    result.totals.json += t.json;
    result.totals.output += t.output;
  }
  result.run.output = result.totals.output;
  return result;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

struct Stage {
  const char* name;
  double seconds;
};

// The stages in pipeline order, then json, then "other": the run's wall time
// no stage accounts for (loop, record copies, clock reads).
std::vector<Stage> stage_split(const VnieResult& r) {
  const vnie::StageTimes& s = r.totals.stages;
  std::vector<Stage> stages = {{"normalize", s.normalize}, {"segment", s.segment},
                               {"structure", s.structure}, {"rules", s.rules},
                               {"resolve", s.resolve},     {"json", r.totals.json}};
  double accounted = 0;
  for (const Stage& stage : stages) accounted += stage.seconds;
  stages.push_back({"other", std::max(0.0, r.run.seconds * r.run.threads - accounted)});
  return stages;
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

struct Report {
  double size_mb;
  const Workload& workload;
  RunResult icu;
  VnieResult one;
  VnieResult many;
  unsigned cores;
  double rss_mb;
  int rule_loads;

  double mb() const { return static_cast<double>(workload.bytes) / kMB; }
  double mb_per_s(const RunResult& r) const { return ratio(mb(), r.seconds); }
  double articles_per_s(const RunResult& r) const {
    return ratio(static_cast<double>(workload.count), r.seconds);
  }
};

nlohmann::ordered_json run_json(const Report& report, const RunResult& r) {
  return {{"threads", r.threads},
          {"mb", report.mb()},
          {"seconds", r.seconds},
          {"cpu_seconds", r.cpu_seconds},
          {"mb_per_s", report.mb_per_s(r)},
          {"articles_per_s", report.articles_per_s(r)}};
}

nlohmann::ordered_json stages_json(const VnieResult& r) {
  nlohmann::ordered_json stages = nlohmann::ordered_json::object();
  double total = r.run.seconds * r.run.threads;
  for (const Stage& stage : stage_split(r)) {
    stages[stage.name] = {{"seconds", stage.seconds},
                          {"percent", 100 * ratio(stage.seconds, total)}};
  }
  return stages;
}

void print_json(const Report& report) {
  std::size_t distinct_bytes = 0;
  for (const vnie::Article& a : report.workload.articles) distinct_bytes += a.text.size();
  nlohmann::ordered_json out = {
      {"size_mb", report.size_mb},
      {"workload", report.workload.kind},
      {"input_articles", report.workload.inputs.size()},
      {"distinct_articles", report.workload.articles.size()},
      {"distinct_bytes", distinct_bytes},
      {"articles", report.workload.count},
      {"bytes", report.workload.bytes},
      {"icu_word_break", run_json(report, report.icu)},
      {"vnie_1_thread", run_json(report, report.one.run)},
      {"vnie_n_threads", run_json(report, report.many.run)},
      {"vnie_vs_icu", ratio(report.mb_per_s(report.one.run), report.mb_per_s(report.icu))},
      {"speedup", ratio(report.one.run.seconds, report.many.run.seconds)},
      {"stages_1_thread", stages_json(report.one)},
      {"stages_n_threads", stages_json(report.many)},
      {"icu_boundaries", report.icu.output},
      {"json_bytes_1_thread", report.one.run.output},
      {"json_bytes_n_threads", report.many.run.output},
      {"rule_loads", report.rule_loads},
      {"peak_rss_mb", report.rss_mb},
      {"cores", report.cores},
  };
  std::cout << out.dump(2) << "\n";
}

void print_table(const Report& report) {
  const Workload& w = report.workload;
  std::size_t distinct_bytes = 0;
  for (const vnie::Article& a : w.articles) distinct_bytes += a.text.size();
  if (w.kind == "cycled") {
    std::printf("workload: %zu distinct articles (%.2f MB) cycled to %zu articles (%.1f MB)\n\n",
                w.articles.size(), static_cast<double>(distinct_bytes) / kMB, w.count, report.mb());
  } else {
    std::printf("workload: %zu distinct articles (%.1f MB) varied from %zu input articles\n\n", w.count,
                report.mb(), w.inputs.size());
  }

  std::printf("%-16s %7s %9s %9s %9s %11s %9s\n", "run", "threads", "MB", "seconds", "MB/s",
              "articles/s", "CPU s");
  auto row = [&](const char* name, const RunResult& r) {
    std::printf("%-16s %7u %9.1f %9.3f %9.2f %11.1f %9.3f\n", name, r.threads, report.mb(),
                r.seconds, report.mb_per_s(r), report.articles_per_s(r), r.cpu_seconds);
  };
  row("icu word-break", report.icu);
  row("vnie", report.one.run);
  row("vnie", report.many.run);

  std::printf("\nvnie 1 thread vs icu word-break: %.3fx the throughput\n",
              ratio(report.mb_per_s(report.one.run), report.mb_per_s(report.icu)));
  std::printf("speed-up, %u threads over 1: %.2fx\n", report.many.run.threads,
              ratio(report.one.run.seconds, report.many.run.seconds));
  for (const RunResult* r : {&report.icu, &report.one.run, &report.many.run}) {
    double share = ratio(r->cpu_seconds, r->seconds * r->threads);
    if (share < 0.9) {
      std::printf("note: the %u-thread run (%.3f s) got %.0f%% of the CPU time its threads could "
                  "use; other load on the machine skews these figures\n",
                  r->threads, r->seconds, 100 * share);
    }
  }
  std::printf("\n");

  std::printf("%-12s %12s %7s   %12s %7s\n", "stage", "1 thread s", "%", "N threads s", "%");
  std::vector<Stage> one = stage_split(report.one);
  std::vector<Stage> many = stage_split(report.many);
  double one_total = report.one.run.seconds;
  double many_total = report.many.run.seconds * report.many.run.threads;
  for (std::size_t i = 0; i < one.size(); ++i) {
    std::printf("%-12s %12.3f %6.1f%%   %12.3f %6.1f%%\n", one[i].name, one[i].seconds,
                100 * ratio(one[i].seconds, one_total), many[i].seconds,
                100 * ratio(many[i].seconds, many_total));
  }
  std::printf("%-12s %12.3f %6.1f%%   %12.3f %6.1f%%\n", "total", one_total, 100.0, many_total,
              100.0);
  std::printf("(N threads: thread-seconds summed over %u workers)\n\n", report.many.run.threads);

  std::printf("peak RSS (after workload): %.1f MB\n", report.rss_mb);
  std::printf("cores: %u\n", report.cores);
}

const char* const kUsageText =
    "usage: vnie_bench [--size MB] [--threads N] [--workload varied|cycled] [--json] [--rules DIR] [INPUT...]\n";

int run(int argc, char** argv) {
  const unsigned cores = std::thread::hardware_concurrency();
  po::options_description visible("options");
  visible.add_options()
      ("help,h", "show this help")
      ("size", po::value<double>()->default_value(64), "workload size in MB (2^20 bytes)")
      ("threads", po::value<unsigned>()->default_value(std::max(1u, cores)),
       "worker threads for the parallel run (default: all cores)")
      ("workload", po::value<std::string>()->default_value("varied"),
       "varied (new text in every article) or cycled (the inputs repeated)")
      ("write", po::value<std::string>(),
       "write the varied workload of --size MB to this JSONL file (id, text) and stop: "
       "an archive of new text for timing `vnie extract` itself")
      ("json", "print one JSON object instead of a table")
      ("rules", po::value<std::string>(), "rule directory (default: the bundled rules/)");
  po::options_description all;
  all.add(visible);
  all.add_options()("input", po::value<std::vector<std::string>>()->multitoken(), "");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsageText << visible;
    return kOk;
  }
  const double size_mb = vm["size"].as<double>();
  if (!(size_mb > 0) || size_mb > 1e7) throw UsageError("--size must be a positive number of MB");
  const unsigned threads = vm["threads"].as<unsigned>();
  if (threads == 0 || threads > 4096) throw UsageError("--threads must be between 1 and 4096");
  std::vector<std::string> inputs = vm.count("input")
                                        ? vm["input"].as<std::vector<std::string>>()
                                        : std::vector<std::string>{"corpus/dev", "corpus/synthetic"};

  const std::string kind = vm["workload"].as<std::string>();
  if (kind != "varied" && kind != "cycled") throw UsageError("--workload must be varied or cycled");
  const std::filesystem::path rules_dir = vm.count("rules") ? std::filesystem::path(vm["rules"].as<std::string>())
                                                            : vnie::RuleSet::default_dir();
  // Each vnie run gets its own rule set, warmed (untimed) by one pass over the
  // input articles: the lazily built automata of one run do not carry over.
  auto warm_rules = [&](const Workload& w) {
    vnie::RuleSet rules = vnie::RuleSet::load(rules_dir);
    for (const vnie::Article& article : w.inputs) vnie::to_json(vnie::extract(rules, article));
    return rules;
  };
  const vnie::RuleSet lexicons = vnie::RuleSet::load(rules_dir);
  if (vm.count("write")) return write_workload(inputs, size_mb, lexicons, vm["write"].as<std::string>());
  const Workload workload = load_workload(inputs, size_mb, kind, lexicons);

  RunResult icu = run_icu_word_break(workload);
  VnieResult one = run_vnie(warm_rules(workload), workload, 1);
  VnieResult many = run_vnie(warm_rules(workload), workload, threads);
  Report report{.size_mb = size_mb,
                .workload = workload,
                .icu = icu,
                .one = one,
                .many = many,
                .cores = cores,
                .rss_mb = peak_rss_mb(),
                .rule_loads = vnie::RuleSet::load_count()};
  if (vm.count("json")) {
    print_json(report);
  } else {
    print_table(report);
  }

  int status = kOk;
  if (one.run.output != many.run.output) {
    std::cerr << "vnie_bench: output differs between 1 and " << threads << " threads ("
              << one.run.output << " vs " << many.run.output << " JSON bytes)\n";
    status = kFailed;
  }
  if (report.rule_loads != 3) {
    std::cerr << "vnie_bench: the rule set was compiled " << report.rule_loads
              << " times; expected 3 (lexicons, one per vnie run), whatever the threads\n";
    status = kFailed;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "vnie_bench: " << e.what() << "\n" << kUsageText;
    return kUsage;
  } catch (const vnie::Error& e) {
    std::cerr << "vnie_bench: " << e.what() << "\n";
    return kFailed;
  } catch (const std::exception& e) {
    std::cerr << "vnie_bench: internal error: " << e.what() << "\n";
    return kFailed;
  }
}
