# hci_share_precompiled_header(DIRECTORY): every executable and library defined in DIRECTORY and below reuses
# hci_core's compiled precompiled header instead of compiling its own copy of the same headers (24 copies
# were an eighth of each sanitizer build). Call it once, after every add_subdirectory.
function(hci_share_precompiled_header directory)
  get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT target STREQUAL "hci_core" AND type MATCHES "^(EXECUTABLE|STATIC_LIBRARY)$")
      target_precompile_headers(${target} REUSE_FROM hci_core)
    endif()
  endforeach()
  get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    hci_share_precompiled_header(${subdirectory})
  endforeach()
endfunction()
