/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the guest programs: the MMIO devices of b3pr-run, register
 * names, and macros. The programs run in real mode from guest physical 0,
 * with the interrupt vectors at 0 + offset (b3pr-run sets HIOR to 0).
 *
 * Macros clobber r26, r27, r28 and cr7 only; expectations never name them.
 *
 * Every vector slot from 0x100 to 0x1800 that a program does not claim
 * with "CLAIM(c00)" before GUEST_START holds "li r0,VECTOR; b unexpected",
 * which prints "unexpected interrupt" and exits with 99: a stray interrupt
 * is a failure with r0, SRR0 and SRR1 telling which and where.
 * A claimed slot branches to the program's own label "handler_c00".
 */
#ifndef GUEST_H
#define GUEST_H

#define CONSOLE		0xF0000000
#define EXIT_REG	0xF0000008
#define PATTERN		0xF0000010
#define SCRATCH		0xF0000018

/* MSR bits by their ISA numbering (bit 0 is the most significant). */
#define MSR_SF		0x8000000000000000
#define MSR_EE		0x8000
#define MSR_PR		0x4000
#define MSR_FP		0x2000
#define MSR_ME		0x1000
#define MSR_RI		0x2
#define MSR_LE		0x1

#define SPRN_DSISR	18
#define SPRN_DAR	19
#define SPRN_DEC	22
#define SPRN_SRR0	26
#define SPRN_SRR1	27
#define SPRN_TBL	268
#define SPRN_TBU	269
#define SPRN_SPRG0	272
#define SPRN_SPRG1	273
#define SPRN_SPRG2	274
#define SPRN_SPRG3	275

#define CLAIM(v)	.set claim_##v, 1

#ifdef __LITTLE_ENDIAN__
#define IF_LE(le, be)	le
#else
#define IF_LE(le, be)	be
#endif

	.macro	ra32 r, v		/* a 32-bit constant, zero-extended */
	li	\r, 0
	oris	\r, \r, (\v)@h
	ori	\r, \r, (\v)@l
	.endm

#ifdef __powerpc64__
	.macro	li64 r, v		/* any 64-bit constant */
	lis	\r, (\v)@highest
	ori	\r, \r, (\v)@higher
	rldicr	\r, \r, 32, 31
	oris	\r, \r, (\v)@h
	ori	\r, \r, (\v)@l
	.endm
#endif

	/* Print a string constant on the console, byte by byte. */
	.macro	print str
	.pushsection .rodata.str, "a"
98:	.asciz	"\str"
	.popsection
	ra32	r27, 98b
	ra32	r28, CONSOLE
97:	lbz	r26, 0(r27)
	cmpwi	cr7, r26, 0
	beq	cr7, 96f
	stb	r26, 0(r28)
	addi	r27, r27, 1
	b	97b
96:
	.endm

	.macro	println str
	print	"\str"
	li	r26, 10
	stb	r26, 0(r28)
	.endm

	/* End the run with the value in register r (0-255). */
	.macro	exit_reg r
	ra32	r28, EXIT_REG
	stw	\r, 0(r28)
	b	.
	.endm

	.macro	exit_imm v
	li	r26, \v
	exit_reg r26
	.endm

	.macro	vector v
	.org	0x\v
	.ifdef	claim_\v
	b	handler_\v
	.else
	li	r0, 0x\v
	b	unexpected
	.endif
	.endm

	/* The vector table, the catch-all, and _start right after them. */
	.macro	guest_start
	.section .text.vectors, "ax"
	.irp	v, 100,200,300,380,400,480,500,600,700,800,900,980,a00,b00,c00,d00
	vector	\v
	.endr
	.irp	v, e00,e20,e40,e60,e80,ea0,ec0,ee0,f00,f20,f40,f60,f80,fa0,fc0,fe0
	vector	\v
	.endr
	.irp	v, 1000,1100,1200,1300,1400,1500,1600,1700,1800
	vector	\v
	.endr
	.org	0x1900
unexpected:
	println	"unexpected interrupt"
	exit_imm 99
	.org	0x2000
	.globl	_start
_start:
	.endm

#define GUEST_START	guest_start

#endif /* GUEST_H */
