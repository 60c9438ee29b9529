// The checksum of files impactkit keeps for itself: the same for the same
// bytes, different when any one byte or the length differs.

#include <impactkit/core/checksum.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(checksums)

BOOST_AUTO_TEST_CASE(every_byte_counts) {
  BOOST_TEST(impactkit::checksum("") == 14695981039346656037ULL);  // FNV-1a's offset basis
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>('a' + i % 26);
  const auto sum = impactkit::checksum(text);
  BOOST_TEST(impactkit::checksum(text) == sum);
  int unchanged = 0;
  // Every position, in the whole words and in the bytes after them.
  for (std::size_t at = 0; at < text.size(); ++at) {
    std::string changed = text;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    if (impactkit::checksum(changed) == sum) ++unchanged;
  }
  BOOST_TEST(unchanged == 0);
  BOOST_TEST(impactkit::checksum(text + '\0') != sum);
  BOOST_TEST(impactkit::checksum(text.substr(0, 299)) != sum);
}

BOOST_AUTO_TEST_SUITE_END()
