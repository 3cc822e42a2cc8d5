#!/usr/bin/env bash
# The main job, end to end on the embedded sample data (./prodet demo [--budget MIN] [--compare] [--fresh]):
# fetch assets -> build the sample dataset -> look at the anchors -> train ProDet on ImageNet-pretrained
# MobileNetV2 within a time budget -> export the ONNX package -> choose its threshold on the validation split ->
# evaluate it on held-out videos and people -> serve it over HTTP and score held-out faces ->
# runs/demo/report/index.html. --compare also trains ProDet, VHT and BF-only on the compact network for the same
# number of steps with 3 seeds (scripts/compare.sh; hours on 2 cores) and adds the table. Every stage reuses what an
# earlier run left (assets, dataset, converted weights, finished runs, packages).
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
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "prodet demo: unknown option '$1' (--budget MIN, --compare, --fresh)" >&2; exit 2 ;;
  esac
done
REPORT="$ROOT/runs/demo/report"
STAGES=9
stage() { printf '\n== [%s/%s] %s\n' "$1" "$STAGES" "$2"; }

stage 1 "fetch the pinned assets (face models, ImageNet-trained MobileNetV2, portraits, demo videos; checksummed, cached)"
bash scripts/fetch-assets.sh
CONFIG=configs/experiments/prodet-mobilenetv2-cpu.yaml
WEIGHTS=weights/mobilenetv2-imagenet-nsfwjs.safetensors # the config's model.pretrained
converted() { # the conversion is deterministic: its result is pinned like the assets it is made from
  grep "  $WEIGHTS\$" scripts/converted.sha256 | sha256sum -c --status
}
if [ -f "$WEIGHTS" ] && ! converted; then
  mv -f "$WEIGHTS" "$WEIGHTS.unpinned"
  echo "$WEIGHTS is not what the conversion makes (damaged, replaced or from an older version); kept it as" \
    "$WEIGHTS.unpinned and converting again"
fi
if [ ! -f "$WEIGHTS" ]; then
  ASSETS="${PRODET_HOME:-$HOME/.cache/prodet}/assets" # the rule of scripts/fetch-assets.sh
  ./prodet weights import-tfjs "$ASSETS/weights/nsfwjs-4.4.0/mobilenet_v2/model.min.js" "$WEIGHTS"
  converted || { echo "prodet demo: $WEIGHTS does not match scripts/converted.sha256 after conversion" >&2; exit 1; }
fi

stage 2 "build the sample dataset (aligned faces; train: 2 videos + 4 group photos, validation: the end of each video + 2 other group photos, test: an unseen video and 2 unseen people)"
./prodet data sample

stage 3 "make anchors: real | SBI | CBI | face swap, with their blend masks"
mkdir -p "$REPORT/served-inputs"
./prodet data forge --dataset data/sample --split test --preview 6 --out "$REPORT/anchors.png" \
  --dump "$REPORT/served-inputs"

forget_training() { # run-id: delete the run's training state, keep what earlier stages wrote (runs/ID/report*)
  if [ -d "runs/$1" ]; then find "runs/$1" -mindepth 1 -maxdepth 1 ! -name 'report*' -exec rm -rf {} +; fi
}

train() { # run-id config
  local id="$1" cfg="$2"
  if [ "$FRESH" = true ]; then forget_training "$id"; fi
  if [ -f "runs/$id/.complete" ] && [ "$(cat "runs/$id/.complete")" = "$BUDGET $cfg" ]; then
    echo "run $id already trained from $cfg with a $BUDGET-minute budget (delete runs/$id or pass --fresh to retrain)"
    return
  fi
  if [ -f "runs/$id/config.yaml" ] && ! grep -qs "^  name: $(basename "$cfg" .yaml)\$" "runs/$id/config.yaml"; then
    echo "runs/$id was trained from another config; training it afresh from $cfg"
    forget_training "$id"
  fi
  local resume=()
  if [ -d "runs/$id/checkpoints" ]; then resume=(--resume); fi
  ./prodet train "$cfg" --run-id "$id" --set "run.budgetMinutes=$BUDGET" --set run.steps=100000 \
    --set run.logEvery=20 "${resume[@]}"
  echo "$BUDGET $cfg" > "runs/$id/.complete"
}

stage 4 "train ProDet (opr-tb) on MobileNetV2 from ImageNet weights, $BUDGET-minute budget"
train demo "$CONFIG"

stage 5 "export the ONNX model package (model.onnx + model.json, checksummed)"
./prodet export --run demo --name prodet-demo --version 1

stage 6 "choose the package threshold on the validation split (EER of its real faces vs their SBI, CBI and swap)"
./prodet eval --model models/prodet-demo/1 --dataset data/sample --calibrate --map-faces 0 \
  --out runs/demo/report-val | grep -E 'threshold|AUC|rror' || true

stage 7 "evaluate on the test split: real faces vs SBI, CBI, swap and splice forgeries of them (splice is held out of training)"
./prodet eval --model models/prodet-demo/1 --dataset data/sample --split test --forge each,sbi,cbi,swap,splice \
  --out runs/demo/report
if [ "$COMPARE" = true ]; then
  STEPS="$(ls runs/demo/checkpoints | sed -n 's/^step-0*\([0-9][0-9]*\)$/\1/p' | sort -n | tail -1)"
  STEPS=$((STEPS + 1))
  echo "-- --compare: ProDet, VHT and BF-only on the compact network for $STEPS steps each (the steps this run reached), 3 seeds"
  bash scripts/compare.sh --steps "$STEPS"
fi

stage 8 "serve the package with the edge runtime (no DJL) and score held-out faces over HTTP"
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

stage 9 "write the report"
JACKSON="$(find "$ROOT/runtime/dist/target/prodet/bundles/com/fasterxml/jackson/core" -name '*.jar' | tr '\n' ':')"
java -cp "$JACKSON" "$ROOT/scripts/DemoReport.java" "$ROOT/runs" "$COMPARE"
echo "report: $REPORT/index.html"
