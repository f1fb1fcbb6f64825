#include "ingest/windows1252.hpp"

#include <array>
#include <cstdint>

namespace hci::ingest {

namespace {

constexpr char32_t kUndefined = 0xFFFD;

// The code points of bytes 0x80..0x9F, where Windows-1252 differs from Latin-1.
constexpr std::array<char32_t, 32> kHighControls{
    0x20AC, kUndefined, 0x201A,     0x0192, 0x201E,     0x2026,     0x2020, 0x2021,     0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152,     kUndefined, 0x017D, kUndefined, kUndefined, 0x2018, 0x2019,     0x201C, 0x201D, 0x2022,
    0x2013, 0x2014,     0x02DC,     0x2122, 0x0161,     0x203A,     0x0153, kUndefined, 0x017E, 0x0178};

void append_utf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace

void append_windows1252_as_utf8(unsigned char byte, std::string& out) {
  const bool high_control = byte >= 0x80 && byte < 0xA0;
  append_utf8(high_control ? kHighControls[byte - 0x80] : static_cast<char32_t>(byte), out);
}

}  // namespace hci::ingest
