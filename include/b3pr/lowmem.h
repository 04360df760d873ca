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
 * The lowest B3PR_RM_ALIGN-aligned real address with @need bytes that
 * are zero in both views (at least B3PR_LOWMEM_MARGIN bytes after a
 * non-zero word), or 0: no room.
 */
unsigned long b3pr_lowmem_find_space(const struct b3pr_lowmem *lm, size_t need);

/* A vector's first word that a stub can perform in its place. */
bool b3pr_lowmem_displaceable(u32 word);

/*
 * Fix up one RM_DATA instruction of what is installed at @base (@len
 * bytes: the blob and the table after it): @off is its offset there and
 * *@insn the instruction, a D- or DS-form load or store whose
 * displacement is an offset into those @len bytes. false (and *@insn
 * untouched) when any of that does not hold or the address would leave
 * the region.
 */
bool b3pr_rm_fixup(u32 *insn, u32 off, size_t len, unsigned long base);

#endif /* B3PR_LOWMEM_H */
