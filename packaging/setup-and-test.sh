#!/usr/bin/env bash
# Installs the dependencies, builds the whole tree with warnings as errors and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-dependencies.sh
cmake --preset ci
cmake --build --preset ci
bash packaging/check-format.sh
ctest --preset ci
