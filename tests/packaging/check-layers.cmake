# Checks that the layers of core/ read one way (docs/layers.md):
#   core/records includes only Qt, the standard library and core/records;
#   core/store includes nothing from the layers built on it (core/metrics, core/triggers,
#   core/review, core/interop, core/report, core/loop) nor anything outside core/ (ui, app).
# Usage: cmake -DBOUCLE_SOURCE_DIR=<tree> -P check-layers.cmake
# Prints every include that breaks a rule as FILE:LINE and fails when there is one.

cmake_minimum_required(VERSION 3.25)

if(NOT BOUCLE_SOURCE_DIR)
    message(FATAL_ERROR "check-layers.cmake needs -DBOUCLE_SOURCE_DIR=<source tree>")
endif()
set(core "${BOUCLE_SOURCE_DIR}/core")

# The layers core/store must not include.
set(store_forbidden metrics triggers review interop report loop)

# Includes that break a rule but must stay, each as "FILE|INCLUDE|why" (FILE relative to the
# source tree). None today.
set(exceptions)

set(violations 0)
set(report "")

function(boucle_layer_violation file line include rule)
    foreach(exception IN LISTS exceptions)
        string(REPLACE "|" ";" fields "${exception}")
        list(GET fields 0 allowed_file)
        list(GET fields 1 allowed_include)
        if(allowed_file STREQUAL file AND allowed_include STREQUAL include)
            return()
        endif()
    endforeach()
    math(EXPR count "${violations} + 1")
    set(violations ${count} PARENT_SCOPE)
    set(report "${report}${file}:${line}: includes ${include}: ${rule}\n" PARENT_SCOPE)
endfunction()

# Reads the #include lines of a file as "LINE|<name>" or "LINE|\"name\"".
function(boucle_includes path out)
    file(STRINGS "${path}" lines)
    set(found)
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*([<\"][^>\"]+[>\"])")
            list(APPEND found "${number}|${CMAKE_MATCH_1}")
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The folders directly under core/ (a quoted include "x/y.h" names core/x).
file(GLOB core_entries LIST_DIRECTORIES true RELATIVE "${core}" "${core}/*")
set(core_folders)
foreach(entry IN LISTS core_entries)
    if(IS_DIRECTORY "${core}/${entry}")
        list(APPEND core_folders "${entry}")
    endif()
endforeach()

# core/records: Qt, the standard library and core/records only.
file(GLOB_RECURSE records_files RELATIVE "${BOUCLE_SOURCE_DIR}" "${core}/records/*.h"
     "${core}/records/*.cpp")
foreach(file IN LISTS records_files)
    boucle_includes("${BOUCLE_SOURCE_DIR}/${file}" includes)
    foreach(entry IN LISTS includes)
        string(REPLACE "|" ";" fields "${entry}")
        list(GET fields 0 line)
        list(GET fields 1 include)
        if(include MATCHES "^<(.*)>$")
            set(name "${CMAKE_MATCH_1}")
            # Qt (<QString>, <QtCore/QString>) or a standard header (<vector>, <cstdint>).
            if(NOT name MATCHES "^Qt?[A-Za-z0-9]*(/Q[A-Za-z0-9]*)?$" AND NOT name MATCHES "^[a-z_0-9]+$")
                boucle_layer_violation("${file}" "${line}" "${include}"
                    "core/records includes only Qt and standard headers")
            endif()
        else()
            string(REGEX REPLACE "^\"(.*)\"$" "\\1" name "${include}")
            if(name MATCHES "^records/")
                string(REGEX REPLACE "^records/" "" name "${name}")
            elseif(name MATCHES "/")
                boucle_layer_violation("${file}" "${line}" "${include}"
                    "core/records includes nothing outside core/records")
                continue()
            endif()
            if(NOT EXISTS "${core}/records/${name}")
                boucle_layer_violation("${file}" "${line}" "${include}"
                    "core/records includes nothing outside core/records")
            endif()
        endif()
    endforeach()
endforeach()

# core/store: nothing from the layers above it, nothing outside core/.
file(GLOB_RECURSE store_files RELATIVE "${BOUCLE_SOURCE_DIR}" "${core}/store/*.h"
     "${core}/store/*.cpp")
foreach(file IN LISTS store_files)
    boucle_includes("${BOUCLE_SOURCE_DIR}/${file}" includes)
    foreach(entry IN LISTS includes)
        string(REPLACE "|" ";" fields "${entry}")
        list(GET fields 0 line)
        list(GET fields 1 include)
        # Qt, SQLite, simdjson and the standard library (Widgets headers anywhere in core/ are
        # refused by the check_core_layering target, cmake/CheckCoreLayering.cmake).
        if(NOT include MATCHES "^\"(.*)\"$")
            continue()
        endif()
        set(name "${CMAKE_MATCH_1}")
        if(NOT name MATCHES "/")
            if(NOT EXISTS "${core}/store/${name}")
                boucle_layer_violation("${file}" "${line}" "${include}"
                    "core/store includes only its own files, core/records and core/progress")
            endif()
            continue()
        endif()
        string(REGEX MATCH "^[^/]+" folder "${name}")
        if(folder IN_LIST store_forbidden)
            boucle_layer_violation("${file}" "${line}" "${include}"
                "core/store must not include core/${folder}, a layer built on it")
        elseif(NOT folder IN_LIST core_folders)
            boucle_layer_violation("${file}" "${line}" "${include}"
                "core/store includes nothing outside core/ (ui, app)")
        endif()
    endforeach()
endforeach()

if(violations GREATER 0)
    message("${report}")
    message(FATAL_ERROR "layer rules broken by ${violations} include(s); see docs/layers.md")
endif()
list(LENGTH records_files records_count)
list(LENGTH store_files store_count)
message(STATUS "layers read one way: ${records_count} files in core/records, ${store_count} in core/store")
