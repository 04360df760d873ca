# SPDX-License-Identifier: GPL-2.0
#
# The e2e scenarios, one shell function each, run by /init inside the
# emulated host. Each check prints E2E-PASS or E2E-FAIL; a line
# "E2E-EXPECT-LOG pattern" tells the harness a b3pr: kernel line matching
# pattern is expected rather than an error.

pass() { echo "E2E-PASS $1"; }
fail() { echo "E2E-FAIL $1: $2"; }
check() {
	name=$1
	shift
	if "$@" >/tmp/out 2>&1; then pass "$name"; else fail "$name" "$(cat /tmp/out)"; fi
}

b3pr_lines() { dmesg | grep -c 'b3pr: '; }

# Wait up to 5 s for a line containing TEXT in FILE (a background helper
# saying it is ready).
wait_for_line() { # FILE TEXT
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1 2>/dev/null || sleep 1
		i=$((i + 1))
	done
	grep -q "$2" "$1"
}

# modprobe, use, rmmod: the module's life cycle on a supported host.
b3pr_lifecycle() {
	check modprobe-b3pr modprobe b3pr
	check dev-node-exists test -c /dev/b3pr
	# The vectors are written through a mapping that exists only then.
	check no-writable-vector-alias sh -c '! grep "\[b3pr\]" /proc/vmallocinfo | grep -qw vmap'
	check modinfo-description sh -c 'modinfo b3pr | grep -q "description:.*Book3S PR"'
	dmesg | grep -q "b3pr: loaded on $1" && pass banner-names-cpu ||
		fail banner-names-cpu "$(dmesg | grep 'b3pr: ')"
	b3pr-e2e dev /dev/b3pr
	b3pr-e2e stats /dev/b3pr
	# An open fd holds the module: rmmod must refuse, then succeed.
	exec 3</dev/b3pr
	if rmmod b3pr 2>/dev/null; then fail rmmod-refused-while-open "unloaded"; else pass rmmod-refused-while-open; fi
	exec 3<&-
	check rmmod-b3pr rmmod b3pr
	check dev-node-gone sh -c '! test -e /dev/b3pr'
	check reload-b3pr modprobe b3pr
	check rmmod-again rmmod b3pr
	dmesg | grep -q 'b3pr: .*leaked' && fail no-leak-at-unload "$(dmesg | grep leaked)" ||
		pass no-leak-at-unload
}

scenario_debian_power8() {
	abi_checks
	kvm_node_checks
	b3pr_lifecycle POWER8
	b3pr_guests
	fpsimd_checks
	b3pr_stress
	b3pr_mem
}

scenario_debian_power9_hash() {
	b3pr_lifecycle POWER9
}

# A host with many possible CPUs (QEMU: -smp 1,maxcpus=1024): b3pr's
# per-CPU state must not have to fit the fixed low-memory region.
scenario_debian_many_cpus() {
	possible=$(cat /sys/devices/system/cpu/possible)
	[ "$possible" = 0-1023 ] && pass many-cpus-possible ||
		fail many-cpus-possible "possible CPUs '$possible', expected 0-1023"
	b3pr_lifecycle POWER8
	check many-cpus-modprobe modprobe b3pr
	b3pr-guest-check /dev/b3pr b3pr /bin/guest-hello-le.elf /bin/guest-dec-le.elf
	check many-cpus-rmmod rmmod b3pr
}

# Loading must fail with ENODEV and exactly one line of b3pr's own (the
# kernel's taint notes aside) saying TEXT, and leave nothing behind.
expect_refusal() { # CHECK-PREFIX TEXT
	echo "E2E-EXPECT-LOG $2"
	b3pr-e2e load-refused "$(modinfo -n b3pr)"
	own=$(dmesg | grep 'b3pr: ' | grep -v -e 'taints kernel' -e 'verification failed')
	[ "$(echo "$own" | grep -c .)" = 1 ] && pass "$1-one-line" ||
		fail "$1-one-line" "$own"
	echo "$own" | grep -qF "b3pr: $2" && pass "$1-says-why" ||
		fail "$1-says-why" "$own"
	check "$1-no-dev-node" sh -c '! test -e /dev/b3pr'
	check "$1-not-loaded" sh -c '! grep -q "^b3pr " /proc/modules'
}

# POWER9 with the radix MMU.
scenario_debian_power9_radix() {
	expect_refusal radix-refusal "host uses the radix MMU"
}

# A CPU b3pr does not support (POWER10, booted with the hash MMU).
scenario_debian_power10() {
	expect_refusal unsupported-cpu "host CPU (PVR 0x0080"
}

# The reference kernel: b3pr, and upstream kvm-pr beside it.
scenario_ref_power8() {
	abi_checks
	b3pr_lifecycle POWER8
	check modprobe-kvm-pr modprobe kvm-pr
	check kvm-dev-node-exists test -c /dev/kvm
	b3pr-e2e kvm-pr /dev/kvm
	kvm_node_taken_checks
	check modprobe-b3pr-beside-kvm-pr modprobe b3pr
	b3pr-e2e dev /dev/b3pr
	mem_checks /dev/b3pr
	kvmpr_mem
	check rmmod-b3pr-beside-kvm-pr rmmod b3pr
	check rmmod-kvm-pr rmmod kvm-pr
}

scenario_demo() {
	echo "== modprobe b3pr"
	modprobe b3pr && dmesg | grep 'b3pr: loaded'
	echo "== b3pr-run --device /dev/b3pr --stats guest-hello-le.elf"
	b3pr-run --device /dev/b3pr --stats /bin/guest-hello-le.elf
	echo "== the guest exited with $?"
	rmmod b3pr
}

