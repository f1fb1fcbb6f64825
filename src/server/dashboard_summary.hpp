#pragma once
// The headline figures of the dashboard's overview, computed once per snapshot.

#include <span>

#include <nlohmann/json.hpp>

#include "core/hospital.hpp"
#include "server/state_profile.hpp"

namespace hci::server {

/// Hospitals, states covered, rated share, mean rating, emergency share, top-10 states by count and by
/// mean rating (ties broken by code, stated in the payload), counts by type and ownership, and the
/// rating distribution including "not rated".
nlohmann::ordered_json build_dashboard_summary(std::span<const Hospital> hospitals,
                                               std::span<const StateProfile> states);

}  // namespace hci::server
