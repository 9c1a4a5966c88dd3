#!/usr/bin/env bash
# Transfer size of the app a browser downloads before it can search:
# wasm + js + css, compressed with brotli (-q 11, as a static host or CDN
# would) and gzip -9. Budget: at most 300 KB (300,000 bytes) brotli for the
# whole app; over it, the script says by how much and exits 1 (the `size`
# gate of scripts/test.sh).
# Usage: scripts/app-size.sh [DIST]   (default: builds dist/ with trunk --release)
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
source scripts/env.sh
budget=300000
dist=${1:-}
if [[ -z $dist ]]; then
  trunk build --release >/dev/null 2>&1
  dist=dist
fi
files=("$dist"/*.wasm "$dist"/*.js "$dist"/*.css)
if (( ${#files[@]} == 0 )); then
  echo "no wasm, js or css in $dist: build the app first (trunk build --release)" >&2
  exit 1
fi
total_raw=0 total_br=0 total_gz=0
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-44s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
# Stored gzip-compressed: what crosses the network is the file as it is.
if [[ -f $dist/data/catalog.bin ]]; then
  printf '%-44s %10d %10s %10s\n' "data/catalog.bin, unpacked ($(ls "$dist"/data/articles | wc -l) articles)" "$(gzip -dc "$dist/data/catalog.bin" | wc -c)" \
    "$(stat -c %s "$dist/data/catalog.bin")" "–"
fi
if (( total_br > budget )); then
  echo "app is $total_br bytes brotli: $((total_br - budget)) bytes over the budget of $budget (300 KB)" >&2
  exit 1
fi
echo "app is $total_br bytes brotli: $((budget - total_br)) bytes under the budget of $budget (300 KB)"
