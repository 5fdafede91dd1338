#!/usr/bin/env bash
# Installs the dependencies, builds a release and opens Boucle on its demo project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-dependencies.sh
cmake --preset release
cmake --build --preset release --target boucle
exec ./build/release/app/boucle "$@"
