#!/usr/bin/env bash
# README command 2: set everything up and run every test. `.ci/run` calls this and nothing else.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "set-up"
scripts/setup.sh

step "format and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests: domain, content compiler, CLI"
cargo test --locked

step "browser tests: wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web

step "build: widget (trunk --release) and documents (commentary build)"
# Contract §3: after the set-up, `trunk build --release` alone builds dist/ in a new shell (no
# scripts/env.sh, a login shell's PATH). First: Trunk replaces dist/ whole, and scripts/build.sh
# adds dist/sri.json after its own Trunk run.
env -i HOME="$HOME" PATH="$HOME/.cargo/bin:/usr/local/bin:/usr/bin:/bin" TERM=dumb \
  bash -c 'cd "$1" && trunk build --release' _ "$ROOT"
scripts/build.sh

step "end-to-end tests: the public script tag in Chromium"
node --test --test-concurrency=1 tests/e2e/

step "end-to-end tests: the same scenarios in Chromium, Firefox ESR and WebKitGTK (WebDriver)"
node --test --test-concurrency=1 tests/engines/

step "sizes"
scripts/size-report.sh

step "all tests passed"
