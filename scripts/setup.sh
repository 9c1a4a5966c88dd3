#!/usr/bin/env bash
# Installs every tool Lantern needs, at pinned versions, skipping what is
# already present. Safe to run again; serve.sh and test.sh call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# scripts/fuzz.sh (stable toolchain, `-s none`) and the supply-chain gate.
CARGO_FUZZ_VERSION=0.13.1
CARGO_AUDIT_VERSION=0.22.0
BINARYEN_MAJOR=132
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# --- Debian packages: Chromium for wasm-bindgen-test and Playwright ---------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- Rust: wasm target, trunk, wasm-bindgen-cli ------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  log "cargo install trunk ${TRUNK_VERSION}"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

# Both print "NAME VERSION"; cargo-audit's name is "cargo-audit-audit".
for tool in fuzz:cargo-fuzz:$CARGO_FUZZ_VERSION audit:cargo-audit:$CARGO_AUDIT_VERSION; do
  IFS=: read -r sub crate version <<<"$tool"
  if ! cargo "$sub" --version 2>/dev/null | grep -q " ${version}\$"; then
    log "cargo install $crate $version"
    cargo install "$crate" --version "$version" --locked
  fi
done

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WB_VERSION}\$"; then
  log "cargo install wasm-bindgen-cli ${WB_VERSION}"
  # Some of its pinned dependencies are missing from the registry mirror:
  # fall back to a fresh resolution when --locked fails.
  cargo install wasm-bindgen-cli --version "${WB_VERSION}" --locked \
    || cargo install wasm-bindgen-cli --version "${WB_VERSION}"
fi

# --- npm: binaryen (wasm-opt), Playwright, axe-core --------------------------
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/@playwright/test ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  log "npm ci (tests/e2e)"
  # Playwright must never download its own browser: we use Debian's chromium.
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
if ! tests/e2e/node_modules/.bin/wasm-opt --version | grep -q "version ${BINARYEN_MAJOR}"; then
  echo "wasm-opt from npm binaryen is not version ${BINARYEN_MAJOR}" >&2; exit 1
fi

# Dependencies for offline trunk builds.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch
log "tools ready"
