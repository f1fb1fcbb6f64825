#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<CmsFootnote>& record_table<CmsFootnote>() {
  static const RecordTable<CmsFootnote> table(
      "cms_footnotes", {column<&CmsFootnote::code>("code"), column<&CmsFootnote::text>("text")}, {"code"});
  return table;
}

}  // namespace hci::store
