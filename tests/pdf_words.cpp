#include "pdf_words.hpp"

#include "support.hpp"

#include <regex>

namespace impactkit::test {

namespace {

std::string unescaped(std::string text) {
  const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
                                                          {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), character);
    }
  }
  return text;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf) {
  const std::string xml = run_shell("timeout 60 pdftotext -enc UTF-8 -bbox-layout '" + pdf.string() + "' -");
  const std::regex page_or_word(
      R"re(<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<PdfWord> words;
  int page = 0;
  for (std::sregex_iterator it(xml.begin(), xml.end(), page_or_word), end; it != end; ++it) {
    if (!(*it)[1].matched) {
      ++page;
      continue;
    }
    words.push_back({page, std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]),
                     unescaped((*it)[5])});
  }
  return words;
}

std::string plain(const std::string& text) {
  std::string out = text;
  for (const auto& [from, to] : std::initializer_list<std::pair<const char*, const char*>>{{"\u2018", "'"},
                                                                                           {"\u2019", "'"},
                                                                                           {"\u201C", "\""},
                                                                                           {"\u201D", "\""},
                                                                                           {"\u00A0", " "},
                                                                                           {"\u202F", " "},
                                                                                           {"\u2011", ""},
                                                                                           {"-", ""},
                                                                                           {"\u00AD", ""},
                                                                                           {"\u2082", "2"},
                                                                                           {"\u00B2", "2"}}) {
    replace_all(out, from, to);
  }
  return squash(out);
}

std::string plain_text_of(const std::filesystem::path& pdf) {
  std::string text = run_shell("timeout 60 pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  // A word broken at a line end ("voet-\nbalveld") is one word again;
  // plain() drops the hyphens of both sides, so "zero-\nemissie" is found.
  replace_all(text, "-\n", "");
  return plain(text);
}

}  // namespace impactkit::test
