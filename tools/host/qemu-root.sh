#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# qemu-root.sh: a root for the emulated host holding Debian's own
# ppc64el qemu-system-ppc and its dependency closure (plus
# qemu-system-data: OpenBIOS), resolved by apt against an empty dpkg
# status and unpacked with dpkg-deb -x, so no foreign binary runs here.
# Prints the path of an uncompressed cpio with the root under /qemu (the
# kernel appends it to the initramfs without decompressing; QEMU runs
# chrooted there). Cached by the list of package files, versions included.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs="qemu-system-ppc:ppc64el qemu-system-data"
apt_dir=$B3PR_CACHE/qemu-root-apt
mkdir -p "$apt_dir/archives/partial"
: >"$apt_dir/status"
# Nothing installed, ppc64el the only architecture; the build machine's
# sources and package lists (tools/host/deps.sh adds ppc64el to them).
apt_ppc64el() {
	apt-get -q -o Dir::State::status="$apt_dir/status" \
		-o APT::Architecture=ppc64el -o APT::Architectures::=ppc64el \
		-o Dir::Cache="$apt_dir" -o Dir::Cache::archives="$apt_dir/archives" \
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
		-o Debug::NoLocking=1 -o APT::Sandbox::User=root \
		-o APT::Install-Recommends=false \
		-o APT::Get::Assume-Yes=true "$@"
}
# "Inst PACKAGE (VERSION ...", one a line: the closure, simulated.
closure=$(apt_ppc64el --simulate install $pkgs | grep '^Inst ' | sort)
[ -n "$closure" ] || die "apt resolved no packages for $pkgs: run apt-get update"
key=$(awk '{print $2, $3}' <<<"$closure" | sha256sum | cut -c1-12)
dir=$B3PR_CACHE/qemu-root-$key

if is_built "$dir"; then
	echo "$dir/qemu-root.cpio"
	exit 0
fi

say "Debian's ppc64el QEMU: $(wc -l <<<"$closure") packages into $dir"
start=$(date +%s)
rm -rf "$dir" "$apt_dir"/archives/*.deb
mkdir -p "$dir/root/qemu"
apt_ppc64el --download-only install $pkgs >&2
for deb in "$apt_dir"/archives/*.deb; do
	dpkg-deb -x "$deb" "$dir/root/qemu"
done
# What no guest run reads: documentation, translations, iconv modules,
# QEMU's helper daemons, the other machines' firmware (OpenBIOS stays).
q=$dir/root/qemu
rm -rf "$q"/usr/share/{doc,man,locale,info,lintian,bug} "$q"/usr/lib/*/gconv \
	"$q"/usr/bin/qemu-{storage-daemon,pr-helper}
find "$q/usr/share/qemu" -maxdepth 1 -type f ! -name 'openbios-ppc' -delete
[ -x "$q/usr/bin/qemu-system-ppc" ] || die "no qemu-system-ppc in the unpacked root"
[ -e "$q/usr/share/qemu/openbios-ppc" ] || die "no openbios-ppc in the unpacked root"
(cd "$dir/root" && find . | cpio -o -H newc --quiet) >"$dir/qemu-root.cpio"
rm -rf "$dir/root"
end=$(date +%s)
say "QEMU root ($(du -m "$dir/qemu-root.cpio" | cut -f1) MB cpio) made in $(( end - start )) s"
mark_built "$dir"
echo "$dir/qemu-root.cpio"
