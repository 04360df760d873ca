// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_RUN. A placeholder until the world switch lands: the run loop
 * replaces this file, and until then no guest runs.
 */
#include <linux/errno.h>

#include "b3pr/run.h"

long b3pr_vcpu_run(struct b3pr_vcpu *vcpu)
{
	return -EOPNOTSUPP;
}
