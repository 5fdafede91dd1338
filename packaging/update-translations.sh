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

log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$lupdate" -silent -no-obsolete -locations relative -extensions cpp,h \
    app ui core -ts "${ts_files[@]}" 2>"$log"
cat "$log" >&2
# lupdate files a tr() outside a Q_OBJECT or Q_DECLARE_TR_FUNCTIONS class under a context guessed
# from the enclosing scope, which is not the one looked up at run time: such strings would never
# show translated. Outside QObject classes, write QCoreApplication::translate("Boucle::Class", ...).
if grep -qE 'lacks Q_OBJECT|unknown namespace/class' "$log"; then
    echo "update-translations: the tr() calls above are filed under guessed contexts; use" \
        "QCoreApplication::translate(\"Boucle::Class\", ...) there" >&2
fi

for ts in "${ts_files[@]}"; do
    total=$(grep -c '<message' "$ts" || true)
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: $total messages, $unfinished unfinished"
done
