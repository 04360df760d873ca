#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-rm-relocs.sh READELF OBJECT: fail if the real-mode object holds any
# relocation. Its code is copied to an address chosen at load time and runs
# with translation off, so no address may come from the linker: data
# inside the blob goes through RM_DATA fixups and addresses outside it
# through quads the installer fills (rmhandlers/rm_macros.S).
readelf=$1 obj=$2
relocs=$("$readelf" -rW "$obj") || exit 1
if printf '%s\n' "$relocs" | grep -q '^Relocation section'; then
	printf '%s\n' "$relocs" >&2
	echo "error: $obj: the real-mode blob must hold no relocation" >&2
	exit 1
fi
