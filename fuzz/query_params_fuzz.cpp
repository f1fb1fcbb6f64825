// Fuzzes the query-string parser and validator: every typed reader on any query string, then finish(),
// which must answer bad input with a RequestError (an hci::Error) and nothing else.

#include "fuzz_input.hpp"
#include "server/pagination.hpp"
#include "server/query_params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  hci::fuzz::expect_only_errors([&] {
    (void)hci::server::percent_decode(query, true);
    hci::server::QueryReader reader(query);
    const std::string_view choices[] = {"state", "county"};
    (void)reader.text("q", 200);
    (void)reader.integer("limit", 1, 1000);
    (void)reader.number("radius_km", 0.001, 5000);
    (void)reader.boolean("emergency");
    (void)reader.choice("level", choices);
    (void)reader.list("fields", 20);
    (void)reader.raw("near");
    (void)hci::server::read_page_request(reader, "0123456789abcdef");
    reader.finish();
  });
  return 0;
}
