#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# boot.sh KERNEL SCENARIO [QEMU -cpu ARG] [EXTRA KERNEL ARGS]
#
# Boot the emulated pseries host (TCG) with KERNEL (debian or ref), run
# SCENARIO from tests/e2e/scenarios.sh, and judge the console: the run
# fails on any failed check, a missing end marker, a kernel Oops, BUG,
# WARNING or Call Trace, or a b3pr: line nobody expected. Prints
# "boot NAME: N passed, M failed" last.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kernel.sh"

kernel=$1 scenario=$2 cpu=${3:-POWER8} extra=${4:-}
name=$kernel-$scenario
work=$B3PR_SRC/build/e2e/$name
mkdir -p "$work"
timeout_s=${B3PR_BOOT_TIMEOUT:-300}
# The tests force the software L1D flush and no speculation barriers,
# whatever QEMU's TCG offers; B3PR_MACHINE_CAPS= (empty) keeps QEMU's
# pseries defaults (the host flushes with the ori30 instruction, as on
# patched firmware), which is what make bench measures.
caps=${B3PR_MACHINE_CAPS-,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off}

select_kernel "$kernel"
ko=$("$B3PR_SRC/tools/host/build-module.sh" "$KERNEL_KDIR" "$B3PR_SRC/build/module-$kernel" \
	"$KERNEL_RELEASE")
make -s -C "$B3PR_SRC" e2e-binaries
# Mac scenarios run Debian's QEMU in the host: its root and the guests.
case "$scenario" in
*_mac|*_mac_*) B3PR_INITRAMFS_EXTRA=$("$B3PR_SRC/tools/host/mac-root.sh" "$work")
	       export B3PR_INITRAMFS_EXTRA ;;
esac
"$B3PR_SRC/tools/host/initramfs.sh" "$work/initramfs.cpio.gz" \
	"$KERNEL_RELEASE" "$ko" "$KERNEL_MODULES"

say "booting $KERNEL_RELEASE on emulated $cpu for '$scenario' (timeout ${timeout_s}s)"
log=$work/console.log
start=$(date +%s)
set +e
timeout "$timeout_s" qemu-system-ppc64 -M "pseries$caps" \
	-cpu "$cpu" -m 2G -smp "${B3PR_SMP:-1}" -nographic -nodefaults \
	-serial mon:stdio -no-reboot ${B3PR_QEMU_EXTRA:-} \
	-kernel "$KERNEL_VMLINUX" -initrd "$work/initramfs.cpio.gz" \
	-append "console=hvc0 loglevel=5 panic=-1 b3pr_e2e=$scenario $extra" \
	</dev/null >"$log" 2>&1
rc=$?
set -e
end=$(date +%s)
say "boot took $(( end - start )) s (qemu exit $rc); console in $log"

# Judge the console.
tr -d '\r' <"$log" >"$work/console.txt"
passed=$(grep -c '^E2E-PASS ' "$work/console.txt" || true)
failed=$(grep -c '^E2E-FAIL ' "$work/console.txt" || true)
grep '^E2E-FAIL ' "$work/console.txt" >&2 || true
problem() { echo "E2E-FAIL $name/$1: $2" >&2; failed=$(( failed + 1 )); }
[ "$rc" = 124 ] && problem timeout "no power-off within ${timeout_s}s"
grep -q '^E2E-END$' "$work/console.txt" || problem end-marker "the scenario did not finish"
grep -E 'Oops|kernel BUG|BUG:|WARNING:|Call Trace|Kernel panic' "$work/console.txt" >&2 &&
	problem kernel-clean "the kernel reported a problem"
# b3pr: lines that are neither our banner, the taint notes every
# out-of-tree module gets, nor announced by the scenario.
allowed=$(sed -n 's/^E2E-EXPECT-LOG //p' "$work/console.txt")
allowed=$(printf '%s\n' 'b3pr: loaded on ' 'loading out-of-tree module taints kernel' \
	'module verification failed' "$allowed" | grep -v '^$')
unexpected=$(grep 'b3pr: ' "$work/console.txt" | grep -v '^E2E-' |
	grep -vF -f <(printf '%s\n' "$allowed") || true)
[ -n "$unexpected" ] && { printf '%s\n' "$unexpected" >&2; problem log-clean "unexpected b3pr: lines"; }
echo "boot $name: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
