// SPDX-License-Identifier: GPL-2.0
/*
 * Where the real-mode blob goes in the low-memory interrupt region, on
 * synthetic images of it (include/b3pr/lowmem.h): only words zero in both
 * the live region and the kernel's own image, never below 0x100 nor in
 * the FWNMI page from 0x7000, 64 bytes clear of code, 128-byte aligned;
 * the vectors' first words a stub can displace; and the fixup of the
 * blob's D/DS-form loads and stores (Power ISA Book I 3.3.2-3.3.3).
 */
#include "runner.h"
#include "b3pr/lowmem.h"

#define WORDS	(B3PR_LOWMEM_REACH / 4)
#define CODE	0x7c0802a6U	/* mflr r0: some non-zero word */

static u32 image[WORDS], live[WORDS];

static void fill(u32 *w, unsigned long from, unsigned long to, u32 v)
{
	for (; from < to; from += 4)
		w[from / 4] = v;
}

/* Code everywhere but two stretches, as in Debian's 6.1 kernel: after
 * the real trampolines (0x2200-0x3000) and after the vectors (0x5d00 on).
 */
static struct b3pr_lowmem kernel_at_zero(void)
{
	fill(image, 0, B3PR_LOWMEM_REACH, CODE);
	fill(image, 0x2200, 0x3000, 0);
	fill(image, 0x5d00, B3PR_LOWMEM_REACH, 0);
	return (struct b3pr_lowmem){ .live = image, .image = image };
}

/* A relocated kernel: its vectors copied to 0, past them what was there. */
static struct b3pr_lowmem relocated(void)
{
	struct b3pr_lowmem lm = kernel_at_zero();

	memcpy(live, image, sizeof(live));
	lm.live = live;
	return lm;
}

TEST(lowmem_first_run_that_fits)
{
	struct b3pr_lowmem lm = kernel_at_zero();

	/* 0x2200 + 64 = 0x2240, aligned up to 128: 0x2280; 0x2280 + 1000 <= 0x3000 */
	EXPECT_EQ(0x2280, b3pr_lowmem_find_space(&lm, 1000));
	/* 0x2280 + 3500 > 0x3000: the next run, 0x5d00 + 64 -> 0x5d80 */
	EXPECT_EQ(0x5d80, b3pr_lowmem_find_space(&lm, 3500));
}

/* The FWNMI page is the firmware's, zero as it looks: no room. */
TEST(lowmem_too_little_room_refused)
{
	struct b3pr_lowmem lm = kernel_at_zero();

	/* 0x5d80 + 5000 = 0x7108 > 0x7000 */
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 5000));
	fill(image, 0, B3PR_LOWMEM_REACH, CODE);
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 4));
}

TEST(lowmem_never_below_0x100)
{
	struct b3pr_lowmem lm;

	fill(image, 0, B3PR_LOWMEM_REACH, 0);
	lm = (struct b3pr_lowmem){ .live = image, .image = image };
	/* 0x100 + 64 = 0x140, aligned: 0x180 */
	EXPECT_EQ(0x180, b3pr_lowmem_find_space(&lm, 0x100));
}

/* A previous kernel's leftovers past the copied vectors are not free. */
TEST(lowmem_relocated_skips_leftovers)
{
	struct b3pr_lowmem lm = relocated();

	/* no room after the trampolines in this kernel */
	fill(image, 0x2200, 0x3000, CODE);
	fill(live, 0x2200, 0x3000, CODE);
	fill(live, 0x5e00, 0x6400, CODE);
	/* only 0x6400 + 64 -> 0x6480 remains: 0x6480 + 3500 > 0x7000 */
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 3500));
	EXPECT_EQ(0x6480, b3pr_lowmem_find_space(&lm, 1500));
}

/* Zero live words where the kernel's image has code are not free either. */
TEST(lowmem_relocated_needs_image_zero)
{
	struct b3pr_lowmem lm = relocated();

	fill(image, 0x2400, 0x2500, CODE);
	/* 0x2280 + 1000 > 0x2400; after 0x2500: 0x2540 -> 0x2580 */
	EXPECT_EQ(0x2580, b3pr_lowmem_find_space(&lm, 1000));
}

TEST(lowmem_displaceable_first_words)
{
	EXPECT_TRUE(b3pr_lowmem_displaceable(0x7db243a6));	/* mtsprg 2,r13 */
	EXPECT_TRUE(b3pr_lowmem_displaceable(0x7da903a6));	/* mtctr r13 */
	EXPECT_TRUE(b3pr_lowmem_displaceable(0x60000000));	/* nop */
	EXPECT_FALSE(b3pr_lowmem_displaceable(CODE));		/* mflr r0 */
	EXPECT_FALSE(b3pr_lowmem_displaceable(0x48000100));	/* b +0x100 */
	EXPECT_FALSE(b3pr_lowmem_displaceable(0));
}

/* A kernel whose 0x900 vector starts with a branch: its hook is refused. */
TEST(lowmem_unexpected_vector_refused)
{
	struct b3pr_lowmem lm = kernel_at_zero();

	image[0x300 / 4] = 0x7db243a6;
	image[0x900 / 4] = 0x48000100;
	image[0xc00 / 4] = 0x7da903a6;
	EXPECT_TRUE(b3pr_lowmem_displaceable(lm.live[0x300 / 4]));
	EXPECT_FALSE(b3pr_lowmem_displaceable(lm.live[0x900 / 4]));
	EXPECT_TRUE(b3pr_lowmem_displaceable(lm.live[0xc00 / 4]));
}

TEST(rm_fixup_adds_base)
{
	u32 ld = 0xe8000030;	/* ld r0,0x30(0): DS-form, XO 0 */
	u32 std = 0xf8650040;	/* std r3,0x40(r5) */
	u32 lwz = 0x800a0010;	/* lwz r0,0x10(r10): D-form */
	u32 li = 0x38600030;	/* li r3,0x30 (RM_ADDR): a label's address */

	EXPECT_TRUE(b3pr_rm_fixup(&ld, 8, 0x100, 0x2280));
	EXPECT_EQ(0xe80022b0, ld);
	EXPECT_TRUE(b3pr_rm_fixup(&std, 12, 0x100, 0x2280));
	EXPECT_EQ(0xf86522c0, std);
	EXPECT_TRUE(b3pr_rm_fixup(&lwz, 0, 0x100, 0x2280));
	EXPECT_EQ(0x800a2290, lwz);
	EXPECT_TRUE(b3pr_rm_fixup(&li, 4, 0x100, 0x2280));
	EXPECT_EQ(0x386022b0, li);
}

TEST(rm_fixup_refuses_bad_targets)
{
	u32 addi = 0x38640030;	/* addi r3,r4,0x30: not an address of ours */
	u32 ldu = 0xe8000031;	/* ldu: DS-form XO 1 */
	u32 lwa = 0xe8000032;	/* lwa: DS-form XO 2 */
	u32 ld_far = 0xe8000200;	/* ld r0,0x200(0): past the blob */
	u32 ld = 0xe8000030;

	EXPECT_FALSE(b3pr_rm_fixup(&addi, 0, 0x100, 0x2280));
	EXPECT_EQ(0x38640030, addi);
	EXPECT_FALSE(b3pr_rm_fixup(&ldu, 0, 0x100, 0x2280));
	EXPECT_FALSE(b3pr_rm_fixup(&lwa, 0, 0x100, 0x2280));
	EXPECT_FALSE(b3pr_rm_fixup(&ld_far, 0, 0x100, 0x2280));
	/* the instruction itself outside the blob, or not word-aligned */
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0x100, 0x100, 0x2280));
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 2, 0x100, 0x2280));
	/* 0x100 bytes at 0x7fc0 leave the region RA=0 reaches */
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0, 0x100, 0x7fc0));
	/* a DS-form at a base that is not a multiple of 4 */
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0, 0x100, 0x2282));
	EXPECT_EQ(0xe8000030, ld);
}
