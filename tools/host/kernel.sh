# SPDX-License-Identifier: GPL-2.0
# Sourced: select_kernel debian|ref sets KERNEL_VMLINUX, KERNEL_KDIR,
# KERNEL_RELEASE and KERNEL_MODULES (a tree for the initramfs, or empty).

select_kernel() {
	local out
	case "$1" in
	debian)
		out=$("$B3PR_SRC/tools/host/debian-kernel.sh") || exit 1
		local root=${out% *} abi=${out#* }
		KERNEL_RELEASE=$abi-powerpc64le
		KERNEL_VMLINUX=$root/boot/vmlinux-$KERNEL_RELEASE
		KERNEL_KDIR=$root/usr/src/linux-headers-$KERNEL_RELEASE
		KERNEL_MODULES=
		;;
	ref)
		out=$("$B3PR_SRC/tools/host/refkernel.sh") || exit 1
		KERNEL_RELEASE=$(cat "$out/include/config/kernel.release")
		KERNEL_VMLINUX=$out/vmlinux
		KERNEL_KDIR=$out
		KERNEL_MODULES=$out/../modules
		if ! is_built "$KERNEL_MODULES"; then
			rm -rf "$KERNEL_MODULES"
			make -s -C "$out" ARCH=powerpc CROSS_COMPILE="$CROSS_COMPILE" \
				INSTALL_MOD_PATH="$KERNEL_MODULES" modules_install >&2
			mark_built "$KERNEL_MODULES"
		fi
		;;
	*)
		die "unknown host kernel '$1' (debian or ref)"
		;;
	esac
	[ -r "$KERNEL_VMLINUX" ] || die "no vmlinux at $KERNEL_VMLINUX"
	# The image must be the kernel the module is built for.
	grep -aq "Linux version $KERNEL_RELEASE " "$KERNEL_VMLINUX" ||
		die "$KERNEL_VMLINUX is not release $KERNEL_RELEASE"
}
