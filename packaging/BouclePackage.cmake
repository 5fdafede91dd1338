# Boucle's installation beyond the executable (desktop entry, icon, AppStream metainfo, MIME type,
# man page, copyright) and the Debian package made from it by CPack:
#
#   cmake --build --preset release --target package   ->   build/release/boucle_<version>_<arch>.deb
#
# Included from the root CMakeLists.txt after the targets exist. The files themselves live in
# packaging/linux/; tests/packaging checks them and the package.
include(GNUInstallDirs)

set(BOUCLE_APP_ID "org.boucle.boucle")
set(boucle_linux_dir "${CMAKE_CURRENT_LIST_DIR}/linux")

# A double-click on a *.boucle file: the MIME type names the extension, the desktop entry says that
# boucle opens that type (Exec=boucle %f). Debian's shared-mime-info, desktop-file-utils and
# hicolor-icon-theme refresh their caches through dpkg triggers, so the package needs no scripts.
install(FILES "${boucle_linux_dir}/${BOUCLE_APP_ID}.desktop"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${boucle_linux_dir}/${BOUCLE_APP_ID}.svg"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(FILES "${boucle_linux_dir}/${BOUCLE_APP_ID}.metainfo.xml"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${boucle_linux_dir}/${BOUCLE_APP_ID}.mime.xml"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages"
    RENAME "${BOUCLE_APP_ID}.xml")
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/copyright"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/boucle")

# Man pages and changelogs are installed compressed (Debian policy 12.1 and 12.7); -n keeps the
# archive reproducible.
find_program(BOUCLE_GZIP gzip REQUIRED)
set(boucle_compressed_files)
foreach(pair IN ITEMS "linux/boucle.1|boucle.1.gz" "debian/changelog|changelog.gz")
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 source)
    list(GET pair 1 name)
    set(source "${CMAKE_CURRENT_LIST_DIR}/${source}")
    set(output "${CMAKE_BINARY_DIR}/packaging/${name}")
    add_custom_command(OUTPUT "${output}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/packaging"
        COMMAND sh -c "'${BOUCLE_GZIP}' -9 -n -c '${source}' > '${output}'"
        DEPENDS "${source}"
        COMMENT "Compressing ${name}"
        VERBATIM)
    list(APPEND boucle_compressed_files "${output}")
endforeach()
add_custom_target(boucle_compressed_docs ALL DEPENDS ${boucle_compressed_files})
install(FILES "${CMAKE_BINARY_DIR}/packaging/boucle.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${CMAKE_BINARY_DIR}/packaging/changelog.gz"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/boucle")

# The Debian package.
set(BOUCLE_PACKAGE_MAINTAINER "The Boucle developers <maintainers@users.noreply.r-seed-a5df0cbd.example>"
    CACHE STRING "Maintainer field of the Debian package (Name <address>)")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "boucle")
set(CPACK_PACKAGE_VENDOR "The Boucle developers")
set(CPACK_PACKAGE_CONTACT "${BOUCLE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "review flagged model predictions and keep versioned labels")
# The long description, wrapped as Debian's control files want it (lines under 80 characters).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Boucle closes the feedback loop of machine-learning development. Prediction"
    "logs are imported into a project, triggers flag the samples worth a human"
    "look, reviewers approve or correct them from the keyboard, and their"
    "decisions become versioned label revisions with an audit chain."
    "It has a Qt workspace for review and sub-commands for scripts.")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # boucle_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The libraries the executable links are found by dpkg-shlibdeps; the packages below are loaded at
# run time, which it cannot see: Qt's SQLite driver (every project is an SQLite file), the
# platform plugins that show a window, and the SVG plugins that draw the icons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# boucle ocr runs the tesseract program; the demo projects are built from opencv-doc's images;
# Qt's own dialogs are translated by qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "tesseract-ocr, tesseract-ocr-eng, opencv-doc, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3")

# `--target package_source`: the tracked sources, without build trees and editor state.
set(CPACK_SOURCE_GENERATOR "TXZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "boucle-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/\\.git$" "/build/" "/\\.cache/" "/\\.vscode/" "/\\.idea/"
    "\\.user$" "~$")

include(CPack)
