#!/usr/bin/env bash
# The support team's whole path, with the release binary alone: build
# `lantern` with the app inside (scripts/release.sh, embedding the app in
# APP_DIR, by default the dist/ the site stage built, so trunk does not run
# twice), copy it into an empty folder, and there, with a PATH that has no
# trunk, cargo or wasm tools, run `lantern init`, `lantern check` and
# `lantern build`; then serve the site with `python3 -m http.server` and run
# the Playwright journey against it (tests/e2e/release/).
# Usage: scripts/release-journey.sh [APP_DIR]      (scripts/test.sh release)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$(bash scripts/release.sh --app "${1:-dist}" | tail -1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/lantern"
cd "$work"
bare_path=/usr/bin:/bin
for tool in trunk cargo wasm-bindgen wasm-opt; do
  if PATH=$bare_path command -v "$tool" >/dev/null; then
    echo "release-journey: $tool is on $bare_path: the journey would not prove it needs none" >&2
    exit 1
  fi
done
run() { echo "+ $*" >&2; env -i HOME="$work" PATH="$bare_path" "$@"; }
run ./lantern --version
run ./lantern init help-center
cd help-center
run ../lantern check
run ../lantern build
[[ ! -e dist ]] || { echo "release-journey: a dist/ appeared" >&2; exit 1; }
[[ -f site/index.html && -f site/data/catalog.bin && -f site/a/vpn-will-not-connect/index.html ]] \
  || { echo "release-journey: the site is incomplete" >&2; ls -R site >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$root/tests/e2e"
LANTERN_RELEASE_SITE="$work/help-center/site" LANTERN_RELEASE_PORT=$port \
  flock /tmp/lantern-e2e.lock npx playwright test -c playwright.release.config.mjs
