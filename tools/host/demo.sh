#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: boot Debian's own ppc64el kernel on an emulated POWER8, load
# b3pr and show what it answers. Needs no reference kernel build.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

say "step 1/3: tools from Debian's archive (first run: a few minutes)"
"$B3PR_SRC/tools/host/deps.sh"
say "step 2/3: Debian's ppc64el kernel, b3pr.ko cross-built for it"
say "step 3/3: booting the emulated POWER8 host (about 20 s)"
# What the guest and b3pr said is shown either way; a failed boot fails.
rc=0
B3PR_BOOT_TIMEOUT=300 "$B3PR_SRC/tools/host/boot.sh" debian demo POWER8 >/dev/null || rc=$?
sed -n '/^E2E-BEGIN/,/^E2E-DMESG-BEGIN/p' "$B3PR_SRC/build/e2e/debian-demo/console.txt" |
	grep -v -e '^E2E-BEGIN' -e '^E2E-DMESG-BEGIN' || true
[ "$rc" = 0 ] || die "the demo failed (boot.sh exit $rc): see build/e2e/debian-demo/console.txt"
