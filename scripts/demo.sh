#!/usr/bin/env bash
# README command 1: set everything up, build, and serve the demo partner page on
# http://127.0.0.1:8080 (the widget under /embed/, compiled documents under /c/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --host 127.0.0.1 --port "${PORT:-8080}"
