/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a guest TLB invalidation names: the shadow MMU files each host PTE
 * made from a guest PTE under a key, and a guest tlbie removes the keys
 * it covers. Keys may merge pages (over-invalidation is harmless); they
 * never split one.
 */
#ifndef B3PR_TLB_KEY_H
#define B3PR_TLB_KEY_H

#include "env.h"

struct b3pr_guest_state;
struct b3pr_xlate;

/* The key of translation @x (made from a guest PTE); *shift its size. */
u64 b3pr_tlb_key(const struct b3pr_guest_state *g, const struct b3pr_xlate *x,
		 unsigned int *shift);

#define B3PR_TLBIE_MAX_KEYS	2

/*
 * The keys a tlbie with @rb and @l (as the emulation reports them: L in
 * bit 0) covers, into @keys/@shifts; returns how many.
 */
unsigned int b3pr_tlbie_keys(const struct b3pr_guest_state *g, u64 rb, u64 l,
			     u64 keys[B3PR_TLBIE_MAX_KEYS],
			     unsigned int shifts[B3PR_TLBIE_MAX_KEYS]);

#endif /* B3PR_TLB_KEY_H */
