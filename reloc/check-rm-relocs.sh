#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-rm-relocs.sh READELF OBJECT: fail if the real-mode object holds any
# relocation, with one line per relocation naming the section and offset
# it patches, its type and its symbol. The blob's code is copied to an
# address chosen at load time and runs with translation off, so no
# address may come from the linker: data inside the blob goes through
# RM_DATA fixups and addresses outside it through quads the installer
# fills (rmhandlers/rm_macros.S). Debug sections count too: an assembler
# given -g describes an executable section's code by absolute address.
readelf=$1 obj=$2
relocs=$("$readelf" -rW "$obj") || exit 1
printf '%s\n' "$relocs" | awk -v obj="$obj" '
	/^Relocation section / {
		sect = $3
		gsub(/\047/, "", sect)
		sub(/^\.rela?/, "", sect)
		next
	}
	sect != "" && $1 ~ /^[0-9a-f]+$/ && $3 ~ /^R_/ {
		sym = ""
		for (i = 5; i <= NF; i++)
			sym = sym (sym == "" ? "" : " ") $i
		off = $1
		sub(/^0+/, "", off)
		printf "error: %s: %s+0x%s: relocation %s against %s\n", obj, sect,
			(off == "" ? "0" : off), $3, (sym == "" ? "no symbol" : sym)
		n++
	}
	END {
		if (n) {
			printf "error: %s: the real-mode blob must hold no relocation (%d found)\n", obj, n
			exit 1
		}
	}' >&2
