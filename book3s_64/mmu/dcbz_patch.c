// SPDX-License-Identifier: GPL-2.0
/* The dcbz patch of a guest code page (include/b3pr/dcbz_patch.h). */
#include "b3pr/dcbz_patch.h"

/*
 * dcbz RA,RB: X-form, opcode 31, XO 1014 (Book II 4.3.2); also the
 * invalid form with bit 31 set, which a host may execute as dcbz.
 */
#define B3PR_DCBZ_MASK	0xfc0007feU
#define B3PR_DCBZ_MATCH	0x7c0007ecU

unsigned int b3pr_dcbz_patch(u32 *words, unsigned int n, bool le)
{
	unsigned int i, found = 0;

	for (i = 0; i < n; i++) {
		u32 insn = le ? le32_to_cpu(words[i]) : be32_to_cpu(words[i]);

		if ((insn & B3PR_DCBZ_MASK) == B3PR_DCBZ_MATCH) {
			words[i] = B3PR_DCBZ_TRAP_WORD;
			found++;
		}
	}
	return found;
}
