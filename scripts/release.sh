#!/usr/bin/env bash
# Builds a release `lantern` with the web app inside: the one binary a
# support team downloads (no trunk, no wasm toolchain, no --app needed).
# First the app with trunk (dist/), then the CLI with LANTERN_APP_DIR
# pointing at it, which crates/cli/build.rs embeds. The release workflow
# (.github/workflows/release.yml) runs this for every platform.
#
# Usage: scripts/release.sh [--app DIR] [--target TRIPLE] [--archive DIR]
#   --app DIR      embed this already-built app (trunk's output) instead of
#                  running `trunk build --release` first
#   --target T     build for T (cargo --target); set LANTERN_CARGO to the
#                  build command for cross targets, e.g. "cargo zigbuild"
#   --archive DIR  also pack lantern-T.tar.gz (.zip for Windows) and its
#                  .sha256 (`sha256sum --check` format) into DIR
# The last line printed is the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."

app="" target="" archive=""
while (( $# )); do
  case $1 in
    --app) app=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --archive) archive=$2; shift 2 ;;
    *) echo "release.sh: unknown argument $1 (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
done

if [[ -z $app ]]; then
  source scripts/env.sh
  trunk build --release >&2
  app=dist
fi
[[ -f $app/index.html ]] || { echo "release.sh: no app in $app (no index.html): build it with trunk build --release" >&2; exit 1; }

export LANTERN_APP_DIR
LANTERN_APP_DIR=$(cd "$app" && pwd)
export LANTERN_APP_COMMIT
LANTERN_APP_COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
read -ra build <<<"${LANTERN_CARGO:-cargo build}"
"${build[@]}" --release --locked -p lantern-cli ${target:+--target "$target"} >&2

exe=""
[[ $target == *windows* ]] && exe=.exe
bin="${CARGO_TARGET_DIR:-target}/${target:+$target/}release/lantern$exe"
if [[ -z $target ]] || [[ $target == "$(rustc -vV | sed -n 's/^host: //p')" ]]; then
  version=$("$bin" --version)
  echo "$version" >&2
  [[ $version == *", built in)" ]] || { echo "release.sh: $bin has no app inside" >&2; exit 1; }
fi

if [[ -n $archive ]]; then
  triple=${target:-$(rustc -vV | sed -n 's/^host: //p')}
  name=lantern-$triple
  stage=$(mktemp -d)
  mkdir "$stage/$name"
  cp "$bin" README.md "$stage/$name/"
  mkdir -p "$archive"
  archive=$(cd "$archive" && pwd)
  if [[ -n $exe ]]; then
    file=$name.zip
    (cd "$stage" && 7z a -tzip "$archive/$file" "$name" >&2)
  else
    file=$name.tar.gz
    tar -czf "$archive/$file" -C "$stage" "$name"
  fi
  rm -rf "$stage"
  if command -v sha256sum >/dev/null; then sum=(sha256sum); else sum=(shasum -a 256); fi
  (cd "$archive" && "${sum[@]}" "$file" >"$file.sha256")
  echo "packed $archive/$file and $file.sha256" >&2
fi
echo "$bin"
