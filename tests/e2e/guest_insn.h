/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Instruction encodings for the tiny guests the e2e programs embed as
 * words of code (Power ISA Book I/III).
 */
#ifndef B3PR_E2E_GUEST_INSN_H
#define B3PR_E2E_GUEST_INSN_H

#define I_LI(d, v)	(0x38000000u | (d) << 21 | ((v) & 0xffff))
#define I_ADDI(d, a, v)	(0x38000000u | (d) << 21 | (a) << 16 | ((v) & 0xffff))
#define I_ORI(a, s, v)	(0x60000000u | (s) << 21 | (a) << 16 | ((v) & 0xffff))
#define I_LWZ(d, o, a)	(0x80000000u | (d) << 21 | (a) << 16 | ((o) & 0xffff))
#define I_STW(s, o, a)	(0x90000000u | (s) << 21 | (a) << 16 | ((o) & 0xffff))
#define I_MFTB(d)	(0x7c0c42a6u | (d) << 21)
#define I_ADD(d, a, b)	(0x7c000214u | (d) << 21 | (a) << 16 | (b) << 11)
#define I_MR(a, s)	(0x7c000378u | (s) << 21 | (a) << 16 | (s) << 11)
#define I_SUBF(d, a, b)	(0x7c000050u | (d) << 21 | (a) << 16 | (b) << 11)
#define I_CMPLD(a, b)	(0x7c200040u | (a) << 16 | (b) << 11)
#define I_BLT(off)	(0x41800000u | ((off) & 0xfffc))
#define I_B(off)	(0x48000000u | ((off) & 0x3fffffc))
#define I_MFSPR(d, n)	(0x7c0002a6u | (d) << 21 | ((n) & 31) << 16 | ((n) >> 5) << 11)
#define I_MFMSR(d)	(0x7c0000a6u | (d) << 21)
#define I_MTMSRD_L0(s)	(0x7c000164u | (s) << 21)
#define I_MTMSRD_L1(s)	(0x7c010164u | (s) << 21)
#define I_MTDEC(s)	(0x7c1603a6u | (s) << 21)
#define I_RFID		0x4c000024u

#endif /* B3PR_E2E_GUEST_INSN_H */
