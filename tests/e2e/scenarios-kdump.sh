# SPDX-License-Identifier: GPL-2.0
#
# kdump: the host crashes while a guest runs on its other CPU, and the
# capture kernel, the same Debian kernel running relocated in the
# crashkernel= reservation, loads b3pr and runs every guest program.
# Booted by tests/e2e/run.sh with -smp 2 -m 4G crashkernel=512M and
# B3PR_CAPTURE=1 (/boot holds the kernel, its initramfs and kexec).

kdump_capture_args="console=hvc0 loglevel=5 panic=-1 b3pr_e2e=debian_kdump_capture nr_cpus=1 irqpoll reset_devices"

# With crashkernel=SIZE and no offset, a ppc64 kernel puts the region at
# min(RMA / 2, 512 MB) (arch/powerpc/kexec/core.c): 512 MB here, where the
# RMA of a POWER8 LPAR is at most 1 GB and the host has 4 GB.
kdump_reservation() {
	size=$(cat /sys/kernel/kexec_crash_size)
	[ "$size" = $((512 << 20)) ] && pass kdump-reserved-512m ||
		fail kdump-reserved-512m "kexec_crash_size $size"
	# The kernel publishes where it put the region in the device tree.
	base=$(od -An -tx1 /proc/device-tree/chosen/linux,crashkernel-base | tr -d ' \n')
	echo "E2E-INFO kdump region at 0x$base, $size bytes"
	[ "$base" = 0000000020000000 ] && pass kdump-region-at-512m ||
		fail kdump-region-at-512m "linux,crashkernel-base 0x$base"
}

kdump_load() {
	check kdump-kexec-load /sbin/kexec -p /boot/vmlinux \
		--initrd=/boot/capture.cpio.gz --append="$kdump_capture_args"
	[ "$(cat /sys/kernel/kexec_crash_loaded)" = 1 ] && pass kdump-capture-loaded ||
		fail kdump-capture-loaded "kexec_crash_loaded $(cat /sys/kernel/kexec_crash_loaded)"
}

# A guest looping on CPU 1 ("b ." at 0x100, real mode) until the crash,
# which CPU 0 triggers: crash_kexec stops CPU 1 with an NMI IPI (system
# reset) while it is in the guest. A wedged crash never reaches the
# capture kernel, and the boot fails on its time limit.
kdump_guest_on_cpu1() {
	printf '\110\000\000\000' >/tmp/loop.bin
	taskset -c 1 b3pr-run --device /dev/b3pr --load 0x100 --entry 0x100 \
		--timeout 120 /tmp/loop.bin >/tmp/kdump-guest.out 2>&1 &
	guest=$!
	# Running means entering: its exit counts grow (host timer ticks end
	# the loop's runs).
	vcpu=/sys/kernel/debug/b3pr/vm-$guest-*/vcpu0
	vcpu_exits() { # 0 until the file exists
		cat $vcpu 2>/dev/null | awk '$1 != "pending_irqs" { n += $2 } END { print n + 0 }'
	}
	i=0
	while [ "$(vcpu_exits)" = 0 ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	before=$(vcpu_exits)
	sleep 1
	after=$(vcpu_exits)
	if kill -0 $guest 2>/dev/null && [ "$after" -gt "$before" ]; then
		pass kdump-guest-running-on-cpu1
	else
		fail kdump-guest-running-on-cpu1 "exits $before then $after: $(cat /tmp/kdump-guest.out)"
	fi
}

kdump_crash() {
	echo "E2E-EXPECT-CRASH not syncing: sysrq triggered crash"
	taskset -c 0 sh -c 'echo c >/proc/sysrq-trigger'
	sleep 60
	fail kdump-crash "the host lived on after sysrq-c"
}

# The first kernel: its reservation, b3pr and the RMA checks on a host
# with more memory than the RMA, the capture kernel loaded.
kdump_prepare() {
	kdump_reservation
	check kdump-modprobe-b3pr modprobe b3pr
	rm_reach_checks rma-host
	rm_reach_forced rma-host
	kdump_load
}

scenario_debian_kdump() {
	kdump_prepare
	kdump_guest_on_cpu1
	kdump_crash
}

# The same crash with b3pr loaded but no guest running (not in make
# check; for a host whose NMI handling is in doubt).
scenario_debian_kdump_idle() {
	kdump_prepare
	kdump_crash
}

# In a relocated kernel only its vectors were copied to 0 (head_64.S
# copies up to __end_interrupts); past them lie the crashed kernel's
# leftovers, which b3pr's real-mode parts must not overwrite.
rm_parts_in_copied_vectors() { # CHECK
	stext=$(awk '$3 == "_stext" { print $1 }' /proc/kallsyms)
	endi=$(awk '$3 == "__end_interrupts" { print $1 }' /proc/kallsyms)
	if [ -z "$stext" ] || [ -z "$endi" ]; then
		fail "$1" "no _stext or __end_interrupts in /proc/kallsyms"
		return
	fi
	copied=$((0x$endi - 0x$stext))
	parts=0 bad=
	for part in $(cut -d' ' -f6- /sys/kernel/debug/b3pr/rm_reach); do
		start=${part%+*} len=${part#*+}
		parts=$((parts + 1))
		[ $((start)) -ge $((0x100)) ] && [ $((start + len)) -le $copied ] ||
			bad="$bad $part"
	done
	echo "E2E-INFO $1: copied vectors end at $(printf 0x%x $copied), parts:$(cut -d' ' -f6- /sys/kernel/debug/b3pr/rm_reach)"
	[ $parts -gt 0 ] && [ -z "$bad" ] && pass "$1 ($parts parts)" ||
		fail "$1" "$parts parts, outside 0x100-$(printf 0x%x $copied):$bad"
}

# In the capture kernel: it runs where kexec put it, inside the old
# region (its log says where), the old kernel's memory is /proc/vmcore,
# and b3pr works there as anywhere.
scenario_debian_kdump_capture() {
	base=$(dmesg | sed -n 's/.*physical_start *= *\(0x[0-9a-f]*\).*/\1/p' | head -n 1)
	echo "E2E-INFO capture kernel physical_start ${base:-none}"
	if [ -n "$base" ] && [ $((base)) -ge $((512 << 20)) ] && [ $((base)) -lt $((1024 << 20)) ]; then
		pass kdump-capture-runs-in-region
	else
		fail kdump-capture-runs-in-region "physical_start '${base}'"
	fi
	grep -q 'elfcorehdr=' /proc/cmdline && pass kdump-capture-has-elfcorehdr ||
		fail kdump-capture-has-elfcorehdr "$(cat /proc/cmdline)"
	ls -l /proc/vmcore
	check kdump-vmcore-exists test -s /proc/vmcore
	check kdump-capture-modprobe-b3pr modprobe b3pr
	rm_parts_in_copied_vectors kdump-capture-rm-parts-in-own-vectors
	rm_reach_checks rma-capture
	b3pr-guest-check /dev/b3pr b3pr
	b3pr_hpt_audit
	b3pr-e2e stats /dev/b3pr
	check kdump-capture-rmmod-b3pr rmmod b3pr
}
