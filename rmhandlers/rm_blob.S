/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-mode blob: everything b3pr runs with translation off, copied at
 * load time into free space of the host's low-memory interrupt region
 * (reloc/install.c) and reached by absolute branches from the vectors.
 * It comes in parts, each placed where it fits: a relocated (kdump)
 * kernel's copied vectors have no free stretch as long as the whole.
 *
 * It is position independent and holds no relocation at all (the build
 * checks this, see reloc/check-rm-relocs.sh): branches inside a part are
 * relative, branches to another part are RM_BA fixups, branches to the
 * kernel's vectors are absolute, data inside it is addressed through
 * RM_DATA fixups, and addresses outside it (the
 * module's virtual-mode landing point) are quads filled in at install.
 *
 * Register conventions shared by all files:
 *   r13      PACA (from SPRG1) once a stub has saved the interrupted r13
 *   SPRG2    the interrupted context's r13, saved by each exit stub first
 *   EXGEN    the PACA save area the kernel's own handler for these vectors
 *            uses; a stub only uses its EX_R9/EX_R10 slots, which that
 *            handler overwrites itself right after.
 * Each file documents its own entry and exit state.
 */
#include <asm/ppc_asm.h>
#include <asm/reg.h>
#include <asm/exception-64s.h>
#include <asm/book3s/64/mmu-hash.h>
#include <asm/hw_irq.h>

#include "b3pr-asm-offsets.h"
#include "b3pr/l1d_flush.h"
#include "b3pr/rm_hook.h"
#include "rm_macros.S"
#include "entry_mitigations.S"

/* The tables the installer reads; they stay in the module. */
.macro RM_TABLE_MARK sect, sym
	.pushsection \sect, "a"
	.balign	4
	.globl	\sym
\sym:
	.popsection
.endm
	RM_TABLE_MARK .b3pr_rm_fixups, b3pr_rm_fixups
	RM_TABLE_MARK .b3pr_rm_vectors, b3pr_rm_vectors
	RM_TABLE_MARK .b3pr_rm_parts, b3pr_rm_parts

	.section .b3pr_rm, "a"
	.balign	128
	.globl	b3pr_rm_start
b3pr_rm_start:

	RM_PART
#include "exit_vectors.S"
	RM_PART
#include "nmi.S"
	RM_PART
#include "enter.S"
	RM_PART
#include "exit.S"
#include "quads.S"

	RM_TABLE_MARK .b3pr_rm_fixups, b3pr_rm_fixups_end
	RM_TABLE_MARK .b3pr_rm_vectors, b3pr_rm_vectors_end
	RM_TABLE_MARK .b3pr_rm_parts, b3pr_rm_parts_end
