#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Debian's ppc64el kexec-tools and the libraries it runs on, extracted
# (never installed, never run here) into a root tree for the emulated
# host's initramfs. Prints the tree's path. Cached by the packages'
# versions, so a new Debian point release fetches them again.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# kexec-tools and its Depends closure for running /sbin/kexec: libc6,
# whose own Depends are libgcc-s1 and gcc-12-base. kexec-tools' other
# Depends, debconf, only serves its maintainer scripts.
pkgs="kexec-tools libc6 libgcc-s1 gcc-12-base"

candidate() {
	apt-cache policy "$1:ppc64el" | sed -n 's/^ *Candidate: //p'
}
spec=
for p in $pkgs; do
	ver=$(candidate "$p")
	[ -n "$ver" ] && [ "$ver" != "(none)" ] ||
		die "no ppc64el $p in the package lists: run tools/host/deps.sh"
	spec="$spec $p:ppc64el=$ver"
done
key=$(echo "$spec" | sha256sum | cut -c1-12)
dir=$B3PR_CACHE/kexec-tools-ppc64el-$key
if ! is_built "$dir"; then
	rm -rf "$dir"
	mkdir -p "$dir/debs" "$dir/root"
	# shellcheck disable=SC2086 # one word per package
	(cd "$dir/debs" && apt-get download -q $spec >&2)
	for deb in "$dir"/debs/*.deb; do
		dpkg-deb -x "$deb" "$dir/root"
	done
	# Every library the binary names must be in the tree.
	interp=$("${CROSS_COMPILE}readelf" -l "$dir/root/sbin/kexec" |
		 sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
	# (an absolute symlink inside the tree: look where it points, there)
	[ -L "$dir/root$interp" ] && interp=$(readlink "$dir/root$interp")
	[ -f "$dir/root$interp" ] || die "kexec's interpreter $interp is not in the packages"
	for lib in $("${CROSS_COMPILE}readelf" -d "$dir/root/sbin/kexec" |
		     sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
		[ -e "$dir/root/lib/powerpc64le-linux-gnu/$lib" ] ||
			die "kexec needs $lib, which the packages do not hold"
	done
	mark_built "$dir"
fi
echo "$dir/root"
