/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dec-r1zero: dec.S with r1 = 0, as b3pr-run starts every guest. The ISA
 * knows nothing of r1 here: the decrementer interrupt is taken as in
 * dec.S (Power ISA v2.07B Book III-S 6.5.11, 7.3), and the expectations
 * are dec.S's.
 *
 * kvm-pr holds back decrementer and external interrupts while a
 * supervisor-state guest's r1 equals the "critical" field of its
 * paravirtual shared page (kvmppc_critical_section() in
 * arch/powerpc/kvm/book3s.c), a convention of KVM-aware guests; that
 * field is 0 for a guest that never enabled the magic page, so with
 * r1 = 0 the interrupt never comes.
 */
# expect: r4=0x0000000000000001 r5=0x0000000000000000 r7=0x0000000000002104
# expect-le: r8=0x8000000000009001 r9=0x8000000000001001 msr=0x8000000000001001
# expect-be: r8=0x8000000000009000 r9=0x8000000000001000 msr=0x8000000000001000
# expect: r1=0x0000000000000000
# expect-exit: 0
# kvm-pr-diverges: r4,r7,r8,r9,srr0,srr1: no decrementer interrupt while r1 equals the paravirtual shared page's critical field, 0 here (kvmppc_critical_section), ISA v2.07B Book III-S 6.5.11 Decrementer interrupt
#include "dec.inc"
