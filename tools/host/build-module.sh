#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-module.sh KDIR OUTDIR RELEASE: cross-build b3pr.ko with W=1 in OUTDIR (a
# copy of the sources, so builds for several kernels never share objects).
# Fails on any compiler warning and on a vermagic that is not RELEASE's
# (the kernel image's `uname -r`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$1 out=$2 release=$3
mkdir -p "$out"
rsync -a --delete --exclude build --exclude .git --exclude tests --exclude tools \
	"$B3PR_SRC/" "$out/"
log=$out/build.log
if ! make -C "$kdir" M="$out" ARCH=powerpc CROSS_COMPILE="$CROSS_COMPILE" \
	W=1 modules >"$log" 2>&1; then
	cat "$log" >&2
	die "module build failed against $kdir"
fi
if grep -E 'warning:' "$log" >&2; then
	die "module build has warnings (W=1) against $kdir"
fi
vermagic=$(modinfo -F vermagic "$out/b3pr.ko")
[ "${vermagic%% *}" = "$release" ] ||
	die "b3pr.ko vermagic '$vermagic' does not match kernel $release"
echo "$out/b3pr.ko"
