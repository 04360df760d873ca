// SPDX-License-Identifier: GPL-2.0
/*
 * The dcbz patch of guest code pages (include/b3pr/dcbz_patch.h): only
 * dcbz (opcode 31, XO 1014, Book II 4.3.2, and its invalid Rc=1 form)
 * changes, in either byte order.
 */
#include "runner.h"
#include "b3pr/dcbz_patch.h"

#define DCBZ_R3_R4	0x7c0327ecU	/* dcbz r3,r4 */
#define DCBZ_0_R9	0x7c0047ecU	/* dcbz 0,r9 */
#define DCBST_R3_R4	0x7c03206cU	/* dcbst r3,r4: XO 54 */
#define DCBZ_RC		0x7c0327edU	/* invalid Rc=1 form, maybe run as dcbz */
#define ADDI		0x38630001U

TEST(dcbz_patch_only_dcbz_be)
{
	u32 w[5] = { cpu_to_be32(DCBZ_R3_R4), cpu_to_be32(ADDI),
		     cpu_to_be32(DCBST_R3_R4), cpu_to_be32(DCBZ_0_R9),
		     cpu_to_be32(DCBZ_RC) };

	EXPECT_EQ(3, b3pr_dcbz_patch(w, 5, false));
	EXPECT_EQ(B3PR_DCBZ_TRAP_WORD, w[0]);
	EXPECT_EQ(ADDI, be32_to_cpu(w[1]));
	EXPECT_EQ(DCBST_R3_R4, be32_to_cpu(w[2]));
	EXPECT_EQ(B3PR_DCBZ_TRAP_WORD, w[3]);
	EXPECT_EQ(B3PR_DCBZ_TRAP_WORD, w[4]);
}

/* A big-endian dcbz read as little-endian is some other word. */
TEST(dcbz_patch_byte_order)
{
	u32 le[1] = { cpu_to_le32(DCBZ_R3_R4) };
	u32 be[1] = { cpu_to_be32(DCBZ_R3_R4) };

	EXPECT_EQ(1, b3pr_dcbz_patch(le, 1, true));
	EXPECT_EQ(0, b3pr_dcbz_patch(be, 1, true));
	EXPECT_EQ(DCBZ_R3_R4, be32_to_cpu(be[0]));
}
