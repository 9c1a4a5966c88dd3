#!/usr/bin/env bash
# Transfer size of the app a browser downloads before it can search:
# wasm + js + css, compressed with brotli (-q 11, as a static host or CDN
# would) and gzip -9. Target: at most 300 KB brotli for the main app, the
# files index.html loads (every page but the ticket form loads the same).
# The ticket page's own bundle (wasm + js; it shares the stylesheet) is
# measured on its own line: only visitors who open the form download it.
# Over budget, the script says by how much and exits 1 (the `size` gate of
# scripts/test.sh).
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

# Prints one line per file and sets $raw $gz $br to the totals.
measure() {
  raw=0 gz=0 br=0
  local f r g b
  for f in "$@"; do
    r=$(stat -c %s "$dist/$f")
    g=$(gzip -9 -c "$dist/$f" | wc -c)
    b=$(brotli -q 11 -c "$dist/$f" | wc -c)
    printf '%-44s %10d %10d %10d\n' "$f" "$r" "$g" "$b"
    raw=$((raw + r)); gz=$((gz + g)); br=$((br + b))
  done
}

printf '%-44s %10s %10s %10s\n' file raw gzip brotli
# The wasm, js and css that index.html names (quoted, as trunk writes them).
mapfile -t main < <(grep -oE "[\"'](\./|/)?[A-Za-z0-9_.-]+\.(wasm|js|css)[\"'?]" "$dist/index.html" |
  sed -E "s/^[\"'](\.\/|\/)?//; s/[\"'?]$//" | sort -u)
if (( ${#main[@]} == 0 )); then
  echo "no wasm, js or css named in $dist/index.html" >&2
  exit 1
fi
measure "${main[@]}"
main_br=$br
printf '%-44s %10d %10d %10d\n' "main app (index.html loads), TOTAL" "$raw" "$gz" "$br"
if [[ -e $dist/lantern-ticket_bg.wasm ]]; then
  measure lantern-ticket_bg.wasm lantern-ticket.js
  printf '%-44s %10d %10d %10d\n' "ticket bundle (ticket/index.html), TOTAL" "$raw" "$gz" "$br"
fi
# Stored gzip-compressed: what crosses the network is the file as it is.
if [[ -f $dist/data/catalog.bin ]]; then
  printf '%-44s %10d %10s %10s\n' "data/catalog.bin, unpacked ($(ls "$dist"/data/articles | wc -l) articles)" "$(gzip -dc "$dist/data/catalog.bin" | wc -c)" \
    "$(stat -c %s "$dist/data/catalog.bin")" "–"
fi
if (( main_br > budget )); then
  echo "the main app is $main_br bytes brotli: $((main_br - budget)) bytes over the budget of $budget (300 KB)" >&2
  exit 1
fi
echo "the main app is $main_br bytes brotli: $((budget - main_br)) bytes under the budget of $budget (300 KB)"
