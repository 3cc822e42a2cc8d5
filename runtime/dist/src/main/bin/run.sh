#!/bin/sh
# Starts the ProDet runtime from this distribution. Options: see `run.sh --help` (e.g. --features core,cli).
HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
# Everything kept between runs follows $HOME, as the scripts do: Java's user.home comes from the password database
# and is another folder in containers, CI and under sudo. The ProDet home is $PRODET_HOME, else $HOME/.cache/prodet
# (dev.prodet.api.home.ProdetHome); DJL and JavaCPP unpack their natives under $HOME; temporary files go to $TMPDIR.
if [ -n "${HOME:-}" ]; then
  CACHES="$HOME"
  PRODET_HOME="${PRODET_HOME:-$HOME/.cache/prodet}"
elif [ -n "${PRODET_HOME:-}" ]; then
  CACHES="$PRODET_HOME" # no HOME (some containers): the native caches go under the ProDet home
else
  echo "prodet: neither HOME nor PRODET_HOME is set; set PRODET_HOME to a writable folder for the fetched assets" \
    "(and the native library caches)" >&2
  exit 2
fi
# libgomp spin-waits on small CPUs (10x step-time spikes on 2 cores); DJL: offline natives, no telemetry.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# ...but a thread that spins about 0.2 ms before sleeping catches the next kernel of the same step: 2-thread training
# step 169-176 -> 135-137 ms (docs/benchmarks.md "Training throughput"); 0 restores a pure passive wait.
export GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-20000}"
export DJL_OFFLINE="${DJL_OFFLINE:-true}"
export OPT_OUT_TRACKING="${OPT_OUT_TRACKING:-true}"
# ONNX Runtime >= 1.29 keeps a device id and telemetry queue under ~/.cache/Microsoft unless told not to before it loads.
export ORT_DISABLE_TELEMETRY="${ORT_DISABLE_TELEMETRY:-1}"
JAVACPP_CACHE="${PRODET_JAVACPP_CACHE:-$CACHES/.javacpp/cache-1.5.13}"
# PRODET_HEAP (e.g. 1g, 512m) sets the Java heap; the edge runtime sizes its memory budget from it.
HEAP_OPT=""
if [ -n "${PRODET_HEAP:-}" ]; then
  case "$PRODET_HEAP" in
    *[!0-9kKmMgG]*|[!0-9]*) echo "run.sh: PRODET_HEAP must be a size such as 1g or 512m, got '$PRODET_HEAP'" >&2; exit 2 ;;
  esac
  HEAP_OPT="-Xmx$PRODET_HEAP"
fi
# PRODET_JAVA_OPTS comes last so that its -D settings win
exec java $HEAP_OPT -Dapp.home="$HOME_DIR" -Dprodet.home="$PRODET_HOME" -DDJL_CACHE_DIR="${DJL_CACHE_DIR:-$CACHES/.djl.ai}" \
  -Dorg.bytedeco.javacpp.cachedir="$JAVACPP_CACHE" -Djava.io.tmpdir="${TMPDIR:-/tmp}" ${PRODET_JAVA_OPTS:-} \
  -jar "$HOME_DIR/lib/launcher.jar" "$@"
