#!/usr/bin/env bash
# Publishing speed on the shared corpus (~3,000 real support articles):
# `lantern check`, a first `lantern build`, a rebuild with nothing changed
# and a rebuild after one article changed. Each is run 5 times; the
# median is reported. Needs ../shared/corpus/msdocs and a built app in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/msdocs}
[[ -d $corpus ]] || { echo "no corpus at $corpus" >&2; exit 1; }
[[ -f dist/index.html ]] || { echo "build the app first: trunk build --release" >&2; exit 1; }
cargo build --release -q -p lantern-cli
bin=target/release/lantern
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/articles"
printf '[site]\nname = "Corpus"\n[check]\nbroken_links = "warning"\n' > "$work/lantern.toml"
build() { "$bin" build --keep-going --articles "$work/articles" --config "$work/lantern.toml" --app dist --out "$work/site" 2>&1 | tail -1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

n=$(find "$work/articles" -name '*.md' | wc -l)
echo "corpus: $n articles, $(du -sh "$work/articles" | cut -f1)"
echo "check (median of 5): $(for i in 1 2 3 4 5; do time_it "$bin" check --articles "$work/articles" --config "$work/lantern.toml"; done | median) ms"
first=()
for i in 1 2 3; do rm -rf "$work/site"; first+=("$(time_it build)"); done
echo "first build, empty output folder (median of 3): $(printf '%s\n' "${first[@]}" | median) ms"
echo "rebuild, nothing changed (median of 5): $(for i in 1 2 3 4 5; do time_it build; done | median) ms"
victim=$(find "$work/articles" -name '*.md' | sort | sed -n 1p)
echo "rebuild, one article changed (median of 5): $(for i in 1 2 3 4 5; do echo "Edited $i." >> "$victim"; time_it build; done | median) ms"
echo "last build: $(build)"
