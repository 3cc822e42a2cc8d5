#!/usr/bin/env bash
# Fetches what lets an x86-64 machine run the ARM64 edge archive (tests/dist Arm64EmulatedIT): Debian's
# qemu-user-static (its qemu-aarch64-static only) and an arm64 Java 17 runtime with the libraries it loads, as
# Debian packages unpacked with dpkg -x (nothing is installed) into $PRODET_HOME/arm64-emulator (default
# ~/.cache/prodet). apt checks the packages against the signed archive index; a second run downloads nothing.
# The machine's apt configuration is left as it is: the arm64 package lists live in a private folder.
#
# usage: scripts/fetch-arm64-emulator.sh
set -euo pipefail

PRODET_HOME="${PRODET_HOME:-$HOME/.cache/prodet}"
OUT="$PRODET_HOME/arm64-emulator"
QEMU="$OUT/qemu-aarch64-static"
JAVA="$OUT/sysroot/usr/lib/jvm/java-17-openjdk-arm64/bin/java"
# the JRE and what it and the edge's natives load (libjpeg: the JRE's JPEG decoder)
ARM64_PACKAGES=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g libjpeg62-turbo)

say() { echo "fetch-arm64-emulator: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

if [ -x "$QEMU" ] && [ -x "$JAVA" ] && [ -f "$OUT/.complete" ]; then
  say "present in $OUT (nothing downloaded)"
  exit 0
fi
command -v apt-get >/dev/null && command -v dpkg >/dev/null && command -v dpkg-deb >/dev/null \
  || die "apt-get and dpkg are needed (Debian or Ubuntu); on another system install qemu-user-static and an arm64 JRE 17 by hand"

mkdir -p "$PRODET_HOME"
WORK="$(mktemp -d "$PRODET_HOME/.arm64-emulator.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
APT=(-o "APT::Architecture=amd64" -o "APT::Architectures::=amd64" -o "APT::Architectures::=arm64"
  -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache" -o "Dir::State::status=/dev/null"
  -o "APT::Sandbox::User=$(id -un)")
mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/debs"

say "apt-get update (private amd64 + arm64 package lists)"
apt-get "${APT[@]}" update -q >"$WORK/apt.log" 2>&1 || die "apt-get update failed:
$(tail -20 "$WORK/apt.log")"
ARM64=()
for p in "${ARM64_PACKAGES[@]}"; do ARM64+=("$p:arm64"); done
say "apt-get download qemu-user-static ${ARM64[*]}"
(cd "$WORK/debs" && apt-get "${APT[@]}" download -q qemu-user-static:amd64 "${ARM64[@]}" >>"$WORK/apt.log" 2>&1) \
  || die "apt-get download failed:
$(tail -20 "$WORK/apt.log")"

rm -rf "$OUT"
mkdir -p "$OUT/sysroot"
for deb in "$WORK"/debs/*_arm64.deb; do
  dpkg -x "$deb" "$OUT/sysroot" || die "dpkg -x could not unpack $deb"
done
dpkg-deb --fsys-tarfile "$WORK"/debs/qemu-user-static_*_amd64.deb | tar -x -C "$WORK" ./usr/bin/qemu-aarch64-static \
  || die "qemu-aarch64-static not found in the qemu-user-static package"
mv "$WORK/usr/bin/qemu-aarch64-static" "$QEMU"
"$QEMU" -L "$OUT/sysroot" "$JAVA" -version >/dev/null 2>&1 || die "the arm64 Java runtime does not start under $QEMU"
touch "$OUT/.complete"
say "qemu-aarch64-static and an arm64 Java 17 in $OUT"
