# SPDX-License-Identifier: GPL-2.0
#
# Relocation-on interrupts (AIL) while b3pr guests run, with kvm-pr
# turning them on and off (book3s_64/reloc_on.c). Sourced by /init
# beside scenarios.sh (pass, fail and check come from there).

# The reference kernel on two CPUs: kvm-pr VMs are created and destroyed
# over and over on CPU 0 (the last one's end turns AIL back on, as far as
# kvm-pr knows), while on CPU 1 a b3pr guest runs for 10 s (TB at
# 512 MHz) with its own code where AIL would put the host's interrupts
# (tests/guest/ail-bait.S, little-endian as the host). The bait must never
# run, in supervisor state or at all: r3 = r4 = 0, and the host goes on.
scenario_ref_ail() {
	[ "$(nproc)" = 2 ] && pass ail/host-two-cpus || fail ail/host-two-cpus "nproc $(nproc)"
	check ail/modprobe-kvm-pr modprobe kvm-pr
	check ail/modprobe-b3pr modprobe b3pr
	rm -f /tmp/ail-stop
	(
		n=0
		while [ ! -e /tmp/ail-stop ]; do
			taskset 1 b3pr-run --device /dev/kvm --msr 0x9000000000001001 \
				/bin/guest-hello-le.elf >/dev/null 2>&1
			[ $? = 7 ] && n=$((n + 1))	# hello's exit status
		done
		echo "$n" >/tmp/ail-kvm-runs
	) &
	churn=$!
	taskset 2 b3pr-run --dump-regs --msr 0x9000000000001001 \
		--set r3=0x131256800 /bin/guest-ail-bait-le.elf >/tmp/ail.out 2>&1
	rc=$?
	touch /tmp/ail-stop
	wait $churn
	runs=$(cat /tmp/ail-kvm-runs)
	[ "$runs" -ge 5 ] && pass "ail/kvm-pr-vms-came-and-went ($runs)" ||
		fail ail/kvm-pr-vms-came-and-went "only $runs kvm-pr runs"
	r3=$(sed -n 's/^r3 //p' /tmp/ail.out)
	r4=$(sed -n 's/^r4 //p' /tmp/ail.out)
	[ "$rc" = 0 ] && [ "$((r3))" = 0 ] && [ "$((r4))" = 0 ] &&
		pass ail/guest-never-in-supervisor-state ||
		fail ail/guest-never-in-supervisor-state "exit $rc, bait saw MSR '$r3' at SRR0 '$r4': $(head -c 300 /tmp/ail.out)"
	check ail/kvm-pr-still-runs sh -c 'b3pr-run --device /dev/kvm --msr 0x9000000000001001 /bin/guest-hello-le.elf; [ $? = 7 ]'
	check ail/rmmod-b3pr rmmod b3pr
	check ail/rmmod-kvm-pr rmmod kvm-pr
}
