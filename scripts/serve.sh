#!/usr/bin/env bash
# Quick start (1): install what is missing, build, and serve the app with
# the articles at http://127.0.0.1:8080, rebuilding and reloading the page
# whenever an article, the config, a style or the code changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
