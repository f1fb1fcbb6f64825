#include "ingest/hospital_linker.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace hci::ingest {

namespace {

// Word spellings that differ between CMS and HIFLD, mapped to one canonical form ("" drops the word).
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kCanonicalWords{{
    {"HOSPITAL", "HOSP"},  {"HSPTL", "HOSP"},   {"HOSPITALS", "HOSP"},
    {"MEDICAL", "MED"},    {"CENTER", "CTR"},   {"CENTRE", "CTR"},
    {"SAINT", "ST"},       {"REGIONAL", "REG"}, {"REGL", "REG"},
    {"MEMORIAL", "MEM"},   {"MEML", "MEM"},     {"COUNTY", "CO"},
    {"CNTY", "CO"},        {"HEALTH", "HLTH"},  {"SYSTEM", "SYS"},
    {"COMMUNITY", "COMM"}, {"CMNTY", "COMM"},   {"UNIVERSITY", "UNIV"},
    {"MOUNT", "MT"},       {"THE", ""},         {"AND", ""},
    {"INC", ""},           {"LLC", ""},         {"OF", ""},
    {"CAMPUS", ""},        {"FORT", "FT"},
}};

std::string_view canonical(std::string_view word) {
  for (const auto& [from, to] : kCanonicalWords) {
    if (word == from) return to;
  }
  return word;
}

}  // namespace

std::string HospitalLinker::name_key(std::string_view name) {
  const std::string normalized = normalize_name_key(name);  // words separated by single spaces
  std::string key;
  key.reserve(normalized.size());
  for (size_t begin = 0; begin < normalized.size();) {
    size_t end = normalized.find(' ', begin);
    if (end == std::string::npos) end = normalized.size();
    std::string_view form = canonical(std::string_view(normalized).substr(begin, end - begin));
    if (!form.empty()) {
      if (!key.empty()) key.push_back(' ');
      key.append(form);
    }
    begin = end + 1;
  }
  return key;
}

void HospitalLinker::insert(std::unordered_map<std::string, Candidate>& index, const std::string& key,
                            const HifldHospital& record) {
  Candidate candidate{record.id, record.beds, record.open, false};
  auto [it, inserted] = index.try_emplace(key, candidate);
  if (inserted) return;
  Candidate& existing = it->second;
  if (existing.open != record.open) {
    if (record.open) existing = candidate;  // an open record beats a closed one
    return;
  }
  if (existing.beds != record.beds) existing.ambiguous = true;
}

HospitalLinker::HospitalLinker(const std::vector<HifldHospital>& records) {
  for (const auto& record : records) {
    std::string key = name_key(record.name);
    insert(by_name_zip_, key + '|' + record.zip, record);
    insert(by_name_city_, key + '|' + normalize_name_key(record.city) + '|' + record.state, record);
  }
}

LinkOutcome HospitalLinker::link(Hospital& hospital) const {
  std::string key = name_key(hospital.name);
  auto accept = [&](const Candidate& candidate, LinkOutcome outcome) {
    if (candidate.ambiguous) return LinkOutcome::ambiguous;
    hospital.beds = candidate.beds;
    hospital.hifld_id = candidate.id;
    return outcome;
  };
  if (auto it = by_name_zip_.find(key + '|' + hospital.zip); it != by_name_zip_.end()) {
    return accept(it->second, LinkOutcome::by_name_zip);
  }
  auto city_key = key + '|' + normalize_name_key(hospital.city) + '|' + hospital.state;
  if (auto it = by_name_city_.find(city_key); it != by_name_city_.end()) {
    return accept(it->second, LinkOutcome::by_name_city);
  }
  return LinkOutcome::unmatched;
}

}  // namespace hci::ingest
