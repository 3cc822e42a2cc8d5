#!/usr/bin/env bash
# The main job, end to end on the embedded sample data (./prodet demo [--budget MIN] [--compare] [--fresh]):
# fetch assets -> build the sample dataset -> look at the anchors -> train compact ProDet within a time budget ->
# export the ONNX package -> evaluate it on held-out videos and people -> serve it over HTTP and score held-out faces
# -> runs/demo/report/index.html. --compare also trains VHT and BF-only with the same budget and data and puts the
# three side by side. Every stage reuses what an earlier run left (assets, dataset, finished runs, packages).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUDGET=15
COMPARE=false
FRESH=false
PORT="${PRODET_DEMO_PORT:-18080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) BUDGET="$2"; shift 2 ;;
    --compare) COMPARE=true; shift ;;
    --fresh) FRESH=true; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "prodet demo: unknown option '$1' (--budget MIN, --compare, --fresh)" >&2; exit 2 ;;
  esac
done
REPORT="$ROOT/runs/demo/report"
STAGES=8
stage() { printf '\n== [%s/%s] %s\n' "$1" "$STAGES" "$2"; }

stage 1 "fetch the pinned assets (face models, portraits, demo videos; checksummed, cached)"
bash scripts/fetch-assets.sh

stage 2 "build the sample dataset (aligned faces; train: 2 videos, test: an unseen video and 2 unseen people)"
./prodet data sample

stage 3 "make anchors: real | SBI | CBI | face swap, with their blend masks"
mkdir -p "$REPORT/served-inputs"
./prodet data forge --dataset data/sample --split test --preview 6 --out "$REPORT/anchors.png" \
  --dump "$REPORT/served-inputs"

train() { # run-id config
  local id="$1" cfg="$2"
  if [ "$FRESH" = true ]; then rm -rf "runs/$id"; fi
  if [ -f "runs/$id/.complete" ] && [ "$(cat "runs/$id/.complete")" = "$BUDGET" ]; then
    echo "run $id already trained with a $BUDGET-minute budget (delete runs/$id or pass --fresh to retrain)"
    return
  fi
  local resume=()
  if [ -d "runs/$id/checkpoints" ]; then resume=(--resume); fi
  ./prodet train "$cfg" --run-id "$id" --set "run.budgetMinutes=$BUDGET" --set run.steps=100000 \
    --set run.logEvery=20 "${resume[@]}"
  echo "$BUDGET" > "runs/$id/.complete"
}

stage 4 "train ProDet (opr-tb) on the compact network, $BUDGET-minute budget"
train demo configs/experiments/prodet-compact-cpu.yaml
if [ "$COMPARE" = true ]; then
  echo "-- --compare: the same budget and data for plain hybrid training (VHT) and blendfake-only (BF-only)"
  train demo-vht configs/experiments/vht-compact-cpu.yaml
  train demo-bf-only configs/experiments/bf-only-compact-cpu.yaml
fi

stage 5 "export ONNX model packages (model.onnx + model.json, checksummed)"
export_run() { ./prodet export --run "$1" --name "prodet-$1" --version 1; }
export_run demo
if [ "$COMPARE" = true ]; then export_run demo-vht; export_run demo-bf-only; fi

stage 6 "evaluate on the test split: real faces vs SBI, CBI, swap and splice forgeries of them (splice is held out of training)"
evaluate() { # run-id
  ./prodet eval --model "models/prodet-$1/1" --dataset data/sample --split test --forge each,all \
    --out "runs/$1/report"
}
evaluate demo
if [ "$COMPARE" = true ]; then evaluate demo-vht; evaluate demo-bf-only; fi

stage 7 "serve the package with the edge runtime (no DJL) and score held-out faces over HTTP"
SERVE_LOG="$REPORT/serve.log"
./prodet serve --models models --port "$PORT" > "$SERVE_LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/v2/health/ready" > /dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/v2/health/ready" > /dev/null || { echo "the edge runtime did not become ready; see $SERVE_LOG" >&2; exit 1; }
SERVED="$REPORT/served.jsonl"
: > "$SERVED"
for f in "$REPORT"/served-inputs/*.png; do
  kind="$(basename "$f" .png | cut -d- -f2)"
  answer="$(curl -s -X POST -H 'Content-Type: image/png' --data-binary "@$f" \
    "http://127.0.0.1:$PORT/v1/detect?model=prodet-demo&aligned=true")"
  printf '{"file":"%s","kind":"%s","answer":%s}\n' "$(basename "$f")" "$kind" "$answer" >> "$SERVED"
done
kill "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
trap - EXIT
echo "served $(wc -l < "$SERVED") faces; answers in $SERVED"

stage 8 "write the report"
JACKSON="$(find "$ROOT/runtime/dist/target/prodet/bundles/com/fasterxml/jackson/core" -name '*.jar' | tr '\n' ':')"
java -cp "$JACKSON" "$ROOT/scripts/DemoReport.java" "$ROOT/runs" "$COMPARE"
echo "report: $REPORT/index.html"
