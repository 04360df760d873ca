#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# initramfs.sh OUT.cpio.gz RELEASE B3PR_KO [MODULES_TREE [EXTRA_TREE]]:
# the emulated host's root: busybox, /init and its scenarios, the e2e test
# binaries, b3pr.ko installed for modprobe (and the kernel's own modules,
# and a tree of further files, if given).
# B3PR_INITRAMFS_EXTRA: cpio archives (space separated) appended as they
# are, uncompressed, so the kernel unpacks them without inflating.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1 release=$2 ko=$3 modules=${4:-} extra=${5:-}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,lib/modules/"$release"/extra}
cp "$B3PR_CACHE/busybox-ppc64el/root/bin/busybox" "$root/bin/busybox"
if [ -n "$modules" ]; then
	cp -a "$modules/lib/modules/$release/." "$root/lib/modules/$release/"
	rm -f "$root/lib/modules/$release"/{build,source}
fi
cp "$ko" "$root/lib/modules/$release/extra/"
install -m 755 "$B3PR_SRC/tests/e2e/init.sh" "$root/init"
cp "$B3PR_SRC"/tests/e2e/scenarios*.sh "$root/"
cp "$B3PR_SRC"/build/e2e/bin/* "$root/bin/"
[ -z "$extra" ] || cp -a "$extra/." "$root/"
install -m 755 "$B3PR_SRC/tools/host/mac-guest.sh" "$root/bin/mac-guest"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
for archive in ${B3PR_INITRAMFS_EXTRA:-}; do
	# The kernel takes an uncompressed archive only at a 4-byte boundary.
	truncate -s %4 "$out"
	cat "$archive" >>"$out"
done
