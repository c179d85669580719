#!/usr/bin/env bash
# The benchmark: the widget against the article as static HTML with littlefoot and Shariff (what a
# partner would use instead), both measured in one run; writes BENCHMARKS.md. A few minutes.
#   scripts/bench.sh [--runs 5] [--lighthouse-runs 5] [--memory-runs 3] [--no-lighthouse]
# Arguments go to scripts/bench.mjs. Its npm packages (littlefoot, Shariff, Lighthouse 12.2.3)
# live in bench/package-lock.json, apart from the test command's install.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
started=$(date +%s)
log() { printf '\033[1mbench:\033[0m %s\n' "$*"; }

scripts/setup.sh

if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  log "installing the bench's Node packages (bench/package-lock.json)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -f dist/commentary-embed.js ] || [ ! -f build/content/2026-36.json ]; then
  log "no build yet: building the widget and the documents"
  scripts/build.sh
fi

node scripts/bench.mjs "$@"
log "total $(( $(date +%s) - started )) s"
