# Sourced by the browser benchmarks (bench-browser.sh, bench-offline.sh):
# what they need before they start, and their sites served on free ports.

# Exits with what to do when the corpus ($1), the app in dist/ or Chromium
# is missing.
bench_preflight() {
  [[ -d $1 ]] || { echo "no corpus at $1 (set CORPUS)" >&2; exit 1; }
  [[ -f dist/index.html ]] || { echo "no app in dist/: run  source scripts/env.sh && trunk build --release" >&2; exit 1; }
  [[ -x /usr/bin/chromium ]] || { echo "no /usr/bin/chromium (bash scripts/setup.sh installs it)" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
urls=()

# Serves the folder $2 as site $1 with python3 -m http.server on a free
# port (HOST_KIND=revalidating: scripts/revalidating-host.py, HOST_LATENCY
# ms away, default 25) until the script exits, once it answers for the file $3; adds
# NAME=URL to urls.
serve_site() {
  local port
  port=$(free_port)
  if [[ ${HOST_KIND:-plain} == revalidating ]]; then
    python3 scripts/revalidating-host.py "$port" "$2" --latency "${HOST_LATENCY:-25}" >/dev/null 2>&1 &
  else
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$2" >/dev/null 2>&1 &
  fi
  pids+=($!)
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/$3" || { echo "server for $1 did not start" >&2; exit 1; }
  urls+=("$1=http://127.0.0.1:$port/")
}
