#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check: the native unit tests, the real-mode relocation check's own
# test, the dkms build and install of the module, the module's style check,
# and the e2e boots in the emulated host. Each part prints its own
# "PART: N passed, M failed"; the last line sums them all.
set -uo pipefail
cd "$(dirname "$0")/.."

total_pass=0 total_fail=0
part() {
	local log line
	log=$(mktemp)
	"$@" 2>&1 | tee "$log"
	line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	rm -f "$log"
	if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		total_pass=$(( total_pass + BASH_REMATCH[1] ))
		total_fail=$(( total_fail + BASH_REMATCH[2] ))
	else
		echo "check: '$*' gave no result line" >&2
		total_fail=$(( total_fail + 1 ))
	fi
}

tools/host/deps.sh || exit 1
part make -s unit
part tests/reloc/run.sh
part tests/dkms/run.sh
part tools/host/checkpatch.sh $(git ls-files '*.c' '*.h' '*.S' |
	grep -E '^(book3s_64|book3s_32_guest|exceptions|rmhandlers|reloc|include)/')
part tests/e2e/run.sh
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
