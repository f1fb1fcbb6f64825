// Fuzzes the streaming RFC 4180 reader: any bytes, any quoting, any line ends.

#include "fuzz_input.hpp"
#include "ingest/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = hci::fuzz::input_file(data, size);
  hci::fuzz::expect_only_errors([&] {
    hci::ingest::CsvReader reader(path, "fuzz.csv");
    std::size_t bytes = 0;
    while (reader.next_row()) {
      for (std::size_t i = 0; i < reader.field_count(); ++i) bytes += reader.field(i).size();
      bytes += reader.row_as_csv().size();
    }
    (void)reader.sha256();
    (void)bytes;
  });
  return 0;
}
