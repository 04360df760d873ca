#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: boot the reference kernel under -icount shift=0 (guest time
# base ticks then count emulated instructions, deterministically), run
# each tests/bench/*.S guest on every device that can run guests, and
# print ticks per loop iteration, one line per program:
#   priv-mfmsr b3pr=... kvmpr=... ratio=...
# ratio = b3pr / kvmpr; a column reads n/a where that device ran nothing.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

"$top/tools/host/deps.sh" || exit 1
B3PR_QEMU_EXTRA="${B3PR_QEMU_EXTRA:-} -icount shift=0" \
	B3PR_BOOT_TIMEOUT=${B3PR_BOOT_TIMEOUT:-900} \
	"$top/tools/host/boot.sh" ref ref_bench POWER8 >&2
rc=$?
# BENCH NAME LABEL TICKS ITERS, from scenario_ref_bench.
awk '$1 == "BENCH" {
	t[$2, $3] = $4 / $5; names[$2] = 1
	if (!($2 in order)) { order[$2] = ++n; list[n] = $2 }
}
function col(name, label) {
	return ((name, label) in t) ? sprintf("%.1f", t[name, label]) : "n/a"
}
END {
	for (i = 1; i <= n; i++) {
		p = list[i]; b = col(p, "b3pr"); k = col(p, "kvm-pr")
		r = "n/a"
		if (b != "n/a" && k != "n/a" && t[p, "kvm-pr"] > 0)
			r = sprintf("%.2f", t[p, "b3pr"] / t[p, "kvm-pr"])
		printf "%s b3pr=%s kvmpr=%s ratio=%s\n", p, b, k, r
	}
	if (!n) { print "bench: no results" > "/dev/stderr"; exit 1 }
}' "$top/build/e2e/ref-ref_bench/console.txt" || rc=1
exit $rc
