// Fuzzes the query-string parser and validator: every typed reader on any query string, then finish(),
// which must answer bad input with a RequestError (an hci::Error) and nothing else.

#include "fuzz_input.hpp"
#include "server/pagination.hpp"
#include "server/query_params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  hci::fuzz::expect_only_errors([&] {
    (void)hci::server::percent_decode(query, true);
    using hci::server::ParameterType;
    using hci::server::QueryParameter;
    hci::server::QueryReader reader(query);
    static constexpr std::string_view choices[] = {"state", "county"};
    (void)reader.text(QueryParameter{.name = "q"});
    (void)reader.integer(QueryParameter{.name = "k", .type = ParameterType::integer, .minimum = 1, .maximum = 100});
    (void)reader.number(
        QueryParameter{.name = "radius_km", .type = ParameterType::number, .minimum = 0.001, .maximum = 5000});
    (void)reader.boolean(QueryParameter{.name = "emergency", .type = ParameterType::boolean});
    (void)reader.choice(QueryParameter{.name = "level", .type = ParameterType::choice, .choices = choices});
    (void)reader.list(QueryParameter{.name = "fields", .type = ParameterType::list, .max_items = 20, .required = true});
    (void)reader.raw(QueryParameter{.name = "near", .max_length = 60});
    (void)hci::server::read_page_request(reader, "0123456789abcdef");
    reader.finish();
  });
  return 0;
}
