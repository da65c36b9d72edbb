#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "normalize.h"
#include "test_util.h"

namespace {

bool inside(std::size_t s, std::size_t e, const nlohmann::json& spans) {
  for (const auto& sp : spans) {
    if (s >= sp["start"].get<std::size_t>() && e <= sp["end"].get<std::size_t>()) return true;
  }
  return false;
}

// The kinds of a record's sections, in order.
std::vector<std::string> section_kinds(const vnie::Record& r) {
  std::vector<std::string> kinds;
  for (const auto& s : r.sections) kinds.push_back(s.kind);
  return kinds;
}

std::string kind_at(const vnie::Record& r, std::size_t cp) {
  for (const auto& s : r.sections) {
    if (cp >= s.start && cp < s.end) return s.kind;
  }
  return "";
}

}  // namespace

TEST_CASE("structure of each development article matches its gold file", "[structure][corpus]") {
  for (const auto& path : vnie::test::dev_articles()) {
    DYNAMIC_SECTION(path.filename().string()) {
      auto gold = nlohmann::json::parse(vnie::test::read_file(
          path.parent_path() / (path.stem().string() + ".gold.json")));
      vnie::Article article = vnie::test::article_from_file(path);
      vnie::Record r = vnie::extract(vnie::test::repo_rules(), article);
      CHECK(vnie::internal::fold(r.title) == vnie::internal::fold(gold["title"].get<std::string>()));
      CHECK(r.authors == gold["authors"].get<std::vector<std::string>>());
      // Line by line: related exactly where the gold says.
      const std::string& text = article.text;
      std::size_t cp = 0, line_start_cp = 0;
      std::string line;
      auto check_line = [&](std::size_t s, std::size_t e, const std::string& l) {
        if (l.find_first_not_of(" \r\t") == std::string::npos) return;
        bool gold_related = inside(s, e, gold["related_spans"]);
        INFO(l.substr(0, 80));
        CHECK((kind_at(r, s) == "related") == gold_related);
      };
      for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (text[i] == '\n') {
          check_line(line_start_cp, cp, line);
          line.clear();
          line_start_cp = cp + 1;
        } else {
          line.append(text, i, len);
        }
        i += len;
        ++cp;
      }
      check_line(line_start_cp, cp, line);
    }
  }
}

TEST_CASE("structure: general signals on a made-up page", "[structure]") {
  std::string page =
      "Công nhân khu công nghiệp nhận quà Tết\n"
      "(PV) Sáng 5/1, Công đoàn khu công nghiệp trao 500 suất quà cho công nhân có hoàn cảnh khó khăn.\n"
      "Một bài báo khác về giá xăng hôm nay Một tin về thời tiết miền Bắc rét đậm rét hại kéo dài Công an tỉnh phá đường dây lừa đảo qua mạng xã hội\n"
      "Mỗi suất quà trị giá 1 triệu đồng, gồm tiền mặt và nhu yếu phẩm.\n"
      "Lãnh đạo Công đoàn trao quà cho công nhân. Ảnh: Thu Hà.\n"
      "Minh Anh\n"
      "Tin khác\n"
      "Giá vàng tăng mạnh\n"
      "Hà Nội mưa rét\n";
  vnie::Article a{.id = "x", .text = page};
  vnie::Record r = vnie::extract(vnie::test::repo_rules(), a);
  CHECK(r.title == "Công nhân khu công nghiệp nhận quà Tết");
  CHECK(r.authors == std::vector<std::string>{"Minh Anh", "Thu Hà"});
  CHECK(section_kinds(r) == std::vector<std::string>{"title", "lede", "related", "body", "caption", "byline", "related"});
}

TEST_CASE("bylines with several names give one author each", "[structure]") {
  for (const auto& [byline, want] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"Hồng Nhung - Thu Trang", {"Hồng Nhung", "Thu Trang"}},
           {"Minh Anh, Quốc Huy và Lan Hương", {"Minh Anh", "Quốc Huy", "Lan Hương"}},
           {"Minh Anh (TTXVN)", {"Minh Anh"}},
           {"P.V", {"P.V"}},
           {"H’Yâo - Quốc Việt", {"H’Yâo", "Quốc Việt"}}}) {
    vnie::Article a{.id = "x", .text = "Tiêu đề\nCông đoàn tổ chức hội nghị tổng kết năm với nhiều nội dung quan trọng.\n" + byline + "\n"};
    CHECK(vnie::extract(vnie::test::repo_rules(), a).authors == want);
  }
}

TEST_CASE("a reader's question signed in parentheses after the lede is body, not teasers", "[structure]") {
  std::string page =
      "Nghỉ việc thì được hưởng những gì?\n"
      "Nhiều bạn đọc gửi thư hỏi về chế độ khi nghỉ việc, chúng tôi xin trả lời như sau.\n"
      "Hỏi: Tôi làm việc tại Công ty TNHH May Hòa Bình từ tháng 5/2018 và sắp nghỉ việc, tôi được hưởng chế độ gì? "
      "(Lê Thị Mai, huyện Yên Dũng)\n"
      "Trả lời: Theo quy định, chị được hưởng trợ cấp thôi việc.\n";
  CHECK(section_kinds(vnie::extract(vnie::test::repo_rules(), vnie::Article{.id = "x", .text = page})) ==
        std::vector<std::string>{"title", "lede", "body"});
}
