#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<County>& record_table<County>() {
  static const RecordTable<County> table(
      "counties",
      {column<&County::fips>("fips"), column<&County::state>("state_code"), column<&County::name>("name"),
       column<&County::urban_rural_2023>("urban_rural_2023"), column<&County::urban_rural_2013>("urban_rural_2013"),
       column<&County::urban_rural_2006>("urban_rural_2006"), column<&County::urban_rural_1990>("urban_rural_1990"),
       column<&County::cbsa_title>("cbsa_title"), column<&County::population>("population")},
      {"fips"});
  return table;
}

}  // namespace hci::store
