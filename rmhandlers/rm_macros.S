/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Macros of the real-mode blob. The blob is copied to a low-memory address
 * chosen at load time, so it holds no address the linker chose: every
 * reference to data inside the blob is a 16-bit displacement relative to
 * the blob's start, listed in .b3pr_rm_fixups, to which reloc/ adds the
 * blob's final address (always below 0x8000, so it fits).
 */
#ifndef B3PR_RM_MACROS_S
#define B3PR_RM_MACROS_S

/* Offset of a blob label from the blob's start: an assembly-time constant. */
#define RM_OFF(sym)	((sym) - b3pr_rm_start)

/* insn reg, sym(base): a load or store of blob data, fixed up at install. */
.macro RM_DATA insn, reg, sym, base
100:	\insn	\reg, RM_OFF(\sym)(\base)
	.pushsection .b3pr_rm_fixups, "a"
	.long	RM_OFF(100b)
	.popsection
.endm

#endif /* B3PR_RM_MACROS_S */
