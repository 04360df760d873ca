/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dec-window: a decrementer that runs out just as the hypervisor goes
 * back into the guest is still taken at once. Power ISA v2.07B Book
 * III-S 7.3 Decrementer and 6.5.11: once DEC has passed 0 the interrupt
 * is taken as soon as MSR[EE]=1, here well within the 2^15-tick spin
 * that follows each mtdec (64 us at the 512 MHz time base).
 *
 * Each mtdec traps; while the hypervisor returns into the guest, the new
 * DEC runs out. The program measures the longest of 8 mtdec round trips
 * (r13 ticks) and sets DEC to N = 0, 1, 2, ... r13 * 1.25 (r15 values),
 * in four passes, so that the expiry lands on every tick of that return
 * path, including the moment after the hypervisor last looked at the
 * timer and before it entered the guest: a hypervisor that misses a
 * timer there leaves the guest spinning with nothing pending.
 * An iteration is bad when no interrupt came within its spin (r12 counts
 * those) or it came more than 2^15 ticks after DEC ran out; r10 counts
 * bad iterations, r11 is the largest delay seen, r16 and r29 the first
 * bad N and its delay. r14 = 1: none was bad.
 *
 * Run under qemu -icount (tests/e2e: the *_icount scenarios), where time
 * is the instruction count: nothing outside the emulated host can delay
 * an interrupt, and a run is repeatable.
 */
# expect: r14=0x0000000000000001
# expect-le: msr=0x8000000000001001
# expect-be: msr=0x8000000000001000
# volatile: r10 r11 r12 r13 r15 r16 r29 srr0
# run-args: --set r1=0x10000
# expect: r1=0x0000000000010000
# expect-exit: 0
#include "guest.h"

	CLAIM(900)

	GUEST_START
	li	r4, 0
	li	r10, 0
	li	r11, 0
	li	r12, 0
	li	r15, 0
	li	r16, 0
	li	r29, 0
	ra32	r25, 0x7fffffff
	mtdec	r25
	/* r13 = the longest of 8 mtdec round trips, in ticks */
	li	r13, 0
	li	r3, 8
	mtctr	r3
1:	mftb	r20
	mtdec	r25
	mftb	r21
	subf	r21, r20, r21
	cmpld	cr0, r21, r13
	ble	2f
	mr	r13, r21
2:	bdnz	1b
	/* N = 0, 1, 2, ... up to r13 + r13 / 4, four passes (r8) */
	li	r7, 1
	srdi	r15, r13, 2
	add	r15, r15, r13
	li	r8, 4
	li	r3, 0
	ori	r3, r3, MSR_EE
	mtmsrd	r3, 1
	li	r24, 0
	ori	r24, r24, 0x8000	/* 2^15: late */
pass:	mtctr	r15
	li	r6, 0

next:	mr	r5, r4
	mftb	r22
	mtdec	r6			/* DEC = N, from about r22 */
	add	r9, r22, r6
	add	r9, r9, r24		/* spin until r22 + N + 2^15 */
3:	mftb	r21
	cmpld	cr0, r21, r9
	blt	3b
	cmpld	cr0, r4, r5
	bne	4f
	addi	r12, r12, 1		/* no interrupt at all */
	li	r3, -1
	b	8f
4:	add	r3, r22, r6		/* delay = taken - (r22 + N) */
	subf	r3, r3, r23
	cmpld	cr0, r3, r11
	ble	6f
	mr	r11, r3
6:	cmpld	cr0, r3, r24
	ble	5f
8:	/* the first bad one: N in r16, delay in r29 (-1: none came) */
	cmpdi	cr0, r10, 0
	bne	9f
	mr	r16, r6
	mr	r29, r3
9:	addi	r10, r10, 1
5:	add	r6, r6, r7
	bdnz	next
	addi	r8, r8, -1
	cmpdi	cr0, r8, 0
	bne	pass

	li	r3, 0
	mtmsrd	r3, 1
	li	r14, 0
	cmpldi	cr0, r10, 0
	bne	7f
	li	r14, 1
7:	li	r4, 0
	li	r5, 0
	li	r6, 0
	li	r7, 0
	li	r8, 0
	li	r9, 0
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	li	r24, 0
	li	r25, 0
	cmpdi	cr0, r3, 0		/* CR no longer depends on the timing */
	exit_imm 0

handler_900:
	mftb	r23
	addi	r4, r4, 1
	mtdec	r25
	rfid
