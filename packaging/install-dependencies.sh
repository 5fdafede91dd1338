#!/usr/bin/env bash
# Installs every Debian 12 package that Boucle's build, tests, benchmarks and demo need.
# Idempotent: packages already present are left as they are.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config clang-format git ccache
    # fuzzing: clang with libFuzzer and the sanitizer run-times (tests/fuzz, the fuzz preset)
    clang libclang-rt-14-dev
    # Qt 6 (Widgets, Sql, Charts, Concurrent, Test, LinguistTools)
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev
    qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    qt6-translations-l10n
    libgl-dev libvulkan-dev qt6-qpa-plugins
    # imaging and machine learning
    libopencv-dev opencv-doc
    # DICOM (CT, MR, X-ray samples): DCMTK with its JPEG, JPEG-LS and RLE codecs and its data
    # dictionary (libdcmtk17, pulled in by libdcmtk-dev)
    libdcmtk-dev
    # storage and fast JSON
    libsqlite3-dev sqlite3 libsimdjson-dev
    # SHA-256 with the CPU's SHA extensions (the audit seals of imported rows, file hashes)
    libssl-dev
    # team projects on a PostgreSQL server: Qt's driver, libpq's headers (COPY for bulk imports),
    # and the server the tests start and stop
    libqt6sql6-psql libpq-dev postgresql
    # documents (PDF rendering, OCR)
    libpoppler-qt6-dev tesseract-ocr tesseract-ocr-eng
    # running the GUI without a display (tests, screenshots)
    xvfb xauth fonts-dejavu-core
    # the Debian package and its checks (tests/packaging): dpkg-shlibdeps, desktop-file-validate,
    # appstreamcli, update-mime-database, gio
    dpkg-dev desktop-file-utils appstream shared-mime-info libglib2.0-bin
    # run-time plugins the package depends on (SVG icons)
    libqt6svg6
    # benchmark peers (dcmtk: dcmj2pnm for bench_dicom)
    python3 python3-numpy python3-sklearn dcmtk
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "All ${#packages[@]} packages are installed."
    exit 0
fi

echo "Installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
