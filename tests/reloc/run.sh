#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The build-time relocation check of the real-mode blob
# (reloc/check-rm-relocs.sh) must pass an object that holds no
# relocation, the real blob as built for Debian's kernel included, and
# refuse every object that holds one, naming each relocation's type and
# symbol: a branch to a global symbol or out of the block, an absolute
# quad or word, a 16-bit @ha/@l pair, a TOC-relative load, and the blob
# marked executable and assembled with debug info (whose line tables hold
# its absolute address). Ends "reloc: N passed, M failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
check=$top/reloc/check-rm-relocs.sh
as=${CROSS_COMPILE:-powerpc64le-linux-gnu-}as
readelf=${CROSS_COMPILE:-powerpc64le-linux-gnu-}readelf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
asflags=

judge() { # NAME WANT OBJECT [PATTERN...]: PATTERNs must be in the message
	local name=$1 want=$2 obj=$3 got pat
	shift 3
	if "$check" "$readelf" "$obj" 2>"$work/$name.err"; then got=pass; else got=refuse; fi
	if [ "$got" != "$want" ]; then
		echo "FAIL reloc/$name: expected $want, got $got"
		failed=$((failed + 1))
		return
	fi
	for pat in "$@"; do
		if ! grep -qF -- "$pat" "$work/$name.err"; then
			echo "FAIL reloc/$name: no '$pat' in: $(head -c 400 "$work/$name.err")"
			failed=$((failed + 1))
			return
		fi
	done
	passed=$((passed + 1))
}

expect() { # NAME WANT ASSEMBLY [PATTERN...]
	local name=$1 want=$2
	printf '%s\n' "$3" >"$work/$name.s"
	shift 3
	# shellcheck disable=SC2086 # no flags, or one word each
	if ! "$as" $asflags -o "$work/$name.o" "$work/$name.s"; then
		echo "FAIL reloc/$name: does not assemble"
		failed=$((failed + 1))
		return
	fi
	judge "$name" "$want" "$work/$name.o" "$@"
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
target:	blr' 'R_PPC64_REL24 against target'
expect branch-out-of-block refuse '
	.text
	.globl	host_function
host_function:
	blr
	.section .b3pr_rm, "a"
	b	host_function' '.b3pr_rm+0x0: relocation R_PPC64_REL24 against host_function'
expect absolute-quad refuse '
	.section .b3pr_rm, "a"
	.quad	somewhere_else' 'R_PPC64_ADDR64 against somewhere_else'
expect absolute-32-bit refuse '
	.section .b3pr_rm, "a"
	nop
	.long	handler_table' '.b3pr_rm+0x4: relocation R_PPC64_ADDR32 against handler_table'
expect ha-lo-pair refuse '
	.section .b3pr_rm, "a"
	lis	3, handler@ha
	addi	3, 3, handler@l' \
	'.b3pr_rm+0x0: relocation R_PPC64_ADDR16_HA against handler' \
	'.b3pr_rm+0x4: relocation R_PPC64_ADDR16_LO against handler'
expect toc-relative-load refuse '
	.section .b3pr_rm, "a"
	addis	3, 2, sym@toc@ha
	ld	3, sym@toc@l(3)' 'R_PPC64_TOC16_HA against sym' 'R_PPC64_TOC16_LO_DS against sym'
# Marked "a" the same code with debug info holds none (the assembler
# describes only executable sections): that one passes.
asflags=-g
expect data-section-with-debug-info pass '
	.section .b3pr_rm, "a"
	nop
	blr'
expect executable-section-with-debug-info refuse '
	.section .b3pr_rm, "ax"
	nop
	blr' '.debug_line+0x' 'relocation R_PPC64_ADDR64 against .b3pr_rm'
asflags=

# The real blob, as the module build for Debian's kernel makes it.
. "$top/tools/host/lib.sh"
. "$top/tools/host/kernel.sh"
if (select_kernel debian && "$top/tools/host/build-module.sh" "$KERNEL_KDIR" \
	"$top/build/module-debian" "$KERNEL_RELEASE") >"$work/build.log" 2>&1; then
	judge real-blob pass "$top/build/module-debian/rmhandlers/rm_blob.o"
else
	echo "FAIL reloc/real-blob: the module does not build: $(tail -n 3 "$work/build.log")"
	failed=$((failed + 1))
fi
echo "reloc: $passed passed, $failed failed"
[ "$failed" = 0 ]
