/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dcbz for guests whose cache block is smaller than the host's (750 and
 * 74xx: 32 bytes; a 970 with HID5[DCBZ32]): dcbz does not trap in
 * problem state, and the host's would clear 128 bytes. The shadow MMU
 * runs such a guest's code pages that hold a dcbz from a patched copy,
 * executable only: every dcbz there is an illegal word that traps, the
 * emulation reads the real instruction from guest memory, and loads and
 * stores reach the guest's own, unpatched page.
 */
#ifndef B3PR_DCBZ_PATCH_H
#define B3PR_DCBZ_PATCH_H

#include "env.h"

struct b3pr_guest_state;

/* Bytes the guest's dcbz clears (book3s_64/emul_cache.c). */
unsigned int b3pr_dcbz_size(const struct b3pr_guest_state *g);

/* The word a patched dcbz becomes: primary opcode 0 is illegal. */
#define B3PR_DCBZ_TRAP_WORD	0x00000000U

/*
 * Patch every dcbz in @words[0..n) (instructions in memory, little-
 * endian if @le), returning how many there were.
 */
unsigned int b3pr_dcbz_patch(u32 *words, unsigned int n, bool le);

#endif /* B3PR_DCBZ_PATCH_H */
