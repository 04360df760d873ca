# SPDX-License-Identifier: GPL-2.0
#
# The fuzzers (tests/fuzz/): hostile ioctl sequences and hostile guests,
# then what a user judges after them: nothing of the module alive, no
# host PTE left under a destroyed vcpu's VSIDs, no page still pinned, the
# kernel's unreclaimable slab back to about where it was, no b3pr: line
# logged, rmmod clean (and the console judge of tools/host/boot.sh: no
# Oops, BUG or WARNING). Sourced by /init beside scenarios.sh.

# Unreclaimable slab in kB, once the caches and RCU callbacks settled.
fuzz_slab_kb() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	sleep 1
	awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo
}

# Bytes of each slab cache, "NAME BYTES" lines, into FILE.
fuzz_slab_caches() { # FILE
	awk 'NR > 2 { print $1, $3 * $4 }' /proc/slabinfo >"$1"
}

# The caches that grew most from FILE0 to FILE1, for the log.
fuzz_slab_growth() { # FILE0 FILE1
	awk 'NR == FNR { was[$1] = $2; next } $2 > was[$1] { print $2 - was[$1], $1 }' "$1" "$2" |
		sort -rn | head -n 5 | tr '\n' ' '
}

# Pages pinned (FOLL_PIN) and not yet released, host-wide; stat_refresh
# first folds the CPUs' pending counts in (else a few stay unseen).
fuzz_pins() {
	echo 1 >/proc/sys/vm/stat_refresh
	awk '/^nr_foll_pin_acquired / { a = $2 } /^nr_foll_pin_released / { r = $2 }
	     END { print a - r }' /proc/vmstat
}

# A fuzz run may leave this much more unreclaimable slab (kB): the
# kernel's own growth over a run of 300000 calls and 60 s of guests was
# up to 1 MB (kworker stacks, proc openers, kmalloc-4k), none of it
# b3pr's (its allocations are counted: none alive). A leak of 100 bytes
# per VM over the 20000 VMs of a make fuzz run, or of 2 bytes per call,
# shows above it.
FUZZ_SLAB_SLACK_KB=2048

# b3pr-fuzz ARGS..., its checks prefixed PREFIX; a fuzzer that dies
# (status above 1: a signal, a usage error) fails PREFIX/FUZZER-ran.
fuzz_run() { # PREFIX FUZZER ARGS...
	prefix=$1
	shift
	b3pr-fuzz "$@" >/tmp/fuzz.out 2>&1
	rc=$?
	sed -e "s|^E2E-PASS |&$prefix/|" -e "s|^E2E-FAIL |&$prefix/|" /tmp/fuzz.out
	[ "$rc" -le 1 ] && pass "$prefix/$1-ran" ||
		fail "$prefix/$1-ran" "exit status $rc: $(grep -v '^E2E-' /tmp/fuzz.out | tail -n 3)"
}

# Both fuzzers on b3pr with SEED: CALLS ioctl calls, SECONDS of guests,
# THREADS threads each; checks prefixed PREFIX.
b3pr_fuzz() { # PREFIX CALLS SECONDS SEED THREADS
	start=$(date +%s)
	check "$1/modprobe-b3pr" modprobe b3pr
	lines=$(b3pr_lines)
	# A short run first, unjudged for memory: the kernel's caches that a
	# first use fills (task stats, proc and debugfs files) stay filled.
	fuzz_run "$1/warm-up" ioctl b3pr /dev/b3pr "$4" 2000 "$5"
	fuzz_run "$1/warm-up" guest b3pr /dev/b3pr "$4" 1 "$5"
	slab0=$(fuzz_slab_kb)
	fuzz_slab_caches /tmp/slab0
	pins0=$(fuzz_pins)
	fuzz_run "$1" ioctl b3pr /dev/b3pr "$4" "$2" "$5"
	fuzz_run "$1" guest b3pr /dev/b3pr "$4" "$3" "$5"
	left=$(cat /sys/kernel/debug/b3pr/hpt_released)
	[ "$left" = 0 ] && pass "$1/no-host-pte-after-teardown" ||
		fail "$1/no-host-pte-after-teardown" "$left host PTEs under destroyed vcpus' VSIDs"
	pins1=$(fuzz_pins)
	[ "$pins1" = "$pins0" ] && pass "$1/no-page-left-pinned" ||
		fail "$1/no-page-left-pinned" "pinned pages $pins0 before, $pins1 after"
	slab1=$(fuzz_slab_kb)
	fuzz_slab_caches /tmp/slab1
	echo "E2E-INFO $1 unreclaimable slab ${slab0} kB before, ${slab1} kB after; grown most (bytes): $(fuzz_slab_growth /tmp/slab0 /tmp/slab1)"
	[ "$slab1" -le $((slab0 + FUZZ_SLAB_SLACK_KB)) ] && pass "$1/slab-back" ||
		fail "$1/slab-back" "unreclaimable slab grew from $slab0 to $slab1 kB"
	[ "$(b3pr_lines)" = "$lines" ] && pass "$1/nothing-logged" ||
		fail "$1/nothing-logged" "$(dmesg | grep 'b3pr: ' | tail -n 3)"
	check "$1/rmmod-b3pr" rmmod b3pr
	dmesg | grep -q 'b3pr: .*leaked' && fail "$1/no-leak-at-unload" "$(dmesg | grep leaked)" ||
		pass "$1/no-leak-at-unload"
	echo "E2E-INFO $1 took $(($(date +%s) - start)) s"
}

# The same fuzzers pointed at kvm-pr (/dev/kvm): what they find there is
# recorded (E2E-INFO lines), not judged.
kvmpr_fuzz() { # CALLS SECONDS SEED THREADS
	modprobe kvm-pr || { echo "E2E-INFO kvmpr-fuzz: no kvm-pr"; return; }
	for args in "ioctl kvm /dev/kvm $3 $1 $4" "guest kvm /dev/kvm $3 $2 $4"; do
		# shellcheck disable=SC2086
		fuzz_run kvmpr-fuzz $args | sed 's/^E2E-\(PASS\|FAIL\) /E2E-INFO kvmpr-fuzz \1 /'
	done
	rmmod kvm-pr && echo "E2E-INFO kvmpr-fuzz: rmmod kvm-pr clean" ||
		echo "E2E-INFO kvmpr-fuzz: rmmod kvm-pr failed"
}

# make fuzz: long runs (B3PR_FUZZ_CALLS, B3PR_FUZZ_SECONDS and
# B3PR_FUZZ_SEED on the kernel command line as fuzz_calls= and so on).
scenario_debian_fuzz() {
	b3pr_fuzz fuzz "${fuzz_calls:-1000000}" "${fuzz_seconds:-120}" "${fuzz_seed:-0}" 2
}

scenario_ref_fuzz() {
	b3pr_fuzz fuzz "${fuzz_calls:-1000000}" "${fuzz_seconds:-120}" "${fuzz_seed:-0}" 2
}

# A boot of its own: kvm-pr does not survive the fuzzers (see
# tests/fuzz/README.md), and its oops must not fail b3pr's checks.
scenario_ref_fuzz_kvmpr() {
	kvmpr_fuzz "${fuzz_calls:-1000000}" "${fuzz_seconds:-120}" "${fuzz_seed:-0}" 2
}
