/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loads and stores that reach no memory slot become MMIO exits: what the
 * faulting instruction accesses, decoded once (book3s_64/mmio_decode.c,
 * portable core).
 */
#ifndef B3PR_MMIO_H
#define B3PR_MMIO_H

#include "env.h"

struct b3pr_guest_state;

struct b3pr_mmio_access {
	unsigned int size;	/* 1, 2, 4 or 8 bytes */
	bool store;
	bool sign_extend;	/* lha, lwa and their forms */
	bool byte_reverse;	/* l*brx, st*brx */
	unsigned int reg;	/* RT or RS */
	unsigned int update_ra;	/* RA to receive the EA (update forms), or 0 */
};

/* Decode @insn; false when it is not a load or store b3pr handles. */
bool b3pr_mmio_decode(u32 insn, struct b3pr_mmio_access *acc);

/*
 * The bytes a store writes, as memory holds them: in the guest's byte
 * order (MSR[LE]), reversed again for the byte-reversing forms.
 */
void b3pr_mmio_store_bytes(const struct b3pr_guest_state *g,
			   const struct b3pr_mmio_access *acc, u8 *bytes);
/* Finish a load from the bytes memory returned, and any RA update. */
void b3pr_mmio_complete_load(struct b3pr_guest_state *g,
			     const struct b3pr_mmio_access *acc,
			     const u8 *bytes);
void b3pr_mmio_update_ra(struct b3pr_guest_state *g,
			 const struct b3pr_mmio_access *acc, u64 ea);

#endif /* B3PR_MMIO_H */
