# Sourced by the other scripts: where the installed tools are, and how Trunk must run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # wasm-opt 132 from npm binaryen
export TRUNK_SKIP_VERSION_CHECK=true   # Trunk.toml's offline does not cover Trunk's own update check
