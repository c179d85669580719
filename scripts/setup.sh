#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need, skipping what is already present.
# Safe to run any number of times. Facts behind every pin: ../shared/TOOLCHAIN.md and README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The build tools (trunk, wasm-bindgen-cli, geckodriver) are compiled for a quick install, not for
# their own speed: no LTO (trunk's own profile asks for fat LTO with one codegen unit, most of its
# 11 minutes), 16 codegen units, opt-level 1. They only drive cargo, transform one wasm file or
# relay WebDriver commands, so the cold set-up is what these settings buy down.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install --locked "$@"
}

TRUNK_VERSION=0.21.14      # 0.22.x refuses rustc 1.95 ("requires rustc 1.96.1 or newer")
GECKODRIVER_VERSION=0.37.1 # builds with rustc 1.95; drives Firefox ESR 153

# 1. Rust target for the widget.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium and its driver (browser tests), brotli (size report), nginx and
#    its brotli_static module (the sample deployment, deploy/nginx/, which the e2e tests run),
#    and the two other engines of tests/engines/: Firefox ESR, WebKitGTK's WebKitWebDriver (with
#    MiniBrowser) and Xvfb, because WebKitGTK 2.50's MiniBrowser has no headless mode.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || missing+=(brotli)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2b. A real WordPress for tests/e2e/wordpress.test.mjs (CONTRACTS §4): Debian's WordPress 6.1
#     with its default theme, MariaDB, the PHP CLI (whose built-in server runs WordPress there)
#     and the PHP extensions WordPress uses (mysqli, mbstring, xml, curl, gd, intl). No service
#     is started or configured: the test runs its own MariaDB and PHP server in a temporary
#     folder, with its own wp-config.php (tests/e2e/wordpress/).
wp_missing=()
[ -f /usr/share/wordpress/wp-includes/version.php ] || wp_missing+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || wp_missing+=(wordpress-theme-twentytwentythree)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || wp_missing+=(mariadb-server)
command -v php >/dev/null 2>&1 || wp_missing+=(php-cli)
# (The module list is read once: `php -m | grep -q` under pipefail fails when grep exits early.)
php_modules=$(php -m 2>/dev/null || true)
for ext in mysqli mbstring xml curl gd intl; do
  if ! grep -qix "$ext" <<<"$php_modules"; then
    case $ext in mysqli) wp_missing+=(php-mysql) ;; *) wp_missing+=("php-$ext") ;; esac
  fi
done
if [ ${#wp_missing[@]} -gt 0 ]; then
  log "installing WordPress and its test servers: ${wp_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${wp_missing[@]}"
fi

# 3. Trunk, pinned (see above).
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  tool_install trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock (never written down twice).
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  cargo fetch --locked >/dev/null
  crate=$(ls ~/.cargo/registry/cache/*/wasm-bindgen-cli-"$WB_VERSION".crate 2>/dev/null | head -n 1 || true)
  if [ -z "$crate" ]; then
    # Not in the cache yet: let cargo download the .crate without building it.
    tmp=$(mktemp -d)
    (cd "$tmp" && cargo init -q --name fetch_wbcli && cargo add -q "wasm-bindgen-cli@=$WB_VERSION" && cargo fetch -q) || true
    rm -rf "$tmp"
    crate=$(ls ~/.cargo/registry/cache/*/wasm-bindgen-cli-"$WB_VERSION".crate | head -n 1)
  fi
  src=$(mktemp -d)
  tar -xzf "$crate" -C "$src"
  # Its lockfile pins webpki-roots 1.0.11, which the reachable index lacks; 1.0.10 builds the same.
  (cd "$src/wasm-bindgen-cli-$WB_VERSION" \
    && { cargo update -q -p webpki-roots --precise 1.0.10 || true; } \
    && tool_install --path .)
  rm -rf "$src"
fi

# 5. geckodriver (Firefox's WebDriver server) from crates.io, pinned; Debian does not package it.
if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
  log "installing geckodriver $GECKODRIVER_VERSION (about 5 minutes on 2 cores)"
  tool_install geckodriver --version "$GECKODRIVER_VERSION"
fi

# 6. Node packages (exact versions in package-lock.json): playwright-core, axe-core, binaryen.
#    binaryen gives wasm-opt 116+ (Debian's 108 builds modules that crash in Chromium).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing Node packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 7. The same wasm-opt on PATH, so that `trunk build --release` alone works in a new shell after
#    this set-up (contract §3): npm's global install of the binaryen that package.json pins.
BINARYEN_VERSION=$(node -p "require('./package.json').devDependencies.binaryen")
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) for the whole machine"
  npm install -g --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

log "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}') ($(command -v wasm-opt)), $(chromium --version 2>/dev/null | head -n1)"
log "engines: $(firefox-esr --version 2>/dev/null | head -n1), $(geckodriver --version | head -n1), WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null)"
