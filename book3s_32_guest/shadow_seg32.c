// SPDX-License-Identifier: GPL-2.0
/*
 * What a 32-bit guest's segment registers and BATs make of a shadow
 * segment (include/b3pr/shadow_seg.h): PEM 7.4 (BATs), 7.5 (segments).
 */
#include "b3pr/shadow_seg.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu32.h"

/* A 32-bit segment register: VSID, this privilege's key, N and T. */
u64 b3pr_seg32_id(u32 sr, bool pr)
{
	return (sr & B3PR_SR_VSID) |
	       (u64)!!(sr & (pr ? B3PR_SR_KP : B3PR_SR_KS)) << 24 |
	       (u64)!!(sr & B3PR_SR_N) << 25 |
	       (u64)!!(sr & B3PR_SR_T) << 26;
}

/* Does a BAT valid at privilege @pr map any of segment @esid? */
static bool b3pr_bat_in_segment(const struct b3pr_bat *bat, u32 esid, bool pr)
{
	u32 mask = b3pr_mmu32_bat_offset_mask(bat->upper);
	u32 start = bat->upper & B3PR_BATU_BEPI & ~mask;

	if (!(bat->upper & (pr ? B3PR_BATU_VP : B3PR_BATU_VS)))
		return false;
	return start >> 28 <= esid && esid <= (start | mask) >> 28;
}

bool b3pr_seg32_has_bat(const struct b3pr_guest_state *g, u32 esid, bool pr)
{
	unsigned int i, nr = b3pr_mmu32_nr_bats(g);

	for (i = 0; i < nr; i++)
		if (b3pr_bat_in_segment(&g->ibat[i], esid, pr) ||
		    b3pr_bat_in_segment(&g->dbat[i], esid, pr))
			return true;
	return false;
}
