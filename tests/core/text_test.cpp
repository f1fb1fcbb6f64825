#include "core/text.hpp"

#include <gtest/gtest.h>

namespace hci {

TEST(Text, ZeroPadsZipCodesThatLostTheirLeadingZeros) {
  EXPECT_EQ(zero_pad("6510", 5), "06510");
  EXPECT_EQ(zero_pad("36301", 5), "36301");
  EXPECT_EQ(zero_pad("123456", 5), "123456");
}

TEST(Text, NormalisedNamesIgnoreCasePunctuationAndApostrophes) {
  EXPECT_EQ(normalize_name_key("St. Mary's  Hospital"), "ST MARYS HOSPITAL");
  EXPECT_EQ(normalize_name_key("ST MARYS HOSPITAL"), "ST MARYS HOSPITAL");
  EXPECT_EQ(normalize_name_key("Baptist-South"), "BAPTIST SOUTH");
}

TEST(Text, TrimsSpacesAndLineEnds) { EXPECT_EQ(trim("  x y\r\n"), "x y"); }

TEST(Text, RecognisesDigitStrings) {
  EXPECT_TRUE(is_all_digits("0123"));
  EXPECT_FALSE(is_all_digits(""));
  EXPECT_FALSE(is_all_digits("12a"));
}

}  // namespace hci
