/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * b3pr's own additions to the KVM userspace ABI that /dev/b3pr speaks.
 * Everything else a VMM uses is linux/kvm.h, unchanged.
 */
#ifndef _UAPI_B3PR_H
#define _UAPI_B3PR_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define B3PR_IOC_MAGIC		0xb3

/* Module-wide counters, for tests and monitoring. */
struct b3pr_module_stats {
	__u64 live_objects;	/* b3pr allocations not yet freed */
	__u64 vms;		/* VMs alive */
	__u64 vcpus;		/* vcpus alive (they live as long as their VM) */
};

#define B3PR_GET_MODULE_STATS	_IOR(B3PR_IOC_MAGIC, 0x00, struct b3pr_module_stats)

#endif /* _UAPI_B3PR_H */
