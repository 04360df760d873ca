// SPDX-License-Identifier: GPL-2.0
/*
 * The low-memory region's decisions (include/b3pr/lowmem.h).
 */
#include "b3pr/lowmem.h"

static bool b3pr_lowmem_taken(const struct b3pr_rm_layout *placed,
			      unsigned long addr)
{
	unsigned int i;

	for (i = 0; placed && i < placed->nr; i++) {
		const struct b3pr_rm_part *p = &placed->part[i];

		if (p->base && addr >= p->base &&
		    addr < p->base + p->end - p->start)
			return true;
	}
	return false;
}

unsigned long b3pr_lowmem_find_space(const struct b3pr_lowmem *lm, size_t need,
				     const struct b3pr_rm_layout *placed)
{
	unsigned long addr, run = 0;

	for (addr = B3PR_LOWMEM_FIRST; addr < B3PR_LOWMEM_LIMIT; addr += 4) {
		if (lm->live[addr / 4] || lm->image[addr / 4] ||
		    b3pr_lowmem_taken(placed, addr)) {
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

bool b3pr_lowmem_place(const struct b3pr_lowmem *lm, struct b3pr_rm_layout *l)
{
	unsigned int i, n;

	for (i = 0; i < l->nr; i++)
		l->part[i].base = 0;
	for (n = 0; n < l->nr; n++) {
		struct b3pr_rm_part *big = NULL;

		for (i = 0; i < l->nr; i++) {
			struct b3pr_rm_part *p = &l->part[i];

			if (!p->base && (!big || p->end - p->start >
						 big->end - big->start))
				big = p;
		}
		big->base = b3pr_lowmem_find_space(lm, big->end - big->start, l);
		if (!big->base) {
			for (i = 0; i < l->nr; i++)
				l->part[i].base = 0;
			return false;
		}
	}
	return true;
}

bool b3pr_rm_layout_init(struct b3pr_rm_layout *l, const u32 *starts,
			 unsigned int nr, size_t len)
{
	unsigned int i;

	if (!nr || nr > B3PR_RM_MAX_PARTS || starts[0] || len % 4)
		return false;
	for (i = 0; i < nr; i++) {
		u32 end = i + 1 < nr ? starts[i + 1] : len;

		if (starts[i] % 8 || end <= starts[i])
			return false;
		l->part[i] = (struct b3pr_rm_part){ .start = starts[i],
						    .end = end };
	}
	l->nr = nr;
	return true;
}

static const struct b3pr_rm_part *b3pr_rm_part_of(const struct b3pr_rm_layout *l,
						  u32 off)
{
	unsigned int i;

	for (i = 0; i < l->nr; i++)
		if (off >= l->part[i].start && off < l->part[i].end)
			return &l->part[i];
	return NULL;
}

unsigned long b3pr_rm_addr(const struct b3pr_rm_layout *l, u32 off)
{
	const struct b3pr_rm_part *p = b3pr_rm_part_of(l, off);

	return p && p->base ? p->base + off - p->start : 0;
}

/* Sign-extend the low @bits bits of @v. */
static long b3pr_sext(u32 v, unsigned int bits)
{
	return (long)((unsigned long)v << (64 - bits)) >> (64 - bits);
}

bool b3pr_rm_branches_local(const u32 *blob, const struct b3pr_rm_layout *l,
			    u32 *bad)
{
	unsigned int i;
	u32 off;

	for (i = 0; i < l->nr; i++) {
		const struct b3pr_rm_part *p = &l->part[i];

		for (off = p->start; off < p->end; off += 4) {
			u32 insn = blob[off / 4];
			long target;

			if (insn & 2)		/* AA: absolute, or not a branch */
				continue;
			if (insn >> 26 == 18)
				target = off + b3pr_sext(insn & 0x03fffffc, 26);
			else if (insn >> 26 == 16)
				target = off + b3pr_sext(insn & 0xfffc, 16);
			else
				continue;
			if (target < (long)p->start || target >= (long)p->end) {
				*bad = off;
				return false;
			}
		}
	}
	return true;
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
 * The instructions a fixup may patch (Power ISA Book I 2.4, 3.3.2-3.3.3):
 * RM_DATA's D-form loads and stores by primary opcode, DS-form ld (58)
 * and std (62) with XO 0 in the displacement's low two bits, which must
 * stay a multiple of 4; RM_ADDR's li (addi with RA=0), a label's real
 * address; RM_BA's ba (I-form, AA=1, LK=0), a branch to another part.
 */
enum b3pr_rm_form { B3PR_RM_BAD, B3PR_RM_D, B3PR_RM_DS, B3PR_RM_BA };

static enum b3pr_rm_form b3pr_rm_fixup_form(u32 insn)
{
	switch (insn >> 26) {
	case 14:	/* li (addi RT,0,D) */
		return ((insn >> 16) & 31) == 0 ? B3PR_RM_D : B3PR_RM_BAD;
	case 18:	/* ba */
		return (insn & 3) == 2 ? B3PR_RM_BA : B3PR_RM_BAD;
	case 32: case 34: case 36: case 38: case 40: case 44:	/* lwz lbz stw stb lhz sth */
		return B3PR_RM_D;
	case 58: case 62:					/* ld std */
		return (insn & 3) == 0 ? B3PR_RM_DS : B3PR_RM_BAD;
	default:
		return B3PR_RM_BAD;
	}
}

/* b3pr_rm_addr, but 0 also when @off's part does not end within reach. */
static unsigned long b3pr_rm_reach_addr(const struct b3pr_rm_layout *l, u32 off)
{
	const struct b3pr_rm_part *p = b3pr_rm_part_of(l, off);

	if (!p || !p->base || p->base + p->end - p->start > B3PR_LOWMEM_REACH)
		return 0;
	return p->base + off - p->start;
}

bool b3pr_rm_fixup(u32 *insn, u32 off, const struct b3pr_rm_layout *l)
{
	enum b3pr_rm_form form = b3pr_rm_fixup_form(*insn);
	unsigned long addr;
	u32 target;

	if (off % 4 || !b3pr_rm_reach_addr(l, off) || form == B3PR_RM_BAD)
		return false;
	target = form == B3PR_RM_BA ? *insn & 0x03fffffc : *insn & 0xffff;
	addr = b3pr_rm_reach_addr(l, target);
	if (!addr)
		return false;
	switch (form) {
	case B3PR_RM_BA:
		*insn = 0x48000002 | addr;	/* a code target: 4-aligned */
		return true;
	case B3PR_RM_DS:
		if (addr % 4)
			return false;
		fallthrough;
	default:
		*insn = (*insn & 0xffff0000) | addr;
		return true;
	}
}
