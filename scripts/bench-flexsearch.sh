#!/usr/bin/env bash
# Lantern and FlexSearch side by side (issue 15) on exactly the same input:
# the 3k shared corpus as Lantern indexes it and the typed queries of the
# search bench (one typo, two typos, every word cut; tests/relevance/typed.rs
# `for_timing`). Lantern's bench exports both (LANTERN_BENCH_EXPORT) and
# times its engine in process; scripts/flexsearch/bench.mjs times FlexSearch
# (npm, pinned in scripts/flexsearch/package.json) in process in Node the
# same way. The two alternate ROUNDS times (default 2), because the machine
# is shared: compare the runs next to each other, not across days.
#
#   bash scripts/bench-flexsearch.sh [ROUNDS]
#
# A benchmark, not a test: not part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
work="$PWD/target/bench-flexsearch"
mkdir -p "$work"
if [[ ! -d scripts/flexsearch/node_modules/flexsearch ]]; then
  echo "installing flexsearch (npm ci in scripts/flexsearch)" >&2
  (cd scripts/flexsearch && npm ci --no-audit --no-fund >&2)
fi
echo "building the search bench" >&2
cargo bench -p lantern-core --bench search --no-run >&2
for round in $(seq "$rounds"); do
  echo "## round $round of $rounds"
  echo "### Lantern"
  LANTERN_BENCH_ONLY=3k LANTERN_BENCH_EXPORT=$work \
    cargo bench -q -p lantern-core --bench search -- skip-criterion 2>/dev/null |
    sed -n '/^| typed queries/,/^$/p'
  node scripts/flexsearch/bench.mjs "$work"
done
