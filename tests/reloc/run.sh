#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The build-time relocation check of the real-mode blob
# (reloc/check-rm-relocs.sh) must pass an object that holds no
# relocation and refuse objects that hold one: a branch to a global
# symbol, an absolute quad, a TOC-relative load. Ends "reloc: N passed,
# M failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
check=$top/reloc/check-rm-relocs.sh
as=${CROSS_COMPILE:-powerpc64le-linux-gnu-}as
readelf=${CROSS_COMPILE:-powerpc64le-linux-gnu-}readelf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

expect() { # NAME WANT(pass|refuse) ASSEMBLY
	printf '%s\n' "$3" >"$work/$1.s"
	if ! "$as" -o "$work/$1.o" "$work/$1.s"; then
		echo "FAIL reloc/$1: does not assemble"
		failed=$((failed + 1))
		return
	fi
	if "$check" "$readelf" "$work/$1.o" 2>/dev/null; then got=pass; else got=refuse; fi
	if [ "$got" = "$2" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL reloc/$1: expected $2, got $got"
		failed=$((failed + 1))
	fi
}

expect local-branches-and-absolute-ba pass '
	.section .b3pr_rm, "a"
start:	b	1f
1:	ba	0x904
	ld	3, (q - start)(0)
q:	.quad	0'
expect branch-to-global-symbol refuse '
	.section .b3pr_rm, "a"
	.globl	target
	b	target
target:	blr'
expect absolute-quad refuse '
	.section .b3pr_rm, "a"
	.quad	somewhere_else'
expect toc-relative-load refuse '
	.section .b3pr_rm, "a"
	addis	3, 2, sym@toc@ha
	ld	3, sym@toc@l(3)'
echo "reloc: $passed passed, $failed failed"
[ "$failed" = 0 ]
