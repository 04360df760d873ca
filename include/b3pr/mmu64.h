/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 64-bit guest MMU (Power ISA Book III-S v2.07 chapter 5): SLB entry
 * and HPTE fields, the hash functions and the SLB lookup, shared by the
 * translation (mmu64.c), the SLB/TLB instructions (emul_mmu64.c), the
 * shadow MMU and the unit tests.
 */
#ifndef B3PR_MMU64_H
#define B3PR_MMU64_H

#include "env.h"
#include "mmu.h"

struct b3pr_guest_state;
struct b3pr_guest_mem;
struct b3pr_slb_entry;

/* SLB entry, ESID half: the image of slbmte RB (ISA 5.9.3.1 slbmte). */
#define B3PR_SLB_ESID_256M	0xfffffffff0000000ULL	/* ESID 0:35 */
#define B3PR_SLB_ESID_1T	0xffffff0000000000ULL	/* ESID 0:23 */
#define B3PR_SLB_V		B3PR_BIT(36)
#define B3PR_SLB_INDEX		0xfffULL		/* RB 52:63 */

/* SLB entry, VSID half: the image of slbmte RS. */
#define B3PR_SLB_B		(B3PR_BIT(0) | B3PR_BIT(1))
#define B3PR_SLB_B_1T		B3PR_BIT(1)		/* B = 0b01 */
#define B3PR_SLB_VSID		0x3ffffffffffff000ULL	/* VSID 2:51 */
#define B3PR_SLB_VSID_SHIFT	12
#define B3PR_SLB_KS		B3PR_BIT(52)
#define B3PR_SLB_KP		B3PR_BIT(53)
#define B3PR_SLB_N		B3PR_BIT(54)
#define B3PR_SLB_L		B3PR_BIT(55)
#define B3PR_SLB_C		B3PR_BIT(56)
#define B3PR_SLB_LP		(B3PR_BIT(58) | B3PR_BIT(59))
#define B3PR_SLB_LP_64K		B3PR_BIT(59)		/* L=1 LP=0b01 */

/* slbie RB: ESID 0:35, class 36, B 37:38 (ISA 5.9.3.2). */
#define B3PR_SLBIE_C		B3PR_BIT(36)
#define B3PR_SLBIE_B		(B3PR_BIT(37) | B3PR_BIT(38))
#define B3PR_SLBIE_B_SHIFT	37

/* HPTE doubleword 0 (ISA 5.7.7.1). */
#define B3PR_HPTE_V_B		(B3PR_BIT(0) | B3PR_BIT(1))
#define B3PR_HPTE_V_AVA		0x3fffffffffffff80ULL	/* AVA 2:56 */
#define B3PR_HPTE_V_AVA_SHIFT	7
#define B3PR_HPTE_V_L		B3PR_BIT(61)
#define B3PR_HPTE_V_H		B3PR_BIT(62)
#define B3PR_HPTE_V_VALID	B3PR_BIT(63)

/* HPTE doubleword 1. */
#define B3PR_HPTE_R_PP0		B3PR_BIT(0)
#define B3PR_HPTE_R_RPN		0x0ffffffffffff000ULL	/* ARPN 4:51 (+LP) */
#define B3PR_HPTE_R_R		B3PR_BIT(55)
#define B3PR_HPTE_R_C		B3PR_BIT(56)
#define B3PR_HPTE_R_WIMG	0x78ULL			/* 57:60 */
#define B3PR_HPTE_R_WIMG_SHIFT	3
#define B3PR_HPTE_R_G		B3PR_BIT(60)
#define B3PR_HPTE_R_N		B3PR_BIT(61)
#define B3PR_HPTE_R_PP		0x3ULL			/* pp1 pp2, 62:63 */

#define B3PR_HPTE_SIZE		16
#define B3PR_HPTES_PER_GROUP	8
#define B3PR_PTEG_SIZE		(B3PR_HPTE_SIZE * B3PR_HPTES_PER_GROUP)

/* SDR1 (ISA 5.7.7.1): HTABORG 4:45, HTABSIZE 59:63. */
#define B3PR_SDR1_HTABORG	0x0ffffffffffc0000ULL
#define B3PR_SDR1_HTABSIZE	0x1fULL
#define B3PR_SDR1_HTABSIZE_MAX	28

/* The hash value is 39 bits wide for both segment sizes (ISA 5.7.7.3). */
#define B3PR_HASH_MASK		((1ULL << 39) - 1)

/*
 * Primary hash for a 256 MB segment: VSID (50 bits) XOR the page number
 * within the segment (EA offset >> p). The secondary hash is its
 * one's complement, b3pr_mmu64_secondary_hash().
 */
u64 b3pr_mmu64_hash_256m(u64 vsid, u64 page);
/* Primary hash for a 1 TB segment: VSID (38 bits), see ISA 5.7.7.3. */
u64 b3pr_mmu64_hash_1t(u64 vsid, u64 page);

static inline u64 b3pr_mmu64_secondary_hash(u64 primary)
{
	return ~primary & B3PR_HASH_MASK;
}

/* Real address of the PTEG @hash selects, from SDR1 (ISA 5.7.7.1). */
u64 b3pr_mmu64_pteg_addr(u64 sdr1, u64 hash);

/*
 * The SLB entry that translates @ea (ISA 5.7.6.1), or NULL: the caller
 * turns that into a segment interrupt. @ea is used as given.
 */
const struct b3pr_slb_entry *b3pr_slb_find(const struct b3pr_guest_state *g,
					   u64 ea);

/* Segment size of an SLB entry as a shift: 28 or 40. */
unsigned int b3pr_slb_seg_shift(const struct b3pr_slb_entry *slbe);

/*
 * Base page size of a segment as a shift (12, 16 or 24), from SLB L||LP
 * and what the CPU implements; 0 for an encoding the CPU lacks.
 */
unsigned int b3pr_slb_page_shift(const struct b3pr_guest_state *g,
				 const struct b3pr_slb_entry *slbe);

/*
 * The VSID of the segment as used in the virtual address: 50 bits for
 * 256 MB segments, the upper 38 bits of the VSID field for 1 TB ones.
 */
u64 b3pr_slb_vsid(const struct b3pr_slb_entry *slbe);

/*
 * Access authority from the PP bits and the key (ISA 5.7.13, Figure
 * "Protection states"): bit 0 read, bit 1 write.
 */
#define B3PR_PROT_READ		1U
#define B3PR_PROT_WRITE		2U
unsigned int b3pr_mmu64_pp_prot(bool key, u64 hpte_r);

#endif /* B3PR_MMU64_H */
