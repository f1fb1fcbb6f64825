#pragma once
// What a CMS footnote means: Care Compare files print a footnote code beside a value ("5", "16, 23",
// "a", "*") and explain the codes once, in the Footnote Crosswalk.

#include <string>

namespace hci {

/// One entry of the CMS Footnote Crosswalk.
struct CmsFootnote {
  std::string code;  // "1".."28", or a letter or asterisks for program-specific notes
  std::string text;  // e.g. "The number of cases/patients is too few to report."
};

}  // namespace hci
