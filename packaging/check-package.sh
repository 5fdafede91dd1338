#!/usr/bin/env bash
# Makes the Debian package of a built tree with CPack, unpacks it into a temporary root with
# dpkg -x and checks it as a user would find it: the files are where the desktop looks for them,
# the control fields name the runtime packages, the unpacked boucle runs, and a *.boucle file is
# recognised as a project that boucle opens. Writes only into a temporary folder.
#
#   packaging/check-package.sh CPACK BUILD_DIR VERSION
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 CPACK BUILD_DIR VERSION" >&2
    exit 2
fi
cpack=$1
build=$2
version=$3
app_id=org.boucle.boucle

work=$(mktemp -d "${TMPDIR:-/tmp}/boucle-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# gzip instead of xz: the test's package holds an unoptimised binary and only has to be unpacked.
start=$SECONDS
if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" \
    -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack could not make the package" >&2
    exit 1
fi
shopt -s nullglob
debs=("$work/out/boucle_${version}_"*.deb)
if [ ${#debs[@]} -ne 1 ]; then
    echo "FAIL: expected one boucle_${version}_<arch>.deb, cpack made:" >&2
    ls -l "$work/out" >&2
    exit 1
fi
deb=${debs[0]}
echo "made $(basename "$deb") ($(($(stat -c %s "$deb") / 1024)) KiB) in $((SECONDS - start)) s"

# The control fields.
dpkg-deb -f "$deb" | grep -v '^ ' # the fields, without the long description
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = boucle ] || fail "Package is '$(field Package)', not boucle"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] \
    || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)', not science"
# What dpkg-shlibdeps finds in the executable (the names carry the library's ABI: libopencv-core406,
# libpoppler-qt6-3), and what it loads at run time.
depends=$(field Depends)
mapfile -t depended < <(tr ',|' '\n\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//' | sed '/^$/d')
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6concurrent6 libqt6charts6 \
    libpoppler-qt6 libopencv-core libopencv-imgproc libopencv-imgcodecs libopencv-ml libsqlite3 \
    libsimdjson libc6 libstdc++6 libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6; do
    pattern="^${package//+/\\+}([0-9][0-9.]*|-[0-9]+)?\$"
    found=0
    for name in "${depended[@]}"; do
        if [[ $name =~ $pattern ]]; then
            found=1
        fi
    done
    [ "$found" -eq 1 ] || fail "Depends lacks $package: $depends"
done
grep -q tesseract-ocr <<<"$(field Recommends)" || fail "Recommends lacks tesseract-ocr"

# The files, unpacked as dpkg would install them.
root=$work/root
dpkg -x "$deb" "$root"
for file in usr/bin/boucle \
    "usr/share/applications/$app_id.desktop" \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "usr/share/metainfo/$app_id.metainfo.xml" \
    "usr/share/mime/packages/$app_id.xml" \
    usr/share/man/man1/boucle.1.gz \
    usr/share/doc/boucle/copyright \
    usr/share/doc/boucle/changelog.gz; do
    [ -f "$root/$file" ] || fail "the package has no /$file"
done
[ -x "$root/usr/bin/boucle" ] || fail "/usr/bin/boucle is not executable"
# The hand-written man page and changelog name the version being packaged.
if [ -f "$root/usr/share/man/man1/boucle.1.gz" ]; then
    gzip -dc "$root/usr/share/man/man1/boucle.1.gz" | grep -q "^\.TH BOUCLE 1 .*\"Boucle $version\"" \
        || fail "boucle.1.gz is not the man page of Boucle $version (packaging/linux/boucle.1)"
fi
if [ -f "$root/usr/share/doc/boucle/changelog.gz" ]; then
    gzip -dc "$root/usr/share/doc/boucle/changelog.gz" | head -1 | grep -q "^boucle ($version) " \
        || fail "changelog.gz does not start with version $version (packaging/debian/changelog)"
fi
grep -q "^Exec=boucle %f$" "$root/usr/share/applications/$app_id.desktop" \
    || fail "the desktop entry does not run 'boucle %f'"

# The metainfo, the desktop entry and the icon agree with each other as installed.
appstreamcli validate-tree --no-net --strict --pedantic "$root" >"$work/tree.log" 2>&1 \
    || fail "appstreamcli validate-tree: $(cat "$work/tree.log")"

# The unpacked executable runs.
if output=$("$root/usr/bin/boucle" --version 2>&1); then
    echo "$output"
    [ "$output" = "boucle $version" ] || fail "boucle --version printed '$output'"
else
    fail "boucle --version failed: $output"
fi

# A double-click: with the package's MIME type and desktop entry added to the system's, a project
# made by the unpacked boucle is an application/x-boucle-project, and boucle is registered for it.
project=$work/home/pets.boucle
mkdir -p "$work/home"
"$root/usr/bin/boucle" init "$project" --data-root "$work/home" >"$work/init.log" 2>&1 \
    || fail "boucle init failed: $(cat "$work/init.log")"
# As installed: /usr/bin is on the PATH (the desktop entry's TryExec looks for boucle there).
export PATH=$root/usr/bin:$PATH
export XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
export XDG_DATA_DIRS=$root/usr/share:/usr/share
update-mime-database "$root/usr/share/mime"
update-desktop-database "$root/usr/share/applications"
type=$(gio info -a standard::content-type "$project" | sed -n 's/^ *standard::content-type: //p')
[ "$type" = application/x-boucle-project ] || fail "$project is '$type', not application/x-boucle-project"
handlers=$(gio mime application/x-boucle-project 2>&1)
grep -q "$app_id.desktop" <<<"$handlers" \
    || fail "no application is registered for application/x-boucle-project: $handlers"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "The package installs boucle, its desktop entry, icon, metainfo, MIME type and man page."
