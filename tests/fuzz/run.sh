#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make fuzz: the fuzzers' long runs (tests/e2e/scenarios-fuzz.sh) on two
# emulated CPUs, on Debian's kernel and on the reference kernel, where
# the same fuzzers then go at kvm-pr (recorded as E2E-INFO kvmpr-fuzz
# lines in build/e2e/ref-ref_fuzz/console.txt, not judged).
#
#   B3PR_FUZZ_CALLS    ioctl calls per run (1000000)
#   B3PR_FUZZ_SECONDS  seconds of hostile guests per run (120)
#   B3PR_FUZZ_SEED     the seed (0: one from the clock, printed)
#   B3PR_SKIP_REF=1    Debian's kernel only
#
# Ends with "fuzz: N passed, M failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

"$top/tools/host/deps.sh" || exit 1
. "$top/tests/e2e/boot-sum.sh"

args="fuzz_calls=${B3PR_FUZZ_CALLS:-1000000} fuzz_seconds=${B3PR_FUZZ_SECONDS:-120} fuzz_seed=${B3PR_FUZZ_SEED:-0}"
export B3PR_SMP=2 B3PR_QEMU_EXTRA='-accel tcg,thread=multi'
export B3PR_BOOT_TIMEOUT=${B3PR_BOOT_TIMEOUT:-3600}
run debian debian_fuzz POWER8 "$args"
if [ -z "${B3PR_SKIP_REF:-}" ]; then
	run ref ref_fuzz POWER8 "$args"
	# kvm-pr: recorded, not counted (its console's problems included).
	"$top/tools/host/boot.sh" ref ref_fuzz_kvmpr POWER8 "$args" | tail -n 1 |
		sed 's/^/recorded, not counted: /'
fi
for k in debian-debian_fuzz ref-ref_fuzz ref-ref_fuzz_kvmpr; do
	f=$top/build/e2e/$k/console.txt
	[ -f "$f" ] || continue
	sed -n '/^E2E-DMESG-BEGIN/q; /^E2E-INFO /p; /^E2E-FAIL /p' "$f" | grep -v ' stuck: task ' |
		sed "s|^|$k: |"
	[ "$k" = ref-ref_fuzz_kvmpr ] &&
		grep -aE -m 3 'Oops|kernel BUG|BUG:|WARNING:' "$f" | sed "s|^|$k: |"
done
echo "fuzz: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
