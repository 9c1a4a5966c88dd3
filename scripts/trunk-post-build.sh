#!/usr/bin/env bash
# trunk post_build hook: writes the catalog, article bodies and article
# pages into trunk's staging folder, next to the freshly built app.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
cargo build --quiet --locked -p lantern-cli
"${CARGO_TARGET_DIR:-target}/debug/lantern" build --keep-going --preview \
  --articles articles --config lantern.toml \
  --app "$TRUNK_STAGING_DIR" --out "$TRUNK_STAGING_DIR" \
  --app-public-url "${TRUNK_PUBLIC_URL:-/}"
