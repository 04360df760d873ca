#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# qemu-xcheck.sh [NAME...]: the translated-mode guest programs (default:
# every mmu-*.S and 32/mmu32-*.S) on QEMU's TCG models of bare machines, a
# second reference beside kvm-pr, which gets some of them wrong
# (KNOWN-DIVERGENCES.md). Not part of make check; run from the top of the
# tree after make guest, on the development machine (qemu-system-ppc and
# qemu-system-ppc64 from Debian's qemu-system-ppc package).
#
#   mmu-*    big-endian, built with -DGUEST_HV (mmu64.inc: the program
#            stays in hypervisor state, as the owner of a bare POWER8),
#            qemu-system-ppc64 -M powernv8 -cpu POWER8
#   mmu32-*  as built, qemu-system-ppc -M g3beige -cpu 750_v2.0 for
#            --pvr 0x00080200, -M mac99 -cpu 7455_v2.1 for 0x80010201
#
# The flat image is loaded at 0 over an empty firmware (memory reads 0,
# as b3pr-run's), a stub at 0x80000 sets MSR[ME] and branches to 0x2000;
# after a few seconds the monitor's "info registers" is compared with the
# program's expect lines (GPRs and msr, srr0, srr1, dar, dsisr; MSR[HV]
# ignored for mmu-*). Console and exit status are not seen. One QEMU-PASS
# or QEMU-FAIL line per program. Known: mmu32-bat-high fails its
# HIGH_BAT_EN=0 half (r3, r8, r10, r19), QEMU 7.2's 7455 searching BATs
# 4-7 whatever HID0 says.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
cc=${CROSS_COMPILE:-powerpc64le-linux-gnu-}gcc
objcopy=${CROSS_COMPILE:-powerpc64le-linux-gnu-}objcopy
out=build/guest-qemu
mkdir -p "$out"
flags=(-nostdlib -static -Wa,-mregnames -Itests/guest -Wl,-N -Wl,-T,tests/guest/guest.lds
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments)

head -c 4096 /dev/zero >"$out/empty.lid"
cat >"$out/stub64.S" <<'STUB'
	.globl	_start
_start:	li	3, 0x1000
	mtmsrd	3
	isync
	li	3, 0x2000
	mtctr	3
	bctr
STUB
sed 's/mtmsrd/mtmsr/' "$out/stub64.S" >"$out/stub32.S"
$cc -mbig-endian "${flags[@]:0:2}" -Wl,-Ttext=0x80000 -o "$out/stub64.elf" "$out/stub64.S" &&
$cc -m32 -mbig-endian "${flags[@]:0:2}" -Wl,-Ttext=0x80000 -o "$out/stub32.elf" "$out/stub32.S" || exit 1
$objcopy -O binary "$out/stub64.elf" "$out/stub64.bin"
$objcopy -O binary "$out/stub32.elf" "$out/stub32.bin"

# The registers QEMU shows, as "name value" lines.
qemu_regs() { # QEMU MACHINE CPU BIN STUB
	{ sleep 5; echo "info registers"; sleep 1; echo quit; } |
	timeout 60 "$1" -M "$2" -cpu "$3" -m 1G -bios "$out/empty.lid" \
		-display none -nodefaults -serial none -monitor stdio \
		-device loader,file="$4",addr=0,force-raw=on \
		-device loader,file="$5",addr=0x80000,force-raw=on \
		-device loader,addr=0x80000,cpu-num=0 2>&1 | tr -d '\r' |
	awk '/^GPR[0-9][0-9] / { n = substr($1, 4) + 0
			for (i = 2; i <= 5; i++) print "r" (n + i - 2), $i }
		{ for (i = 1; i < NF; i++)
			if ($i ~ /^(MSR|SRR0|SRR1|DAR|DSISR)$/) print tolower($i), $(i + 1) }'
}

check() { # NAME
	local name=$1 src=tests/guest/$1.S bin=$out/$1.bin elf=$out/$1.elf
	[[ $name == mmu32-* ]] && src=tests/guest/32/$1.S
	local qemu machine cpu stub pvr hv=
	if [[ $name == mmu32-* ]]; then
		pvr=$(sed -n 's/^# run-args:.*--pvr \(0x[0-9a-f]*\).*/\1/p' "$src")
		case $pvr in
		0x00080200) machine=g3beige cpu=750_v2.0 ;;
		0x80010201) machine=mac99 cpu=7455_v2.1 ;;
		*) echo "QEMU-FAIL $name: no QEMU CPU for PVR '$pvr'"; return ;;
		esac
		qemu=qemu-system-ppc stub=$out/stub32.bin
		$cc -m32 -mbig-endian "${flags[@]}" -o "$elf" "$src" || return
	else
		qemu=qemu-system-ppc64 machine=powernv8 cpu=POWER8 stub=$out/stub64.bin hv=1
		$cc -mbig-endian -DGUEST_HV "${flags[@]}" -o "$elf" "$src" || return
	fi
	$objcopy -O binary "$elf" "$bin"
	qemu_regs "$qemu" "$machine" "$cpu" "$bin" "$stub" >"$out/$name.regs"
	sed -n 's/^# expect\(-be\)\?: //p' "$src" | tr ' ' '\n' | grep = |
	awk -v regs="$out/$name.regs" -v name="$name" -v hv="$hv" '
	function norm(v) { v = tolower(v); sub(/^0x/, "", v); sub(/^0+/, "", v); return v == "" ? "0" : v }
	# v with MSR[HV] (bit 3, 0x1000000000000000) set
	function with_hv(v,    x) {
		while (length(v) < 16) v = "0" v
		x = index("0123456789abcdef", substr(v, 1, 1)) - 1
		if (x % 2 == 0) x++
		return norm(substr("0123456789abcdef", x + 1, 1) substr(v, 2))
	}
	BEGIN { while ((getline l < regs) > 0) { split(l, a, " "); got[a[1]] = norm(a[2]) } }
	{ split($0, kv, "="); r = kv[1]; want = norm(kv[2])
	  # a 32-bit CPU has 32-bit registers (QEMU shows their low halves)
	  if (!hv && length(want) > 8) want = norm(substr(want, length(want) - 7))
	  if (!(r in got)) { bad = bad " no " r; next }
	  if (got[r] == want) next
	  # the GUEST_HV build keeps HV in the MSR and in what SRR1 saves of it
	  if (hv && r ~ /^(msr|srr1|r[0-9]+)$/ && got[r] == with_hv(want)) next
	  bad = bad " " r " expected " want " got " got[r] }
	END { if (bad == "") print "QEMU-PASS " name; else print "QEMU-FAIL " name ":" bad }'
}

[ $# -gt 0 ] || set -- $(ls tests/guest/mmu-*.S tests/guest/32/mmu32-*.S | xargs -n1 basename | sed 's/\.S$//')
for n in "$@"; do
	check "$n"
done
