// SPDX-License-Identifier: GPL-2.0
/*
 * Host HPTEs through the host kernel's own hash-table operations
 * (mmu_hash_ops: native or the pseries hypervisor's H_ENTER/H_REMOVE).
 * b3pr's entries are always 4K pages in 256 MB segments.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/mm.h>
#include <asm/book3s/64/mmu-hash.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"
#include "tables.h"

static unsigned long b3pr_hpte_group(unsigned long hash)
{
	return (hash & htab_hash_mask) * HPTES_PER_GROUP;
}

/*
 * Primary group, then secondary, then make room in the primary one; 0
 * with *slot the HPT index, or -EIO when the host refused.
 */
long b3pr_host_hpte_insert(unsigned long vpn, unsigned long pa,
			   unsigned long rflags, unsigned long *slot)
{
	unsigned long hash = hpt_hash(vpn, 12, MMU_SEGSIZE_256M);
	unsigned long group = b3pr_hpte_group(hash);
	long ret;

	ret = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags, 0, MMU_PAGE_4K,
				       MMU_PAGE_4K, MMU_SEGSIZE_256M);
	if (ret == -1) {
		group = b3pr_hpte_group(~hash);
		ret = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags,
					       HPTE_V_SECONDARY, MMU_PAGE_4K,
					       MMU_PAGE_4K, MMU_SEGSIZE_256M);
	}
	if (ret == -1) {
		group = b3pr_hpte_group(hash);
		mmu_hash_ops.hpte_remove(group);
		ret = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags, 0,
					       MMU_PAGE_4K, MMU_PAGE_4K,
					       MMU_SEGSIZE_256M);
	}
	if (ret < 0)
		return -EIO;
	/* The return value says which group the entry went to. */
	group = b3pr_hpte_group((ret & _PTEIDX_SECONDARY) ? ~hash : hash);
	*slot = group + (ret & _PTEIDX_GROUP_IX);
	return 0;
}

/* Harmless when the host already evicted the entry: the AVPN differs. */
void b3pr_host_hpte_invalidate(unsigned long slot, unsigned long vpn)
{
	mmu_hash_ops.hpte_invalidate(slot, vpn, MMU_PAGE_4K, MMU_PAGE_4K,
				     MMU_SEGSIZE_256M, 0);
}

void b3pr_host_spte_unmap(void *ctx, struct b3pr_spte *spte)
{
	b3pr_host_hpte_invalidate(spte->host_slot, spte->host_vpn);
	b3pr_kfree(spte->copy);
	spte->copy = NULL;
	if (spte->page)
		b3pr_memslot_unpin(spte->page,
				   spte->flags & B3PR_SPTE_WRITABLE);
}
