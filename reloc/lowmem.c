// SPDX-License-Identifier: GPL-2.0
/*
 * The low-memory region's decisions (include/b3pr/lowmem.h).
 */
#include "b3pr/lowmem.h"

unsigned long b3pr_lowmem_find_space(const struct b3pr_lowmem *lm, size_t need)
{
	unsigned long addr, run = 0;

	for (addr = B3PR_LOWMEM_FIRST; addr < B3PR_LOWMEM_LIMIT; addr += 4) {
		if (lm->live[addr / 4] || lm->image[addr / 4]) {
			run = 0;
			continue;
		}
		if (!run)
			run = (addr + B3PR_LOWMEM_MARGIN + B3PR_RM_ALIGN - 1) &
			      ~(unsigned long)(B3PR_RM_ALIGN - 1);
		if (addr >= run && addr + 4 >= run + need)
			return run;
	}
	return 0;
}

/* The first words of the kernel's vectors that a stub can displace: each
 * is position independent and leaves every register but r13 (or none)
 * as the interrupted context had it.
 */
static const u32 b3pr_displaceable[] = {
	0x7db243a6,	/* mtsprg 2,r13: the common prologue */
	0x7da903a6,	/* mtctr r13: system call */
	0x08000048,	/* tdi 0,r0,0x48: endian trampoline, a no-op */
	0x60000000,	/* nop: the same trampoline once patched at boot */
};

bool b3pr_lowmem_displaceable(u32 word)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_displaceable); i++)
		if (word == b3pr_displaceable[i])
			return true;
	return false;
}

/*
 * The loads and stores RM_DATA may use (Power ISA Book I 3.3.2-3.3.3):
 * D-form by primary opcode; DS-form ld (58) and std (62) with XO 0 in
 * the displacement's low two bits, which must stay a multiple of 4. And
 * RM_ADDR's li (addi with RA=0), which loads a label's real address.
 */
static bool b3pr_rm_data_form(u32 insn, bool *ds)
{
	switch (insn >> 26) {
	case 14:	/* li (addi RT,0,D): a blob label's real address */
		*ds = false;
		return ((insn >> 16) & 31) == 0;
	case 32: case 34: case 36: case 38: case 40: case 44:	/* lwz lbz stw stb lhz sth */
		*ds = false;
		return true;
	case 58: case 62:					/* ld std */
		*ds = true;
		return (insn & 3) == 0;
	default:
		return false;
	}
}

bool b3pr_rm_fixup(u32 *insn, u32 off, size_t len, unsigned long base)
{
	unsigned long disp, addr;
	bool ds;

	if (off % 4 || off + 4 > len || base + len > B3PR_LOWMEM_REACH ||
	    !b3pr_rm_data_form(*insn, &ds))
		return false;
	disp = *insn & 0xffff;
	addr = base + disp;
	if (disp >= len || addr >= B3PR_LOWMEM_REACH || (ds && addr % 4))
		return false;
	*insn = (*insn & 0xffff0000) | addr;
	return true;
}
