/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shadow MMU: guest translations as host SLB entries and host HPTEs,
 * under VSIDs of a host MMU context b3pr allocates per vcpu.
 */
#ifndef B3PR_SHADOW_H
#define B3PR_SHADOW_H

#include <linux/types.h>

struct b3pr_vcpu;
struct page;

/* Host PTEs one vcpu may hold before the oldest set is flushed. */
#define B3PR_SHADOW_PTES	1024

struct b3pr_shadow_pte {
	unsigned long slot;	/* host HPT slot */
	unsigned long vpn;
	struct page *page;	/* pinned guest page */
};

struct b3pr_shadow {
	int context;		/* host MMU context for our VSIDs */
	/* The page the guest last trapped in, pinned, for its instructions */
	u64 insn_gpa;		/* guest page address, valid when insn_page */
	struct page *insn_page;
	unsigned int next_slb;	/* round-robin victim in rm->slb[] */
	unsigned int slb_max;
	unsigned int nr_ptes;
	struct b3pr_shadow_pte *ptes;
};

int b3pr_shadow_init(struct b3pr_vcpu *vcpu);
void b3pr_shadow_destroy(struct b3pr_vcpu *vcpu);
/* Drop every shadow segment and PTE of @vcpu. */
void b3pr_shadow_flush(struct b3pr_vcpu *vcpu);
/* Guest real mode: a segment for @ea, and a page @ea -> @gpa. */
int b3pr_shadow_map_real_segment(struct b3pr_vcpu *vcpu, u64 ea);
int b3pr_shadow_map_real_page(struct b3pr_vcpu *vcpu, u64 ea, u64 gpa);
/* The instruction word at guest-physical @gpa, as memory holds it. */
int b3pr_shadow_read_insn(struct b3pr_vcpu *vcpu, u64 gpa, u32 *raw);

#endif /* B3PR_SHADOW_H */
