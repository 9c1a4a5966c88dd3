#!/usr/bin/env bash
# Quick start (2): install what is missing and run every test: native Rust,
# wasm components in headless Chromium, and the Playwright end-to-end suite
# against the release build. The last line is `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh

logs=target/test-logs
mkdir -p "$logs"
passed=0
failed=0

# Runs one stage, keeps its log, and adds the counts its runner printed.
# A stage that fails without reporting a failed test counts as one failure.
stage() {
  local name=$1; shift
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local code=${PIPESTATUS[0]}
  local p f
  if [[ $name == e2e ]]; then
    p=$(grep -Eo '^ +[0-9]+ passed' "$logs/$name.log" | grep -Eo '[0-9]+' | tail -1)
    f=$(grep -Eo '^ +[0-9]+ failed' "$logs/$name.log" | grep -Eo '[0-9]+' | tail -1)
  else
    p=$(grep -Eo 'test result: .* ([0-9]+) passed' "$logs/$name.log" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed' "$logs/$name.log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  fi
  p=${p:-0}; f=${f:-0}
  if [[ $code -ne 0 && $f -eq 0 ]]; then f=1; echo "!!! $name exited with $code"; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "=== $name: $p passed, $f failed"
}

stage native cargo test --workspace --locked
stage wasm cargo test --locked --target wasm32-unknown-unknown -p lantern-app
stage site trunk build --release
if [[ -f dist/data/catalog.bin ]]; then
  stage e2e bash -c 'cd tests/e2e && npx playwright test'
else
  echo "!!! no site was built: skipping end-to-end tests"; failed=$((failed + 1))
fi

echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
