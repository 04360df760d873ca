#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# All e2e boots: Debian's stock kernel as POWER8, as POWER9 with the radix
# MMU (refusal) and with the hash MMU, and the reference kernel with kvm-pr;
# the timing-exact guest programs under -icount on both.
# Ends with "e2e: N passed, M failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

"$top/tools/host/deps.sh" || exit 1
. "$top/tests/e2e/boot-sum.sh"

run debian debian_power8 POWER8
run debian debian_power9_radix POWER9
run debian debian_power10 POWER10 disable_radix
run debian debian_power9_hash POWER9 disable_radix
# Two CPUs, run in parallel by TCG: guests on both at once.
B3PR_SMP=2 B3PR_QEMU_EXTRA='-accel tcg,thread=multi' run debian debian_smp POWER8
# An NMI while a guest runs, and in the exit window: the kernel's handler
# on host state.
B3PR_SMP=2 B3PR_QEMU_EXTRA='-accel tcg,thread=multi' run debian debian_nmi POWER8 nohz_full=1
B3PR_SMP=2 B3PR_QEMU_EXTRA='-accel tcg,thread=multi' run debian debian_nmi_window POWER8
# 1024 possible CPUs, one present.
B3PR_SMP=1,maxcpus=1024 run debian debian_many_cpus POWER8
# kdump: the host crashes while a guest runs on its other CPU; the
# capture kernel, relocated to 512 MB, runs every guest program.
B3PR_BOOT_TIMEOUT=600 B3PR_SMP=2 B3PR_MEM=4G B3PR_CAPTURE=1 \
	B3PR_QEMU_EXTRA='-accel tcg,thread=multi' \
	run debian debian_kdump POWER8 crashkernel=512M
# Time as the instruction count: the timing-exact guest programs.
B3PR_QEMU_EXTRA='-icount shift=0' run debian debian_icount POWER8
[ -n "${B3PR_SKIP_REF:-}" ] || run ref ref_power8 POWER8
[ -n "${B3PR_SKIP_REF:-}" ] || run ref ref_guest POWER8
# kvm-pr VMs coming and going beside a b3pr guest: AIL stays off.
[ -n "${B3PR_SKIP_REF:-}" ] || B3PR_SMP=2 B3PR_QEMU_EXTRA='-accel tcg,thread=multi' run ref ref_ail POWER8
[ -n "${B3PR_SKIP_REF:-}" ] || B3PR_QEMU_EXTRA='-icount shift=0' run ref ref_icount POWER8
# Mac guests through Debian's QEMU on b3pr as QEMU's KVM (and kvm-pr,
# recorded): about 10 minutes of boots on Debian's kernel and 5 on the
# reference one, on top of the guest kernels' first build; B3PR_SKIP_MAC=1
# leaves them out. B3PR_MAC_KVM_DEV names the device QEMU gets as
# /dev/kvm (default: b3pr's own /dev/kvm on Debian's kernel, /dev/b3pr
# bound over the built-in kvm.ko's on the reference one).
if [ -z "${B3PR_SKIP_MAC:-}" ]; then
	mac_dev=${B3PR_MAC_KVM_DEV:+mac_kvm_dev=$B3PR_MAC_KVM_DEV}
	B3PR_BOOT_TIMEOUT=1800 run debian debian_mac_kvm POWER8 "$mac_dev"
	[ -n "${B3PR_SKIP_REF:-}" ] || B3PR_BOOT_TIMEOUT=1200 run ref ref_mac_kvm POWER8
fi
echo "e2e: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
