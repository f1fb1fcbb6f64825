#include "server/analysis_view.hpp"

#include "analytics/analysis.hpp"
#include "core/error.hpp"

namespace hci::server {

namespace {

using Documents = std::map<std::string, const AnalysisDocument*, std::less<>>;

const std::string& body_of(const Documents& documents, std::string_view name) {
  auto it = documents.find(name);
  if (it == documents.end()) {
    throw Error(ErrorCode::invalid_input,
                "stored analysis lacks the '" + std::string(name) + "' document: run 'hci analyze' again");
  }
  return it->second->json;
}

template <typename JsonType>
JsonType parse_document(const Documents& documents, std::string_view name) {
  try {
    return JsonType::parse(body_of(documents, name));
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input,
                "stored analysis document '" + std::string(name) + "' is not JSON: " + e.what());
  }
}

}  // namespace

std::unique_ptr<const AnalysisView> AnalysisView::parse(const std::vector<AnalysisDocument>& stored,
                                                        std::span<const Hospital> hospitals) {
  if (stored.empty()) return nullptr;
  Documents documents;
  for (const auto& document : stored) documents[document.name] = &document;
  namespace names = analytics::documents;
  std::unique_ptr<AnalysisView> view(new AnalysisView());
  view->states_ = metric_table_from_json(parse_document<nlohmann::json>(documents, names::kStateTable));
  view->counties_ = metric_table_from_json(parse_document<nlohmann::json>(documents, names::kCountyTable));
  view->benchmarks_ =
      analytics::benchmarks_from_json(parse_document<nlohmann::json>(documents, names::kCountyBenchmarks));
  view->insights_ = parse_document<nlohmann::ordered_json>(documents, names::kInsights);
  view->access_ = parse_document<nlohmann::ordered_json>(documents, names::kAccess);
  view->state_profiles_ = parse_document<nlohmann::ordered_json>(documents, names::kStateProfiles);
  if (documents.contains(names::kMedicaidExpansion)) {
    view->medicaid_expansion_ = body_of(documents, names::kMedicaidExpansion);
  }
  for (const char* level : {"state", "county"}) {
    for (const char* method : {"pearson", "spearman"}) {
      const std::string name = names::correlations(level, method);
      view->correlations_[name] = body_of(documents, name);
    }
  }
  for (const auto& h : hospitals) {
    if (h.county_fips) view->county_hospitals_[*h.county_fips].push_back(h.id);
  }
  return view;
}

const std::string* AnalysisView::correlations(std::string_view level, std::string_view method) const {
  auto it = correlations_.find(analytics::documents::correlations(level, method));
  return it == correlations_.end() ? nullptr : &it->second;
}

const nlohmann::ordered_json* AnalysisView::state_profile(std::string_view code) const {
  auto it = state_profiles_.find(std::string(code));
  return it == state_profiles_.end() ? nullptr : &*it;
}

std::span<const std::string> AnalysisView::hospitals_in_county(std::string_view fips) const {
  auto it = county_hospitals_.find(fips);
  if (it == county_hospitals_.end()) return {};
  return it->second;
}

}  // namespace hci::server
