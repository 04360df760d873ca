/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Macros of the real-mode blob. The blob's parts are copied to low-memory
 * addresses chosen at load time, so it holds no address the linker chose:
 * every reference to a blob label from another place in the blob is a
 * 16-bit displacement (or a ba target) holding the label's offset from the
 * blob's start, listed in .b3pr_rm_fixups, which reloc/ replaces with the
 * label's final address (always below 0x8000, so it fits).
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

/*
 * A row of .b3pr_rm_vectors: the installer hooks the kernel's entry
 * \where says (B3PR_RM_AT_*, b3pr/rm.h; at vector \vec itself, or at an
 * FWNMI entry it finds) with a branch to \stub, and fills the two words
 * at \displaced: the entry's first word and a branch to its second.
 */
.macro RM_VECTOR_ROW vec, stub, displaced, where
	.pushsection .b3pr_rm_vectors, "a"
	.long	\vec, RM_OFF(\stub), RM_OFF(\displaced), \where
	.popsection
.endm

/*
 * A part of the blob: placed on its own (reloc/install.c), so nothing in
 * it may branch relatively out of it (the installer checks); RM_BA goes
 * to another part.
 */
.macro RM_PART
	.balign	8
100:	.pushsection .b3pr_rm_parts, "a"
	.long	RM_OFF(100b)
	.popsection
.endm

/* ba sym: a branch to a blob label in any part, fixed up at install. */
.macro RM_BA sym
100:	ba	RM_OFF(\sym)
	.pushsection .b3pr_rm_fixups, "a"
	.long	RM_OFF(100b)
	.popsection
.endm

/* li reg, sym: the real address of a blob label, fixed up at install. */
.macro RM_ADDR reg, sym
100:	li	\reg, RM_OFF(\sym)
	.pushsection .b3pr_rm_fixups, "a"
	.long	RM_OFF(100b)
	.popsection
.endm

/*
 * \slot = the address of this CPU's entry in the table of running vcpus
 * (rmhandlers/quads.S); r13 is the PACA. Clobbers \tmp.
 */
.macro RM_CPU_VCPU_SLOT slot, tmp
	lhz	\slot, B3PR_PACA_INDEX(r13)
	sldi	\slot, \slot, 3
	RM_DATA	ld, \tmp, b3pr_rmq_cpu_vcpu, 0
	add	\slot, \slot, \tmp
.endm

/* Loads and stores of the big-endian words firmware and the hypervisor keep. */
#ifdef __LITTLE_ENDIAN__
#define RM_LD_BE(rt, ra, rb)	ldbrx	rt, ra, rb
#define RM_ST_BE(rs, ra, rb)	stdbrx	rs, ra, rb
#else
#define RM_LD_BE(rt, ra, rb)	ldx	rt, ra, rb
#define RM_ST_BE(rs, ra, rb)	stdx	rs, ra, rb
#endif

/*
 * Flush the SLB and load the host's bolted entries from its SLB shadow,
 * then tell the hypervisor they are there again. r13 is the PACA; uses
 * no CTR, so an NMI stub can run it over any context. Clobbers \ra, \rb,
 * \rc and CR0.
 */
.macro RM_RESTORE_HOST_SLB ra, rb, rc
	li	\ra, 0
	slbmte	\ra, \ra		/* slbia spares entry 0: clear it */
	slbia
	ld	\ra, B3PR_PACA_SLBSHADOW(r13)
	.set	.Lbolted, 0
	.rept	SLB_NUM_BOLTED
	li	\rb, B3PR_SLBSHADOW_SAVEAREA + .Lbolted * 16
	RM_LD_BE(\rb, \ra, \rb)	/* ESID | V | index */
	andis.	\rc, \rb, SLB_ESID_V@h
	beq	101f
	li	\rc, B3PR_SLBSHADOW_SAVEAREA + .Lbolted * 16 + 8
	RM_LD_BE(\rc, \ra, \rc)	/* VSID | flags */
	slbmte	\rc, \rb
101:
	.set	.Lbolted, .Lbolted + 1
	.endr
	li	\rb, SLB_NUM_BOLTED
	stb	\rb, B3PR_SLBSHADOW_PERSISTENT(\ra)
	isync
.endm

/*
 * The three parts of every stub (exit_vectors.S, nmi.S), \area the PACA
 * save area whose R9-R11 slots it borrows.
 *
 * STUB_ENTRY: the interrupted r13 to SPRG2, r13 the PACA, r9-r11 to
 * \area, r9 the interrupted CR, r10 this CPU's running vcpu. On to 0f
 * (STUB_HOST_PATH) when none runs, to 1f (STUB_GUEST_PATH) when the
 * interrupt came from problem state; falls through otherwise (the entry
 * and exit windows).
 */
.macro STUB_ENTRY area
	mtspr	SPRN_SPRG2, r13
	mfspr	r13, SPRN_SPRG1
	std	r9, \area + EX_R9(r13)
	std	r10, \area + EX_R10(r13)
	std	r11, \area + EX_R11(r13)
	mfcr	r9
	RM_CPU_VCPU_SLOT r10, r11
	ld	r10, 0(r10)
	cmpdi	r10, 0
	beq	0f
	mfsrr1	r11
	andi.	r11, r11, MSR_PR
	bne	1f
.endm

/*
 * Everything back, then the entry's displaced first word and a branch to
 * its second, both written by the installer at \displaced.
 */
.macro STUB_HOST_PATH area, displaced
0:	mtcr	r9
	ld	r9, \area + EX_R9(r13)
	ld	r10, \area + EX_R10(r13)
	ld	r11, \area + EX_R11(r13)
	mfspr	r13, SPRN_SPRG2
	.globl	\displaced
\displaced:
	.long	0			/* the entry's first word */
	.long	0			/* ba to its second */
.endm

/* The guest's r9-r11 from \area to its vcpu area (r10); r11 is free. */
.macro STUB_GUEST_PATH area
1:	ld	r11, \area + EX_R11(r13)
	std	r11, VA_GPR + 11 * 8(r10)
	ld	r11, \area + EX_R9(r13)
	std	r11, VA_GPR + 9 * 8(r10)
	ld	r11, \area + EX_R10(r13)
	std	r11, VA_GPR + 10 * 8(r10)
.endm

#endif /* B3PR_RM_MACROS_S */
