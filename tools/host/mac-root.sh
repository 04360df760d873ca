#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mac-root.sh WORKDIR: what the emulated host needs to boot Mac guests
# through Debian's QEMU: the QEMU root (qemu-root.sh) and the guest
# kernels (mac-guest-kernel.sh) as /qemu/guest/pmac32 and /qemu/guest/g5.
# Prints the two uncompressed cpio archives for B3PR_INITRAMFS_EXTRA.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

work=$1
qemu_cpio=$("$B3PR_SRC/tools/host/qemu-root.sh")
root=$work/mac-guests
rm -rf "$root"
mkdir -p "$root/qemu/guest"
for k in pmac32 g5; do
	cp "$("$B3PR_SRC/tools/host/mac-guest-kernel.sh" "$k")" "$root/qemu/guest/$k"
done
(cd "$root" && find . | cpio -o -H newc --quiet) >"$work/mac-guests.cpio"
rm -rf "$root"
echo "$qemu_cpio $work/mac-guests.cpio"
