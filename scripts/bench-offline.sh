#!/usr/bin/env bash
# What offline use (issue 18) costs: the worker script's size, the first
# install of the core at 3k articles, the first search's delay while the
# worker installs, and load to first search with a warm worker, each
# against the same site without a worker, in headless Chromium on
# localhost (tests/e2e/bench/offline-costs.mjs prints the tables).
#
#   bash scripts/bench-offline.sh [--loads N] [--library N]
#   HOST_KIND=revalidating [HOST_LATENCY=25] bash scripts/bench-offline.sh …
#
# The second form serves both sites as Netlify, Cloudflare Pages and Vercel
# do by default (every file revalidated, each answer HOST_LATENCY ms away);
# the first is python3 -m http.server on localhost, whose lack of
# Cache-Control lets the site without a worker reuse its copies unasked.
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
source scripts/bench-sites.sh
bench_preflight "$corpus"
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
echo "Host: ${HOST_KIND:-plain}${HOST_KIND:+ (${HOST_LATENCY:-25} ms)}"
echo "HEAD $(git rev-parse --short HEAD); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

for name in worker none; do serve_site "$name" "$work/site-$name" sw.js; done
cd tests/e2e
node bench/offline-costs.mjs --json "../../$work/results.json" "$@" "${urls[@]}"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
