#!/usr/bin/env bash
# Fuzzes Lantern's parsers on the stable toolchain (cargo-fuzz, pinned and
# installed by scripts/setup.sh): each target in fuzz/fuzz_targets runs for
# SECONDS (default 60) from seeds made now from articles/, lantern.toml,
# the XSS fixture and a sample of the shared corpus (not committed), then a
# line per target: executions, executions per second, crashes.
# Not part of scripts/test.sh: a crash it finds is fixed, and its input
# (fuzz/artifacts/TARGET/) becomes a test in crates/core/tests/fuzz_regressions.rs.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_SANITIZER=address  the address sanitizer (needs RUSTC_BOOTSTRAP=1,
#                           which this sets; default: none, plain stable)
#   LANTERN_CORPUS=DIR      the shared corpus (default ../shared/corpus/msdocs)
#   FUZZ_SAMPLE=N           every Nth corpus article is a seed (default 30)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
root=$PWD
seconds=${1:-60}
shift || true
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
sanitizer=${FUZZ_SANITIZER:-none}

all_targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^lantern-fuzz$')
targets=("$@")
(( ${#targets[@]} )) || read -ra targets <<<"$(echo $all_targets)"

corpus=${LANTERN_CORPUS:-}
if [[ -z $corpus ]]; then
  for candidate in ../shared/corpus/msdocs ../../shared/corpus/msdocs; do
    [[ -d $candidate ]] && { corpus=$candidate; break; }
  done
fi
[[ -n $corpus ]] || echo "no shared corpus found: seeds from articles/ only" >&2

echo "=== seeds"
cargo run --release -q --manifest-path fuzz/Cargo.toml -p lantern-fuzz-seeds -- \
  "$root" fuzz/corpus ${corpus:+"$corpus" "${FUZZ_SAMPLE:-30}"} || exit 1

# Release code without debug assertions: what the browser and the CLI run
# (an overflow wraps there; `cargo test`'s properties run with the checks).
# FUZZ_FLAGS=-a adds them here too (a full rebuild).
flags=(-s "$sanitizer" ${FUZZ_FLAGS:-})
if [[ $sanitizer != none ]]; then
  # cargo-fuzz passes -Zsanitizer: stable rustc accepts it only so.
  export RUSTC_BOOTSTRAP=1
fi
echo "=== build (sanitizer: $sanitizer)"
if (( $# )); then
  for target in "${targets[@]}"; do (cd fuzz && cargo fuzz build "${flags[@]}" "$target") || exit 1; done
else
  (cd fuzz && cargo fuzz build "${flags[@]}") || exit 1
fi

logs=fuzz/logs
mkdir -p "$logs"
summary=()
crashed=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$target"
  before=$(ls "fuzz/artifacts/$target" | wc -l)
  echo "=== $target: $seconds s"
  (cd fuzz && cargo fuzz run "${flags[@]}" "$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) \
    >"$logs/$target.log" 2>&1
  code=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$target.log" | tail -1)
  new=$(( $(ls "fuzz/artifacts/$target" | wc -l) - before ))
  (( code != 0 && new == 0 )) && new=1
  (( new > 0 )) && { crashed=1; grep -m3 -E 'panicked|ERROR|SUMMARY' "$logs/$target.log"; }
  summary+=("$(printf '%-16s %12s executions %8s/s %3d crashes' "$target" "${execs:-?}" "${rate:-?}" "$new")")
done

echo "=== fuzz summary ($seconds s per target, sanitizer $sanitizer; logs in $logs/)"
printf '%s\n' "${summary[@]}"
(( crashed == 0 )) || echo "crash inputs are in fuzz/artifacts/TARGET/: replay with (cd fuzz && cargo fuzz run -s $sanitizer TARGET FILE)"
exit $crashed
