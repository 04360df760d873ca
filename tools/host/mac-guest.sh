#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mac-guest.sh [--accel ACCEL] [--timeout S] [--root DIR] [--kernel FILE]
#              [--log FILE] GUEST
#
# Boot one Mac guest through an unmodified qemu-system-ppc(64) and judge
# it. GUEST is openbios (mac99/G4 to the OpenBIOS prompt, which must
# answer "6 7 * ." with 2a: its base is 16), or a Linux guest of
# mac-guest-kernel.sh:
#   g4  qemu-system-ppc   -M mac99          -cpu G4   (pmac32 kernel)
#   g3  qemu-system-ppc   -M g3beige        -cpu 750  (pmac32 kernel)
#   g5  qemu-system-ppc64 -M mac99,via=pmu  -cpu 970  (g5 kernel)
# which must reach its init's marker, pass its checks and power off.
# --root DIR runs QEMU chrooted in DIR with the kernels at /guest/NAME
# (the emulated host's /qemu); else QEMU from PATH and --kernel FILE.
# Prints "ok CHECK" or "FAIL CHECK: why" per check, "time STEP SECONDS"
# (QEMU start to the prompt or marker), and ends "mac-guest GUEST: ok"
# (exit 0) or "mac-guest GUEST: FAILED" (exit 1). POSIX sh: runs under
# the emulated host's busybox too.
set -u

accel=tcg limit=300 root='' kernel='' log=''
while [ $# -gt 1 ]; do
	case "$1" in
	--accel)	accel=$2 ;;
	--timeout)	limit=$2 ;;
	--root)		root=$2 ;;
	--kernel)	kernel=$2 ;;
	--log)		log=$2 ;;
	*)		echo "mac-guest: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
guest=${1:?usage: mac-guest.sh [options] openbios|g4|g3|g5}
case "$guest" in
openbios) qemu=qemu-system-ppc machine=mac99 cpu=G4 image= ;;
g4)	qemu=qemu-system-ppc machine=mac99 cpu=G4 image=pmac32 ;;
g3)	qemu=qemu-system-ppc machine=g3beige cpu=750 image=pmac32 ;;
g5)	qemu=qemu-system-ppc64 machine=mac99,via=pmu cpu=970 image=g5 ;;
*)	echo "mac-guest: unknown guest $guest (openbios, g4, g3, g5)" >&2; exit 2 ;;
esac
[ -n "$kernel" ] || kernel=/guest/$image
log=${log:-/tmp/mac-guest-$guest-$accel.log}
fifo=$log.in
failed=0

ok() { echo "ok $1"; }
bad() { echo "FAIL $1: $2"; failed=1; }
now() { cut -d ' ' -f 1 /proc/uptime; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f\n", b - a }'; }
# Why a step failed: QEMU's own line where the accelerator stopped the
# guest (and the guest's NIP), else the end of the console.
why() { # [BYTES]
	if grep -q "$stopped" "$log"; then
		echo "$(grep -m 1 "$stopped" "$log") $(grep -m 1 -o 'NIP [0-9a-f]*' "$log")" |
			tr -d '\r'
	else
		tail -c "${1:-300}" "$log" | tr '\r\n' '  '
	fi
}

# What QEMU prints when the accelerator stops the guest for good: it
# then keeps the VM paused and would never exit by itself.
stopped='KVM internal error\|kvm run failed\|error: kvm run'

# Polls are slow forks in a one-CPU emulated host: twice a second, with
# the deadline kept by the clock, not by counting polls.
poll=0.5
past() { awk -v d="$1" -v n="$(now)" 'BEGIN { exit !(n >= d) }'; }
deadline() { awk -v s="$1" -v n="$(now)" 'BEGIN { print n + s }'; }

# Wait up to SECONDS for TEXT in the log while QEMU lives and runs.
wait_for() { # TEXT SECONDS
	end=$(deadline "$2")
	until past "$end"; do
		grep -q "$1" "$log" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || break
		grep -q "$stopped" "$log" 2>/dev/null && break
		sleep $poll
	done
	grep -q "$1" "$log" 2>/dev/null
}

# Wait up to SECONDS for QEMU to end: its status, 124 when it had to be
# killed (at once when the accelerator stopped the guest).
wait_exit() { # SECONDS
	end=$(deadline "$1")
	while kill -0 "$pid" 2>/dev/null && ! past "$end"; do
		grep -q "$stopped" "$log" 2>/dev/null && break
		sleep $poll
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid"
		wait "$pid" 2>/dev/null
		return 124
	fi
	wait "$pid"
}

# The ESCC on stdio: OpenBIOS prints there and, only under -nographic
# (QEMU tells it so through fw_cfg), also reads its input from there.
# -nodefaults: no VGA on mac99, no NIC on g3beige (whose option ROM
# Debian's root leaves out).
set -- -M "$machine" -cpu "$cpu" -accel "$accel" -m 256 -nodefaults \
	-nographic -serial mon:stdio -no-reboot
if [ "$guest" = openbios ]; then
	set -- "$@" -prom-env 'auto-boot?=false'
else
	set -- "$@" -kernel "$kernel" -append 'console=ttyPZ0 loglevel=5 panic=-1'
fi
[ -n "$root" ] && set -- chroot "$root" "/usr/bin/$qemu" "$@" || set -- "$qemu" "$@"
rm -f "$fifo" "$log"
mkfifo "$fifo" || exit 1
start=$(now)
"$@" <"$fifo" >"$log" 2>&1 &
pid=$!
# Held open: QEMU's stdin sees no end of file before we are done.
exec 5>"$fifo"

if [ "$guest" = openbios ]; then
	if wait_for '^0 >' "$limit"; then
		ok prompt
		echo "time prompt $(since "$start")"
		printf '6 7 * .\r' >&5
		wait_for ' 2a *ok' 30 && ok answers || bad answers "$(why)"
	else
		bad prompt "$(why)"
	fi
	# Ctrl-A x: QEMU's stdio multiplexer quits.
	printf '\001x' >&5
	wait_exit 20
	rc=$?
	[ "$rc" = 0 ] && ok quit || bad quit "QEMU exit $rc"
else
	if wait_for 'MACGUEST-INIT' "$limit"; then
		ok init-marker
		echo "time init-marker $(since "$start")"
	else
		bad init-marker "$(why 400)"
	fi
	wait_exit "$limit"
	rc=$?
	tr -d '\r' <"$log" >"$log.txt"
	grep -q '^MACGUEST-PASS$' "$log.txt" && ! grep -q '^MACGUEST-FAIL' "$log.txt" &&
		ok checks || bad checks "$(grep '^MACGUEST-' "$log.txt" | tr '\n' ' ')"
	[ "$rc" = 0 ] && grep -q 'reboot: Power down' "$log.txt" &&
		ok power-off || bad power-off "QEMU exit $rc: $(why 200)"
	problems=$(grep -E 'Oops|BUG|WARNING:|Call Trace|Kernel panic|Unable to handle' "$log.txt")
	[ -z "$problems" ] && ok console-clean || bad console-clean "$(echo "$problems" | head -c 300)"
fi
exec 5>&-
rm -f "$fifo"
if [ "$failed" = 0 ]; then
	echo "mac-guest $guest: ok"
else
	echo "mac-guest $guest: FAILED (console in $log)"
	exit 1
fi
