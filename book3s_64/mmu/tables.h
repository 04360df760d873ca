/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the shadow MMU (book3s_64/mmu/): the per-vcpu tables behind
 * struct b3pr_shadow, and what its files share.
 */
#ifndef B3PR_MMU_TABLES_H
#define B3PR_MMU_TABLES_H

#include "b3pr/rm_vcpu.h"
#include "b3pr/shadow.h"
#include "b3pr/shadow_seg.h"
#include "b3pr/spte_cache.h"

/*
 * A shadow SLB put aside while the guest runs under another mode, so
 * that going back (an interrupt and its return) finds its segments.
 */
struct b3pr_slb_set {
	u64 mode;		/* B3PR_SLB_MODE_MSR bits; B3PR_SLB_SET_EMPTY */
	u32 count;
	struct b3pr_rm_slbe slb[B3PR_SHADOW_SLB_ENTRIES];
	u32 seg[B3PR_SHADOW_SLB_ENTRIES];
};
#define B3PR_SLB_SET_EMPTY	(~0ULL)
#define B3PR_SLB_SETS_SAVED	2

struct b3pr_shadow_tables {
	struct b3pr_vcpu *vcpu;
	struct b3pr_spte_cache cache;
	struct b3pr_sseg_table segs;
	struct b3pr_link seg_heads[B3PR_SHADOW_SEGS];
	/* The shadow segment each loaded rm->slb[] entry names */
	u32 slb_seg[B3PR_SHADOW_SLB_ENTRIES];
	struct b3pr_slb_set saved[B3PR_SLB_SETS_SAVED];
	unsigned int next_saved;	/* round-robin victim in saved[] */
	struct b3pr_spte pool[B3PR_SHADOW_PTES];
};

/* shadow.c */
unsigned long b3pr_shadow_vsid(struct b3pr_shadow *sh, u32 seg);
/* The segment of @ea under the current MSR, made if needed; -1: none. */
int b3pr_shadow_seg_for(struct b3pr_vcpu *vcpu, u64 ea, bool fetch,
			struct b3pr_interrupt *fault);

/* hpt_audit.c: a dead vcpu's context goes back to the host later. */
void b3pr_shadow_release_context(int context);

/* dcbz_copy.c: the patched copy of a code page, NULL without dcbz. */
void *b3pr_dcbz_copy(struct b3pr_vcpu *vcpu, struct page *page, u64 gpa);
/* xo_key.c: the HPTE key bits of an execute-only page. */
unsigned long b3pr_xo_key_rflags(void);

/* host_hpte.c: one 4K host HPTE, and its removal. */
long b3pr_host_hpte_insert(unsigned long vpn, unsigned long pa,
			   unsigned long rflags, unsigned long *slot);
void b3pr_host_hpte_invalidate(unsigned long slot, unsigned long vpn);
/* The cache's ->unmap: the HPTE goes, the page is released. */
void b3pr_host_spte_unmap(void *ctx, struct b3pr_spte *spte);

#endif /* B3PR_MMU_TABLES_H */
