/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dec: the decrementer interrupt at 0x900, gated by MSR[EE]. Power ISA
 * v2.07B Book III-S:
 *  - 7.3 Decrementer: a decrementer exception exists while DEC bit 0 is
 *    1 (it has counted below 0) and stays until software writes DEC
 *  - 6.5.11 Decrementer interrupt: taken only when MSR[EE]=1; SRR0 = the
 *    instruction that would have run next, SRR1 bits 33:36, 42:47 = 0,
 *    the others from the MSR; handler MSR as for any interrupt (6.5)
 *  - 4.4.3 mtmsrd L=1: when it sets EE and an exception is pending, the
 *    interrupt is taken before the next instruction
 * r1 is a plausible stack pointer (--set r1=0x10000): see dec-r1zero.S
 * for r1 = 0. The program sets DEC = 1000, waits 2^20 time base ticks with EE=0 (no
 * interrupt: r5 = 0), then sets EE with the mtmsrd at 0x2100.
 *
 * r4 = 1 interrupt, r5 = 0 before EE, r7 = SRR0 = 0x2104,
 * r8 = SRR1 = SF|EE|ME (+LE), r9 = handler MSR = SF|ME (+LE),
 * msr = SF|ME (+LE) after EE is cleared again.
 */
# expect: r4=0x0000000000000001 r5=0x0000000000000000 r7=0x0000000000002104
# expect-le: r8=0x8000000000009001 r9=0x8000000000001001 msr=0x8000000000001001
# expect-be: r8=0x8000000000009000 r9=0x8000000000001000 msr=0x8000000000001000
# run-args: --set r1=0x10000
# expect: r1=0x0000000000010000
# expect-exit: 0
# kvm-pr-diverges: r9: the handler runs with MSR[ME]=0 (kvm-pr enters every interrupt with MSR = SF|ILE only), ISA v2.07B Book III-S 6.5 MSR setting due to interrupt
#include "dec.inc"
