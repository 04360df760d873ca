// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CHECK_EXTENSION: the capabilities b3pr really provides. A
 * capability is listed here only once it works and an e2e test uses it
 * (tests/e2e/b3pr-abi.c). Values follow powerpc.c
 * kvm_vm_ioctl_check_extension; the same answers come from /dev/b3pr and
 * from a VM fd.
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/kvm.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"

static const struct {
	unsigned long cap;
	long value;
} b3pr_caps[] = {
	{ KVM_CAP_USER_MEMORY, 1 },
	/* A slot of size 0 goes away with its mappings (memslot.c). */
	{ KVM_CAP_DESTROY_MEMORY_REGION_WORKS, 1 },
	/* Adjacent slots are independent: any split or join of RAM works. */
	{ KVM_CAP_JOIN_MEMORY_REGIONS_WORKS, 1 },
	/* kvm_run->immediate_exit ends KVM_RUN with -EINTR (run.c). */
	{ KVM_CAP_IMMEDIATE_EXIT, 1 },
	/* ONE_REG KVM_REG_PPC_HIOR: the 970's interrupt base. */
	{ KVM_CAP_PPC_HIOR, 1 },
	{ KVM_CAP_NR_MEMSLOTS, B3PR_NR_MEMSLOTS },
	{ KVM_CAP_MAX_VCPUS, B3PR_MAX_VCPUS },
	{ KVM_CAP_MAX_VCPU_ID, B3PR_MAX_VCPU_IDS },
	{ KVM_CAP_ONE_REG, 1 },
	{ KVM_CAP_PPC_SEGSTATE, 1 },	/* SLB, SRs and BATs in kvm_sregs */
	{ KVM_CAP_PPC_UNSET_IRQ, 1 },	/* KVM_INTERRUPT_UNSET */
	{ KVM_CAP_PPC_IRQ_LEVEL, 1 },	/* KVM_INTERRUPT_SET_LEVEL */
	/*
	 * The VMM's mmap/munmap/madvise reach the guest at once (the MMU
	 * notifier; tests/e2e/b3pr-mem.c): QEMU allows RAM discard then.
	 */
	{ KVM_CAP_SYNC_MMU, 1 },
};

long b3pr_check_extension(unsigned long cap)
{
	unsigned int i;

	/* As kvm-pr: a suggestion, the CPUs online, within the maximum. */
	if (cap == KVM_CAP_NR_VCPUS)
		return min_t(unsigned int, num_online_cpus(), B3PR_MAX_VCPUS);
	for (i = 0; i < ARRAY_SIZE(b3pr_caps); i++)
		if (b3pr_caps[i].cap == cap)
			return b3pr_caps[i].value;
	return 0;
}
