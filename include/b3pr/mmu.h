/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest effective -> guest real translation through the guest's own MMU:
 * real mode, 64-bit SLB + HPT (book3s_64/mmu64.c), 32-bit BATs + segment
 * registers + HTAB (book3s_32_guest/mmu32.c).
 */
#ifndef B3PR_MMU_H
#define B3PR_MMU_H

#include "env.h"
#include "interrupt.h"

struct b3pr_guest_state;
struct b3pr_guest_mem;

enum b3pr_access {
	B3PR_ACCESS_LOAD,
	B3PR_ACCESS_STORE,
	B3PR_ACCESS_FETCH,
};

enum b3pr_xlate_result {
	B3PR_XLATE_OK,
	B3PR_XLATE_FAULT,	/* *fault holds what to deliver to the guest */
	B3PR_XLATE_BAD_TABLE,	/* guest page table outside guest memory */
};

struct b3pr_xlate {
	u64 gpa;		/* guest real address of the byte at ea */
	/*
	 * Guest virtual page number (VA >> 12, VA of the guest's segment
	 * mapping) or, in real mode and for BATs, the EA >> 12: the shadow MMU
	 * keys its host PTEs on it.
	 */
	u64 vpn;
	unsigned int page_shift;	/* 12, 16, 17 (BAT), 24 ... */
	bool real_mode;
	bool from_bat;
	bool may_write;		/* a store to this page would be allowed */
	bool may_exec;
	u32 wimg;
};

/*
 * Translate @ea for @access. Updates R and C in the guest HPTE as the
 * hardware would. On B3PR_XLATE_FAULT, *fault is the DSI/ISI/segment
 * interrupt the guest must see.
 */
enum b3pr_xlate_result b3pr_xlate(struct b3pr_guest_state *g,
				  const struct b3pr_guest_mem *mem, u64 ea,
				  enum b3pr_access access,
				  struct b3pr_xlate *out,
				  struct b3pr_interrupt *fault);

/*
 * The real address of @ea with translation off (ISA 5.7.3: EA bits 0:3
 * ignored, 32 bits when MSR[SF]=0; 32-bit CPUs: the EA itself).
 */
u64 b3pr_real_address(const struct b3pr_guest_state *g, u64 ea);

enum b3pr_xlate_result b3pr_mmu64_xlate(struct b3pr_guest_state *g,
					const struct b3pr_guest_mem *mem,
					u64 ea, enum b3pr_access access,
					struct b3pr_xlate *out,
					struct b3pr_interrupt *fault);

enum b3pr_xlate_result b3pr_mmu32_xlate(struct b3pr_guest_state *g,
					const struct b3pr_guest_mem *mem,
					u64 ea, enum b3pr_access access,
					struct b3pr_xlate *out,
					struct b3pr_interrupt *fault);

#endif /* B3PR_MMU_H */
