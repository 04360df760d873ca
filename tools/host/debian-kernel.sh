#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch Debian's own ppc64el kernel (image + headers) and the amd64
# linux-kbuild of exactly the same version, newest complete triple first,
# and lay them out as one tree that out-of-tree modules build against.
# Prints "<tree root> <abi>" on stdout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# apt-cache madison prints "pkg | version | source": the versions of $1.
versions() { apt-cache madison "$1" 2>/dev/null | awk -F'|' '{gsub(/ /, "", $2); print $2}'; }

resolve() {
	local abi ver
	for abi in $(apt-cache search --names-only \
			'^linux-image-6\.1\.0-[0-9]+-powerpc64le$' |
		     sed -n 's/^linux-image-\(6\.1\.0-[0-9]*\)-powerpc64le .*/\1/p' |
		     sort -t- -k2,2nr); do
		for ver in $(versions "linux-image-$abi-powerpc64le:ppc64el"); do
			versions "linux-headers-$abi-powerpc64le:ppc64el" | grep -qx "$ver" || continue
			versions "linux-headers-$abi-common" | grep -qx "$ver" || continue
			versions "linux-kbuild-6.1:amd64" | grep -qx "$ver" || continue
			echo "$abi $ver"
			return 0
		done
	done
	return 1
}

# Resolving asks apt-cache a few dozen times: remember the answer for as
# long as the package lists stay the same.
lists_key=$(stat -c '%n %Y' /var/lib/apt/lists/*_Packages* 2>/dev/null |
	    sha256sum | cut -c1-12)
resolved=$B3PR_CACHE/debian-kernel-resolved-$lists_key
if [ ! -s "$resolved" ]; then
	resolve >"$resolved.tmp" ||
		die "no complete Debian ppc64el kernel triple (image, headers, kbuild) in the archive: run apt-get update"
	mv "$resolved.tmp" "$resolved"
fi
read -r abi ver <"$resolved"
say "Debian kernel: $abi ($ver)"
root=$B3PR_CACHE/debian-kernel-$abi-$ver
if ! is_built "$root"; then
	rm -rf "$root"
	mkdir -p "$root/debs" "$root/tree"
	(cd "$root/debs" && apt-get download -q \
		"linux-image-$abi-powerpc64le:ppc64el=$ver" \
		"linux-headers-$abi-powerpc64le:ppc64el=$ver" \
		"linux-headers-$abi-common=$ver" \
		"linux-kbuild-6.1:amd64=$ver" >&2)
	for deb in "$root"/debs/*.deb; do
		dpkg-deb -x "$deb" "$root/tree"
	done
	# The arch headers include the common ones by absolute path.
	sed -i "s|/usr/src/linux-headers-$abi-common|$root/tree/usr/src/linux-headers-$abi-common|g" \
		"$root/tree/usr/src/linux-headers-$abi-powerpc64le/Makefile"
	mark_built "$root"
fi
echo "$root/tree $abi"
