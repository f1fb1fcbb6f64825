#pragma once
// Windows-1252 (the superset of Latin-1 that US agencies' exports are written in) decoded to UTF-8, for
// repairing the few names in CMS files that are not valid UTF-8.

#include <string>

namespace hci::ingest {

/// Appends the UTF-8 encoding of the Windows-1252 byte `byte` to `out` (0x96 becomes "–", 0xE9 "é"); the
/// five bytes Windows-1252 leaves undefined become U+FFFD.
void append_windows1252_as_utf8(unsigned char byte, std::string& out);

}  // namespace hci::ingest
