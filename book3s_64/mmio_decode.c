// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed-point loads and stores (Power ISA Book I 3.3.2-3.3.6) an MMIO
 * access may come from: one table row per form.
 */
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmio.h"
#include "b3pr/msr.h"

struct b3pr_mmio_row {
	u32 mask;
	u32 match;
	u8 size;
	bool store;
	bool sign_extend;
	bool byte_reverse;
	bool update;
};

#define D_MASK		0xfc000000u
#define DS_MASK		0xfc000003u	/* DS-form: XO in bits 30:31 */
#define X_MASK		0xfc0007feu	/* X-form: XO in bits 21:30 */
#define D(op)		((u32)(op) << 26)
#define DS(op, xo)	(D(op) | (xo))
#define X(xo)		(D(31) | ((u32)(xo) << 1))

static const struct b3pr_mmio_row b3pr_mmio_table[] = {
	/* mask, match,	size, store, sign, byterev, update */
	{ D_MASK, D(34), 1, false, false, false, false },	/* lbz */
	{ D_MASK, D(35), 1, false, false, false, true },	/* lbzu */
	{ D_MASK, D(40), 2, false, false, false, false },	/* lhz */
	{ D_MASK, D(41), 2, false, false, false, true },	/* lhzu */
	{ D_MASK, D(42), 2, false, true, false, false },	/* lha */
	{ D_MASK, D(43), 2, false, true, false, true },		/* lhau */
	{ D_MASK, D(32), 4, false, false, false, false },	/* lwz */
	{ D_MASK, D(33), 4, false, false, false, true },	/* lwzu */
	{ DS_MASK, DS(58, 0), 8, false, false, false, false },	/* ld */
	{ DS_MASK, DS(58, 1), 8, false, false, false, true },	/* ldu */
	{ DS_MASK, DS(58, 2), 4, false, true, false, false },	/* lwa */
	{ D_MASK, D(38), 1, true, false, false, false },	/* stb */
	{ D_MASK, D(39), 1, true, false, false, true },		/* stbu */
	{ D_MASK, D(44), 2, true, false, false, false },	/* sth */
	{ D_MASK, D(45), 2, true, false, false, true },		/* sthu */
	{ D_MASK, D(36), 4, true, false, false, false },	/* stw */
	{ D_MASK, D(37), 4, true, false, false, true },		/* stwu */
	{ DS_MASK, DS(62, 0), 8, true, false, false, false },	/* std */
	{ DS_MASK, DS(62, 1), 8, true, false, false, true },	/* stdu */
	{ X_MASK, X(87), 1, false, false, false, false },	/* lbzx */
	{ X_MASK, X(119), 1, false, false, false, true },	/* lbzux */
	{ X_MASK, X(279), 2, false, false, false, false },	/* lhzx */
	{ X_MASK, X(311), 2, false, false, false, true },	/* lhzux */
	{ X_MASK, X(343), 2, false, true, false, false },	/* lhax */
	{ X_MASK, X(375), 2, false, true, false, true },		/* lhaux */
	{ X_MASK, X(23), 4, false, false, false, false },	/* lwzx */
	{ X_MASK, X(55), 4, false, false, false, true },		/* lwzux */
	{ X_MASK, X(341), 4, false, true, false, false },	/* lwax */
	{ X_MASK, X(373), 4, false, true, false, true },		/* lwaux */
	{ X_MASK, X(21), 8, false, false, false, false },	/* ldx */
	{ X_MASK, X(53), 8, false, false, false, true },		/* ldux */
	{ X_MASK, X(215), 1, true, false, false, false },	/* stbx */
	{ X_MASK, X(247), 1, true, false, false, true },		/* stbux */
	{ X_MASK, X(407), 2, true, false, false, false },	/* sthx */
	{ X_MASK, X(439), 2, true, false, false, true },		/* sthux */
	{ X_MASK, X(151), 4, true, false, false, false },	/* stwx */
	{ X_MASK, X(183), 4, true, false, false, true },		/* stwux */
	{ X_MASK, X(149), 8, true, false, false, false },	/* stdx */
	{ X_MASK, X(181), 8, true, false, false, true },		/* stdux */
	{ X_MASK, X(790), 2, false, false, true, false },	/* lhbrx */
	{ X_MASK, X(534), 4, false, false, true, false },	/* lwbrx */
	{ X_MASK, X(532), 8, false, false, true, false },	/* ldbrx */
	{ X_MASK, X(918), 2, true, false, true, false },		/* sthbrx */
	{ X_MASK, X(662), 4, true, false, true, false },		/* stwbrx */
	{ X_MASK, X(660), 8, true, false, true, false },		/* stdbrx */
};

bool b3pr_mmio_decode(u32 insn, struct b3pr_mmio_access *acc)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_mmio_table); i++) {
		const struct b3pr_mmio_row *r = &b3pr_mmio_table[i];

		if ((insn & r->mask) != r->match)
			continue;
		acc->size = r->size;
		acc->store = r->store;
		acc->sign_extend = r->sign_extend;
		acc->byte_reverse = r->byte_reverse;
		acc->reg = B3PR_RT(insn);
		/* Update forms with RA=0 are invalid forms: no update. */
		acc->update_ra = r->update ? B3PR_RA(insn) : 0;
		return true;
	}
	return false;
}

/* Memory order of the access: big-endian unless exactly one of MSR[LE]
 * and the byte-reversing form says otherwise.
 */
static bool b3pr_mmio_little_endian(const struct b3pr_guest_state *g,
				    const struct b3pr_mmio_access *acc)
{
	return !!(g->msr & B3PR_MSR_LE) != acc->byte_reverse;
}

void b3pr_mmio_store_bytes(const struct b3pr_guest_state *g,
			   const struct b3pr_mmio_access *acc, u8 *bytes)
{
	u64 val = g->gpr[acc->reg];
	bool le = b3pr_mmio_little_endian(g, acc);
	unsigned int i;

	for (i = 0; i < acc->size; i++) {
		unsigned int shift = le ? i : acc->size - 1 - i;

		bytes[i] = val >> (8 * shift);
	}
}

void b3pr_mmio_complete_load(struct b3pr_guest_state *g,
			     const struct b3pr_mmio_access *acc,
			     const u8 *bytes)
{
	bool le = b3pr_mmio_little_endian(g, acc);
	unsigned int bits = 8 * acc->size;
	u64 val = 0;
	unsigned int i;

	for (i = 0; i < acc->size; i++) {
		unsigned int shift = le ? i : acc->size - 1 - i;

		val |= (u64)bytes[i] << (8 * shift);
	}
	if (acc->sign_extend && bits < 64 && (val >> (bits - 1)) & 1)
		val |= ~0ULL << bits;
	g->gpr[acc->reg] = val;
}

void b3pr_mmio_update_ra(struct b3pr_guest_state *g,
			 const struct b3pr_mmio_access *acc, u64 ea)
{
	if (acc->update_ra)
		g->gpr[acc->update_ra] = ea;
}
