#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mac-guest-kernel.sh pmac32|g5: a Mac guest kernel from Debian's
# linux-source-6.1, built big-endian with Debian's cross compiler, its
# init (tests/mac-guest/) in a built-in initramfs. Prints the vmlinux
# path on stdout; cached by what made it (source version, compiler, the
# config fragments, the init's sources and this script). The build tree
# is kept per configuration: a new init only relinks (seconds).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

name=${1:?usage: mac-guest-kernel.sh pmac32|g5}
case "$name" in
pmac32) defconfig=pmac32_defconfig cross=powerpc-linux-gnu- ;;
g5)	defconfig=g5_defconfig cross=powerpc64-linux-gnu- ;;
*)	die "unknown Mac guest kernel '$name' (pmac32 or g5)" ;;
esac
command -v "${cross}gcc" >/dev/null || die "${cross}gcc missing: run tools/host/deps.sh"
tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || die "$tarball missing: run tools/host/deps.sh"
here=$B3PR_SRC/tools/host
initsrc=$B3PR_SRC/tests/mac-guest
fragments="$here/mac-guest-$name.config $here/mac-guest-common.config"
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
cfgkey=$( { echo "$defconfig $srcver"; "${cross}gcc" --version | head -n 1
	    cat $fragments "$0"; } | sha256sum | cut -c1-12)
key=$( { echo "$cfgkey"; cat "$initsrc"/*.[ch]; } | sha256sum | cut -c1-12)
dir=$B3PR_CACHE/mac-guest-$name-$srcver-$key
tree=$B3PR_CACHE/mac-guest-$name-tree-$srcver-$cfgkey

if is_built "$dir"; then
	echo "$dir/vmlinux"
	exit 0
fi

# One unpacked source for every guest kernel: each builds in its own O=.
src=$B3PR_CACHE/linux-source-$srcver
if ! is_built "$src"; then
	say "unpacking linux-source-6.1 $srcver into $src"
	rm -rf "$src"
	mkdir -p "$src"
	tar -C "$src" --strip-components=1 -xf "$tarball"
	mark_built "$src"
fi

say "building the $name Mac guest kernel in $tree (cold: several minutes)"
start=$(date +%s)
rm -rf "$dir"
mkdir -p "$tree/init"
# The init: static, big-endian, the vector half alone built for AltiVec.
cflags="-O2 -Wall -Wextra -Werror"
"${cross}gcc" $cflags -maltivec -c -o "$tree/init/vector.o" "$initsrc/vector.c"
"${cross}gcc" $cflags -static -s -o "$tree/init/init" "$initsrc/init.c" "$tree/init/vector.o"
cat >"$tree/init/list" <<LIST
dir /dev 755 0 0
nod /dev/console 600 0 0 c 5 1
dir /proc 755 0 0
file /init $tree/init/init 755 0 0
LIST

# Progress goes to stderr: stdout carries only the result.
kmake() {
	nice make -C "$src" O="$tree/build" ARCH=powerpc CROSS_COMPILE="$cross" "$@" >&2
}
cfg=$tree/build/.config
if ! is_built "$tree/build"; then
	rm -rf "$tree/build"
	kmake -s "$defconfig"
	sed -i 's/^\(CONFIG_[A-Za-z0-9_]*\)=m$/# \1 is not set/' "$cfg"
	sc() { "$src/scripts/config" --file "$cfg" "$@"; }
	# shellcheck disable=SC2046
	sc $(grep -hv '^#' $fragments)
	sc --set-str INITRAMFS_SOURCE "$tree/init/list"
	kmake -s olddefconfig
	for want in CONFIG_SERIAL_PMACZILOG=y CONFIG_SERIAL_PMACZILOG_CONSOLE=y \
		    CONFIG_BLK_DEV_INITRD=y CONFIG_ADB_PMU=y; do
		grep -qx "$want" "$cfg" || die "$name guest config lacks $want"
	done
	grep -q '^CONFIG_SERIAL_PMACZILOG_TTYS=y' "$cfg" &&
		die "$name guest console would be ttyS, not ttyPZ"
	mark_built "$tree/build"
fi
kmake -j"$(( $(nproc) + 1 ))" vmlinux
mkdir -p "$dir"
cp "$tree/build/vmlinux" "$dir/vmlinux"
end=$(date +%s)
say "$name Mac guest kernel built in $(( end - start )) s"
mark_built "$dir"
echo "$dir/vmlinux"
