#!/usr/bin/env bash
# Fuzzes every libFuzzer target of tests/fuzz for a bounded time, two at a time (one per core),
# starting from the seed corpora in tests/fuzz/corpus. Fails when any target finds a crash, a
# leak, undefined behaviour, a time-out or runs out of memory; the input that did it is kept in
# build/fuzz/fuzz-run/<target>/artifacts/ (add it to tests/fuzz/corpus/<target>/ once fixed, so
# that it stays a regression test). New inputs go to build/fuzz/fuzz-run, never to the tree.
#
#   packaging/run-fuzzers.sh [SECONDS_PER_TARGET]     (default 45; needs `cmake --build --preset fuzz`)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-45}
jobs=${BOUCLE_FUZZ_JOBS:-2}
build=build/fuzz
list=$build/fuzzers.txt
work=$build/fuzz-run
if [ ! -f "$list" ]; then
    echo "run-fuzzers: $list not found; run 'cmake --preset fuzz && cmake --build --preset fuzz'" >&2
    exit 1
fi
rm -rf "$work"
mkdir -p "$work"

run_one() {
    local name=$1 dictionary=$2
    local binary=$build/tests/fuzz/fuzz_$name
    local dir=$work/$name
    mkdir -p "$dir/corpus" "$dir/artifacts"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/")
    if [ -n "$dictionary" ]; then
        options+=(-dict="tests/fuzz/dictionaries/$dictionary.dict")
    fi
    local status=0
    "$binary" "${options[@]}" "$dir/corpus" "tests/fuzz/corpus/$name" >"$dir/log" 2>&1 || status=$?
    echo "$status" >"$dir/status"
}

names=()
while IFS='|' read -r name dictionary; do
    [ -n "$name" ] || continue
    names+=("$name")
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
    done
    run_one "$name" "$dictionary" &
done <"$list"
wait

failed=0
printf '%-28s %8s %10s %8s %s\n' target runs execs/s corpus result
for name in "${names[@]}"; do
    dir=$work/$name
    status=$(cat "$dir/status" 2>/dev/null || echo 1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    corpus=$(find "$dir/corpus" -type f | wc -l)
    findings=$(find "$dir/artifacts" -type f | wc -l)
    if [ "$status" -eq 0 ] && [ "$findings" -eq 0 ]; then
        result="no finding"
    else
        result="FAILED (exit $status, $findings inputs kept)"
        failed=1
    fi
    printf '%-28s %8s %10s %8s %s\n' "$name" "${runs:-?}" "${speed:-?}" "$corpus" "$result"
done

if [ "$failed" -ne 0 ]; then
    for name in "${names[@]}"; do
        dir=$work/$name
        if [ "$(cat "$dir/status" 2>/dev/null || echo 1)" -ne 0 ] \
            || [ -n "$(find "$dir/artifacts" -type f)" ]; then
            echo "---- fuzz_$name (log: $dir/log)" >&2
            grep -E -A40 '^==[0-9]+==|runtime error|^fuzz_|SUMMARY|Test unit written' "$dir/log" \
                | head -80 >&2 || tail -40 "$dir/log" >&2
            echo "reproduce: $build/tests/fuzz/fuzz_$name $dir/artifacts/<file>" >&2
        fi
    done
    exit 1
fi
echo "Fuzzing: ${#names[@]} targets, ${seconds} s each, no finding."
