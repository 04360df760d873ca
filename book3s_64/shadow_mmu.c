// SPDX-License-Identifier: GPL-2.0
/*
 * The shadow MMU for guest real mode: each guest segment gets a host SLB
 * entry under a VSID of b3pr's own host MMU context, and each page the
 * guest touches a 4K host HPTE pointing at the pinned page behind the
 * guest-physical address. Every HPTE is recorded, so that a flush removes
 * exactly ours and unpins exactly what we pinned.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/pkeys.h>
#include <asm/book3s/64/mmu-hash.h>
#include <asm/cacheflush.h>
#include <asm/mmu_context.h>

#include "b3pr/mmu.h"
#include "b3pr/module.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/shadow.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/* R, C, M set; PP 2: read/write in problem state (Book III-S 5.7.10). */
#define B3PR_HPTE_RFLAGS_RW	(HPTE_R_R | HPTE_R_C | HPTE_R_M | 0x2)

int b3pr_shadow_init(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;

	sh->context = hash__alloc_context_id();
	if (sh->context < 0)
		return sh->context;
	sh->ptes = b3pr_kzalloc(B3PR_SHADOW_PTES * sizeof(*sh->ptes),
				GFP_KERNEL);
	if (!sh->ptes) {
		__destroy_context(sh->context);
		return -ENOMEM;
	}
	sh->slb_max = min_t(unsigned int, mmu_slb_size,
			    B3PR_SHADOW_SLB_ENTRIES);
	return 0;
}

void b3pr_shadow_flush(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	unsigned int i;

	for (i = 0; i < sh->nr_ptes; i++) {
		struct b3pr_shadow_pte *p = &sh->ptes[i];

		mmu_hash_ops.hpte_invalidate(p->slot, p->vpn, MMU_PAGE_4K,
					     MMU_PAGE_4K, MMU_SEGSIZE_256M, 0);
		/* Mapped writable whatever the first access was. */
		b3pr_memslot_unpin(p->page, true);
	}
	sh->nr_ptes = 0;
	vcpu->run_state.rm->slb_count = 0;
	sh->next_slb = 0;
	if (sh->insn_page) {
		b3pr_memslot_unpin(sh->insn_page, false);
		sh->insn_page = NULL;
	}
}

/*
 * Instructions are read through the kernel's own mapping of the pinned
 * page rather than through the VMM's address space: that keeps the exit
 * path clear of user segment misses, and a guest traps again and again
 * in the same page.
 */
int b3pr_shadow_read_insn(struct b3pr_vcpu *vcpu, u64 gpa, u32 *raw)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	u64 page_gpa = gpa & PAGE_MASK;
	struct page *page;
	int ret;

	if (!sh->insn_page || sh->insn_gpa != page_gpa) {
		ret = b3pr_memslot_pin(vcpu->vm, page_gpa, false, &page);
		if (ret)
			return ret;
		if (sh->insn_page)
			b3pr_memslot_unpin(sh->insn_page, false);
		sh->insn_page = page;
		sh->insn_gpa = page_gpa;
	}
	memcpy(raw, page_address(sh->insn_page) + (gpa & ~PAGE_MASK),
	       sizeof(*raw));
	return 0;
}

void b3pr_shadow_destroy(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;

	if (!sh->ptes)
		return;
	b3pr_shadow_flush(vcpu);
	b3pr_kfree(sh->ptes);
	sh->ptes = NULL;
	__destroy_context(sh->context);
}

/* Segments of guest real memory get VSIDs by their real address. */
static unsigned long b3pr_real_vsid(struct b3pr_shadow *sh, u64 real)
{
	return get_vsid(sh->context, real, MMU_SEGSIZE_256M);
}

int b3pr_shadow_map_real_segment(struct b3pr_vcpu *vcpu, u64 ea)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	unsigned long vsid = b3pr_real_vsid(sh,
					    b3pr_real_address(&vcpu->g, ea));
	unsigned int i;

	if (!vsid)
		return -EFAULT;
	if (rm->slb_count < sh->slb_max)
		i = rm->slb_count++;
	else
		i = sh->next_slb++ % sh->slb_max;
	rm->slb[i].esid = (ea & ESID_MASK) | SLB_ESID_V | i;
	/* Kp=1: the guest runs in problem state; 4K base pages (L=0). */
	rm->slb[i].vsid = (vsid << SLB_VSID_SHIFT) | SLB_VSID_KP;
	return 0;
}

int b3pr_shadow_map_real_page(struct b3pr_vcpu *vcpu, u64 ea, u64 gpa)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	unsigned long vpn, hash, group, pa, rflags;
	struct b3pr_shadow_pte *p;
	struct page *page;
	long slot;
	int ret;

	if (sh->nr_ptes == B3PR_SHADOW_PTES)
		b3pr_shadow_flush(vcpu);
	ret = b3pr_memslot_pin(vcpu->vm, gpa, true, &page);
	if (ret)
		return ret;
	/* The guest may execute what the VMM or a device just wrote there. */
	flush_dcache_icache_page(page);
	pa = page_to_phys(page) | (gpa & ~PAGE_MASK & ~0xfffULL);
	vpn = hpt_vpn(ea, b3pr_real_vsid(sh, gpa), MMU_SEGSIZE_256M);
	hash = hpt_hash(vpn, 12, MMU_SEGSIZE_256M);
	rflags = B3PR_HPTE_RFLAGS_RW | pte_to_hpte_pkey_bits(0, HPTE_USE_KERNEL_KEY);

	group = (hash & htab_hash_mask) * HPTES_PER_GROUP;
	slot = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags, 0,
					MMU_PAGE_4K, MMU_PAGE_4K,
					MMU_SEGSIZE_256M);
	if (slot == -1) {
		group = (~hash & htab_hash_mask) * HPTES_PER_GROUP;
		slot = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags,
						HPTE_V_SECONDARY, MMU_PAGE_4K,
						MMU_PAGE_4K, MMU_SEGSIZE_256M);
	}
	if (slot == -1) {
		/* Both groups full: evict from the primary one and retry. */
		group = (hash & htab_hash_mask) * HPTES_PER_GROUP;
		mmu_hash_ops.hpte_remove(group);
		slot = mmu_hash_ops.hpte_insert(group, vpn, pa, rflags, 0,
						MMU_PAGE_4K, MMU_PAGE_4K,
						MMU_SEGSIZE_256M);
	}
	if (slot < 0) {
		b3pr_memslot_unpin(page, false);
		return -EIO;
	}
	/* The insert may pick the secondary group on its own. */
	if ((slot & _PTEIDX_SECONDARY) && group ==
	    (hash & htab_hash_mask) * HPTES_PER_GROUP)
		group = (~hash & htab_hash_mask) * HPTES_PER_GROUP;
	p = &sh->ptes[sh->nr_ptes++];
	p->slot = group + (slot & _PTEIDX_GROUP_IX);
	p->vpn = vpn;
	p->page = page;
	return 0;
}
