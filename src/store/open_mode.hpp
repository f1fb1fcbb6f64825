#pragma once
// Whether opening a store may create it.

namespace hci::store {

/// Commands that write data create an SQLite file on first use; commands that only read it, and a running
/// server's probes, must find it there, so a mistyped path or a file removed under a server creates nothing.
enum class OpenMode { create_if_missing, must_exist };

}  // namespace hci::store
