// SPDX-License-Identifier: GPL-2.0
/*
 * MMIO decode and data (book3s_64/mmio_decode.c): the fixed-point loads
 * and stores of Power ISA v2.07B Book I 3.3.2-3.3.6, and byte order per
 * Book I 1.10 (MSR[LE]) and 3.3.7 (byte-reverse forms).
 */
#include "b3pr/mmio.h"
#include "emul_guest.h"

/* D-form load/store: OPCD RT RA D (Book I 1.6.4). */
#define MM_D(op, rt, ra, d)	EG_D(op, rt, ra, d)
/* DS-form: OPCD RT RA DS XO(30:31) (Book I 1.6.5). */
#define MM_DS(op, rt, ra, ds, xo)					\
	(((u32)(op) << 26) | ((u32)(rt) << 21) | ((u32)(ra) << 16) |	\
	 ((u32)(ds) & 0xfffc) | (xo))

static struct b3pr_mmio_access mm_decode(u32 insn)
{
	struct b3pr_mmio_access acc;

	memset(&acc, 0xff, sizeof(acc));
	EXPECT_TRUE(b3pr_mmio_decode(insn, &acc));
	return acc;
}

/* Book I 3.3.2: lbz RT,D(RA) is opcode 34, one byte, no update. */
TEST(mmio_lbz_one_byte_load)
{
	struct b3pr_mmio_access a = mm_decode(MM_D(34, 5, 9, 0));

	EXPECT_EQ(1, a.size);
	EXPECT_FALSE(a.store);
	EXPECT_FALSE(a.sign_extend);
	EXPECT_EQ(5, a.reg);
	EXPECT_EQ(0, a.update_ra);
}

/* Book I 3.3.2: lhau (43) sign-extends a halfword and updates RA. */
TEST(mmio_lhau_sign_extends_and_updates)
{
	struct b3pr_mmio_access a = mm_decode(MM_D(43, 3, 4, 2));

	EXPECT_EQ(2, a.size);
	EXPECT_TRUE(a.sign_extend);
	EXPECT_EQ(4, a.update_ra);
}

/* Book I 3.3.2: ld is DS-form opcode 58 XO 0; ldu XO 1; lwa XO 2. */
TEST(mmio_ds_form_loads)
{
	EXPECT_EQ(8, mm_decode(MM_DS(58, 1, 2, 8, 0)).size);
	EXPECT_EQ(2, mm_decode(MM_DS(58, 1, 2, 8, 1)).update_ra);
	EXPECT_TRUE(mm_decode(MM_DS(58, 1, 2, 8, 2)).sign_extend);
	EXPECT_EQ(4, mm_decode(MM_DS(58, 1, 2, 8, 2)).size);
}

/* Book I 3.3.3: stw (36) and stdu (62 XO 1) are stores. */
TEST(mmio_stores)
{
	EXPECT_TRUE(mm_decode(MM_D(36, 7, 8, 0)).store);
	EXPECT_EQ(4, mm_decode(MM_D(36, 7, 8, 0)).size);
	EXPECT_TRUE(mm_decode(MM_DS(62, 7, 8, 0, 1)).store);
	EXPECT_EQ(8, mm_decode(MM_DS(62, 7, 8, 0, 1)).update_ra);
}

/* Book I 3.3.7: lwbrx is X-form 31/534, stdbrx 31/660. */
TEST(mmio_byte_reverse_forms)
{
	struct b3pr_mmio_access a = mm_decode(EG_X(31, 6, 0, 7, 534));

	EXPECT_TRUE(a.byte_reverse);
	EXPECT_EQ(4, a.size);
	EXPECT_TRUE(mm_decode(EG_X(31, 6, 0, 7, 660)).store);
}

/* Book I 3.3.2: lwaux (31/373) is sign-extending with update. */
TEST(mmio_lwaux)
{
	struct b3pr_mmio_access a = mm_decode(EG_X(31, 6, 3, 7, 373));

	EXPECT_TRUE(a.sign_extend);
	EXPECT_EQ(3, a.update_ra);
}

/* Not a load or store (addi, opcode 14): no MMIO access. */
TEST(mmio_rejects_non_storage)
{
	struct b3pr_mmio_access a;

	EXPECT_FALSE(b3pr_mmio_decode(MM_D(14, 3, 0, 1), &a));
	/* lmw (46) is a load, but not one b3pr turns into MMIO. */
	EXPECT_FALSE(b3pr_mmio_decode(MM_D(46, 3, 1, 0), &a));
}

/*
 * Book I 1.10: big-endian (MSR[LE]=0) storage puts the most significant
 * byte first: stw of 0x11223344 writes 11 22 33 44.
 */
TEST(mmio_store_big_endian)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF };
	struct b3pr_mmio_access a = mm_decode(MM_D(36, 3, 0, 0));
	u8 b[8] = { 0 };

	g.gpr[3] = 0xaabbccdd11223344ULL;
	b3pr_mmio_store_bytes(&g, &a, b);
	EXPECT_EQ(0x11, b[0]);
	EXPECT_EQ(0x22, b[1]);
	EXPECT_EQ(0x33, b[2]);
	EXPECT_EQ(0x44, b[3]);
}

/* Little-endian storage (MSR[LE]=1): sth of 0x1234 writes 34 12. */
TEST(mmio_store_little_endian)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF | B3PR_MSR_LE };
	struct b3pr_mmio_access a = mm_decode(MM_D(44, 3, 0, 0));
	u8 b[8] = { 0 };

	g.gpr[3] = 0x1234;
	b3pr_mmio_store_bytes(&g, &a, b);
	EXPECT_EQ(0x34, b[0]);
	EXPECT_EQ(0x12, b[1]);
}

/* Book I 3.3.7: stwbrx in a big-endian guest stores little-endian. */
TEST(mmio_stwbrx_reverses_big_endian)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF };
	struct b3pr_mmio_access a = mm_decode(EG_X(31, 3, 0, 4, 662));
	u8 b[8] = { 0 };

	g.gpr[3] = 0x11223344;
	b3pr_mmio_store_bytes(&g, &a, b);
	EXPECT_EQ(0x44, b[0]);
	EXPECT_EQ(0x11, b[3]);
}

/* lha of bytes 80 01 (big-endian 0x8001) sign-extends: 0xffff...8001. */
TEST(mmio_lha_completes_sign_extended)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF };
	struct b3pr_mmio_access a = mm_decode(MM_D(42, 9, 0, 0));
	const u8 b[8] = { 0x80, 0x01 };

	b3pr_mmio_complete_load(&g, &a, b);
	EXPECT_EQ(0xffffffffffff8001ULL, g.gpr[9]);
}

/* lwz little-endian of bytes 01 02 03 04 is 0x04030201, zero-extended. */
TEST(mmio_lwz_completes_little_endian)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF | B3PR_MSR_LE };
	struct b3pr_mmio_access a = mm_decode(MM_D(32, 9, 0, 0));
	const u8 b[8] = { 1, 2, 3, 4 };

	g.gpr[9] = ~0ULL;
	b3pr_mmio_complete_load(&g, &a, b);
	EXPECT_EQ(0x04030201ULL, g.gpr[9]);
}

/* ld of 01..08 big-endian is 0x0102030405060708. */
TEST(mmio_ld_completes_big_endian)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF };
	struct b3pr_mmio_access a = mm_decode(MM_DS(58, 9, 0, 0, 0));
	const u8 b[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	b3pr_mmio_complete_load(&g, &a, b);
	EXPECT_EQ(0x0102030405060708ULL, g.gpr[9]);
}

/* Update forms write the EA into RA (Book I 3.3.2 lbzu: RA <- EA). */
TEST(mmio_update_writes_ea)
{
	struct b3pr_guest_state g = { .msr = B3PR_MSR_SF };
	struct b3pr_mmio_access a = mm_decode(MM_D(35, 9, 4, 1));

	b3pr_mmio_update_ra(&g, &a, 0xf0000001ULL);
	EXPECT_EQ(0xf0000001ULL, g.gpr[4]);
	a = mm_decode(MM_D(34, 9, 4, 1));
	g.gpr[4] = 7;
	b3pr_mmio_update_ra(&g, &a, 0xf0000001ULL);
	EXPECT_EQ(7, g.gpr[4]);
}
