#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# dkms.conf through Debian's own dkms, as a user runs it (README): add a
# copy of the source tree, build b3pr for Debian's ppc64el kernel (its
# headers, cross-compiled: ARCH and CROSS_COMPILE reach dkms's make from
# the environment), install it, and check where the module lands, that
# the kernel's module tools find it, that AUTOINSTALL brings it back and
# that modinfo describes every module parameter the sources declare.
# dkms works in source, build and install trees of its own under a
# temporary directory; nothing of the machine's is touched. Ends "dkms: N
# passed, M failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tools/host/lib.sh"
. "$top/tools/host/kernel.sh"

work=$(mktemp -d)
trap 'as_root rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { # NAME WHY
	echo "FAIL dkms/$1: $2"
	failed=$((failed + 1))
}
check() { # NAME COMMAND...: pass when COMMAND succeeds
	local name=$1
	shift
	if "$@" >"$work/out" 2>&1; then ok; else bad "$name" "$(tail -n 20 "$work/out")"; fi
}

select_kernel debian
kver=$KERNEL_RELEASE
arch=ppc64le		# what uname -m says on the hosts b3pr runs on
root=$work/root		# the install tree is root/lib/modules, for depmod -b
mkdir -p "$work/src" "$work/dkms" "$root/lib/modules/$kver" "$work/bin"
# dkms strips debug info with the build machine's strip; the module is
# for another architecture.
ln -s "$(command -v "${CROSS_COMPILE}strip")" "$work/bin/strip"
# No module signing: dkms would make itself a key in /var/lib/dkms.
dkms() {
	as_root env PATH="$work/bin:$PATH" ARCH=powerpc CROSS_COMPILE="$CROSS_COMPILE" \
		sign_file="$work/no-sign-file" \
		dkms --sourcetree "$work/src" --dkmstree "$work/dkms" \
		--installtree "$root/lib/modules" "$@"
}

# What dkms.conf declares, read the way dkms reads it (it is sourced).
kernel_source_dir=$KERNEL_KDIR dkms_tree=$work/dkms kernelver=$kver
# shellcheck source=../../dkms.conf
. "$top/dkms.conf"
mv="$PACKAGE_NAME/$PACKAGE_VERSION"
name=${BUILT_MODULE_NAME[0]}
built=$work/dkms/$mv/$kver/$arch/module/$name.ko
installed=$root/lib/modules/$kver${DEST_MODULE_LOCATION[0]}/$name.ko

# A fresh clone: the tree without its git data and the harness's build/.
rsync -a --exclude /build --exclude /.git "$top/" "$work/checkout/"
check add dkms add "$work/checkout"
check add-copies-the-tree test -f "$work/src/$PACKAGE_NAME-$PACKAGE_VERSION/dkms.conf"

# dkms fails the build when make leaves no BUILT_MODULE_LOCATION/NAME.ko,
# then keeps that file, stripped, in its tree.
if dkms build "$mv" -k "$kver" -a "$arch" --kernelsourcedir "$KERNEL_KDIR" \
	>"$work/out" 2>&1; then
	ok
else
	bad build "$(cat "$work/out" "$work/dkms/$mv/build/make.log" 2>/dev/null | tail -n 40)"
fi
check built-module test -f "$built"
vermagic=$(modinfo -F vermagic "$built" 2>/dev/null)
[ "${vermagic%% *}" = "$kver" ] && ok ||
	bad vermagic "'$vermagic' is not for $kver"
check ppc64-object sh -c "'${CROSS_COMPILE}readelf' -h '$built' | grep -q 'Machine: *PowerPC64'"

# Every module parameter the sources declare (module_param* names it
# first) is listed by modinfo with a description, and no other.
declared=$(cd "$top" && grep -rhoE --include='*.c' 'module_param[a-z_]*\( *[A-Za-z0-9_]+' \
	book3s_64 book3s_32_guest exceptions reloc | sed 's/.*( *//' | sort -u)
listed=$(modinfo -F parmtype "$built" 2>/dev/null | cut -d: -f1 | sort -u)
[ "$declared" = "$listed" ] && ok ||
	bad params-as-declared "sources declare [$(echo $declared)], modinfo lists [$(echo $listed)]"
for p in $declared; do
	type=$(modinfo -F parmtype "$built" | sed -n "s/^$p://p")
	desc=$(modinfo -F parm "$built" | sed -n "s/^$p:\(.*\) ($type)\$/\1/p")
	[ -n "${desc// /}" ] && ok || bad "param-$p-described" "no MODULE_PARM_DESC for $p"
done

check install dkms install "$mv" -k "$kver" -a "$arch" --kernelsourcedir "$KERNEL_KDIR" --no-depmod
check installed-at-dest test -f "$installed"
# modprobe's view: after depmod, the module by name is the one dkms put.
depmod -b "$root" "$kver" >"$work/out" 2>&1
found=$(modinfo -b "$root" -k "$kver" -n "$name" 2>&1)
[ "$found" = "$installed" ] && ok || bad modprobe-finds-it "modinfo -n: $found"

# AUTOINSTALL: what dkms runs for every newly installed kernel puts a
# module that is not installed back.
check uninstall dkms uninstall "$mv" -k "$kver" -a "$arch" --no-depmod
check uninstall-removes sh -c "! test -e '$installed'"
dkms autoinstall -k "$kver" -a "$arch" --kernelsourcedir "$KERNEL_KDIR" --no-depmod \
	>"$work/out" 2>&1
[ -f "$installed" ] && ok || bad autoinstall "$(tail -n 20 "$work/out")"

# BUILD_EXCLUSIVE_ARCH: a kernel of another architecture is not built
# (status 77, dkms's "not for this kernel").
dkms build "$mv" -k "$kver" -a x86_64 --kernelsourcedir "$KERNEL_KDIR" >"$work/out" 2>&1
rc=$?
[ "$rc" = 77 ] && ok || bad skips-other-arch "dkms build for x86_64 ended $rc"
# BUILD_EXCLUSIVE_CONFIG: nor is a ppc64 kernel without pseries support
# (the same headers, as a kernel configured without CONFIG_PPC_PSERIES).
nops=$work/kernel-no-pseries
mkdir -p "$nops/include"
grep -v '^CONFIG_PPC_PSERIES=' "$KERNEL_KDIR/.config" >"$nops/.config"
dkms build "$mv" -k "$kver-no-pseries" -a "$arch" --kernelsourcedir "$nops" >"$work/out" 2>&1
rc=$?
[ "$rc" = 77 ] && ok || bad skips-non-pseries "dkms build without CONFIG_PPC_PSERIES ended $rc"

check remove dkms remove "$mv" --all --no-depmod
echo "dkms: $passed passed, $failed failed"
[ "$failed" = 0 ]
