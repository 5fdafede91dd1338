#!/usr/bin/env bash
# Fails when a C++ file in the tree does not follow .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core ui tests -name '*.cpp' -o -name '*.h')
if [ -z "$files" ]; then
    exit 0
fi
echo "$files" | xargs clang-format --dry-run --Werror
echo "Formatting: $(echo "$files" | wc -l) files follow .clang-format."
