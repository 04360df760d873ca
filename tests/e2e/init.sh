#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the emulated host: set up, run the scenario named by
# b3pr_e2e= on the kernel command line, report on the console, power off.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
depmod

for f in /scenarios*.sh; do . "$f"; done
echo "E2E-BEGIN $b3pr_e2e $(uname -r)"
scenario_"$b3pr_e2e"
echo "E2E-DMESG-BEGIN"
dmesg
echo "E2E-DMESG-END"
echo "E2E-END"
poweroff -f
