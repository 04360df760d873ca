#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: boot Debian's own ppc64el kernel on an emulated POWER8, load
# b3pr and show what it answers. Needs no reference kernel build.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

say "step 1/4: tools from Debian's archive (first run: a few minutes)"
"$B3PR_SRC/tools/host/deps.sh"
say "step 2/4: Debian's ppc64el kernel, b3pr.ko cross-built for it"
say "step 3/4: booting the emulated POWER8 host (about 20 s)"
# show_boot SCENARIO: what the guest and b3pr said, shown either way.
show_boot() {
	sed -n '/^E2E-BEGIN/,/^E2E-DMESG-BEGIN/p' "$B3PR_SRC/build/e2e/debian-$1/console.txt" |
		grep -v -e '^E2E-BEGIN' -e '^E2E-DMESG-BEGIN' || true
}
rc=0
B3PR_BOOT_TIMEOUT=300 "$B3PR_SRC/tools/host/boot.sh" debian demo POWER8 >/dev/null || rc=$?
show_boot demo
[ "$rc" = 0 ] || die "the demo failed (boot.sh exit $rc): see build/e2e/debian-demo/console.txt"
say "step 4/4: Debian's qemu-system-ppc in that host, -accel kvm on b3pr, boots a"
say "          32-bit Linux Mac guest (mac99, G4; first run builds it: about 10 min;"
say "          the boot itself takes about 5 min under this emulation)"
B3PR_BOOT_TIMEOUT=900 "$B3PR_SRC/tools/host/boot.sh" debian demo_mac POWER8 >/dev/null || rc=$?
show_boot demo_mac
[ "$rc" = 0 ] || die "the Mac guest demo failed (boot.sh exit $rc): see build/e2e/debian-demo_mac/console.txt"
