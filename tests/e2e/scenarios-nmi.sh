# SPDX-License-Identifier: GPL-2.0
#
# Non-maskable interrupts while a guest runs (rmhandlers/nmi.S). Sourced
# by /init beside scenarios.sh (pass, fail and check come from there).
#
# QEMU's monitor "nmi" is a system reset on every CPU, through the FWNMI
# entry the kernel registered. Debian's kernel, with no debugger or crash
# kernel loaded, says "Oops: System Reset" and panics, and panic=-1 powers
# the emulated host off: the same outcome as for an NMI in host code.
# Before the NMI hooks the host went silent until killed.

# CPU 1 runs a one-instruction loop guest when the NMI comes; the oops
# ($1, if given, says where the kernel's handler must find CPU 1) and
# the panic are the host's own.
nmi_while_guest_runs() { # [NIP-PATTERN]
	check nmi/modprobe-b3pr modprobe b3pr
	printf '\110\000\000\000' >/tmp/loop.bin	# b . (big-endian)
	taskset 2 b3pr-run --timeout 40 /tmp/loop.bin >/tmp/nmi-run.out 2>&1 &
	runner=$!
	sleep 3
	state=$(sed 's/.*) \(.\).*/\1/' /proc/$runner/stat 2>/dev/null)
	[ "$state" = R ] && pass nmi/guest-running ||
		fail nmi/guest-running "expected state R, got '$state': $(cat /tmp/nmi-run.out)"
	echo "E2E-EXPECT-PANIC Oops: System Reset"
	echo "E2E-EXPECT-PANIC CPU: 1 PID: $runner Comm: b3pr-run"
	[ -z "${1:-}" ] || echo "E2E-EXPECT-PANIC $1"
	echo "E2E-EXPECT-PANIC Kernel panic - not syncing: System Reset"
	echo "E2E-MONITOR nmi"
	wait $runner
	fail nmi/host-handled-it "the guest's run ended ($?) and the host went on: $(cat /tmp/nmi-run.out)"
}

# Booted with nohz_full=1: no host tick ends the guest, so the NMI finds
# it running (SRR1[PR]=1). The kernel's handler must see host state, as
# if the NMI had hit b3pr's exit landing point (module text, MSR[RI]=1),
# not the guest's PC (0).
scenario_debian_nmi() {
	nmi_while_guest_runs 'NIP \[[0-9a-f]+\] b3pr_exit_landing\+0x0/'
}

# With the host tick, TCG mostly hands the NMI over right after the
# tick's decrementer interrupt: it finds CPU 1 at the kernel's 0x900
# vector, guest SLB still loaded, MSR[RI]=0, and the host's SLB must be
# back before the kernel's handler runs (which calls it unrecoverable, as
# it would its own RI=0 window). Where it lands is TCG's timing, not
# ours (seen: in the host's tick handler after the exit), so the NIP is
# not judged; the host must report and panic as for any NMI.
scenario_debian_nmi_window() {
	nmi_while_guest_runs
}
