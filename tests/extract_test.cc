#include <catch2/catch.hpp>

#include <set>

#include "test_util.h"

// Whole-pipeline behaviour on short made-up articles.
namespace {

vnie::Record run(const std::string& text, std::optional<std::string> published = std::nullopt) {
  vnie::Article a;
  a.id = "t";
  a.text = text;
  a.published = std::move(published);
  return vnie::extract(vnie::test::repo_rules(), a);
}

std::vector<std::string> values(const vnie::Record& r, const std::string& type, const std::string& field) {
  std::vector<std::string> out;
  for (const vnie::Entity& e : r.entities) {
    if (e.type != type) continue;
    const vnie::Value* v = e.field(field);
    if (v == nullptr) continue;
    if (const auto* s = std::get_if<std::string>(v)) out.push_back(*s);
    if (const auto* i = std::get_if<std::int64_t>(v)) out.push_back(std::to_string(*i));
  }
  return out;
}

// How many entities of `type` have `value` in `field`.
long count_of(const vnie::Record& r, const std::string& type, const std::string& field, const std::string& value) {
  std::vector<std::string> all = values(r, type, field);
  return std::count(all.begin(), all.end(), value);
}

}  // namespace

TEST_CASE("dates: year inference and relative dates follow the publication date", "[extract]") {
  const std::string text = "Tiêu đề\nSáng nay (21/11), Công đoàn trao quà. Hội nghị trước đó diễn ra ngày 30/12.\n";
  CHECK(values(run(text), "date", "value") == std::vector<std::string>{"XXXX-11-21", "XXXX-12-30"});
  CHECK(values(run(text, "2024-11-21"), "date", "value") ==
        std::vector<std::string>{"2024-11-21", "2024-11-21", "2023-12-30"});
}

TEST_CASE("dates: a part of a year without its year takes its paragraph's, else the article's", "[extract]") {
  const std::string text =
      "Tiêu đề\n"
      "Kết quả 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022 được thông qua.\n"
      "Nhiệm vụ trọng tâm 6 tháng cuối năm gồm báo cáo nhiệm kỳ 2018 - 2023.\n"
      "Trong 9 tháng đầu năm, quý III và tháng 7, LĐLĐ tỉnh trao quà.\n";
  // The interval 2018/2023 gives no year; the earlier paragraph's 2022 does.
  CHECK(values(run(text), "date", "value") ==
        std::vector<std::string>{"2022-H1", "2022-H2", "2022-H2", "2018/2023", "2022-01/2022-09", "2022-Q3", "XXXX-07"});
  // A month keeps the publication-date rule.
  CHECK(values(run(text, "2023-03-01"), "date", "value").back() == "2022-07");
}

TEST_CASE("places listed after one with its unit word are places of the same level", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "LĐLĐ tỉnh trao quà cho các huyện Năm Căn, Ngọc Hiển và U Minh. Tại TP Long Xuyên, Đại hội diễn ra. "
      "Công nhân ở phường Định Công, Nguyễn Văn Hùng cho biết.\n");
  CHECK(values(r, "location", "canonical") ==
        std::vector<std::string>{"Năm Căn", "Ngọc Hiển", "U Minh", "Long Xuyên", "Định Công"});
  CHECK(values(r, "location", "level") ==
        std::vector<std::string>{"district", "district", "district", "district", "ward"});
}

TEST_CASE("a bare name that ends an organization's name is that organization, not a person", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Công ty Cổ phần Bao bì Nhựa Tân Phú Hưng tổ chức hội nghị. LĐLĐ tỉnh chọn Tân Phú Hưng làm mô hình điểm. "
      "Tân Văn Minh, công nhân phân xưởng, cho biết.\n");
  CHECK(values(r, "person", "canonical") == std::vector<std::string>{"Tân Văn Minh"});
}

TEST_CASE("officials: two names joined by 'và' share the role a verb gives them", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Đại hội LĐLĐ tỉnh Thanh Hóa: ông Lê Văn Phúc và bà Hoàng Thị Mai được bầu làm Phó Chủ tịch LĐLĐ tỉnh. "
      "Ông Trần Văn An và bà Vũ Thị Lan, Chủ tịch Công đoàn ngành Y tế, dự họp.\n");
  std::vector<std::string> names;
  for (const vnie::Official& o : r.officials) names.push_back(o.name);
  CHECK(names == std::vector<std::string>{"Lê Văn Phúc", "Hoàng Thị Mai", "Vũ Thị Lan"});
}

TEST_CASE("officials: a sub-unit between a title and its organization belongs to the title", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Giải thưởng trao cho kỹ sư Phan Văn Lực, Quản đốc Phân xưởng Cơ điện, Công ty Cổ phần Xi măng Bắc Lam "
      "và anh Hoàng Văn Kiên, Trưởng phòng Kỹ thuật Công ty Cổ phần Cấp nước Sông Lam.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].roles.at(0).title == "Quản đốc Phân xưởng Cơ điện");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công ty Cổ phần Xi măng Bắc Lam");
  CHECK(r.officials[1].roles.at(0).title == "Trưởng phòng Kỹ thuật");
  CHECK(r.officials[1].roles.at(0).organization_canonical == "Công ty Cổ phần Cấp nước Sông Lam");
}

TEST_CASE("facts: a percent further on in the sentence is the ratio's only when it agrees", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Năm 2024, 31/34 CĐCS trên địa bàn đã tổ chức đối thoại định kỳ tại nơi làm việc, đạt 91,2%. "
      "Toàn tỉnh có 18/20 CĐCS được kiểm tra trên toàn địa bàn các huyện miền núi, đạt 75% kế hoạch năm.\n");
  REQUIRE(r.facts.size() == 2);
  CHECK(r.facts[0].percent == Approx(91.2));
  CHECK_FALSE(r.facts[1].percent.has_value());  // 75% is not 18/20
}

TEST_CASE("officials: titles before and after the name, organs inside titles", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nDự hội nghị có đồng chí Lê Thị Thu Trang - Ủy viên Ban Chấp hành LĐLĐ tỉnh Nam Định, "
      "Chủ tịch Công đoàn Công ty Cổ phần May Sông Hồng. Phó Chủ tịch LĐLĐ tỉnh Nam Định Trần Văn Bình "
      "phát biểu.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].name == "Lê Thị Thu Trang");
  REQUIRE(r.officials[0].roles.size() == 2);
  CHECK(r.officials[0].roles[0].title == "Ủy viên Ban Chấp hành");
  CHECK(r.officials[0].roles[0].organization_canonical == "Liên đoàn Lao động tỉnh Nam Định");
  CHECK(r.officials[0].roles[1].title == "Chủ tịch");
  CHECK(r.officials[0].roles[1].organization_canonical == "Công đoàn Công ty Cổ phần May Sông Hồng");
  CHECK(r.officials[1].name == "Trần Văn Bình");
  CHECK(r.officials[1].roles.at(0).title == "Phó Chủ tịch");
  // "Ban Chấp hành" inside the title is no organization of its own.
  for (const vnie::Entity& e : r.entities) CHECK(e.text.rfind("Ban Chấp hành", 0) != 0);
}

TEST_CASE("facts: ratio, percent, consistency, date and actor", "[extract]") {
  const std::string text =
      "Tiêu đề\nTính đến 15/10/2024, LĐLĐ huyện Đông Anh đã kết nạp 1.020/1.000 đoàn viên, đạt 102%; "
      "thành lập 9/12 công đoàn cơ sở, đạt 80%.\n";
  vnie::Record r = run(text);
  REQUIRE(r.facts.size() == 2);
  CHECK(r.facts[0].actual == 1020);
  CHECK(r.facts[0].target == 1000);
  CHECK(r.facts[0].percent == 102);
  CHECK(r.facts[0].consistent == true);
  CHECK(r.facts[0].as_of == "2024-10-15");
  CHECK(r.facts[0].organization == "Liên đoàn Lao động huyện Đông Anh");
  CHECK(r.facts[1].percent == 80);
  CHECK(r.facts[1].consistent == false);  // 9/12 is 75%
  for (const vnie::Fact& f : r.facts) CHECK(vnie::test::cp_slice(text, f.start, f.end) == f.text);
}

TEST_CASE("short mentions take their canonical from the article", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nLĐLĐ quận Cầu Giấy phối hợp với Ủy ban nhân dân tổ chức hội thi. Chủ tịch LĐLĐ quận "
      "cho biết, Quận ủy và LĐLĐ Thành phố đánh giá cao. Bà Nguyễn Thị Mai Hương phát biểu, chị Hương "
      "cảm ơn.\n");
  std::vector<std::string> orgs = values(r, "organization", "canonical");
  CHECK(orgs == std::vector<std::string>{"Liên đoàn Lao động quận Cầu Giấy", "Ủy ban nhân dân quận Cầu Giấy",
                                         "Liên đoàn Lao động quận Cầu Giấy", "Quận ủy Cầu Giấy",
                                         "Liên đoàn Lao động thành phố Hà Nội"});
  CHECK(values(r, "person", "canonical") == std::vector<std::string>{"Nguyễn Thị Mai Hương", "Nguyễn Thị Mai Hương"});
}

TEST_CASE("nothing is reported from related sections", "[extract][corpus]") {
  for (const auto& path : vnie::test::dev_articles()) {
    vnie::Article article = vnie::test::article_from_file(path);
    vnie::Record r = vnie::extract(vnie::test::repo_rules(), article);
    for (const vnie::Section& s : r.sections) {
      if (s.kind != "related" && s.kind != "meta") continue;
      for (const vnie::Entity& e : r.entities) CHECK((e.end <= s.start || e.start >= s.end));
      for (const vnie::Fact& f : r.facts) CHECK((f.end <= s.start || f.start >= s.end));
    }
  }
}

TEST_CASE("abbreviations the article defines name the same organization later", "[extract]") {
  const std::string text =
      "Tiêu đề\nCông ty Cổ phần Đầu tư Xây dựng Thăng Long (TLCI) ký thỏa ước. Năm nay TLCI tăng lương.\n";
  vnie::Record r = run(text);
  std::vector<std::string> texts;
  for (const vnie::Entity& e : r.entities) {
    if (e.type != "organization") continue;
    texts.push_back(e.text);
    CHECK(std::get<std::string>(*e.field("canonical")) == "Công ty Cổ phần Đầu tư Xây dựng Thăng Long");
    CHECK(vnie::test::cp_slice(text, e.start, e.end) == e.text);
  }
  CHECK(texts == std::vector<std::string>{"Công ty Cổ phần Đầu tư Xây dựng Thăng Long", "TLCI"});
}

TEST_CASE("a title without its body takes the body of the passage, unless it names another", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nLĐLĐ huyện Gia Lâm tổ chức hội nghị. Phát biểu tại hội nghị, Phó Chủ tịch Lê Văn Nam cho biết "
      "kết quả; ông Đỗ Minh Tuấn, Giám đốc Công ty, cảm ơn.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].name == "Lê Văn Nam");
  CHECK(r.officials[0].roles.at(0).organization == std::nullopt);
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Liên đoàn Lao động huyện Gia Lâm");
  CHECK(r.officials[1].name == "Đỗ Minh Tuấn");
  CHECK(r.officials[1].roles.at(0).title == "Giám đốc");
  CHECK(r.officials[1].roles.at(0).organization_canonical == std::nullopt);
}

TEST_CASE("digit noise and impossible datelines give nothing absurd", "[extract]") {
  vnie::Record r = run("Tiêu đề\n99/99/2024\nLĐLĐ quận trao " + std::string(300, '9') + " tỷ đồng và " +
                       std::string(40, '9') + " đoàn viên.\n");
  CHECK(r.published == std::nullopt);
  for (const vnie::Entity& e : r.entities) {
    CHECK(e.type != "money");
    CHECK(e.type != "quantity");
  }
}

TEST_CASE("a repeated definition reports each mention once", "[extract]") {
  std::string line = "Công ty Cổ phần Đầu tư ABC (ABCI) và ABCI. ";
  std::string text = "Tiêu đề\n";
  for (int i = 0; i < 200; ++i) text += line;
  vnie::Record r = run(text);
  std::set<std::pair<std::size_t, std::size_t>> spans;
  for (const vnie::Entity& e : r.entities) CHECK(spans.insert({e.start, e.end}).second);
  // 200 company names, 200 "và ABCI", and the 199 "(ABCI)" after the first definition.
  CHECK(r.entities.size() == 599);
}

TEST_CASE("an impossible publication date is no reference date", "[extract]") {
  const std::string text = "Tiêu đề\nNgày 5/3, ông Nguyễn Văn An - Ủy vİên Ban Thường vụ LĐLĐ quận Long Biên phát biểu.\n";
  for (const char* published : {"2024-02-31", "0000-01-01", "abcd-01-01"}) {
    vnie::Record r = run(text, published);
    CHECK(values(r, "date", "value") == std::vector<std::string>{"XXXX-03-05"});
    for (const vnie::Entity& e : r.entities) CHECK(vnie::test::cp_slice(text, e.start, e.end) == e.text);
  }
}

TEST_CASE("an organ of a body and a defined abbreviation keep the body's place", "[extract]") {
  const std::string text =
      "Tiêu đề\n"
      "Sở Lao động - Thương binh và Xã hội (LĐTBXH) tỉnh Lào Cai cho biết, Thanh tra Sở LĐTBXH đã kiểm tra "
      "12 doanh nghiệp cùng Bảo hiểm xã hội (BHXH) tỉnh Lào Cai.\n";
  vnie::Record r = run(text);
  CHECK(values(r, "organization", "canonical") ==
        std::vector<std::string>{"Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai",
                                 "Thanh tra Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai",
                                 "Bảo hiểm xã hội tỉnh Lào Cai"});
  for (const vnie::Entity& e : r.entities) CHECK(vnie::test::cp_slice(text, e.start, e.end) == e.text);
}

TEST_CASE("a share of a whole or a vote is a ratio but no target fact", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Nghị quyết được thông qua với 98/100 đại biểu tán thành; Ban Chấp hành có 5/13 ủy viên là nữ, chiếm 38,5%. "
      "Ông Hà được bầu làm Chủ tịch với số phiếu 12/13. Có 40/120 đại biểu là nữ. "
      "Bà Vy trúng cử với 29/30 phiếu, đạt 96,7%. Có 40/44 CĐCS được xếp loại hoàn thành tốt nhiệm vụ. "
      "Năm nay, LĐLĐ huyện đã kết nạp được 1.250/1.000 đoàn viên, đạt 125%.\n");
  CHECK(values(r, "ratio", "numerator") == std::vector<std::string>{"98", "5", "12", "40", "29", "40", "1250"});
  REQUIRE(r.facts.size() == 1);
  CHECK(r.facts[0].actual == 1250);
  CHECK(r.facts[0].target == 1000);
  CHECK(r.facts[0].percent == 125);
}

TEST_CASE("titles listed before one with its body hold posts in that body", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Phát biểu tại hội nghị, bà Đặng Thu Nga, Ủy viên Đoàn Chủ tịch, Trưởng Ban Nữ công Tổng LĐLĐ Việt Nam "
      "đề nghị các cấp công đoàn chăm lo cho nữ công nhân.\n");
  REQUIRE(r.officials.size() == 1);
  const vnie::Official& o = r.officials[0];
  CHECK(o.name == "Đặng Thu Nga");
  REQUIRE(o.roles.size() == 2);
  CHECK(o.roles[0].title == "Ủy viên Đoàn Chủ tịch");
  CHECK(o.roles[0].organization_canonical == "Tổng Liên đoàn Lao động Việt Nam");
  CHECK(o.roles[1].title == "Trưởng Ban Nữ công");
  CHECK(o.roles[1].organization_canonical == "Tổng Liên đoàn Lao động Việt Nam");
}

TEST_CASE("a company union's short mention names the one the article names in full", "[extract]") {
  const std::string one =
      "Tiêu đề\n"
      "Công đoàn cơ sở Công ty TNHH Giày Phú Lợi có 420 đoàn viên. Bà Vũ Thị Loan, Chủ tịch CĐCS Công ty cho biết "
      "năm nay Công đoàn Công ty trao 50 suất quà.\n";
  vnie::Record r = run(one);
  CHECK(values(r, "organization", "canonical") ==
        std::vector<std::string>{"Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Giày Phú Lợi",
                                 "Công ty Trách nhiệm hữu hạn Giày Phú Lợi",
                                 "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Giày Phú Lợi",
                                 "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Giày Phú Lợi"});
  REQUIRE(r.officials.size() == 1);
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Giày Phú Lợi");
  // No company union named in full, or two of them: the short mention names none.
  CHECK(values(run("Tiêu đề\nChủ tịch Công đoàn Công ty cho biết.\n"), "organization", "canonical").empty());
  CHECK(values(run("Tiêu đề\nCông đoàn Công ty TNHH An Phú và Công đoàn Công ty TNHH Bình Minh ký kết. "
                   "Công đoàn Công ty sẽ theo dõi.\n"),
               "organization", "canonical")
            .size() == 4);
}

TEST_CASE("a department's union keeps the department's name whole and the province", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "LĐLĐ tỉnh Nghệ An khen thưởng Công đoàn Sở Tư pháp và Công đoàn Sở Nội vụ.\n");
  CHECK(values(r, "organization", "canonical") ==
        std::vector<std::string>{"Liên đoàn Lao động tỉnh Nghệ An", "Công đoàn Sở Tư pháp tỉnh Nghệ An",
                                 "Sở Tư pháp tỉnh Nghệ An", "Công đoàn Sở Nội vụ tỉnh Nghệ An",
                                 "Sở Nội vụ tỉnh Nghệ An"});
}

TEST_CASE("a title that takes a work unit keeps it when no body follows", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Công ty TNHH Dệt Hòa Thắng cần tuyển 300 công nhân. Ông Lý Văn Tài, Trưởng phòng Hành chính - Nhân sự của "
      "công ty cho biết mức lương khởi điểm là 6 triệu đồng. Trưởng phòng Đặng Văn Nam cũng có mặt.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].name == "Lý Văn Tài");
  CHECK(r.officials[0].roles.at(0).title == "Trưởng phòng Hành chính - Nhân sự");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công ty Trách nhiệm hữu hạn Dệt Hòa Thắng");
  CHECK(r.officials[1].name == "Đặng Văn Nam");
  CHECK(r.officials[1].roles.at(0).title == "Trưởng phòng");
}

TEST_CASE("a bare board of directors belongs to the article's company; with none it names nothing", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Công đoàn Công ty TNHH Nhựa Tân Tiến đã đối thoại với Ban Giám đốc về tiền lương. "
      "Công ty TNHH Nhựa Tân Tiến có 900 lao động.\n");
  CHECK(count_of(r, "organization", "canonical", "Ban Giám đốc Công ty Trách nhiệm hữu hạn Nhựa Tân Tiến") > 0);
  CHECK(values(run("Tiêu đề\nBan Giám đốc đã đồng ý tăng lương cho người lao động.\n"), "organization", "canonical").empty());
}

TEST_CASE("a director's body from the passage is the company, not its union or its board", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Công đoàn Công ty TNHH Kim Long và Ban Giám đốc Công ty đã ký thỏa ước. Ký kết có ông Trần Văn Bảo, Chủ tịch "
      "Công đoàn Công ty và ông Kim Min Su, Tổng Giám đốc.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công đoàn Công ty Trách nhiệm hữu hạn Kim Long");
  CHECK(r.officials[1].name == "Kim Min Su");
  CHECK(r.officials[1].roles.at(0).organization_canonical == "Công ty Trách nhiệm hữu hạn Kim Long");
}

TEST_CASE("a list of places goes on past the ones found without their unit word", "[extract]") {
  vnie::Record r = run("Tiêu đề\nXe đưa công nhân về các huyện Mỹ Xuyên, Trần Đề, Long Phú, Kế Sách và thị xã Vĩnh Châu.\n");
  CHECK(values(r, "location", "canonical") ==
        std::vector<std::string>{"Mỹ Xuyên", "Trần Đề", "Long Phú", "Kế Sách", "Vĩnh Châu"});
  CHECK(values(r, "location", "level") ==
        std::vector<std::string>{"district", "district", "district", "district", "district"});
}

TEST_CASE("a title ending in an organ takes the body the organ belongs to", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Theo ông Hoàng Minh Đức, Chánh Thanh tra Sở LĐ-TB&XH tỉnh Phú Thọ, năm nay đã kiểm tra 120 doanh nghiệp.\n");
  REQUIRE(r.officials.size() == 1);
  REQUIRE(r.officials[0].roles.size() == 1);
  CHECK(r.officials[0].roles[0].title == "Chánh Thanh tra");
  CHECK(r.officials[0].roles[0].organization == "Sở LĐ-TB&XH tỉnh Phú Thọ");
  CHECK(r.officials[0].roles[0].organization_canonical == "Sở Lao động - Thương binh và Xã hội tỉnh Phú Thọ");
}

TEST_CASE("a short Ede or Jrai name takes the two-word full name it ends", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nĐại hội bầu bà Ksor H'Mai giữ chức Chủ tịch. Phát biểu nhận nhiệm vụ, bà H'Mai cảm ơn các đại biểu.\n");
  CHECK(values(r, "person", "canonical") == std::vector<std::string>{"Ksor H'Mai", "Ksor H'Mai"});
}

TEST_CASE("a company's union named short takes the company's full name", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nCông ty Than Hà Lầm - TKV có 3.000 thợ mỏ. Chủ tịch Công đoàn Công ty Than Hà Lầm Lê Thị Hoa cho biết.\n");
  CHECK(count_of(r, "organization", "canonical", "Công đoàn Công ty Than Hà Lầm - TKV") > 0);
}

TEST_CASE("a company named short is the one whose full name holds those words", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Hợp tác xã Vận tải Hoàng Kim Sóc Trăng (HTX Hoàng Kim) góp 20 xe. Ngoài HTX Hoàng Kim, Tổng công ty Đóng tàu "
      "Vạn Xuân và Tổng công ty Vạn Xuân Hải Phòng cũng tham gia.\n");
  CHECK(count_of(r, "organization", "canonical", "Hợp tác xã Vận tải Hoàng Kim Sóc Trăng") == 3);
  // The full name, its short form in parentheses and the short form later.
  CHECK(count_of(r, "organization", "canonical", "Hợp tác xã Hoàng Kim") == 0);
}

TEST_CASE("a union named only by its company, a unit before 'công ty', a person after 'Thành phố'", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Công ty Cổ phần Dệt Sợi Hòa Xanh có 2.000 lao động. Ông Lê Văn Toàn, Chủ tịch Công đoàn Công ty cho biết, "
      "bà Huỳnh Thị Ngọc, Trưởng phòng Nhân sự công ty đã ký. Phó Chủ tịch UBND Thành phố Lại Hữu Phong dự.\n");
  CHECK(count_of(r, "organization", "canonical", "Công đoàn Công ty Cổ phần Dệt Sợi Hòa Xanh") > 0);
  REQUIRE(r.officials.size() == 3);
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công đoàn Công ty Cổ phần Dệt Sợi Hòa Xanh");
  CHECK(r.officials[1].roles.at(0).title == "Trưởng phòng Nhân sự");
  CHECK(r.officials[2].name == "Lại Hữu Phong");
  CHECK(values(r, "location", "canonical").empty());
}

TEST_CASE("a target exceeded by a percent, and a part of a whole with no word of achievement", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Năm 2024, LĐLĐ tỉnh đã thành lập 23/20 công đoàn cơ sở, vượt 15% chỉ tiêu. "
      "Hiện 34/42 doanh nghiệp đã có đơn hàng đến hết quý I/2025.\n");
  REQUIRE(r.facts.size() == 1);
  CHECK(r.facts[0].actual == 23);
  CHECK(r.facts[0].percent == 15);
  CHECK(r.facts[0].consistent == true);
  CHECK(values(r, "ratio", "numerator") == std::vector<std::string>{"23", "34"});
}

TEST_CASE("a person's name after a company's name ends the company", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Chủ tịch Công đoàn Công ty TNHH Điện tử Seojin Vina Lê Thị Hồng Nhung cho biết. "
      "Học sinh Trường THCS Lê Văn Tám tham gia.\n");
  CHECK(values(r, "organization", "canonical") ==
        std::vector<std::string>{"Công đoàn Công ty Trách nhiệm hữu hạn Điện tử Seojin Vina",
                                 "Công ty Trách nhiệm hữu hạn Điện tử Seojin Vina", "Trường Trung học cơ sở Lê Văn Tám"});
  REQUIRE(r.officials.size() == 1);
  CHECK(r.officials[0].name == "Lê Thị Hồng Nhung");
}

TEST_CASE("state companies without a legal form, and a company union's place kept as the company's", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Giám đốc Công ty Than Hà Lầm - TKV Lê Minh Tú cho biết. Công đoàn Công ty Điện lực Hưng Yên và Công đoàn cơ sở "
      "Công ty TNHH Giày Tân Phú Long An cùng tham gia.\n");
  CHECK(values(r, "organization", "canonical") ==
        std::vector<std::string>{"Công ty Than Hà Lầm - TKV", "Công đoàn Công ty Điện lực Hưng Yên", "Công ty Điện lực Hưng Yên",
                                 "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Giày Tân Phú Long An",
                                 "Công ty Trách nhiệm hữu hạn Giày Tân Phú Long An"});
  REQUIRE(r.officials.size() == 1);
  CHECK(r.officials[0].name == "Lê Minh Tú");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Công ty Than Hà Lầm - TKV");
}

TEST_CASE("a committee followed by its secretary's name, a bare quarter, a union of 'công ty' in lower case", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Bí thư Tỉnh ủy Đinh Quang Hưởng dự. Công đoàn cơ sở Công ty Cổ phần Thực phẩm Xanh Vĩnh Lộc có 500 đoàn viên; "
      "Chủ tịch Công đoàn cơ sở công ty cho biết trong quý II sẽ khởi công.\n");
  CHECK(count_of(r, "organization", "canonical", "Công đoàn cơ sở Công ty Cổ phần Thực phẩm Xanh Vĩnh Lộc") == 2);
  CHECK(count_of(r, "person", "canonical", "Đinh Quang Hưởng") == 1);
  CHECK(values(r, "date", "value") == std::vector<std::string>{"XXXX-Q2"});
}

TEST_CASE("the head of a division named with its place holds the division", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Bà Huỳnh Thị Lan, Trưởng phòng LĐ-TB&XH thành phố Thuận An cho biết. Ông Ngô Văn Thịnh, Phó Trưởng phòng Quản "
      "lý đô thị UBND thành phố Vinh cũng dự.\n");
  REQUIRE(r.officials.size() == 2);
  CHECK(r.officials[0].roles.at(0).title == "Trưởng phòng");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Phòng Lao động - Thương binh và Xã hội thành phố Thuận An");
  // A division followed by its body is part of the title.
  CHECK(r.officials[1].roles.at(0).title == "Phó Trưởng phòng Quản lý đô thị");
}

TEST_CASE("a list of places ends at a body's name", "[extract]") {
  vnie::Record r = run("Tiêu đề\nLĐLĐ tỉnh Sơn La và Ban Dân tộc tỉnh phối hợp hỗ trợ công nhân.\n");
  CHECK(values(r, "location", "canonical").empty());
}

TEST_CASE("a body's name ends before a person the article names after a lead word", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\n"
      "Dự có ông Phạm Quốc Bình, Chủ tịch LĐLĐ thành phố Mỹ Tho. Phát biểu, Chủ tịch LĐLĐ thành phố Mỹ Tho Phạm "
      "Quốc Bình đề nghị Công ty TNHH Cơ khí Minh Quang Đức tăng lương; Giám đốc Minh Quang Đức đồng ý.\n");
  CHECK(count_of(r, "organization", "canonical", "Liên đoàn Lao động thành phố Mỹ Tho") == 2);
  CHECK(count_of(r, "person", "canonical", "Phạm Quốc Bình") == 2);
  REQUIRE(r.officials.size() >= 1);
  CHECK(r.officials[0].name == "Phạm Quốc Bình");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Liên đoàn Lao động thành phố Mỹ Tho");
  // A name found only after a title may be a company's short name: the company keeps it.
  CHECK(count_of(r, "organization", "canonical", "Công ty Trách nhiệm hữu hạn Cơ khí Minh Quang Đức") == 1);
}

TEST_CASE("a body's name whose pattern stops at a person's family name ends before it", "[extract]") {
  vnie::Record r = run("Tiêu đề\nChủ tịch LĐLĐ huyện Kim Bảng Đỗ Văn Lực cùng đoàn công tác thăm công nhân.\n");
  CHECK(values(r, "organization", "canonical") == std::vector<std::string>{"Liên đoàn Lao động huyện Kim Bảng"});
  REQUIRE(r.officials.size() == 1);
  CHECK(r.officials[0].name == "Đỗ Văn Lực");
  CHECK(r.officials[0].roles.at(0).organization_canonical == "Liên đoàn Lao động huyện Kim Bảng");
}

TEST_CASE("a family name then Thị or Văn inside a name match begins the person", "[extract]") {
  vnie::Record r = run(
      "Tiêu đề\nPhát biểu, Chủ tịch LĐLĐ tỉnh Bắc Giang Nguyễn Văn Lộc đề nghị. Chủ tịch Công đoàn Công ty Tân "
      "Phước Võ Thị Kim Oanh cho biết. Bà Lương Thị Hoa và ông Nguyễn Lê Văn cùng dự.\n");
  CHECK(values(r, "person", "canonical") ==
        std::vector<std::string>{"Nguyễn Văn Lộc", "Võ Thị Kim Oanh", "Lương Thị Hoa", "Nguyễn Lê Văn"});
}
