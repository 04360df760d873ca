/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user-spr: the SPRs problem state reaches directly are the guest's own:
 * what the guest wrote, read back after exits to the VMM, and nothing the
 * VMM or the host kernel left there. POWER8 (Power ISA v2.07B):
 *  - Book II 4.3 TAR (815), 64 bits; its reset value is 0 (r3, read
 *    before any write)
 *  - Book II 4.4.4 DSCR: SPR 3 and SPR 17 are one register; bits 61:63
 *    DPFD. Written through one number, read through the other
 *  - Book III-S 5.7.13 AMR: SPR 13 and SPR 29 are one register; in
 *    privileged state an mtspr 13 changes the bits AMOR allows, which for
 *    a partition without a hypervisor of its own is all of them. (b3pr
 *    keeps the host kernel's storage key, 0 or 3, out of the guest's
 *    reach: the values leave keys 0 and 3 alone)
 *  - Book III-S 4.4.4: SPRG3 (275) is readable in problem state as 259
 *  - Book III-S 4.4.3 CTRL: CTRLT (152) writes the run latch, bit 63 of
 *    CTRLF (136)
 *  - Book II 6.3 EBBHR/EBBRR (804, 805)
 *  - Book II 3.2 PPR (896): PRI (bits 11:13) starts medium (0b100);
 *    "or 1,1,1" sets low (0b010), which problem state may
 * (Values with bits 62:63 zero: those bits of TAR, EBBHR and EBBRR are
 * not the program's to set.) QEMU's TCG reads SPR 13 from its own slot,
 * not the AMR, so AMR is read through SPR 29 only; writing it through 13
 * is checked (r8).
 * r3 = TAR at reset, r4 = TAR, r5 = DSCR via 3 after mtspr 17 (5),
 * r6 = DSCR via 17 after mtspr 3 (6), r7 = AMR via 29 after mtspr 29,
 * r8 = AMR via 29 after mtspr 13, r9 = SPRG3 via 259, r10 = CTRLF[RUN]
 * after CTRLT 0, r11 = after CTRLT 1, r12 = EBBHR, r13 = EBBRR,
 * r14 = DSCR at reset, r15 = AMR at reset, r16 = PPR at reset,
 * r17 = PPR after "or 1,1,1" and exits.
 */
# expect: r3=0x0000000000000000 r4=0x123456789abcdef0 r5=0x0000000000000005
# expect: r6=0x0000000000000006 r7=0x3cf00000000000f0 r8=0x0c3000000000000f
# expect: r9=0x0123456789abcdef r10=0x0000000000000000 r11=0x0000000000000001
# expect: r12=0x0000000011112220 r13=0x3333444455556660
# expect: r14=0x0000000000000000 r15=0x0000000000000000
# expect: r16=0x0010000000000000 r17=0x0008000000000000
# expect: sprg3=0x0123456789abcdef
# expect-console: spr: written
# expect-console: spr: written
# expect-exit: 0
# kvm-pr-diverges: r5,r6,r7,r8,r10,r17: mtspr DSCR (17), AMR (29) and CTRLT are dropped and mfspr DSCR, AMR read 0 (book3s_emulate.c), CTRLF shows the host's run latch, and the guest's PPR is lost at each exit; ISA v2.07B Book II 4.4.4, III-S 5.7.13, 4.4.3, Book II 3.2
#include "guest.h"

	GUEST_START
	/* FSCR only governs problem state (fscr-priv checks that); on. */
	li	r20, 0x184			/* FSCR TAR, EBB, DSCR */
	mtspr	153, r20
	mfspr	r3, 815
	mfspr	r14, 3
	mfspr	r15, 29
	mfspr	r16, 896
	or	1, 1, 1
	li64	r20, 0x123456789abcdef0
	mtspr	815, r20
	li	r20, 5
	mtspr	17, r20
	li64	r20, 0x3cf00000000000f0
	mtspr	29, r20
	li64	r20, 0x0123456789abcdef
	mtspr	SPRN_SPRG3, r20
	li64	r20, 0x0000000011112220
	mtspr	804, r20
	li64	r20, 0x3333444455556660
	mtspr	805, r20
	li	r20, 0
	println	"spr: written"
	mfspr	r4, 815
	mfspr	r5, 3
	mfspr	r7, 29
	mfspr	r9, 259
	mfspr	r12, 804
	mfspr	r13, 805
	mfspr	r17, 896
	or	2, 2, 2

	li	r20, 6
	mtspr	3, r20
	li64	r20, 0x0c3000000000000f
	mtspr	13, r20
	li	r20, 0
	println	"spr: written"
	mfspr	r6, 17
	mfspr	r8, 29

	li	r20, 0
	mtspr	152, r20
	mfspr	r10, 136
	andi.	r10, r10, 1
	li	r20, 1
	mtspr	152, r20
	mfspr	r11, 136
	andi.	r11, r11, 1
	li	r20, 0
	exit_imm 0
