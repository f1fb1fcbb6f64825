#pragma once
// A hospital as the API shows it (snake_case fields, documented in /openapi.json).

#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/hospital.hpp"

namespace hci::server {

/// Every top-level field of a hospital object, in the order they are written.
std::span<const std::string_view> hospital_fields();

/// The full JSON object of a hospital.
nlohmann::ordered_json hospital_to_json(const Hospital& hospital);

/// Only the named fields (each one of hospital_fields()), in the order given.
nlohmann::ordered_json hospital_fields_to_json(const Hospital& hospital, std::span<const std::string> fields);

}  // namespace hci::server
