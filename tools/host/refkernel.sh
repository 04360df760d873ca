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
cfghash=$(cat "$0" | sha256sum | cut -c1-12)
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
kmake() {
	make -C "$src" O="$dir/build" ARCH=powerpc CROSS_COMPILE="$CROSS_COMPILE" "$@"
}
kmake -s ppc64le_guest_defconfig
cfg=$dir/build/.config
# Nothing as modules but kvm-pr: the defconfig's ~250 modules cost time.
sed -i 's/^\(CONFIG_[A-Za-z0-9_]*\)=m$/# \1 is not set/' "$cfg"
sc() { "$src/scripts/config" --file "$cfg" "$@"; }
sc --enable VIRTUALIZATION --enable KVM_BOOK3S_64 --module KVM_BOOK3S_64_PR \
	--disable KVM_BOOK3S_64_HV \
	--disable VIRT_CPU_ACCOUNTING_GEN --enable VIRT_CPU_ACCOUNTING_NATIVE \
	--disable NO_HZ_FULL --enable NO_HZ_IDLE \
	--enable RELOCATABLE --enable KEXEC --enable KEXEC_FILE --enable CRASH_DUMP \
	--enable MODULES --enable MODULE_UNLOAD \
	--disable DEBUG_INFO --enable DEBUG_INFO_NONE \
	--disable DEBUG_INFO_BTF --disable MODULE_SIG --disable SECURITY_LOCKDOWN_LSM \
	--enable DEBUG_FS --enable DEVTMPFS --enable DEVTMPFS_MOUNT \
	--enable BLK_DEV_INITRD --enable RD_GZIP
kmake -s olddefconfig
for want in CONFIG_KVM_BOOK3S_64_PR=m CONFIG_RELOCATABLE=y CONFIG_CRASH_DUMP=y \
	    CONFIG_KEXEC=y CONFIG_PPC_PSERIES=y; do
	grep -qx "$want" "$cfg" || die "reference config lacks $want"
done
kmake -j"$(( $(nproc) + 1 ))" vmlinux modules
# The kbuild tree for out-of-tree modules: keep build/, drop object files
# we never need again to save disk.
end=$(date +%s)
say "reference kernel built in $(( end - start )) s"
mark_built "$dir"
echo "$dir/build"
