# SPDX-License-Identifier: GPL-2.0
#
# The KVM ABI for VMs and vcpus (tests/e2e/b3pr-abi.c) and the module's
# life with a VM in it: rmmod refused while a VM exists, even one whose
# owner was killed mid-way, and clean after. Where kvm-pr exists (the
# reference kernel) the shared checks run against it too, prefixed
# "kvmpr-": upstream's answers are the expected ones.

# A VMM holding a VM, a vcpu and its kvm_run mapping pins the module.
abi_rmmod_with_vm() {
	b3pr-abi hold /dev/b3pr >/tmp/hold.out 2>&1 &
	holder=$!
	wait_for_line /tmp/hold.out hold-ready && pass abi-hold-vm || fail abi-hold-vm "$(cat /tmp/hold.out)"
	ls -d /sys/kernel/debug/b3pr/vm-$holder-* >/dev/null 2>&1 &&
		pass abi-debugfs-vm-dir || fail abi-debugfs-vm-dir "$(ls /sys/kernel/debug/b3pr)"
	if rmmod b3pr 2>/dev/null; then fail abi-rmmod-refused-with-vm "unloaded"; else pass abi-rmmod-refused-with-vm; fi
	kill -9 $holder
	wait $holder 2>/dev/null
	b3pr-abi idle /dev/b3pr
	check abi-debugfs-vm-dir-gone sh -c "! ls -d /sys/kernel/debug/b3pr/vm-$holder-* 2>/dev/null"
	check abi-rmmod-after-vm rmmod b3pr
	dmesg | grep -q 'b3pr: .*leaked' && fail abi-no-leak-at-unload "$(dmesg | grep leaked)" ||
		pass abi-no-leak-at-unload
}

# /dev/kvm: b3pr serves it (misc 10:232, the same system ABI as
# /dev/b3pr) where no kvm.ko has it, and not with kvm_node=0.
kvm_node_checks() {
	check kvm-node/modprobe modprobe b3pr
	check kvm-node/is-misc-10-232 sh -c '[ "$(stat -c %t:%T /dev/kvm)" = a:e8 ]'
	b3pr-e2e dev /dev/kvm | sed -e 's|^E2E-PASS |&kvm-node/|' -e 's|^E2E-FAIL |&kvm-node/|'
	check kvm-node/rmmod rmmod b3pr
	check kvm-node/gone-after-rmmod sh -c '! test -e /dev/kvm'
	check kvm-node/modprobe-kvm-node-0 modprobe b3pr kvm_node=0
	check kvm-node/none-with-kvm-node-0 sh -c '! test -e /dev/kvm'
	check kvm-node/b3pr-still-there test -c /dev/b3pr
	check kvm-node/rmmod-kvm-node-0 rmmod b3pr
}

# Where kvm.ko (kvm-pr) has /dev/kvm, b3pr leaves it and says so.
kvm_node_taken_checks() {
	check kvm-node/modprobe-beside-kvm-pr modprobe b3pr
	check kvm-node/says-taken sh -c "dmesg | grep -q 'b3pr: /dev/kvm belongs to another driver'"
	b3pr-e2e kvm-pr /dev/kvm | sed -e 's|^E2E-PASS |&kvm-node/|' -e 's|^E2E-FAIL |&kvm-node/|'
	check kvm-node/rmmod-beside-kvm-pr rmmod b3pr
	b3pr-e2e kvm-pr /dev/kvm | sed -e 's|^E2E-PASS |&kvm-node/after-rmmod-|' -e 's|^E2E-FAIL |&kvm-node/after-rmmod-|'
}

abi_checks() {
	check abi-modprobe-b3pr modprobe b3pr
	b3pr-abi b3pr /dev/b3pr
	abi_rmmod_with_vm
	if modprobe kvm-pr 2>/dev/null; then
		b3pr-abi kvm /dev/kvm | sed -e 's/^E2E-PASS /&kvmpr-/' -e 's/^E2E-FAIL /&kvmpr-/'
		check abi-rmmod-kvm-pr rmmod kvm-pr
	fi
}
