#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# b3pr-guest-check DEVICE LABEL [PROGRAM.elf...]
# b3pr-guest-check --diff LABEL1 LABEL2
#
# Runs each guest program (default: every guest-*.elf beside this script)
# with b3pr-run --dump-regs on DEVICE and compares the run with the
# expectations its source states (guest-NAME.expect, made from the
# "# expect..." comments of tests/guest/NAME.S):
#   expect: REG=VALUE ...        final registers (names as --dump-regs)
#   expect-le: / expect-be: ...  the same, for one byte order only
#   expect-console: TEXT         the console's lines, in order
#   expect-exit: N               b3pr-run's exit status (default 0)
#   run-args: ARGS               extra b3pr-run options
#   run-args-le: / run-args-be:  the same, for one byte order only
#   volatile: REG ...            left out of the differential comparison
#   kvm-pr-diverges: ITEMS: WHY  kvm-pr is known to differ from the ISA in
#                                ITEMS (registers, "exit", "console"): on
#                                LABEL kvm-pr a mismatch confined to them
#                                is a recorded divergence, not a failure
#                                (tests/guest/KNOWN-DIVERGENCES.md)
#   host-limited: ITEMS: WHY     no VMM on this host can give the ISA's
#                                ITEMS (b3pr and kvm-pr alike): on every
#                                LABEL a mismatch confined to them is a
#                                recorded limitation; none at all fails
# One E2E-PASS / E2E-FAIL line per program and device. Dumps are kept in
# /tmp/guest-runs/LABEL/ for --diff, which compares two devices' final
# registers line by line (all but dec, volatile and divergent ones; not at
# all where the recorded divergence is that kvm-pr's run ends early).
# Runs under busybox sh inside the emulated host.

here=$(dirname "$0")
runs=/tmp/guest-runs
dump_lines=47

# The expectations of one program, by its ELF name (guest-NAME-le.elf).
expect_file() {
	base=$(basename "$1" .elf)
	echo "$here/${base%-*}.expect"
}

verdict() { # ELF LABEL ENDIAN OUT RC
	awk -v label="$2" -v endian="$3" -v rc="$5" -v out="$4" '
	function norm(v) {
		v = tolower(v); sub(/^0x/, "", v)
		while (length(v) < 16) v = "0" v
		return "0x" v
	}
	function want(list,    n, i, kv, a) {
		n = split(list, a, /[ \t]+/)
		for (i = 1; i <= n; i++) {
			if (a[i] == "") continue
			split(a[i], kv, "=")
			exp_reg[kv[1]] = norm(kv[2]); order[++nreg] = kv[1]
		}
	}
	FILENAME != out {
		line = $0
		if (sub(/^expect: */, "", line)) want(line)
		else if (sub(/^expect-le: */, "", line)) { if (endian == "le") want(line) }
		else if (sub(/^expect-be: */, "", line)) { if (endian == "be") want(line) }
		else if (sub(/^expect-console: ?/, "", line)) con[++ncon] = line
		else if (sub(/^expect-exit: */, "", line)) exit_want = line
		else if (sub(/^kvm-pr-diverges: */, "", line)) {
			why = line; items = line; sub(/:.*/, "", items)
			n = split(items, a, /[ ,]+/)
			for (i = 1; i <= n; i++) if (a[i] != "") div[a[i]] = 1
		}
		else if (sub(/^host-limited: */, "", line)) {
			limwhy = line; items = line; sub(/:.*/, "", items)
			n = split(items, a, /[ ,]+/)
			for (i = 1; i <= n; i++) if (a[i] != "") lim[a[i]] = 1
		}
		next
	}
	# A mismatch in ITEM: kvm-pr divergences count on kvm-pr only.
	function excused(item) {
		if (item in lim) { nlim++; return 1 }
		return label == "kvm-pr" && (item in div)
	}
	{ outl[++nout] = $0 }
	END {
		if (exit_want == "") exit_want = 0
		# The register dump is the last lines; the console is the rest.
		for (i = nout - '$dump_lines' + 1; i <= nout; i++) {
			split(outl[i], kv, " "); got[kv[1]] = kv[2]
		}
		bad = ""; nbad = 0; divonly = 1; nlim = 0
		if (rc != exit_want) {
			bad = bad "; exit expected " exit_want " got " rc; nbad++
			if (!excused("exit")) divonly = 0
		}
		ncout = nout - '$dump_lines'; if (ncout < 0) ncout = nout
		cbad = (ncout != ncon)
		for (i = 1; i <= ncon && !cbad; i++) if (outl[i] != con[i]) cbad = 1
		if (cbad) {
			c = ""; for (i = 1; i <= ncout && i <= 3; i++) c = c (i > 1 ? "|" : "") outl[i]
			bad = bad "; console expected " ncon " line(s) got \"" c "\""; nbad++
			if (!excused("console")) divonly = 0
		}
		for (i = 1; i <= nreg; i++) {
			r = order[i]
			if (!(r in got)) { bad = bad "; no " r " in the dump"; nbad++; divonly = 0; continue }
			if (got[r] != exp_reg[r]) {
				bad = bad "; " r " expected " exp_reg[r] " got " got[r]; nbad++
				if (!excused(r)) divonly = 0
			}
		}
		sub(/^; /, "", bad)
		if (limwhy != "" && !nlim) { print "FAIL recorded host limitation not seen (" limwhy ")"; exit }
		if (label == "kvm-pr" && why != "") {
			if (nbad && divonly) { print "DIVERGES " bad " (recorded: " why ")"; exit }
			if (!nbad) { print "FAIL recorded kvm-pr divergence not seen (" why ")"; exit }
		}
		if (limwhy != "" && nbad && divonly) { print "LIMITED " bad " (recorded: " limwhy ")"; exit }
		if (nbad) print "FAIL " bad
		else print "PASS"
	}' "$(expect_file "$1")" "$4"
}

check_one() { # ELF DEVICE LABEL
	elf=$1 dev=$2 label=$3
	base=$(basename "$elf" .elf)
	name=${base#guest-}
	endian=${name##*-}
	exp=$(expect_file "$elf")
	if [ ! -r "$exp" ]; then
		echo "E2E-FAIL guest/$name@$label: no expectations ($exp)"
		return
	fi
	args="$(sed -n 's/^run-args: *//p' "$exp") $(sed -n "s/^run-args-$endian: *//p" "$exp")"
	mkdir -p "$runs/$label"
	out=$runs/$label/$name.out
	# shellcheck disable=SC2086
	b3pr-run --device "$dev" --dump-regs --timeout 30 $args "$elf" \
		>"$out" 2>"$runs/$label/$name.err"
	rc=$?
	v=$(verdict "$elf" "$label" "$endian" "$out" "$rc")
	case $v in
	PASS)
		echo "E2E-PASS guest/$name@$label" ;;
	DIVERGES*)
		echo "E2E-PASS guest/$name@$label (known divergence: ${v#DIVERGES })" ;;
	LIMITED*)
		echo "E2E-PASS guest/$name@$label (known host limitation: ${v#LIMITED })" ;;
	*)
		echo "E2E-FAIL guest/$name@$label: ${v#FAIL } [$(head -c 300 "$runs/$label/$name.err" | tr '\n' ' ')]" ;;
	esac
}

# Final registers of two devices, line by line.
diff_devices() { # LABEL1 LABEL2
	for out in "$runs/$1"/*.out; do
		name=$(basename "$out" .out)
		other=$runs/$2/$name.out
		[ -r "$other" ] || { echo "E2E-FAIL guest-diff/$name: no run on $2"; continue; }
		exp=$(expect_file "guest-$name.elf")
		[ -r "$exp" ] || exp=$(expect_file "$name.elf")	# icount-*
		# A recorded early end on kvm-pr leaves nothing to compare.
		if sed -n 's/^kvm-pr-diverges: *\([^:]*\):.*/\1/p' "$exp" |
		   tr ', ' '\n\n' | grep -qx exit; then
			echo "E2E-PASS guest-diff/$name $1,$2 (not compared: the kvm-pr run ends early, a recorded divergence)"
			continue
		fi
		{ echo "^dec "
		  sed -n -e 's/^volatile: *//p' -e 's/^kvm-pr-diverges: *\([^:]*\):.*/\1/p' \
			-e 's/^host-limited: *\([^:]*\):.*/\1/p' "$exp" |
			tr ', ' '\n\n' | grep . | sed 's/^/^/; s/$/ /'
		} >"$runs/skip"
		tail -n $dump_lines "$out" | grep -v -f "$runs/skip" >"$runs/a"
		tail -n $dump_lines "$other" | grep -v -f "$runs/skip" >"$runs/b"
		if cmp -s "$runs/a" "$runs/b"; then
			echo "E2E-PASS guest-diff/$name $1=$2"
		else
			echo "E2E-FAIL guest-diff/$name $1 vs $2:" \
				"$(diff -u "$runs/a" "$runs/b" | grep '^[-+][a-z]' | tr '\n' ' ')"
		fi
	done
}

if [ "$1" = --diff ]; then
	[ $# = 3 ] || { echo "usage: $0 --diff LABEL1 LABEL2" >&2; exit 2; }
	diff_devices "$2" "$3"
	exit 0
fi
[ $# -ge 2 ] || { echo "usage: $0 DEVICE LABEL [PROGRAM.elf...]" >&2; exit 2; }
dev=$1 label=$2
shift 2
[ $# -gt 0 ] || set -- "$here"/guest-*.elf
for elf in "$@"; do
	check_one "$elf" "$dev" "$label"
done
