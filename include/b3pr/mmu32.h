/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 32-bit guest MMU (750/74xx): BAT arrays, segment registers and the
 * hashed page table, after the "PowerPC Microprocessor Family: The
 * Programming Environments for 32-Bit Microprocessors" (PEM) chapter 7.
 * The helpers are shared by the walk (book3s_32_guest/mmu32.c), the shadow
 * MMU and the tests. Masks are in the LSB-0 form of the 32-bit registers.
 */
#ifndef B3PR_MMU32_H
#define B3PR_MMU32_H

#include "env.h"
#include "guest_state.h"

/* Upper BAT register (PEM 7.4): BEPI 0:14, BL 19:29, Vs 30, Vp 31. */
#define B3PR_BATU_BEPI		0xfffe0000u
#define B3PR_BATU_BL		0x00001ffcu
#define B3PR_BATU_BL_SHIFT	2
#define B3PR_BATU_VS		0x00000002u
#define B3PR_BATU_VP		0x00000001u
/* Lower BAT register: BRPN 0:14, WIMG 25:28, PP 30:31. */
#define B3PR_BATL_BRPN		0xfffe0000u
#define B3PR_BATL_WIMG		0x00000078u
#define B3PR_BATL_G		0x00000008u
#define B3PR_BATL_PP		0x00000003u
/* The smallest block: BL = 0 maps 128 KiB. */
#define B3PR_BAT_MIN_SHIFT	17

/* Segment register, T = 0 form (PEM 7.5): T 0, Ks 1, Kp 2, N 3. */
#define B3PR_SR_T		0x80000000u
#define B3PR_SR_KS		0x40000000u
#define B3PR_SR_KP		0x20000000u
#define B3PR_SR_N		0x10000000u
#define B3PR_SR_VSID		0x00ffffffu	/* bits 8:31 */

/* PTE word 0 (PEM 7.6): V 0, VSID 1:24, H 25, API 26:31. */
#define B3PR_PTE32_V		0x80000000u
#define B3PR_PTE32_VSID_SHIFT	7
#define B3PR_PTE32_H		0x00000040u
#define B3PR_PTE32_API		0x0000003fu
/* PTE word 1: RPN 0:19, R 23, C 24, WIMG 25:28, PP 30:31. */
#define B3PR_PTE32_RPN		0xfffff000u
#define B3PR_PTE32_R		0x00000100u
#define B3PR_PTE32_C		0x00000080u
#define B3PR_PTE32_WIMG		0x00000078u
#define B3PR_PTE32_G		0x00000008u
#define B3PR_PTE32_PP		0x00000003u

/* WIMG as the xlate result reports it: W=8, I=4, M=2, G=1. */
#define B3PR_WIMG_SHIFT		3
#define B3PR_WIMG_G		0x1u
#define B3PR_WIMG_REAL		0x3u	/* real mode: M=1, G=1 (750 UM 5.2) */

/*
 * DSISR[5] on the 750/74xx: a load or store to a direct-store segment
 * (SR[T] = 1; 750GX UM Table 5-3). The same bit as
 * B3PR_DSISR_BADACCESS; bit 10 (B3PR_DSISR_SEGMENT) is the 64-bit bridge's.
 */
#define B3PR_DSISR_DIRECT_STORE	B3PR_BIT32(5)

/* SDR1 (PEM 7.6): HTABORG 0:15, HTABMASK 23:31. */
#define B3PR_SDR1_HTABORG	0xffff0000u
#define B3PR_SDR1_HTABMASK	0x000001ffu

#define B3PR_PTEG32_SIZE	64	/* 8 PTEs of 8 bytes */
#define B3PR_PTEG32_ENTRIES	8
#define B3PR_HASH32_MASK	0x7ffffu	/* 19-bit hash */

/* Access rights from PP (and key), bits of the result of b3pr_mmu32_pp(). */
#define B3PR_MMU32_READ		0x1u
#define B3PR_MMU32_WRITE	0x2u

/* 7455 and later: BATs 4-7 enabled (MPC7450 RM 2.1.5.1, HID0 bit 8). */
#define B3PR_HID0_HIGH_BAT_EN	0x00800000u

/* How many BAT pairs the guest's CPU translates with now: 4 or 8. */
unsigned int b3pr_mmu32_nr_bats(const struct b3pr_guest_state *g);

/*
 * The EA bits the block passes through unchanged: the low 17 bits and the
 * BL mask above them (PEM 7.4, "Block Physical Address Generation").
 */
static inline u32 b3pr_mmu32_bat_offset_mask(u32 batu)
{
	return ((batu & B3PR_BATU_BL) << (B3PR_BAT_MIN_SHIFT -
					  B3PR_BATU_BL_SHIFT)) |
	       ((1u << B3PR_BAT_MIN_SHIFT) - 1);
}

/* Does @bat translate @ea for the given privilege (MSR[PR])? */
bool b3pr_mmu32_bat_match(const struct b3pr_bat *bat, u32 ea, bool pr);

/* The real address @bat gives @ea: BRPN | (EA & block mask). */
static inline u32 b3pr_mmu32_bat_real(const struct b3pr_bat *bat, u32 ea)
{
	return (bat->lower & B3PR_BATL_BRPN) |
	       (ea & b3pr_mmu32_bat_offset_mask(bat->upper));
}

/*
 * The first of the guest's @nr BATs in @bats matching @ea at privilege
 * @pr, or -1.
 */
int b3pr_mmu32_bat_find(const struct b3pr_bat *bats, unsigned int nr,
			u32 ea, bool pr);

/* Primary hash (PEM 7.6, "Hashing Functions"): VSID[5:23] ^ page index. */
static inline u32 b3pr_mmu32_hash(u32 vsid, u32 ea)
{
	return ((vsid & B3PR_HASH32_MASK) ^ ((ea >> 12) & 0xffff)) &
	       B3PR_HASH32_MASK;
}

/* Secondary hash: the one's complement of the primary, 19 bits. */
static inline u32 b3pr_mmu32_hash2(u32 hash)
{
	return ~hash & B3PR_HASH32_MASK;
}

/*
 * Real address of the PTEG for @hash (PEM 7.6, "Page Table Address
 * Generation"): HTABORG, its bits 7:15 ORed with hash[0:8] & HTABMASK,
 * hash[9:18] in bits 16:25, six zero bits.
 */
static inline u32 b3pr_mmu32_pteg_addr(u32 sdr1, u32 hash)
{
	u32 mask = ((sdr1 & B3PR_SDR1_HTABMASK) << 10) | 0x3ff;

	return (sdr1 & B3PR_SDR1_HTABORG) | ((hash & mask) << 6);
}

/* The PTE word 0 that matches @vsid/@ea: V, VSID, H, API (EA bits 4:9). */
static inline u32 b3pr_mmu32_pte0(u32 vsid, u32 ea, bool secondary)
{
	return B3PR_PTE32_V |
	       ((vsid & B3PR_SR_VSID) << B3PR_PTE32_VSID_SHIFT) |
	       (secondary ? B3PR_PTE32_H : 0) | ((ea >> 22) & B3PR_PTE32_API);
}

/*
 * Access rights (B3PR_MMU32_READ | B3PR_MMU32_WRITE) of key @key and PP
 * @pp (PEM 7.5, "Page Memory Protection"). BAT PP means the same as the
 * key = 1 row (PEM 7.4, "Block Memory Protection").
 */
u32 b3pr_mmu32_pp(unsigned int key, u32 pp);

#endif /* B3PR_MMU32_H */
