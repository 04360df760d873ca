# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the scripts that run several e2e boots (tests/e2e/run.sh,
# tests/fuzz/run.sh): run BOOT.SH-ARGS... boots once, prints its result
# line and adds its counts to total_pass and total_fail (a boot without
# a result line counts as one failure).

total_pass=0 total_fail=0
run() {
	local line
	line=$("$(dirname "${BASH_SOURCE[0]}")/../../tools/host/boot.sh" "$@" | tail -n 1)
	echo "$line"
	if [[ $line =~ :\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		total_pass=$(( total_pass + BASH_REMATCH[1] ))
		total_fail=$(( total_fail + BASH_REMATCH[2] ))
	else
		total_fail=$(( total_fail + 1 ))
	fi
}
