// SPDX-License-Identifier: GPL-2.0
/*
 * Patched copies of guest code pages, for guests whose dcbz clears less
 * than the host's (include/b3pr/dcbz_patch.h). A copy is mapped
 * executable only (xo_key.c): the guest runs it, and its loads and
 * stores of the page fault and get the guest's own page, no-execute,
 * until the next fetch there.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/err.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>

#include "b3pr/dcbz_patch.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/vm.h"
#include "tables.h"

bool b3pr_dcbz_traps(struct b3pr_vcpu *vcpu)
{
	return b3pr_dcbz_size(&vcpu->g) < ppc64_caches.l1d.block_size;
}

void *b3pr_dcbz_copy(struct b3pr_vcpu *vcpu, struct page *page, u64 gpa)
{
	void *src = page_address(page) + (gpa & ~PAGE_MASK & ~0xfffULL);
	u32 *copy;

	copy = b3pr_kzalloc(SZ_4K, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	memcpy(copy, src, SZ_4K);
	if (!b3pr_dcbz_patch(copy, SZ_4K / 4, vcpu->g.msr & B3PR_MSR_LE)) {
		b3pr_kfree(copy);
		return NULL;
	}
	flush_icache_range((unsigned long)copy, (unsigned long)copy + SZ_4K);
	return copy;
}
