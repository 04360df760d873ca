#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# boot.sh KERNEL SCENARIO [QEMU -cpu ARG] [EXTRA KERNEL ARGS]
#
# B3PR_SMP (CPUs, 1), B3PR_MEM (memory, 2G), B3PR_QEMU_EXTRA (more QEMU
# options); B3PR_CAPTURE=1 puts the same kernel and a copy of the
# initramfs in /boot of the initramfs, with Debian's kexec-tools, for a
# scenario that loads them as its kdump capture kernel.
#
# Boot the emulated pseries host (TCG) with KERNEL (debian or ref), run
# SCENARIO from tests/e2e/scenarios.sh, and judge the console: the run
# fails on any failed check, a missing end marker, a kernel Oops, BUG,
# WARNING or Call Trace, or a b3pr: line nobody expected. Prints
# "boot NAME: N passed, M failed" last.
#
# A scenario may drive QEMU's monitor: a console line "E2E-MONITOR CMD"
# sends CMD to it (e.g. nmi). A scenario that ends the host on purpose
# prints "E2E-EXPECT-PANIC PATTERN" lines first: then each PATTERN (an
# extended regular expression) must appear on the console after it, the
# kernel's oops and panic are expected, and no end marker is.
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
# /etc/kernel.syms: link-time addresses of kernel variables the
# scenarios read through /proc/kcore (kpeek), with _stext to find them
# in a relocated kernel; Debian's kernel lists no data in /proc/kallsyms.
extra_root=$work/extra-root
rm -rf "$extra_root"
mkdir -p "$extra_root/etc"
"${CROSS_COMPILE}nm" "$KERNEL_VMLINUX" |
	awk '$3 == "_stext" || $3 == "ppc64_rma_size" { print $3, $1 }' >"$extra_root/etc/kernel.syms"
# Mac scenarios run Debian's QEMU in the host: its root and the guests.
case "$scenario" in
*_mac|*_mac_*) B3PR_INITRAMFS_EXTRA=$("$B3PR_SRC/tools/host/mac-root.sh" "$work")
	       export B3PR_INITRAMFS_EXTRA ;;
esac
"$B3PR_SRC/tools/host/initramfs.sh" "$work/initramfs.cpio.gz" \
	"$KERNEL_RELEASE" "$ko" "$KERNEL_MODULES" "$extra_root"
if [ -n "${B3PR_CAPTURE:-}" ]; then
	mkdir -p "$extra_root/boot"
	cp -a "$("$B3PR_SRC/tools/host/kexec-tools.sh")/." "$extra_root/"
	rm -rf "${extra_root:?}/usr/share"
	cp "$KERNEL_VMLINUX" "$extra_root/boot/vmlinux"
	mv "$work/initramfs.cpio.gz" "$extra_root/boot/capture.cpio.gz"
	"$B3PR_SRC/tools/host/initramfs.sh" "$work/initramfs.cpio.gz" \
		"$KERNEL_RELEASE" "$ko" "$KERNEL_MODULES" "$extra_root"
fi

say "booting $KERNEL_RELEASE on emulated $cpu for '$scenario' (timeout ${timeout_s}s)"
log=$work/console.log
: >"$log"
# The monitor, on a pair of FIFOs: what the scenario asks for, in order.
mon=$work/monitor
rm -f "$mon.in" "$mon.out"
mkfifo "$mon.in" "$mon.out"
cat "$mon.out" >"$work/monitor.log" &
monitor_reader=$!
(
	exec 3<>"$mon.in"
	sent=0
	while sleep 0.2; do
		mapfile -t cmds < <(tr -d '\r' <"$log" | sed -n 's/^E2E-MONITOR //p')
		while [ "$sent" -lt "${#cmds[@]}" ]; do
			echo "${cmds[$sent]}" >&3
			sent=$(( sent + 1 ))
		done
	done
) &
monitor_writer=$!
start=$(date +%s)
set +e
timeout "$timeout_s" qemu-system-ppc64 -M "pseries$caps" \
	-cpu "$cpu" -m "${B3PR_MEM:-2G}" -smp "${B3PR_SMP:-1}" -nographic -nodefaults \
	-serial mon:stdio -monitor "pipe:$mon" -no-reboot ${B3PR_QEMU_EXTRA:-} \
	-kernel "$KERNEL_VMLINUX" -initrd "$work/initramfs.cpio.gz" \
	-append "console=hvc0 loglevel=5 panic=-1 b3pr_e2e=$scenario $extra" \
	</dev/null >"$log" 2>&1
rc=$?
kill "$monitor_writer" "$monitor_reader" 2>/dev/null
wait "$monitor_writer" "$monitor_reader" 2>/dev/null
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
if grep -q '^E2E-EXPECT-PANIC ' "$work/console.txt"; then
	# Each pattern on the console after the first announcement.
	after=$(sed -n '/^E2E-EXPECT-PANIC /,$p' "$work/console.txt" | grep -v '^E2E-EXPECT-PANIC ')
	n=0
	while IFS= read -r pattern; do
		n=$(( n + 1 ))
		if grep -qE -- "$pattern" <<<"$after"; then
			echo "E2E-PASS $name/panic-$n: $pattern"
			passed=$(( passed + 1 ))
		else
			problem "panic-$n" "no console line matching '$pattern'"
		fi
	done < <(sed -n 's/^E2E-EXPECT-PANIC //p' "$work/console.txt")
	# Only the oops and panic asked for: nothing else once the scenario began.
	sed -n '/^E2E-BEGIN /,$p' "$work/console.txt" | grep -E 'kernel BUG|BUG:|WARNING:' >&2 &&
		problem kernel-clean "the kernel reported a problem besides the expected panic"
else
	grep -q '^E2E-END$' "$work/console.txt" || problem end-marker "the scenario did not finish"
	# A scenario that crashes the host on purpose says so ("E2E-EXPECT-CRASH
	# TEXT"): from there to the capture kernel's E2E-BEGIN the console must
	# hold TEXT, and is left out of the checks below (the capture kernel's
	# own boot is in its E2E-DMESG dump, which is not).
	crash=$(sed -n 's/^E2E-EXPECT-CRASH //p' "$work/console.txt")
	if [ -n "$crash" ]; then
		sed -n '/^E2E-EXPECT-CRASH /,/^E2E-BEGIN /p' "$work/console.txt" |
			grep -qF "$crash" || problem crash "no '$crash' after E2E-EXPECT-CRASH"
		sed -i '/^E2E-EXPECT-CRASH /,/^E2E-BEGIN /{/^E2E-/!d}' "$work/console.txt"
	fi
	grep -E 'Oops|kernel BUG|BUG:|WARNING:|Call Trace|Kernel panic' "$work/console.txt" >&2 &&
		problem kernel-clean "the kernel reported a problem"
fi
# b3pr: lines that are neither our banner, the taint notes every
# out-of-tree module gets, nor announced by the scenario.
allowed=$(sed -n 's/^E2E-EXPECT-LOG //p' "$work/console.txt")
# Where kvm.ko has /dev/kvm (the reference kernel), b3pr says so once.
allowed=$(printf '%s\n' 'b3pr: loaded on ' 'loading out-of-tree module taints kernel' \
	'module verification failed' 'b3pr: /dev/kvm belongs to another driver' \
	"$allowed" | grep -v '^$')
unexpected=$(grep 'b3pr: ' "$work/console.txt" | grep -v '^E2E-' |
	grep -vF -f <(printf '%s\n' "$allowed") || true)
[ -n "$unexpected" ] && { printf '%s\n' "$unexpected" >&2; problem log-clean "unexpected b3pr: lines"; }
echo "boot $name: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
