#!/usr/bin/env bash
# The CLI on a synthetic archive of 200 and 2,000 commentaries: cold, no-op and one-change builds
# and `check`, medians, ranges and peak RSS written to BENCHMARKS.md (scripts/bench-archive.mjs).
#   scripts/bench-archive.sh [--sizes 200,2000] [--runs 3] [--no-write]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --locked --release --bin commentary
exec node scripts/bench-archive.mjs "$@"
