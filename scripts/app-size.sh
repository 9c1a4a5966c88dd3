#!/usr/bin/env bash
# Transfer size of the app a browser downloads before it can search:
# wasm + js + css, compressed with brotli (-q 11, as a static host or CDN
# would) and gzip -9. Target: at most 300 KB brotli for the whole app.
# Usage: scripts/app-size.sh [DIST]   (default: builds dist/ with trunk --release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=${1:-}
if [[ -z $dist ]]; then
  trunk build --release >/dev/null 2>&1
  dist=dist
fi
total_raw=0 total_br=0 total_gz=0
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-44s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
# Stored gzip-compressed: what crosses the network is the file as it is.
printf '%-44s %10d %10s %10s\n' "data/catalog.bin, unpacked ($(ls "$dist"/data/articles | wc -l) articles)" "$(gzip -dc "$dist/data/catalog.bin" | wc -c)" \
  "$(stat -c %s "$dist/data/catalog.bin")" "–"
if (( total_br > 300 * 1024 )); then
  echo "app is $((total_br / 1024)) KiB brotli: over the 300 KiB budget" >&2
  exit 1
fi
