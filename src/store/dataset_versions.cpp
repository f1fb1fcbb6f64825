// Store: dataset versions, their loads, their records and what they were made from.

#include "core/error.hpp"
#include "store/sql/transaction.hpp"
#include "store/store.hpp"
#include "store/tables/record_tables.hpp"

namespace hci::store {

namespace {

constexpr std::string_view kDatasetColumns =
    "id, version, created_at, source_dir, is_current, hospital_count, quarantined_count, summary, quality_report";

DatasetInfo dataset_info(const SqlRow& row) {
  DatasetInfo info;
  info.version = row.string(1);
  info.created_at = row.string(2);
  info.source_dir = row.string(3);
  info.is_current = row.boolean(4);
  info.hospital_count = row.integer(5);
  info.quarantined_count = row.integer(6);
  info.summary_json = row.string(7);
  info.quality_report_json = row.string(8);
  return info;
}

// The cells of the first row joined with ':' (NULL as empty): a marker's text.
std::string joined_row(SqlConnection& connection, std::string_view sql) {
  std::string marker;
  for_each_row(connection, sql, {}, [&](const SqlRow& row) {
    for (int column = 0; column < row.columns(); ++column) {
      if (column > 0) marker += ':';
      marker += row.text(column);
    }
  });
  return marker;
}

}  // namespace

std::unique_ptr<DatasetLoad> Store::begin_load() {
  require_schema();
  return std::make_unique<DatasetLoad>(*connection_, versions_kept);
}

std::vector<SourceFile> Store::sources_of(std::int64_t dataset_id) {
  std::vector<SourceFile> sources;
  for_each_row(
      *connection_,
      "SELECT name, path, sha256, bytes, row_count FROM dataset_sources WHERE dataset_id = ? ORDER BY position",
      {dataset_id}, [&](const SqlRow& row) {
        sources.push_back(SourceFile{row.string(0), row.string(1), row.string(2), row.integer(3), row.integer(4)});
      });
  return sources;
}

std::vector<DatasetInfo> Store::list_datasets() {
  require_schema();
  std::vector<std::pair<std::int64_t, DatasetInfo>> found;
  for_each_row(*connection_, "SELECT " + std::string(kDatasetColumns) + " FROM datasets ORDER BY id DESC", {},
               [&](const SqlRow& row) { found.emplace_back(row.integer(0), dataset_info(row)); });
  std::vector<DatasetInfo> datasets;
  for (auto& [id, info] : found) {
    info.quality_report_json.clear();
    info.sources = sources_of(id);
    datasets.push_back(std::move(info));
  }
  return datasets;
}

std::optional<DatasetInfo> Store::find_dataset(std::string_view version_prefix) {
  require_schema();
  if (!version_prefix.empty() && version_prefix.size() < 4) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' is too short: give at least 4 characters");
  }
  std::vector<std::pair<std::int64_t, DatasetInfo>> found;
  auto keep = [&](const SqlRow& row) { found.emplace_back(row.integer(0), dataset_info(row)); };
  const std::string select = "SELECT " + std::string(kDatasetColumns) + " FROM datasets WHERE ";
  if (version_prefix.empty()) {
    for_each_row(*connection_, select + "is_current", {}, keep);
  } else {
    for_each_row(*connection_, select + "substr(version, 1, ?) = ? LIMIT 2", {version_prefix.size(), version_prefix},
                 keep);
  }
  if (found.empty()) return std::nullopt;
  if (found.size() > 1) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' matches several versions");
  }
  DatasetInfo info = std::move(found.front().second);
  info.sources = sources_of(found.front().first);
  return info;
}

std::int64_t Store::dataset_id_of(std::string_view version) {
  require_schema();
  const auto id = query_integer(*connection_, "SELECT id FROM datasets WHERE version = ?", {version});
  if (!id) throw Error(ErrorCode::not_found, "dataset version " + std::string(version) + " is not stored");
  return *id;
}

std::vector<QuarantinedRow> Store::quarantined_rows(std::string_view version, std::int64_t limit) {
  std::vector<QuarantinedRow> rows;
  for_each_row(*connection_,
               "SELECT source, line, reason, raw_row FROM quarantined_rows WHERE dataset_id = ?"
               " ORDER BY source, line LIMIT ?",
               {dataset_id_of(version), limit}, [&](const SqlRow& row) {
                 rows.push_back(QuarantinedRow{row.string(0), row.integer(1), row.string(2), row.string(3)});
               });
  return rows;
}

void Store::read_dataset(std::string_view version, DatasetSink& sink, const RecordSelection& selected) {
  const std::int64_t dataset_id = dataset_id_of(version);
  Transaction read(*connection_, TransactionKind::consistent_read);  // a concurrent prune cannot cut it in half
  DatasetRecords::for_each([&]<typename Record>() {
    if (!selected.contains<Record>()) return;
    const RecordTable<Record>& table = record_table<Record>();
    Record record;  // refilled row after row, so its strings keep their buffers
    for_each_row(*connection_, table.select_sql(), {dataset_id}, [&](const SqlRow& row) {
      table.assign(record, row);
      sink.add(record);
    });
  });
  read.commit();
}

std::int64_t Store::count_records(std::string_view version, const RecordSelection& selected) {
  const std::int64_t dataset_id = dataset_id_of(version);
  std::int64_t count = 0;
  DatasetRecords::for_each([&]<typename Record>() {
    if (!selected.contains<Record>()) return;
    const std::string sql =
        "SELECT count(*) FROM " + record_table<Record>().description().name + " WHERE dataset_id = ?";
    count += query_integer(*connection_, sql, {dataset_id}).value_or(0);
  });
  return count;
}

void Store::publish(std::string_view version) {
  const std::int64_t dataset_id = dataset_id_of(version);
  Transaction transaction(*connection_);
  make_version_current(*connection_, dataset_id);
  transaction.commit();
}

std::vector<ZipAccess> Store::zip_emergency_access(std::string_view version) {
  return spatial_->zip_emergency_access(*connection_, dataset_id_of(version));
}

std::string Store::change_marker() {
  require_schema();
  return joined_row(*connection_,
                    "SELECT d.version, (SELECT count(*) FROM analysis_results a WHERE a.dataset_id = d.id),"
                    " (SELECT coalesce(max(m.id), 0) FROM models m WHERE m.dataset_id = d.id)"
                    " FROM datasets d WHERE d.is_current");
}

std::string Store::catalog_marker() {
  require_schema();
  return joined_row(*connection_,
                    "SELECT (SELECT count(*) FROM datasets), (SELECT coalesce(max(id), 0) FROM datasets),"
                    " (SELECT coalesce(max(id), 0) FROM datasets WHERE is_current),"
                    " (SELECT coalesce(max(id), 0) FROM pipeline_task_runs),"
                    " coalesce((SELECT id || status FROM pipeline_runs ORDER BY id DESC LIMIT 1), '')");
}

}  // namespace hci::store
