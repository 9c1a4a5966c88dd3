#!/usr/bin/env bash
# Search in the browser (issue 3): load-to-first-search and per-keystroke
# latency of the release app in headless Chromium, at 3k and 10k articles.
#
#   bash scripts/bench-browser.sh [--loads N] [--playwright-loads N] [--rounds N]
#   bash scripts/bench-browser.sh --profile    # where the time goes, see below
#
# Builds two sites with `lantern build` and the app in dist/ into
# target/bench-browser/: site-3k from the shared corpus
# (../shared/corpus/msdocs, read in place) and site-10k from the corpus plus
# ~7,000 synthetic articles made of its paragraphs
# (scripts/make-synthetic-corpus.py). Serves each with python3 -m http.server
# on a free localhost port and runs tests/e2e/bench/browser-search.mjs,
# which prints markdown tables (raw samples: target/bench-browser/results.json).
# A benchmark, not a test: it is not part of scripts/test.sh. Exits non-zero
# when it cannot run.
#
# --profile: instead, builds the app once more with wasm function names kept
# (cargo + wasm-bindgen, no wasm-opt, in target/bench-browser/cargo; the
# first time takes minutes), builds the same two sites with it and records
# V8 CPU profiles of a load and of the typing (target/bench-browser/profiles/
# *.cpuprofile, for Chrome DevTools) with the functions that take the most
# time. The profiler and the missing wasm-opt slow the page down: use it
# for shares, not for the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
corpus=${CORPUS:-../shared/corpus/msdocs}
work=target/bench-browser
source scripts/bench-sites.sh
bench_preflight "$corpus"
[[ -d tests/e2e/node_modules/@playwright/test ]] || { echo "no Playwright in tests/e2e/node_modules (bash scripts/setup.sh)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

profile=
if [[ ${1:-} == --profile ]]; then profile=1; shift; fi

cargo build --release -q -p lantern-cli
bin=target/release/lantern
mkdir -p "$work"
app=dist
suffix=
if [[ -n $profile ]]; then
  command -v wasm-bindgen >/dev/null || { echo "no wasm-bindgen (bash scripts/setup.sh installs it)" >&2; exit 1; }
  echo "building the app with wasm function names" >&2
  CARGO_TARGET_DIR=$work/cargo cargo build --release -q --target wasm32-unknown-unknown --bin lantern-app
  app=$work/app-profiling
  rm -rf "$app" && cp -r dist "$app" && rm -rf "$app/a" "$app/data" "$app/.lantern-manifest" "$app/.stage"
  name=$(basename "$(ls dist/lantern-app*_bg.wasm)" _bg.wasm)
  wasm-bindgen --target web --no-typescript --out-dir "$app" --out-name "$name" \
    "$work/cargo/wasm32-unknown-unknown/release/lantern-app.wasm"
  # The files differ from the ones index.html has hashes for.
  sed -i 's/ integrity="[^"]*"//g' "$app/index.html"
  suffix=-profiling
fi
# No offline worker: saving 10k article bodies in the background would share
# the two cores with the keystrokes timed here (its own costs are
# bench-offline.sh's), and the figures stay comparable with earlier runs.
printf '[site]\nname = "Corpus"\n[check]\nbroken_links = "warning"\n[offline]\nenabled = false\n' > "$work/lantern.toml"
python3 scripts/make-synthetic-corpus.py "$corpus" "$work/corpus-10k" --total 10000 >&2

build() { # name, articles folder
  echo "lantern build: $1" >&2
  # --keep-going: the corpus has a few duplicate slugs (those files are left out).
  "$bin" build --keep-going --articles "$2" --config "$work/lantern.toml" --app "$app" --out "$work/site-$1$suffix" 2>&1 | tail -1 >&2
  [[ -f $work/site-$1$suffix/data/catalog.bin ]] || { echo "no catalog.bin in $work/site-$1$suffix" >&2; exit 1; }
}
build 3k "$corpus"
build 10k "$work/corpus-10k"

for name in 3k 10k; do serve_site "$name" "$work/site-$name$suffix" data/catalog.bin; done

echo "### Catalog (data/catalog.bin: article metadata + search index, stored gzip-compressed)"
echo
echo "| site | articles | downloaded (stored, gzip) | unpacked in the page |"
echo "|---|---:|---:|---:|"
for name in 3k 10k; do
  f=$work/site-$name$suffix/data/catalog.bin
  n=$(ls "$work/site-$name$suffix/data/articles" | wc -l)
  printf '| %s | %s | %s | %s |\n' "$name" "$n" "$(stat -c %s "$f")" "$(gzip -dc "$f" | wc -c)"
done
echo
wasm=$(basename "$(ls dist/lantern-app*_bg.wasm)")
echo "App: dist/$wasm ($(stat -c %s dist/"$wasm") bytes), built $(date -r dist/"$wasm" '+%F %R')${profile:+ (profiling: rebuilt with names)}, HEAD $(git rev-parse --short HEAD); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

cd tests/e2e
if [[ -n $profile ]]; then
  rm -rf "../../$work/profiles"
  node bench/browser-search.mjs --loads 1 --playwright-loads 1 --rounds 1 --cpuprofile "../../$work/profiles" \
    --json "../../$work/results-profiling.json" "$@" "${urls[@]}"
else
  node bench/browser-search.mjs --json "../../$work/results.json" "$@" "${urls[@]}"
fi
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
