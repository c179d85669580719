#!/usr/bin/env bash
# Builds the widget into dist/ and compiles the content into build/ (run scripts/setup.sh first).
#   build/content/   the seed and every other commentary under content/
#   build/fixtures/  the test documents under tests/fixtures/content/
#   build/site/      what a publisher uploads: embed/v<version>/, embed/commentary-embed.js, c/
#                    (scripts/release.mjs; DEPLOYMENT.md)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

trunk build --release --offline
cargo run --quiet --locked --release --bin commentary -- build content build/content
cargo run --quiet --locked --release --bin commentary -- build tests/fixtures/content build/fixtures
node scripts/sri.mjs dist > /dev/null   # dist/sri.json: integrity hashes of the built files
node scripts/release.mjs                # build/site/: the versioned, publishable tree
