#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<ZipCentroid>& record_table<ZipCentroid>() {
  static const RecordTable<ZipCentroid> table(
      "zip_centroids",
      {column<&ZipCentroid::zip>("zip"), column<&ZipCentroid::latitude>("latitude"),
       column<&ZipCentroid::longitude>("longitude"), column<&ZipCentroid::city>("city"),
       column<&ZipCentroid::state>("state_code"), column<&ZipCentroid::coord_source>("coord_source"),
       column<&ZipCentroid::county_fips>("county_fips")},
      {"zip"});
  return table;
}

}  // namespace hci::store
