#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the reference host kernel: Debian's linux-source-6.1 with upstream
# kvm-pr (CONFIG_KVM_BOOK3S_64_PR=m), a small pseries config, relocatable,
# kexec and crash dump on. Prints the build directory (vmlinux and the
# kbuild tree b3pr.ko is built against) on stdout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || die "$tarball missing: run tools/host/deps.sh"
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
options=$(dirname "$0")/refkernel.config
cfghash=$(sha256sum <"$options" | cut -c1-12)
dir=$B3PR_CACHE/refkernel-$srcver-$cfghash

if is_built "$dir"; then
	echo "$dir/build"
	exit 0
fi

say "building the reference kernel (linux-source-6.1 $srcver + kvm-pr) in $dir; about 20 minutes on 2 cores"
start=$(date +%s)
rm -rf "$dir"
mkdir -p "$dir"
tar -C "$dir" -xf "$tarball"
src=$dir/linux-source-6.1
# Progress goes to stderr: stdout carries only the result.
kmake() {
	make -C "$src" O="$dir/build" ARCH=powerpc CROSS_COMPILE="$CROSS_COMPILE" "$@" >&2
}
kmake -s ppc64le_guest_defconfig
cfg=$dir/build/.config
# Nothing as modules but kvm-pr: the defconfig's ~250 modules cost time.
sed -i 's/^\(CONFIG_[A-Za-z0-9_]*\)=m$/# \1 is not set/' "$cfg"
sc() { "$src/scripts/config" --file "$cfg" "$@"; }
# shellcheck disable=SC2046
sc $(grep -v '^#' "$options")
kmake -s olddefconfig
for want in CONFIG_KVM_BOOK3S_64_PR=m CONFIG_RELOCATABLE=y CONFIG_CRASH_DUMP=y \
	    CONFIG_KEXEC=y CONFIG_PPC_PSERIES=y; do
	grep -qx "$want" "$cfg" || die "reference config lacks $want"
done
kmake -j"$(( $(nproc) + 1 ))" vmlinux modules
end=$(date +%s)
say "reference kernel built in $(( end - start )) s"
mark_built "$dir"
echo "$dir/build"
