#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what the emulated-host harness needs, from Debian's archive
# only, and fetch the ppc64el busybox into the cache. Quick when done.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs="qemu-system-ppc gcc-powerpc64le-linux-gnu binutils-powerpc64le-linux-gnu
      libc6-dev-ppc64el-cross linux-source-6.1 gcc make perl bc bison flex
      libssl-dev libelf-dev cpio xz-utils gzip kmod rsync dkms
      gcc-powerpc-linux-gnu libc6-dev-powerpc-cross
      gcc-powerpc64-linux-gnu libc6-dev-ppc64-cross"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
foreign=$(dpkg --print-foreign-architectures)
if [ -n "$missing" ] || ! grep -qx ppc64el <<<"$foreign"; then
	say "installing:${missing:- (none)}; adding the ppc64el architecture"
	as_root dpkg --add-architecture ppc64el
	# A mirror mid-sync can fail one index (seen: the security
	# archive's ppc64el list); the packages we need come from main.
	as_root apt-get update -q >&2 || say "apt-get update reported errors; going on"
	if [ -n "$missing" ]; then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends $missing >&2
	fi
fi

# busybox for the emulated host: extracted, not installed, so it never
# conflicts with the build machine's own busybox.
bbdir=$B3PR_CACHE/busybox-ppc64el
if ! is_built "$bbdir"; then
	rm -rf "$bbdir"
	mkdir -p "$bbdir"
	(cd "$bbdir" && apt-get download -q busybox-static:ppc64el >&2)
	dpkg-deb -x "$bbdir"/busybox-static_*.deb "$bbdir/root"
	mark_built "$bbdir"
fi
