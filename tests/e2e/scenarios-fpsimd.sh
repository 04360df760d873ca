# SPDX-License-Identifier: GPL-2.0
#
# The guest's FP/VMX/VSX registers and user-visible SPRs. Sourced by
# /init beside scenarios.sh (pass, fail, check, wait_for_line come from
# there).

# The FP/VMX guest programs while another FP/VMX user (fp-spin) shares
# the CPU: the guest's registers must survive the host's context
# switches, and fp-spin's must never see the guest's.
fpsimd_busy() { # DEVICE LABEL
	fp-spin 15 >/tmp/fpspin.out 2>&1 &
	spin=$!
	if ! wait_for_line /tmp/fpspin.out ready; then
		fail "fp-spin-ready@$2" "$(cat /tmp/fpspin.out)"
		return
	fi
	b3pr-guest-check "$1" "$2-busy" /bin/guest-fpu-le.elf /bin/guest-fpu-be.elf \
		/bin/guest-fpu-unavail-le.elf /bin/guest-fpu-unavail-be.elf
	if wait $spin; then
		pass "fp-spin-held@$2"
	else
		fail "fp-spin-held@$2" "$(cat /tmp/fpspin.out)"
	fi
}

# The ABI checks (b3pr-fpsimd) and the guest programs beside fp-spin on
# b3pr; every guest program also runs alone in b3pr_guests.
fpsimd_checks() {
	check fpsimd-modprobe-b3pr modprobe b3pr
	b3pr-fpsimd b3pr /dev/b3pr
	fpsimd_busy /dev/b3pr b3pr
	check fpsimd-rmmod-b3pr rmmod b3pr
}

# The same on kvm-pr, as the reference kernel's ref_guest runs it (kvm-pr
# and b3pr both loaded). kvm-pr's departures from the ISA or the ABI are
# reported as E2E-INFO lines (tests/guest/KNOWN-DIVERGENCES.md).
fpsimd_kvm_pr() {
	b3pr-fpsimd kvm /dev/kvm |
		sed -E -e 's/^E2E-FAIL (kvmpr-fpsimd\/one-reg-guest-mfvscr)/E2E-INFO known-kvm-pr-vscr-word \1/' \
			-e 's/^E2E-FAIL (kvmpr-fpsimd\/(vsx-on-970|vmx-on-750)-illegal)/E2E-INFO known-kvm-pr-host-facility \1/'
	fpsimd_busy /dev/kvm kvm-pr
}

# Iteration aid (not in make check): only the FP/VMX/VSX and SPR checks.
scenario_fpsimd_dev() {
	fpsimd_checks
	check modprobe-b3pr modprobe b3pr
	b3pr-guest-check /dev/b3pr b3pr /bin/guest-fpu*.elf /bin/guest-user-spr*.elf /bin/guest-fscr*.elf
	check rmmod-b3pr rmmod b3pr
}

# Iteration aid: the bench guests on b3pr alone (boot with -icount).
scenario_fpsimd_bench() {
	check modprobe-b3pr modprobe b3pr
	bench_device /dev/b3pr b3pr
	check rmmod-b3pr rmmod b3pr
}
