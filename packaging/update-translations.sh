#!/usr/bin/env bash
# Refreshes translations/boucle_*.ts from the sources in app/, ui/ and core/ with Qt 6's lupdate.
# New messages arrive unfinished, vanished ones are dropped, existing translations are kept;
# only the .ts files are written. Safe to run again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" \
        "$(command -v lupdate || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ]; then
    echo "update-translations: Qt 6 lupdate not found (install qt6-l10n-tools, or set LUPDATE)" >&2
    exit 1
fi

shopt -s nullglob
ts_files=(translations/boucle_*.ts)
if [ ${#ts_files[@]} -eq 0 ]; then
    echo "update-translations: no translations/boucle_*.ts file" >&2
    exit 1
fi

"$lupdate" -silent -no-obsolete -locations relative -extensions cpp,h \
    app ui core -ts "${ts_files[@]}"

for ts in "${ts_files[@]}"; do
    total=$(grep -c '<message' "$ts" || true)
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: $total messages, $unfinished unfinished"
done
