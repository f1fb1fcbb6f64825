#pragma once
// The table of every record type of DatasetRecords; each is defined in its own file beside this one.

#include "core/dataset_records.hpp"
#include "store/tables/record_table.hpp"

namespace hci::store {

template <>
const RecordTable<Hospital>& record_table<Hospital>();
template <>
const RecordTable<ZipCentroid>& record_table<ZipCentroid>();
template <>
const RecordTable<County>& record_table<County>();
template <>
const RecordTable<StateIndicator>& record_table<StateIndicator>();
template <>
const RecordTable<StateUnemployment>& record_table<StateUnemployment>();
template <>
const RecordTable<AreaMeasure>& record_table<AreaMeasure>();
template <>
const RecordTable<MeasureDefinition>& record_table<MeasureDefinition>();
template <>
const RecordTable<CmsFootnote>& record_table<CmsFootnote>();
template <>
const RecordTable<HospitalMeasure>& record_table<HospitalMeasure>();
template <>
const RecordTable<MeasureValue>& record_table<MeasureValue>();
template <>
const RecordTable<MedicaidEnrollment>& record_table<MedicaidEnrollment>();

}  // namespace hci::store
