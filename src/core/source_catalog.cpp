#include "core/source_catalog.hpp"

#include <array>

namespace hci {

namespace {

constexpr std::array kCatalog{
    SourceProvenance{"county_boundaries", "US Census Bureau (cartographic boundary file, via npm us-atlas 3.0.1)",
                     "County boundaries, 1:10,000,000", "2017 edition"},
    SourceProvenance{"zip_centroids", "US Census Bureau (ZCTA internal points); USPS-based list for non-ZCTA ZIPs",
                     "ZIP code centroids", "2021 Census Gazetteer ZCTA file"},
    SourceProvenance{"urban_rural_codes", "CDC National Center for Health Statistics",
                     "NCHS Urban-Rural Classification Scheme for Counties", "2023 (with 2013, 2006, 1990 schemes)"},
    SourceProvenance{"chr_measure_dictionary", "University of Wisconsin Population Health Institute",
                     "County Health Rankings & Roadmaps measure dictionary", "2025 release"},
    SourceProvenance{"chr_county_measures", "University of Wisconsin Population Health Institute",
                     "County Health Rankings & Roadmaps county measures", "2025 release (mortality: 2026)"},
    SourceProvenance{"chr_state_measures", "University of Wisconsin Population Health Institute",
                     "County Health Rankings & Roadmaps state and US rows", "2025 release (mortality: 2026)"},
    SourceProvenance{"state_indicators", "US Census Bureau, CMS, CDC, KFF and others (per indicator)",
                     "State x year indicator panel", "1991-2026, per indicator (docs/data.md)"},
    SourceProvenance{"state_unemployment", "US Bureau of Labor Statistics (LAUS, via FRED)",
                     "State unemployment rate, monthly, seasonally adjusted", "2000-01 to 2026-06"},
    SourceProvenance{"medicaid_enrollment", "Centers for Medicare & Medicaid Services (data.medicaid.gov)",
                     "State Medicaid and CHIP Applications, Eligibility Determinations, and Enrollment Data",
                     "2013-09 baseline, 2017-06 to 2025-05 (downloaded 2025-09-05)"},
    SourceProvenance{"nchs_infant_mortality", "CDC National Center for Health Statistics",
                     "Stats of the States: infant mortality by state", "2005, 2014-2023"},
    SourceProvenance{"nchs_leading_causes_of_death", "CDC National Center for Health Statistics",
                     "Leading Causes of Death: United States (data.cdc.gov bi63-dtpu)", "1999-2017"},
    SourceProvenance{"hifld_hospitals", "US Department of Homeland Security, HIFLD Open Data", "Hospitals",
                     "2017 copy (records mostly 2012-2015)"},
    SourceProvenance{"cms_hospitals", "Centers for Medicare & Medicaid Services",
                     "Care Compare: Hospital General Information", "release bundled in data/snapshot"},
    SourceProvenance{"cms_footnotes", "Centers for Medicare & Medicaid Services", "Care Compare: Footnote Crosswalk",
                     "July 2024 hospitals archive (updated 2024-07-31)"},
    SourceProvenance{"cms_readmissions", "Centers for Medicare & Medicaid Services",
                     "Hospital Readmissions Reduction Program (HRRP), hospital", "FY2025 (discharges 07/2020-06/2023)"},
    SourceProvenance{"cms_spending", "Centers for Medicare & Medicaid Services",
                     "Medicare Spending Per Beneficiary (MSPB-1), hospital", "episodes of CY2023"},
    SourceProvenance{"cms_patient_survey", "Centers for Medicare & Medicaid Services",
                     "Patient survey (HCAHPS), hospital", "surveys of 10/2023-09/2024"},
    SourceProvenance{"medicare_inpatient", "Centers for Medicare & Medicaid Services",
                     "Medicare Inpatient Hospitals - by Provider", "data year 2023"},
    SourceProvenance{"cms_hac", "Centers for Medicare & Medicaid Services",
                     "Hospital-Acquired Condition Reduction Program, hospital", "FY2024 (July 2024 archive)"},
    SourceProvenance{"cms_vbp_clinical_outcomes", "Centers for Medicare & Medicaid Services",
                     "Hospital Value-Based Purchasing: clinical outcomes domain", "FY2024 (July 2024 archive)"},
    SourceProvenance{"cms_vbp_safety", "Centers for Medicare & Medicaid Services",
                     "Hospital Value-Based Purchasing: safety domain", "FY2024 (July 2024 archive)"},
    SourceProvenance{"cms_vbp_engagement", "Centers for Medicare & Medicaid Services",
                     "Hospital Value-Based Purchasing: person and community engagement domain",
                     "FY2024 (July 2024 archive)"},
    SourceProvenance{"cms_vbp_efficiency", "Centers for Medicare & Medicaid Services",
                     "Hospital Value-Based Purchasing: efficiency and cost reduction domain",
                     "FY2024 (July 2024 archive)"},
    SourceProvenance{"cms_vbp_total_performance", "Centers for Medicare & Medicaid Services",
                     "Hospital Value-Based Purchasing: domain and Total Performance Scores",
                     "FY2024 (July 2024 archive)"},
};

}  // namespace

std::span<const SourceProvenance> source_catalog() { return kCatalog; }

std::optional<SourceProvenance> find_source_provenance(std::string_view name) {
  for (const auto& source : kCatalog) {
    if (source.name == name) return source;
  }
  return std::nullopt;
}

}  // namespace hci
