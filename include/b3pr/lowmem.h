/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where in the host's low-memory interrupt region the real-mode blob can
 * go, whether the vectors look as the hooks expect, and the fixups of the
 * blob for its place: decisions made on the words of the region alone
 * (portable core, reloc/lowmem.c), so that they are tested on synthetic
 * vector images.
 */
#ifndef B3PR_LOWMEM_H
#define B3PR_LOWMEM_H

#include "env.h"

/* Free space is looked for in [FIRST, LIMIT): never the first 0x100
 * bytes, never the firmware's FWNMI page at 0x7000.
 */
#define B3PR_LOWMEM_FIRST	0x100
#define B3PR_LOWMEM_LIMIT	0x7000
/* Keep clear of whatever non-zero word ends the code before a free run. */
#define B3PR_LOWMEM_MARGIN	64
#define B3PR_RM_ALIGN		128
/* Every address there fits a D-form displacement with RA=0. */
#define B3PR_LOWMEM_REACH	0x8000

/*
 * The region as two views, words in host order from real address 0:
 * @live what the CPU vectors through; @image the same offsets in the
 * running kernel's own image (the copy's source). A kernel running at 0
 * has one view; a relocated (kdump) kernel copied only its vectors to 0,
 * and past them the live words are the previous kernel's leftovers.
 */
struct b3pr_lowmem {
	const u32 *live;
	const u32 *image;
};

/*
 * The blob is made of parts (RM_PART, rmhandlers/rm_macros.S), each
 * placed on its own: a relocated kernel has no single free stretch as
 * long as the whole blob. Branches between parts are absolute and fixed
 * up; a relative branch must stay inside its part.
 */
#define B3PR_RM_MAX_PARTS	8

struct b3pr_rm_part {
	u32 start, end;		/* blob offsets, [start, end) */
	unsigned long base;	/* real address, once placed */
};

struct b3pr_rm_layout {
	unsigned int nr;
	struct b3pr_rm_part part[B3PR_RM_MAX_PARTS];
};

/*
 * The lowest B3PR_RM_ALIGN-aligned real address with @need bytes that
 * are zero in both views (at least B3PR_LOWMEM_MARGIN bytes after a
 * non-zero word) and outside the parts of @placed already placed (base
 * non-zero; NULL: none), or 0: no room.
 */
unsigned long b3pr_lowmem_find_space(const struct b3pr_lowmem *lm, size_t need,
				     const struct b3pr_rm_layout *placed);

/*
 * Place every part of @l, the largest first, each where
 * b3pr_lowmem_find_space puts it. false (bases cleared) when one finds
 * no room.
 */
bool b3pr_lowmem_place(const struct b3pr_lowmem *lm, struct b3pr_rm_layout *l);

/*
 * Parts from the blob's part table: @starts[@nr] ascending from 0, each a
 * multiple of 8, the last part ending at @len. false when malformed.
 */
bool b3pr_rm_layout_init(struct b3pr_rm_layout *l, const u32 *starts,
			 unsigned int nr, size_t len);

/* The real address blob offset @off is placed at, or 0 in no part. */
unsigned long b3pr_rm_addr(const struct b3pr_rm_layout *l, u32 off);

/*
 * Check that every relative branch (I-form b/bl, B-form bc with AA=0) in
 * the @l parts of @blob targets its own part, which a part placed apart
 * from the others needs; false and *@bad its offset otherwise.
 */
bool b3pr_rm_branches_local(const u32 *blob, const struct b3pr_rm_layout *l,
			    u32 *bad);

/* A vector's first word that a stub can perform in its place. */
bool b3pr_lowmem_displaceable(u32 word);

/*
 * Fix up one RM_DATA, RM_ADDR or RM_BA instruction of the blob, placed
 * as @l says: @off is its blob offset and *@insn the instruction, a D- or
 * DS-form load or store or a li whose displacement, or an absolute
 * branch (ba) whose target, is a blob offset. false (and *@insn
 * untouched) when any of that does not hold or the address would leave
 * the region.
 */
bool b3pr_rm_fixup(u32 *insn, u32 off, const struct b3pr_rm_layout *l);

#endif /* B3PR_LOWMEM_H */
