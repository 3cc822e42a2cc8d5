#!/usr/bin/env bash
# Step-matched comparison on the sample data (a benchmark; ./prodet bench compare [--steps N] [--seeds S,S,S]):
# ProDet (opr-tb), VHT and BF-only, each trained for the same number of steps with each seed, each package's
# threshold chosen on the validation split (EER), each evaluated on the test split against SBI, CBI, face swap and
# the held-out splice. Writes runs/compare/compare.md: frame AUC per forgery type and the false-positive rate on the
# held-out real faces, mean ± sd over the seeds. A finished run is reused (delete runs/compare-* to retrain);
# --prodet-run ID makes an existing ProDet run of that many steps the first seed's (./prodet demo --compare does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STEPS=1500
SEEDS=1024,1025,1026
PRODET_RUN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) STEPS="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --prodet-run) PRODET_RUN="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "prodet bench compare: unknown option '$1' (--steps N, --seeds S,S,S, --prodet-run ID)" >&2; exit 2 ;;
  esac
done
[[ "$STEPS" =~ ^[1-9][0-9]*$ ]] || { echo "prodet bench compare: --steps needs a positive whole number, got '$STEPS'" >&2; exit 2; }
quiet() { grep -v -E '^(Nov|Dec|Jan|[A-Z][a-z]{2} [0-9]+, [0-9]{4}) |INFO: Registered provider|^Warning: Version of org.bytedeco|CudaUtils' || true; }
METHODS=(prodet:configs/experiments/prodet-compact-cpu.yaml vht:configs/experiments/vht-compact-cpu.yaml
  bf-only:configs/experiments/bf-only-compact-cpu.yaml)
IFS=, read -r -a SEED_LIST <<< "$SEEDS"
FIRST_SEED="${SEED_LIST[0]}"
for m in "${METHODS[@]}"; do
  method="${m%%:*}"; cfg="${m#*:}"
  for seed in "${SEED_LIST[@]}"; do
    id="compare-$method-s$seed"
    if [ "$method" = prodet ] && [ "$seed" = "$FIRST_SEED" ] && [ -n "$PRODET_RUN" ]; then
      rm -rf "runs/$id"; mkdir -p "runs/$id"
      cp -r "runs/$PRODET_RUN/checkpoints" "runs/$id/"
      echo "$STEPS" > "runs/$id/.steps"
    fi
    if [ ! -f "runs/$id/.steps" ] || [ "$(cat "runs/$id/.steps")" != "$STEPS" ]; then
      echo "== $id: $STEPS steps"
      rm -rf "runs/$id"
      ./prodet train "$cfg" --run-id "$id" --set "run.steps=$STEPS" --set "run.seed=$seed" --set run.budgetMinutes=0 \
        --set run.logEvery=100 --set "run.checkpointEvery=$STEPS" 2>&1 | quiet
      echo "$STEPS" > "runs/$id/.steps"
    fi
    rm -rf "models/$id"
    ./prodet export --run "$id" --name "$id" --version 1 2>&1 | quiet | grep -E '^exported|rror' || true
    ./prodet eval --model "models/$id/1" --dataset data/sample --calibrate --map-faces 0 \
      --out "runs/$id/report-val" 2>&1 | quiet | grep -E 'threshold|rror' || true
    ./prodet eval --model "models/$id/1" --dataset data/sample --split test --forge each,sbi,cbi,swap,splice \
      --map-faces 0 --out "runs/$id/report" 2>&1 | quiet | grep -E 'frame AUC|rror' || true
  done
done
JACKSON="$(find "$ROOT/runtime/dist/target/prodet/bundles/com/fasterxml/jackson/core" -name '*.jar' | tr '\n' ':')"
java -cp "$JACKSON" "$ROOT/scripts/CompareReport.java" "$ROOT/runs" "$STEPS" "$SEEDS"
