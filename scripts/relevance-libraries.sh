#!/usr/bin/env bash
# MRR@10 of Lantern, FlexSearch and MiniSearch on the same relevance sets
# (issue 15's typed queries, tuning and held out, plus the written
# symptoms): the relevance test prints Lantern's scores and exports its
# documents and queries (LANTERN_RELEVANCE_EXPORT), which
# scripts/flexsearch/relevance.mjs scores with the two libraries (npm,
# pinned in scripts/flexsearch/package.json).
#
#   bash scripts/relevance-libraries.sh
#
# Not part of scripts/test.sh (the relevance floors are).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
work="$PWD/target/relevance-libraries"
mkdir -p "$work"
if [[ ! -d scripts/flexsearch/node_modules/minisearch ]]; then
  echo "installing the libraries (npm ci in scripts/flexsearch)" >&2
  (cd scripts/flexsearch && npm ci --no-audit --no-fund >&2)
fi
echo "### Lantern"
LANTERN_RELEVANCE_EXPORT=$work cargo test -q --release -p lantern-core --test relevance \
  typed_as_people_type -- --nocapture 2>/dev/null | grep '^typed'
echo "### Libraries"
node scripts/flexsearch/relevance.mjs "$work"
