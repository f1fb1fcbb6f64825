#pragma once
// What the hospital detail says of a hospital's measures: a summary per measure group and its Medicare
// inpatient figures, built from the MeasureView.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "server/measure_view.hpp"

namespace hci::server {

/// Per measure group of hospital `hospital`: measures reported, with a value, and the median percentile of
/// its values where higher means better for the patient (direction-aware; neutral measures left out).
nlohmann::ordered_json measure_group_summary_json(const MeasureView& view, std::size_t hospital);

/// The hospital's Medicare inpatient figures {year, discharges, total_payment, medicare_payment,
/// medicare_payment_per_discharge, beneficiaries, average_risk_score}, or null when the file has no row for it.
nlohmann::ordered_json medicare_inpatient_json(const MeasureView& view, std::size_t hospital);

}  // namespace hci::server
