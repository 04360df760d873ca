// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CHECK_EXTENSION: the capabilities b3pr really provides. A
 * capability is listed here only once it works and an e2e test uses it.
 */
#include <linux/kernel.h>
#include <linux/kvm.h>

#include "b3pr/module.h"

static const struct {
	unsigned long cap;
	long value;
} b3pr_caps[] = {
	/* none yet: VMs arrive with the run loop */
};

long b3pr_check_extension(unsigned long cap)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_caps); i++)
		if (b3pr_caps[i].cap == cap)
			return b3pr_caps[i].value;
	return 0;
}
