// SPDX-License-Identifier: GPL-2.0
/*
 * Guest TLB keys (include/b3pr/tlb_key.h).
 *
 * 64-bit (ISA 2.07 5.9.3.8 tlbie): RB(0:63-p) holds VA(14:77-p) of a page
 * of 2^p bytes; Linux and other guests also clear RB(0:15) for 256 MB
 * segments, so the key is VA(30:77-p), the bits every guest provides.
 *
 * 32-bit (PEM 8, tlbie): the TLB is indexed by EA(4:19) and tlbie may
 * hit entries of any segment; Linux relies on that when it flushes a
 * mapping of another context. The key is that page index, for every VSID.
 */
#include "b3pr/tlb_key.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"

static u64 b3pr_tlb_key64(u64 va_page, unsigned int shift)
{
	return va_page & ((1ULL << (48 - shift)) - 1);
}

u64 b3pr_tlb_key(const struct b3pr_guest_state *g, const struct b3pr_xlate *x,
		 unsigned int *shift)
{
	if (!g->cpu->is_64bit) {
		*shift = 12;
		return x->vpn & 0xffff;
	}
	*shift = x->page_shift;
	return b3pr_tlb_key64(x->vpn >> (x->page_shift - 12), x->page_shift);
}

unsigned int b3pr_tlbie_keys(const struct b3pr_guest_state *g, u64 rb, u64 l,
			     u64 keys[B3PR_TLBIE_MAX_KEYS],
			     unsigned int shifts[B3PR_TLBIE_MAX_KEYS])
{
	unsigned int n = 0;

	if (!g->cpu->is_64bit) {
		shifts[0] = 12;
		keys[0] = (rb >> 12) & 0xffff;
		return 1;
	}
	if (!(l & 1)) {
		shifts[0] = 12;
		keys[0] = b3pr_tlb_key64(rb >> 12, 12);
		return 1;
	}
	/* A large page: its size is in RB's LP field; try every size. */
	if (g->cpu->has_64k_pages) {
		shifts[n] = 16;
		keys[n++] = b3pr_tlb_key64(rb >> 16, 16);
	}
	shifts[n] = 24;
	keys[n++] = b3pr_tlb_key64(rb >> 24, 24);
	return n;
}
