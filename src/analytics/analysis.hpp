#pragma once
// Everything `hci analyze` computes for one dataset version, as the named documents the store keeps.

#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/dataset_tables.hpp"
#include "core/geography.hpp"

namespace hci::analytics {

/// The names of the stored documents, shared by the writer (`hci analyze`) and the readers (the server).
namespace documents {
inline constexpr const char* kStateTable = "state_table";
inline constexpr const char* kCountyTable = "county_table";
inline constexpr const char* kCountyBenchmarks = "county_benchmarks";
inline constexpr const char* kStateProfiles = "state_profiles";
inline constexpr const char* kInsights = "insights";
inline constexpr const char* kAccess = "access";
inline constexpr const char* kMedicaidExpansion = "medicaid_expansion";
/// "correlations_<level>_<method>", e.g. correlations_state_pearson.
std::string correlations(std::string_view level, std::string_view method);
}  // namespace documents

/// Runs every analysis on a dataset version: state and county tables, county benchmarks, state profiles
/// with ranks on every metric, Pearson and Spearman matrices at both levels, insights, and access to
/// emergency care (`access` from Store::zip_emergency_access) and the Medicaid expansion analysis.
std::vector<AnalysisDocument> run_analysis(const DatasetTables& tables, std::span<const ZipAccess> access);

}  // namespace hci::analytics
