#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: boot the reference kernel under -icount shift=0 (guest time
# base ticks then count emulated instructions, deterministically), run
# each tests/bench/*.S guest on every device that can run guests, and
# print ticks per loop iteration, one line per program:
#   priv-mfmsr b3pr=... kvmpr=... ratio=...
# ratio = b3pr / kvmpr; a column reads n/a where that device ran nothing.
# Then the host path: what b3pr's hooks cost the host's own interrupts.
# Twice: under QEMU's default pseries capabilities (what a user's host
# has), then with the L1D flush forced to the software fallback
# (B3PR_BENCH_DEFAULT_ONLY=1 skips the second). Last, Mac guests through
# Debian's QEMU: seconds to OpenBIOS's prompt and to Linux's init, nested
# TCG against b3pr (see mac_bench).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

"$top/tools/host/deps.sh" || exit 1
rc=0
# bench_boot TITLE: one boot of scenario ref_bench under the caps in
# B3PR_MACHINE_CAPS (see tools/host/boot.sh), its tables under TITLE.
bench_boot() {
	echo "== $1"
	B3PR_QEMU_EXTRA="${B3PR_QEMU_EXTRA:-} -icount shift=0" \
		B3PR_BOOT_TIMEOUT=${B3PR_BOOT_TIMEOUT:-900} \
		"$top/tools/host/boot.sh" ref ref_bench POWER8 >&2 || rc=1
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
	# HOSTPATH KIND LABEL TICKS ITERS, from hostpath_run: the host's own
	# interrupts under each LABEL (see scenario_ref_bench). The insn loop
	# gives ticks per host instruction (0.512 under -icount shift=0); each
	# other kind prints ticks per interrupt under every label, then in host
	# instructions per interrupt:
	#   delta-insns       kvmpr-vm+b3pr - kvmpr-vm: b3pr's stubs on the real
	#                     vectors (a kvm-pr VM holds AIL off in both)
	#   idle-delta-insns  b3pr - no-b3pr: b3pr loaded, no VM (AIL on)
	awk '$1 == "HOSTPATH" {
		t[$2, $3] = $4 / $5
		if (!($2 in seen)) { seen[$2] = 1; kinds[++n] = $2 }
		if (!($3 in lseen)) { lseen[$3] = 1; labels[++nl] = $3 }
	}
	function delta(kind, with, without) {
		if (!((kind, with) in t) || !((kind, without) in t) || tpi <= 0)
			return "n/a"
		return sprintf("%.1f", (t[kind, with] - t[kind, without]) / tpi)
	}
	END {
		tpi = (("insn", "no-b3pr") in t) ? t["insn", "no-b3pr"] : 0
		for (i = 1; i <= n; i++) {
			k = kinds[i]
			line = "hostpath " k
			for (j = 1; j <= nl; j++) {
				l = labels[j]
				if ((k, l) in t)
					line = line sprintf(k == "insn" ? " %s=%.4f" : " %s=%.1f",
							    l, t[k, l])
			}
			if (k != "insn")
				line = line " delta-insns=" delta(k, "kvmpr-vm+b3pr", "kvmpr-vm") \
					" idle-delta-insns=" delta(k, "b3pr", "no-b3pr")
			print line
		}
		if (!n) { print "bench: no hostpath results" > "/dev/stderr"; exit 1 }
	}' "$top/build/e2e/ref-ref_bench/console.txt" || rc=1
}

# What a user's host has: QEMU's default pseries capabilities (the host
# flushes the L1D with ori30 on a return to problem state).
B3PR_MACHINE_CAPS= bench_boot "default capabilities (ori30 L1D flush)"
# The fallback: no firmware flush, the software displacement flush.
[ -n "${B3PR_BENCH_DEFAULT_ONLY:-}" ] ||
	B3PR_MACHINE_CAPS=,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off \
	bench_boot "cap-cfpc=broken (software displacement flush)"
# Mac guests through Debian's QEMU in the emulated host (scenario
# debian_mac_bench): seconds from QEMU's start to the OpenBIOS prompt or
# the Linux guest's init, nested TCG against b3pr as QEMU's KVM:
#   mac g4-init-marker tcg=... b3pr=... speedup=...
# (n/a where a run failed). Minutes under nested TCG:
# B3PR_BENCH_SKIP_MAC=1 leaves it out.
mac_bench() {
	local console=$top/build/e2e/debian-debian_mac_bench/console.txt
	echo "== Mac guests through Debian's QEMU (seconds to the prompt or init)"
	B3PR_BOOT_TIMEOUT=${B3PR_BOOT_TIMEOUT:-3600} \
		"$top/tools/host/boot.sh" debian debian_mac_bench POWER8 >&2 || rc=1
	# MACTIME ACCEL/GUEST-STEP SECONDS, from mac_guests.
	awk '$1 == "MACTIME" {
		split($2, f, "/"); t[f[2], f[1]] = $3
		if (!(f[2] in seen)) { seen[f[2]] = 1; list[++n] = f[2] }
	}
	function col(s, a) { return ((s, a) in t) ? t[s, a] : "n/a" }
	END {
		for (i = 1; i <= n; i++) {
			s = list[i]; x = col(s, "tcg"); b = col(s, "b3pr"); r = "n/a"
			if (x != "n/a" && b != "n/a" && b > 0)
				r = sprintf("%.1f", x / b)
			printf "mac %s tcg=%s b3pr=%s speedup=%s\n", s, x, b, r
		}
		if (!n) { print "bench: no Mac guest results" > "/dev/stderr"; exit 1 }
	}' "$console" || rc=1
}
[ -n "${B3PR_BENCH_SKIP_MAC:-}" ] || mac_bench
exit $rc
