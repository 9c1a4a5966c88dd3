#!/usr/bin/env bash
# What offline use (issue 18) costs: the worker script's size, the first
# install of the core at 3k articles, the first search's delay while the
# worker installs, and load to first search with a warm worker, each
# against the same site without a worker, in headless Chromium on
# localhost (tests/e2e/bench/offline-costs.mjs prints the tables).
#
#   bash scripts/bench-offline.sh [--loads N] [--library N]
#
# Builds, with the app in dist/ and the lantern given as LANTERN (default:
# a release build), two sites of the shared corpus (../shared/corpus/msdocs
# from the project root, read in place; CORPUS overrides) into
# target/bench-offline/: `worker` as published by default and `none` with
# `[offline] enabled = false` (no page registers a worker). Serves each
# with python3 -m http.server on a free port. A benchmark, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
corpus=${CORPUS:-../shared/corpus/msdocs}
work=target/bench-offline
[[ -d $corpus ]] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 1; }
[[ -f dist/index.html ]] || { echo "no app in dist/: run  source scripts/env.sh && trunk build --release" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "no /usr/bin/chromium (bash scripts/setup.sh installs it)" >&2; exit 1; }
bin=${LANTERN:-}
if [[ -z $bin ]]; then
  cargo build --release -q -p lantern-cli
  bin=target/release/lantern
fi
mkdir -p "$work"
for name in worker none; do
  config=$work/$name.toml
  printf '[site]\nname = "Corpus"\n[check]\nbroken_links = "warning"\n' > "$config"
  [[ $name == none ]] && printf '[offline]\nenabled = false\n' >> "$config"
  echo "lantern build: $name" >&2
  # --keep-going: the corpus has a few duplicate slugs (those files are left out).
  "$bin" build --keep-going --articles "$corpus" --config "$config" --app dist --out "$work/site-$name" 2>&1 | tail -1 >&2
done

site=$work/site-worker
list=$(ls "$site"/data/offline-*.json)
size() { printf '%s raw, %s gzip -9' "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
echo "### Sizes ($(ls "$site/data/articles" | wc -l) articles)"
echo
echo "- sw.js: $(size "$site/sw.js")"
echo "- offline.js: $(size "$site/offline.js")"
echo "- $(basename "$list") (each body's hash, part of the core): $(size "$list")"
echo "- article bodies: $(cat "$site"/data/articles/*.html | wc -c) bytes"
echo
echo "HEAD $(git rev-parse --short HEAD); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
urls=()
for name in worker none; do
  port=$(free_port)
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site-$name" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/sw.js" || { echo "server for $name did not start" >&2; exit 1; }
  urls+=("$name=http://127.0.0.1:$port/")
done
cd tests/e2e
node bench/offline-costs.mjs --json "../../$work/results.json" "$@" "${urls[@]}"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
