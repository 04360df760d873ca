# SPDX-License-Identifier: GPL-2.0
#
# Running guests against the host (tests/e2e/b3pr-stress.c): looping
# guests stopped by signals, a VMM killed inside KVM_RUN, KVM_RUN of a
# vcpu nobody set up, rmmod while a guest runs; and on an SMP host, VMs
# running on every CPU at once. Sourced by /init beside scenarios.sh
# (pass, fail and check come from there).

# A guest inside KVM_RUN pins the module; SIGKILL of its VMM frees it.
stress_rmmod_while_running() {
	b3pr-stress run /dev/b3pr >/tmp/stress-run.out 2>&1 &
	runner=$!
	wait_for_line /tmp/stress-run.out run-ready && pass stress/run-ready ||
		fail stress/run-ready "$(cat /tmp/stress-run.out)"
	sleep 1
	state=$(sed 's/.*) \(.\).*/\1/' /proc/$runner/stat 2>/dev/null)
	[ "$state" = R ] && pass stress/runner-in-kvm-run ||
		fail stress/runner-in-kvm-run "expected state R, got '$state'"
	if rmmod b3pr 2>/tmp/stress-rmmod.err; then
		fail stress/rmmod-refused-while-running "unloaded"
	else
		pass stress/rmmod-refused-while-running
	fi
	kill -9 $runner
	wait $runner 2>/dev/null
	b3pr-stress idle /dev/b3pr
	check stress/rmmod-after-kill rmmod b3pr
	dmesg | grep -q 'b3pr: .*leaked' && fail stress/no-leak-at-unload "$(dmesg | grep leaked)" ||
		pass stress/no-leak-at-unload
}

# External interrupts from KVM_INTERRUPT and memory slot changes of a
# running VM on DEVICE, check names prefixed with PREFIX.
stress_ext_slots() { # DEVICE [PREFIX]
	for mode in ext pow slots; do
		b3pr-stress $mode "$1" | sed -e "s|^E2E-PASS |&${2:-}|" -e "s|^E2E-FAIL |&${2:-}|"
	done
}

# Every check of b3pr-stress but smp; ends with b3pr unloaded.
b3pr_stress() {
	check stress/modprobe-b3pr modprobe b3pr
	before=$(b3pr_lines)
	b3pr-stress loop /dev/b3pr
	b3pr-stress kill /dev/b3pr
	b3pr-stress fresh /dev/b3pr
	stress_ext_slots /dev/b3pr
	# A guest executing illegal instructions in a loop logs nothing.
	after=$(b3pr_lines)
	[ -n "$before" ] && [ "$after" -eq "$before" ] && pass stress/no-log-flood ||
		fail stress/no-log-flood "$((after - before)) b3pr: lines: $(dmesg | grep 'b3pr: ' | tail -n 3)"
	stress_rmmod_while_running
}

# Guest programs run over and over on /dev/b3pr under LABEL in the
# background: one summary line, all N runs must pass.
stress_guest_loop() { # LABEL N ELF...
	label=$1 n=$2
	shift 2
	(
		i=0
		while [ $i -lt "$n" ]; do
			b3pr-guest-check /dev/b3pr "$label" "$@"
			i=$((i + 1))
		done
	) >/tmp/stress-"$label".out 2>&1
}

stress_guest_verdict() { # LABEL RUNS
	good=$(grep -c '^E2E-PASS ' /tmp/stress-"$1".out)
	[ "$good" = "$2" ] && pass "stress/smp-guest-programs-$1 ($good runs)" ||
		fail "stress/smp-guest-programs-$1" "expected $2 passing runs, got $good: $(grep -v '^E2E-PASS ' /tmp/stress-"$1".out | head -n 3)"
}

# Two CPUs (-smp 2, TCG in multi-threaded mode): one VM per CPU running
# at once, guest programs in two more parallel streams meanwhile, then a
# guest moved between CPUs, then guest memory swapped under a running
# guest; nothing is left afterwards; then the fuzzers on both CPUs.
scenario_debian_smp() {
	[ "$(nproc)" = 2 ] && pass smp-host-two-cpus || fail smp-host-two-cpus "nproc $(nproc)"
	b3pr_stress
	check smp-modprobe-b3pr modprobe b3pr
	b3pr-stress smp /dev/b3pr 3 &
	smp=$!
	stress_guest_loop a 10 /bin/guest-dec-le.elf /bin/guest-priv-spr-le.elf &
	a=$!
	stress_guest_loop b 10 /bin/guest-dec-be.elf /bin/guest-priv-msr-be.elf &
	b=$!
	wait $smp $a $b
	stress_guest_verdict a 20
	stress_guest_verdict b 20
	# Faults and MMU notifier invalidations on two CPUs at once.
	b3pr-mem race /dev/b3pr 3
	b3pr-mem dirty-race /dev/b3pr 3
	b3pr-e2e stats /dev/b3pr
	check smp-rmmod-b3pr rmmod b3pr
	# Both fuzzers, briefly, with a fixed seed (make fuzz runs them long).
	b3pr_fuzz smp-fuzz 20000 5 12 2
}
