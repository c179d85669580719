#!/usr/bin/env bash
# Prints the size of every file the built widget ships (dist/*.wasm, *.js, *.css): raw bytes,
# `gzip -9` bytes and `brotli -q 11` bytes (what a CDN would send), and the totals.
#   scripts/size-report.sh [dist-dir]      (default: dist/ of the repository)
# Columns are "n/a" when brotli is not installed (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}

if [ ! -d "$DIST" ]; then
  echo "size-report: $DIST/ does not exist; build the widget first (trunk build --release)" >&2
  exit 1
fi

have_brotli=0
command -v brotli >/dev/null 2>&1 && have_brotli=1

mapfile -t files < <(find "$DIST" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | LC_ALL=C sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "size-report: no .wasm, .js or .css files in $DIST/" >&2
  exit 1
fi

# Thousands separators without relying on the locale.
group() { printf '%s' "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

row() { printf '| %-40s | %12s | %12s | %14s |\n' "$@"; }

row file raw 'gzip -9' 'brotli -q 11'
row '----------------------------------------' '-----------:' '-----------:' '-------------:'
total_raw=0 total_gz=0 total_br=0
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if [ $have_brotli -eq 1 ]; then
    br=$(brotli -q 11 -c "$f" | wc -c)
    total_br=$((total_br + br))
    br_shown=$(group "$br")
  else
    br_shown=n/a
  fi
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  row "${f#"$DIST"/}" "$(group "$raw")" "$(group "$gz")" "$br_shown"
done
if [ $have_brotli -eq 1 ]; then total_br_shown=$(group "$total_br"); else total_br_shown=n/a; fi
row "total (${#files[@]} files)" "$(group "$total_raw")" "$(group "$total_gz")" "$total_br_shown"
[ $have_brotli -eq 1 ] || echo "(brotli not installed: run scripts/setup.sh)" >&2
