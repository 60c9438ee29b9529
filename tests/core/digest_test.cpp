// The one digest of a build's keys, and the checksum of the files it keeps:
// the same for the same input, different when any one byte, number or the
// way the input is cut into parts differs.

#include <impactkit/core/digest.hpp>

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

BOOST_AUTO_TEST_CASE(digest_keys_tell_inputs_apart) {
  using impactkit::Digest;
  BOOST_TEST(Digest().add("ab").add("c").hex() == Digest().add("ab").add("c").hex());
  BOOST_TEST(Digest().add("ab").add("c").hex() != Digest().add("a").add("bc").hex());
  BOOST_TEST(Digest().add(1.0).hex() != Digest().add(1.0000000000000002).hex());
  BOOST_TEST(Digest().add(0.0).hex() != Digest().add(-0.0).hex());
  BOOST_TEST(Digest().add(true).hex() != Digest().add(false).hex());
  BOOST_TEST(Digest().add(std::string(1000, 'x')).hex() != Digest().add(std::string(1001, 'x')).hex());
  const std::string hex = Digest().add("poster").hex();
  BOOST_TEST(hex.size() == 16u);
  BOOST_TEST(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
