#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.sh FILE...: the kernel's scripts/checkpatch.pl (from Debian's
# linux-source-6.1) on each file. One "checkpatch: N passed, M failed" line.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

dir=$B3PR_CACHE/checkpatch-$(dpkg-query -W -f='${Version}' linux-source-6.1)
if ! is_built "$dir"; then
	mkdir -p "$dir"
	tar -C "$dir" --strip-components=1 -xf /usr/src/linux-source-6.1.tar.xz \
		linux-source-6.1/scripts/checkpatch.pl linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch || exit 1
	mark_built "$dir"
fi
passed=0 failed=0
for f in "$@"; do
	if out=$(perl "$dir/scripts/checkpatch.pl" --no-tree -q --terse -f "$f"); then
		passed=$(( passed + 1 ))
	else
		failed=$(( failed + 1 ))
		printf '%s\n' "$out" >&2
	fi
done
echo "checkpatch: $passed passed, $failed failed"
[ "$failed" = 0 ]
