// Fuzzes the JSON body of POST /predict/hospital-rating: parsing (with its nesting guard) and validation
// into the model's inputs. Bad bodies must end in a RequestError (400/415/422), never a crash.

#include "fuzz_input.hpp"
#include "server/rating_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto lookup = [](const std::string& id) -> std::optional<hci::server::KnownHospital> {
    if (id != "450056") return std::nullopt;
    hci::ml::RawRow inputs;
    inputs.categories["hospital_type"] = "Acute Care Hospitals";
    inputs.numbers["beds"] = 100;
    return hci::server::KnownHospital{inputs, "48453"};
  };
  hci::fuzz::expect_only_errors([&] { (void)hci::server::parse_rating_request("application/json", body, lookup); });
  return 0;
}
