#!/usr/bin/env bash
# Cold start of an edge archive as an operator meets it: unpack into an empty folder, start bin/prodet-edge with an
# empty HOME, and time (from the start of the script's java process) until /v2/health/ready answers 200 with the
# models loaded, then the first POST /v1/detect of a portrait (face models load at the first frame). "first" runs
# unpack afresh, so the native libraries are unpacked into the work folder too; "again" runs restart over the same
# folder. Prints one line per run and the medians. Needs curl. Run it under /work/bin/cpu bench for figures.
#
# usage: scripts/bench-edge-archive.sh ARCHIVE.tar.gz MODELS_DIR IMAGE.jpg [RUNS]
set -euo pipefail

ARCHIVE="$(realpath "$1")"
MODELS="$(realpath "$2")"
IMAGE="$(realpath "$3")"
RUNS="${4:-5}"
command -v curl >/dev/null || { echo "bench-edge-archive: curl is needed" >&2; exit 2; }
WORK="$(mktemp -d)"
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(( 20000 + RANDOM % 20000 ))
now_ms() { date +%s%3N; }

run() { # label: start, wait for readiness, detect once, stop
  mkdir -p "$WORK/home"
  local t0 t_ready t_detect
  t0=$(now_ms)
  HOME="$WORK/home" PRODET_HOME= "$WORK/opt/prodet-edge/bin/prodet-edge" --models "$MODELS" --port "$PORT" \
    >"$WORK/edge.log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/v2/health/ready" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "prodet-edge exited:" >&2; tail -20 "$WORK/edge.log" >&2; exit 1; }
    sleep 0.02
  done
  t_ready=$(now_ms)
  curl -sf -X POST -H 'Content-Type: image/jpeg' --data-binary "@$IMAGE" "localhost:$PORT/v1/detect" >/dev/null
  t_detect=$(now_ms)
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  local bundles
  bundles="$(grep -o 'ready [0-9]* ms' "$WORK/edge.log" | grep -o '[0-9]*' || echo '?')"
  printf '%s ready %d ms, first detect %d ms later (all bundles active %s ms after JVM start)\n' \
    "$1" $((t_ready - t0)) $((t_detect - t_ready)) "$bundles"
}

for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/opt" && mkdir -p "$WORK/opt" && tar xzf "$ARCHIVE" -C "$WORK/opt"
  run first
  run again
done | tee "$WORK/runs.txt"
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%d (min %d, max %d)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
for label in first again; do
  echo "$label: $RUNS runs, ready ms: $(awk -v l="$label" '$1 == l { print $3 }' "$WORK/runs.txt" | median)," \
    "first detect +ms: $(awk -v l="$label" '$1 == l { print $7 }' "$WORK/runs.txt" | median)"
done
