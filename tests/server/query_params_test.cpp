#include "server/query_params.hpp"

#include <gtest/gtest.h>

namespace hci::server {

namespace {

std::vector<FieldError> errors_of(QueryReader& reader) {
  try {
    reader.finish();
  } catch (const RequestError& error) {
    return error.errors();
  }
  return {};
}

constexpr QueryParameter text(std::string_view name) { return {.name = name, .description = "a text"}; }
constexpr QueryParameter integer(std::string_view name, double min, double max) {
  return {.name = name, .type = ParameterType::integer, .description = "an integer", .minimum = min, .maximum = max};
}
constexpr QueryParameter number(std::string_view name, double min, double max) {
  return {.name = name, .type = ParameterType::number, .description = "a number", .minimum = min, .maximum = max};
}
constexpr QueryParameter list(std::string_view name, std::size_t max_items) {
  return {.name = name, .type = ParameterType::list, .description = "a list", .max_items = max_items};
}

}  // namespace

TEST(QueryReaderTest, DecodesPercentAndPlus) {
  QueryReader reader("q=st%20mary%27s+hospital&state=tx");
  EXPECT_EQ(reader.text(text("q")), "st mary's hospital");
  EXPECT_EQ(reader.text(text("state")), "tx");
  EXPECT_NO_THROW(reader.finish());
}

TEST(QueryReaderTest, CollectsEveryProblemBeforeFailing) {
  QueryReader reader("limit=0&offset=x&extra=1&limit2=");
  reader.integer(integer("limit", 1, 1000));
  reader.integer(integer("offset", 0, 100));
  const auto errors = errors_of(reader);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].name, "limit");
  EXPECT_EQ(errors[0].problem, "must be between 1 and 1000");
  EXPECT_EQ(errors[1].problem, "must be an integer");
  EXPECT_EQ(errors[2].problem, "unknown parameter");
}

TEST(QueryReaderTest, RejectsRepeatedParametersAndInvalidUtf8) {
  QueryReader repeated("state=TX&state=CA");
  repeated.text(text("state"));
  EXPECT_EQ(errors_of(repeated).at(0).problem, "given more than once");
  QueryReader invalid("q=%C3%28");
  EXPECT_EQ(errors_of(invalid).at(0).problem, "not valid UTF-8 text");
}

TEST(QueryReaderTest, NumbersMustBeFiniteAndInRange) {
  QueryReader reader("a=1e400&b=nan&c=12.5");
  EXPECT_FALSE(reader.number(number("a", 0, 100)));
  EXPECT_FALSE(reader.number(number("b", 0, 100)));
  EXPECT_EQ(reader.number(number("c", 0, 100)), 12.5);
  EXPECT_EQ(errors_of(reader).size(), 2u);
}

TEST(QueryReaderTest, ListsSplitOnCommasWithALimit) {
  QueryReader reader("ids=a,b,c&more=1,2,3,4");
  EXPECT_EQ(reader.list(list("ids", 3))->size(), 3u);
  EXPECT_FALSE(reader.list(list("more", 3)));
}

TEST(QueryReaderTest, AMissingRequiredParameterIsNamedWithWhatItTakes) {
  QueryReader reader("b=1");
  constexpr QueryParameter kIds{
      .name = "ids", .type = ParameterType::list, .description = "1 to 3 ids", .max_items = 3, .required = true};
  EXPECT_FALSE(reader.list(kIds));
  EXPECT_TRUE(reader.integer(integer("b", 0, 5)));
  const auto errors = errors_of(reader);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].name, "ids");
  EXPECT_EQ(errors[0].problem, "is required: 1 to 3 ids");
}

TEST(PercentDecodeTest, RejectsTruncatedEscapes) {
  EXPECT_FALSE(percent_decode("abc%4", false));
  EXPECT_FALSE(percent_decode("%", false));
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
}

}  // namespace hci::server
