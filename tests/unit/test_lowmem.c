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
	EXPECT_EQ(0x2280, b3pr_lowmem_find_space(&lm, 1000, NULL));
	/* 0x2280 + 3500 > 0x3000: the next run, 0x5d00 + 64 -> 0x5d80 */
	EXPECT_EQ(0x5d80, b3pr_lowmem_find_space(&lm, 3500, NULL));
}

/* The FWNMI page is the firmware's, zero as it looks: no room. */
TEST(lowmem_too_little_room_refused)
{
	struct b3pr_lowmem lm = kernel_at_zero();

	/* 0x5d80 + 5000 = 0x7108 > 0x7000 */
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 5000, NULL));
	fill(image, 0, B3PR_LOWMEM_REACH, CODE);
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 4, NULL));
}

TEST(lowmem_never_below_0x100)
{
	struct b3pr_lowmem lm;

	fill(image, 0, B3PR_LOWMEM_REACH, 0);
	lm = (struct b3pr_lowmem){ .live = image, .image = image };
	/* 0x100 + 64 = 0x140, aligned: 0x180 */
	EXPECT_EQ(0x180, b3pr_lowmem_find_space(&lm, 0x100, NULL));
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
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 3500, NULL));
	EXPECT_EQ(0x6480, b3pr_lowmem_find_space(&lm, 1500, NULL));
}

/* Zero live words where the kernel's image has code are not free either. */
TEST(lowmem_relocated_needs_image_zero)
{
	struct b3pr_lowmem lm = relocated();

	fill(image, 0x2400, 0x2500, CODE);
	/* 0x2280 + 1000 > 0x2400; after 0x2500: 0x2540 -> 0x2580 */
	EXPECT_EQ(0x2580, b3pr_lowmem_find_space(&lm, 1000, NULL));
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

/* One part of 0x100 bytes at @base. */
static struct b3pr_rm_layout one_part(unsigned long base)
{
	return (struct b3pr_rm_layout){
		.nr = 1, .part = { { .start = 0, .end = 0x100, .base = base } } };
}

TEST(rm_fixup_adds_base)
{
	struct b3pr_rm_layout l = one_part(0x2280);
	u32 ld = 0xe8000030;	/* ld r0,0x30(0): DS-form, XO 0 */
	u32 std = 0xf8650040;	/* std r3,0x40(r5) */
	u32 lwz = 0x800a0010;	/* lwz r0,0x10(r10): D-form */
	u32 li = 0x38600030;	/* li r3,0x30 (RM_ADDR): a label's address */

	EXPECT_TRUE(b3pr_rm_fixup(&ld, 8, &l));
	EXPECT_EQ(0xe80022b0, ld);
	EXPECT_TRUE(b3pr_rm_fixup(&std, 12, &l));
	EXPECT_EQ(0xf86522c0, std);
	EXPECT_TRUE(b3pr_rm_fixup(&lwz, 0, &l));
	EXPECT_EQ(0x800a2290, lwz);
	EXPECT_TRUE(b3pr_rm_fixup(&li, 4, &l));
	EXPECT_EQ(0x386022b0, li);
}

TEST(rm_fixup_refuses_bad_targets)
{
	struct b3pr_rm_layout l = one_part(0x2280);
	u32 addi = 0x38640030;	/* addi r3,r4,0x30: not an address of ours */
	u32 ldu = 0xe8000031;	/* ldu: DS-form XO 1 */
	u32 lwa = 0xe8000032;	/* lwa: DS-form XO 2 */
	u32 ld_far = 0xe8000200;	/* ld r0,0x200(0): past the blob */
	u32 b = 0x48000030;	/* b +0x30: relative, not a fixup */
	u32 bla = 0x48000033;	/* bla 0x30: LK would clobber LR */
	u32 ld = 0xe8000030;

	EXPECT_FALSE(b3pr_rm_fixup(&addi, 0, &l));
	EXPECT_EQ(0x38640030, addi);
	EXPECT_FALSE(b3pr_rm_fixup(&ldu, 0, &l));
	EXPECT_FALSE(b3pr_rm_fixup(&lwa, 0, &l));
	EXPECT_FALSE(b3pr_rm_fixup(&ld_far, 0, &l));
	EXPECT_FALSE(b3pr_rm_fixup(&b, 0, &l));
	EXPECT_FALSE(b3pr_rm_fixup(&bla, 0, &l));
	/* the instruction itself outside the blob, or not word-aligned */
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0x100, &l));
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 2, &l));
	/* 0x100 bytes at 0x7fc0 leave the region RA=0 reaches */
	l = one_part(0x7fc0);
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0, &l));
	/* a DS-form at a base that is not a multiple of 4 */
	l = one_part(0x2282);
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0, &l));
	EXPECT_EQ(0xe8000030, ld);
	/* a part not placed */
	l = one_part(0);
	EXPECT_FALSE(b3pr_rm_fixup(&ld, 0, &l));
}

/* Two parts placed apart: each offset goes to its own part's place. */
static struct b3pr_rm_layout two_parts(void)
{
	return (struct b3pr_rm_layout){ .nr = 2, .part = {
		{ .start = 0, .end = 0x100, .base = 0x2280 },
		{ .start = 0x100, .end = 0x180, .base = 0x1000 } } };
}

TEST(rm_fixup_across_parts)
{
	struct b3pr_rm_layout l = two_parts();
	u32 ba = 0x48000112;	/* ba 0x110: a label in the second part */
	u32 ld = 0xe8600108;	/* ld r3,0x108(0): a quad there */
	u32 li = 0x38800040;	/* li r4,0x40 from the second part: the first's */
	u32 ba_pad = 0x48000182;	/* ba 0x180: in no part */

	EXPECT_EQ(0x1010, b3pr_rm_addr(&l, 0x110));
	EXPECT_EQ(0x22c0, b3pr_rm_addr(&l, 0x40));
	EXPECT_EQ(0, b3pr_rm_addr(&l, 0x180));
	EXPECT_TRUE(b3pr_rm_fixup(&ba, 0x20, &l));
	EXPECT_EQ(0x48001012, ba);	/* ba 0x1010, AA=1 LK=0 */
	EXPECT_TRUE(b3pr_rm_fixup(&ld, 0x24, &l));
	EXPECT_EQ(0xe8601008, ld);
	EXPECT_TRUE(b3pr_rm_fixup(&li, 0x104, &l));
	EXPECT_EQ(0x388022c0, li);
	EXPECT_FALSE(b3pr_rm_fixup(&ba_pad, 0x20, &l));
}

/*
 * The part table: offsets ascending from 0, 8-aligned (the quads), none
 * empty, at most B3PR_RM_MAX_PARTS.
 */
TEST(rm_layout_from_part_table)
{
	struct b3pr_rm_layout l;
	const u32 good[] = { 0, 0x7d0, 0xb70 }, unsorted[] = { 0, 0x200, 0x100 };
	const u32 late[] = { 8, 0x100 }, odd[] = { 0, 0x104 };
	const u32 many[B3PR_RM_MAX_PARTS + 1] = { 0, 8, 16, 24, 32, 40, 48, 56, 64 };

	EXPECT_TRUE(b3pr_rm_layout_init(&l, good, 3, 0xfc0));
	EXPECT_EQ(3, l.nr);
	EXPECT_EQ(0x7d0, l.part[0].end);
	EXPECT_EQ(0xb70, l.part[2].start);
	EXPECT_EQ(0xfc0, l.part[2].end);
	EXPECT_FALSE(b3pr_rm_layout_init(&l, unsorted, 3, 0x300));
	EXPECT_FALSE(b3pr_rm_layout_init(&l, late, 2, 0x200));
	EXPECT_FALSE(b3pr_rm_layout_init(&l, odd, 2, 0x200));
	EXPECT_FALSE(b3pr_rm_layout_init(&l, good, 3, 0xb70));	/* last empty */
	EXPECT_FALSE(b3pr_rm_layout_init(&l, good, 0, 0xfc0));
	EXPECT_FALSE(b3pr_rm_layout_init(&l, many, B3PR_RM_MAX_PARTS + 1, 0x100));
}

/*
 * A capture kernel's low region, as measured in Debian's 6.1 kernel
 * relocated to 512 MB: its own vectors up to 0x5d00 with zero stretches
 * 0xfa0-0x1300, 0x22c4-0x3000 and 0x4fa0-0x5300 (among shorter ones), and
 * the previous kernel's leftovers past 0x5d00. A blob of four parts
 * (1984, 928, 408 and 712 bytes) no longer fits as one but does part by
 * part, the largest first, each at the lowest fit.
 */
TEST(lowmem_parts_fit_a_capture_kernel)
{
	struct b3pr_lowmem lm = relocated();
	struct b3pr_rm_layout l;
	const u32 starts[] = { 0, 0x7c0, 0xb60, 0xcf8 };

	fill(image, 0x2200, 0x22c4, CODE);
	fill(image, 0xfa0, 0x1300, 0);
	fill(image, 0x4fa0, 0x5300, 0);
	memcpy(live, image, sizeof(live));
	fill(live, 0x5d00, B3PR_LOWMEM_REACH, CODE);
	EXPECT_EQ(0, b3pr_lowmem_find_space(&lm, 0xfc0, NULL));
	EXPECT_TRUE(b3pr_rm_layout_init(&l, starts, 4, 0xfc0));
	EXPECT_TRUE(b3pr_lowmem_place(&lm, &l));
	/* 1984: 0x1000 + 1984 > 0x1300; 0x22c4 + 64 -> 0x2380, to 0x2b40 */
	EXPECT_EQ(0x2380, l.part[0].base);
	/* 928: 0x1000 + 928 > 0x1300; 0x2b40 + 64 -> 0x2b80, to 0x2f20 */
	EXPECT_EQ(0x2b80, l.part[1].base);
	/* 712: 0xfa0 + 64 -> 0x1000, to 0x12c8 */
	EXPECT_EQ(0x1000, l.part[3].base);
	/* 408: 0x1380 and 0x2f80 leave too little; 0x4fa0 + 64 -> 0x5000 */
	EXPECT_EQ(0x5000, l.part[2].base);
}

TEST(lowmem_parts_all_or_none)
{
	struct b3pr_lowmem lm = kernel_at_zero();
	struct b3pr_rm_layout l;
	const u32 starts[] = { 0, 3200 };

	/* 0x2280-0x3000 holds 3200 bytes; 0x5d80-0x7000 holds 4736, not 4740 */
	EXPECT_TRUE(b3pr_rm_layout_init(&l, starts, 2, 3200 + 4736));
	EXPECT_TRUE(b3pr_lowmem_place(&lm, &l));
	EXPECT_EQ(0x5d80, l.part[1].base);
	EXPECT_EQ(0x2280, l.part[0].base);
	EXPECT_TRUE(b3pr_rm_layout_init(&l, starts, 2, 3200 + 4740));
	EXPECT_FALSE(b3pr_lowmem_place(&lm, &l));
	EXPECT_EQ(0, l.part[0].base);
	EXPECT_EQ(0, l.part[1].base);
}

/* Relative branches must not leave their part; absolute ones may. */
TEST(rm_branches_stay_in_their_part)
{
	struct b3pr_rm_layout l = two_parts();
	static u32 blob[0x180 / 4];
	u32 bad = 0;

	blob[0x10 / 4] = 0x4bfffff0;	/* b -0x10: to 0x0 */
	blob[0x14 / 4] = 0x4082ffec;	/* bne -0x14: to 0x0 */
	blob[0x18 / 4] = 0x48000112;	/* ba 0x110: absolute */
	blob[0x104 / 4] = 0x4200fffc;	/* bdnz -4: to 0x100 */
	blob[0x108 / 4] = 0x41820082;	/* beqa 0x80: absolute */
	EXPECT_TRUE(b3pr_rm_branches_local(blob, &l, &bad));
	blob[0x1c / 4] = 0x480000f0;	/* b +0xf0: to 0x10c, the other part */
	EXPECT_FALSE(b3pr_rm_branches_local(blob, &l, &bad));
	EXPECT_EQ(0x1c, bad);
	blob[0x1c / 4] = 0;
	blob[0x17c / 4] = 0x4182fe84;	/* beq -0x17c: to 0x0 */
	EXPECT_FALSE(b3pr_rm_branches_local(blob, &l, &bad));
	EXPECT_EQ(0x17c, bad);
	blob[0x17c / 4] = 0x48000005;	/* bl +4: to 0x180, past the part */
	EXPECT_FALSE(b3pr_rm_branches_local(blob, &l, &bad));
}
