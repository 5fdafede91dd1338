#!/usr/bin/env bash
# Installs the dependencies, builds the whole tree with warnings as errors under AddressSanitizer
# and UndefinedBehaviorSanitizer (the `ci` preset), checks the formatting, runs every test, checks
# that the tests left the source tree as they found it, then builds the libFuzzer targets with
# clang and fuzzes each for a bounded time (BOUCLE_FUZZ_SECONDS, default 45 s per target).
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=${BOUCLE_FUZZ_SECONDS:-45}
timings=()
step() {
    local name=$1
    shift
    local start=$SECONDS
    echo "==== $name"
    "$@"
    timings+=("$(printf '%-34s %5d s' "$name" $((SECONDS - start)))")
}

# What the tests must not change: tracked files and untracked files outside build/.
tree_state() {
    git status --porcelain=v1 --untracked-files=all 2>/dev/null || true
}

tests_leave_tree_alone() {
    local before after
    before=$(tree_state)
    ctest --preset ci
    after=$(tree_state)
    if [ "$before" != "$after" ]; then
        echo "The test run changed the source tree (tests must write into temporary folders):" >&2
        diff <(echo "$before") <(echo "$after") >&2 || true
        return 1
    fi
}

step "dependencies" bash packaging/install-dependencies.sh
step "configure (ci: -Werror, ASan+UBSan)" cmake --preset ci
step "build (ci)" cmake --build --preset ci
step "formatting" bash packaging/check-format.sh
step "tests under ASan+UBSan" tests_leave_tree_alone
step "configure (fuzz: clang)" cmake --preset fuzz
step "build (fuzz)" cmake --build --preset fuzz
step "fuzz seeds as regression tests" ctest --preset fuzz
step "fuzzing (${fuzz_seconds} s per target)" bash packaging/run-fuzzers.sh "$fuzz_seconds"

echo "==== time per step"
printf '%s\n' "${timings[@]}"
echo "total ${SECONDS} s"
