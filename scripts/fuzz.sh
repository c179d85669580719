#!/usr/bin/env bash
# Fuzzes the content compiler and the widget's document decoding with libFuzzer (cargo fuzz).
#
#   scripts/fuzz.sh [compile|decode|all] [seconds per target, default 120]
#
# Needs nightly Rust (cargo fuzz passes -Z flags to rustc) and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Not part of scripts/test.sh: CI replays the committed seed corpus instead, on stable
# (tests/fuzz_corpus.rs). New inputs go to fuzz/work/<target>/ (not committed); a crash is
# written to fuzz/artifacts/<target>/ and reproduced with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# An input worth keeping goes into fuzz/corpus/<target>/ (keep it small): cargo test replays it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/fuzz"
case "${1:-all}" in
  all) targets="compile decode" ;;
  compile | decode) targets=$1 ;;
  *) echo "usage: scripts/fuzz.sh [compile|decode|all] [seconds]" >&2; exit 2 ;;
esac
seconds=${2:-120}
for target in $targets; do
  mkdir -p "work/$target"
  echo "== fuzzing $target for ${seconds}s"
  # No sanitizer: the code under test is safe Rust; coverage and panics are what count.
  # The first corpus folder receives new inputs; the committed seeds are only read.
  cargo +nightly fuzz run --sanitizer none "$target" "work/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
done
