#pragma once
// Links CMS hospitals to HIFLD records by normalised name + ZIP, then name + city, to give bed counts.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/hospital.hpp"
#include "ingest/hifld_hospitals.hpp"

namespace hci::ingest {

/// How a hospital was (or was not) linked.
enum class LinkOutcome { by_name_zip, by_name_city, ambiguous, unmatched };

/// Matches hospitals to HIFLD records. Names are compared after normalisation (case, punctuation,
/// common abbreviations such as HSPTL/HOSPITAL, ST/SAINT, CTR/CENTER). A key shared by HIFLD records
/// with different bed counts is ambiguous and gives no beds: beds are never guessed.
class HospitalLinker {
 public:
  /// Indexes the HIFLD records (open ones win over closed ones on the same key).
  explicit HospitalLinker(const std::vector<HifldHospital>& records);
  /// Sets `hospital.beds` and `hospital.hifld_id` when a unique match exists; says how it went.
  LinkOutcome link(Hospital& hospital) const;

  /// The matching key of a hospital name (exposed for tests).
  static std::string name_key(std::string_view name);

 private:
  // What a key resolves to; copied so the linker does not depend on the records' lifetime.
  struct Candidate {
    std::string id;
    std::optional<int> beds;
    bool open = true;
    bool ambiguous = false;
  };
  static void insert(std::unordered_map<std::string, Candidate>& index, const std::string& key,
                     const HifldHospital& record);
  std::unordered_map<std::string, Candidate> by_name_zip_;
  std::unordered_map<std::string, Candidate> by_name_city_;
};

}  // namespace hci::ingest
