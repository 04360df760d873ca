# SPDX-License-Identifier: GPL-2.0
#
# Mac guests through Debian's own, unmodified ppc64el QEMU inside the
# emulated host: OpenBIOS to its prompt, the Linux guest kernels of
# tools/host/mac-guest-kernel.sh to their init's marker and power-off,
# each run by mac-guest (tools/host/mac-guest.sh). Sourced by /init
# beside scenarios.sh (pass, fail, check come from there). boot.sh puts
# the QEMU root (tools/host/mac-root.sh) under /qemu for every scenario
# named *_mac or *_mac_*; QEMU runs chrooted there.
#
# QEMU's KVM is always /dev/kvm: mac_kvm_dev=PATH on the host kernel's
# command line (boot.sh's 4th argument) names the device put there. By
# default b3pr's own /dev/kvm where it serves one (no kvm.ko owns it),
# else /dev/b3pr bound over the node.

mac_root=/qemu

# Once per boot: the chroot's /dev, /proc and /sys.
mac_setup() {
	[ -d "$mac_root/guest" ] || { fail mac/root "no QEMU root at $mac_root"; return 1; }
	mkdir -p "$mac_root/dev" "$mac_root/proc" "$mac_root/sys" "$mac_root/tmp"
	grep -q " $mac_root/dev " /proc/mounts || mount --bind /dev "$mac_root/dev"
	grep -q " $mac_root/proc " /proc/mounts || mount -t proc proc "$mac_root/proc"
	grep -q " $mac_root/sys " /proc/mounts || mount -t sysfs sysfs "$mac_root/sys"
}

# QEMU's /dev/kvm becomes DEVICE: bound over the node where one exists
# (the reference kernel's kvm.ko is built in), else a link.
mac_kvm_device() { # DEVICE
	[ "$1" = /dev/kvm ] && return 0
	if [ -e "$mac_root/dev/kvm" ]; then
		mount --bind "$1" "$mac_root/dev/kvm"
	else
		ln -s "$1" /dev/kvm
	fi
}

mac_kvm_device_undo() { # DEVICE
	[ "$1" = /dev/kvm ] && return 0
	if [ -L /dev/kvm ]; then
		rm -f /dev/kvm
	else
		umount "$mac_root/dev/kvm"
	fi
}

# b3pr loaded: the device QEMU should use, b3pr's /dev/kvm unless b3pr
# said another driver has it (or there is none), else /dev/b3pr.
mac_b3pr_device() {
	if [ -c /dev/kvm ] && ! dmesg | grep -q 'b3pr: /dev/kvm belongs to another driver'; then
		echo /dev/kvm
	else
		echo /dev/b3pr
	fi
}

# Debian's QEMU runs at all in the emulated host.
mac_qemu_runs() {
	for q in qemu-system-ppc qemu-system-ppc64; do
		chroot "$mac_root" /usr/bin/$q --version >/tmp/mac-version 2>&1 &&
			grep -q '^QEMU emulator version 7\.2' /tmp/mac-version &&
			pass "mac/$q-version" || fail "mac/$q-version" "$(head -c 200 /tmp/mac-version)"
	done
}

# The GUESTS (default: all) on ACCEL, TIMEOUT seconds per step:
# mac-guest's checks as E2E-PASS/E2E-FAIL LABEL/GUEST-CHECK, its times as
# "MACTIME LABEL/GUEST-STEP SECONDS" (for make bench).
mac_guests() { # LABEL ACCEL TIMEOUT [GUESTS]
	for g in ${4:-openbios g4 g3 g5}; do
		mac-guest --accel "$2" --timeout "$3" --root "$mac_root" "$g" >/tmp/mac-guest.out 2>&1
		rc=$?
		sed -n -e "s|^ok \\(.*\\)|E2E-PASS $1/$g-\\1|p" \
		       -e "s|^FAIL \\([^:]*\\)|E2E-FAIL $1/$g-\\1|p" \
		       -e "s|^time \\([^ ]*\\)|MACTIME $1/$g-\\1|p" /tmp/mac-guest.out
		# A run that ended without its own verdict failed all the same.
		[ "$rc" = 0 ] || grep -q '^FAIL ' /tmp/mac-guest.out ||
			fail "$1/$g-mac-guest" "exit $rc: $(tail -c 200 /tmp/mac-guest.out)"
	done
}

# Nested TCG: the baseline b3pr is compared with.
scenario_debian_mac_tcg() {
	mac_setup || return
	mac_qemu_runs
	mac_guests mac-tcg tcg 600
}

# b3pr as QEMU's KVM: every run of GUESTS (default: all) must pass.
mac_b3pr() { # LABEL [DEVICE [GUESTS]]
	check "$1/modprobe-b3pr" modprobe b3pr
	dev=${2:-$(mac_b3pr_device)}
	mac_kvm_device "$dev" || { fail "$1/kvm-device" "cannot put $dev on /dev/kvm"; return; }
	mac_guests "$1" kvm 400 "${3:-}"
	mac_kvm_device_undo "$dev"
	check "$1/rmmod-b3pr" rmmod b3pr
}

scenario_debian_mac_kvm() {
	mac_setup || return
	mac_b3pr mac-kvm-b3pr "${mac_kvm_dev:-}"
}

# The reference kernel: upstream kvm-pr as QEMU's KVM, recorded as it
# ends, not judged (today its H_ENTER of the guest's WIMG fails on an
# LPAR host: "KVM internal error"); then b3pr, judged, its device bound
# over the node of the built-in kvm.ko: OpenBIOS and the G4 (the other
# guests run on Debian's kernel, debian_mac_kvm).
scenario_ref_mac_kvm() {
	mac_setup || return
	check modprobe-kvm-pr modprobe kvm-pr
	mac_guests mac-kvm-kvmpr kvm 400 |
		sed -e 's/^E2E-PASS /E2E-INFO kvm-pr: pass /' -e 's/^E2E-FAIL /E2E-INFO kvm-pr: fail /'
	check rmmod-kvm-pr rmmod kvm-pr
	echo "E2E-EXPECT-LOG /dev/kvm belongs to another driver"
	mac_b3pr mac-kvm-ref-b3pr /dev/b3pr "openbios g4"
}

# make bench: the same guests on nested TCG and on b3pr. Only timed, not
# judged: a failed b3pr run is an E2E-INFO line and its time n/a.
scenario_debian_mac_bench() {
	mac_setup || return
	mac_guests tcg tcg 900 "${mac_bench_guests:-openbios g4 g3 g5}"
	modprobe b3pr && dev=$(mac_b3pr_device) && mac_kvm_device "$dev" ||
		fail mac-bench/b3pr "no b3pr for QEMU"
	mac_guests b3pr kvm 400 "${mac_bench_guests:-openbios g4 g3 g5}" |
		sed -e 's/^E2E-PASS /E2E-INFO b3pr: pass /' -e 's/^E2E-FAIL /E2E-INFO b3pr: fail /'
	mac_kvm_device_undo "$dev"
	rmmod b3pr
}

# make demo's last step: the 32-bit Linux guest through QEMU on b3pr,
# its console shown, the boot failed when the guest fails.
scenario_demo_mac() {
	mac_setup || return
	modprobe b3pr && dmesg | grep 'b3pr: loaded'
	dev=${mac_kvm_dev:-$(mac_b3pr_device)}
	echo "== modprobe b3pr; QEMU's /dev/kvm is $dev"
	mac_kvm_device "$dev"
	echo "== qemu-system-ppc -M mac99 -cpu G4 -accel kvm -kernel (Linux 6.1, pmac32)"
	mac-guest --accel kvm --timeout 400 --root "$mac_root" g4 >/tmp/demo-mac.out 2>&1
	rc=$?
	tr -d '\r' </tmp/mac-guest-g4-kvm.log
	cat /tmp/demo-mac.out
	[ "$rc" = 0 ] && pass demo-mac-guest || fail demo-mac-guest "$(tail -n 1 /tmp/demo-mac.out)"
	mac_kvm_device_undo "$dev"
	rmmod b3pr
}

