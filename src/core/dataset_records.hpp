#pragma once
// The record types of a dataset version, listed once. Sinks, the background writer, the in-memory tables
// and the store's reads and writes are all generated from this list, so a new record type is added here.

#include <bitset>
#include <cstddef>
#include <tuple>
#include <variant>
#include <vector>

#include "core/cms_footnote.hpp"
#include "core/geography.hpp"
#include "core/hospital.hpp"
#include "core/hospital_measure.hpp"
#include "core/indicators.hpp"
#include "core/measure_value.hpp"
#include "core/medicaid_enrollment.hpp"

namespace hci {

/// A list of record types and the shapes generated from it.
template <typename... Records>
struct RecordList {
  /// A borrowed record of any listed type.
  using Ref = std::variant<const Records*...>;
  /// An owned record of any listed type.
  using Value = std::variant<Records...>;
  /// One vector of records per listed type.
  using Tables = std::tuple<std::vector<Records>...>;

  /// Calls `visit.template operator()<Record>()` once per listed type, in list order.
  template <typename Visit>
  static void for_each(Visit&& visit) {
    (visit.template operator()<Records>(), ...);
  }
};

/// Every record type of a dataset version, in the order a stored version is read back.
using DatasetRecords = RecordList<Hospital, ZipCentroid, County, StateIndicator, StateUnemployment, AreaMeasure,
                                  MeasureDefinition, CmsFootnote, HospitalMeasure, MeasureValue, MedicaidEnrollment>;

/// One record of a dataset version, borrowed for the duration of a call.
using RecordRef = DatasetRecords::Ref;

/// A subset of the record types, for reads that need only some of them (the server's snapshot).
class RecordSelection {
 public:
  /// Every record type.
  static RecordSelection all() {
    RecordSelection selection;
    selection.types_.set();
    return selection;
  }
  /// Only the types `Selected...`.
  template <typename... Selected>
  static RecordSelection only() {
    RecordSelection selection;
    (selection.types_.set(index_of<Selected>()), ...);
    return selection;
  }
  /// Whether records of type `Record` are selected.
  template <typename Record>
  bool contains() const {
    return types_.test(index_of<Record>());
  }

 private:
  template <typename Record>
  static constexpr std::size_t index_of() {
    return RecordRef(static_cast<const Record*>(nullptr)).index();
  }
  std::bitset<std::variant_size_v<RecordRef>> types_;
};

}  // namespace hci
