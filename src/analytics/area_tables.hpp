#pragma once
// The state and county metric tables built from one dataset version.

#include "core/dataset_tables.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// One row per state, DC and territory that has hospitals, panel values or CHR values: hospital statistics
/// (count, per 100k, rated share, mean and median rating, 4-5 star share, emergency and critical-access
/// shares), the latest year of each panel indicator, the latest full year of unemployment, and every
/// County Health Rankings state measure, and the headline hospital measures (measure_metrics.hpp). Rows
/// ordered by USPS code.
MetricTable build_state_table(const DatasetTables& tables);

/// One row per county with County Health Rankings values: every CHR measure (in display units), the
/// NCHS 2023 urban-rural code, the hospitals in the county from the CMS list (count and per 100k) and the
/// headline measures of those hospitals. Rows ordered by FIPS.
MetricTable build_county_table(const DatasetTables& tables);

}  // namespace hci::analytics
