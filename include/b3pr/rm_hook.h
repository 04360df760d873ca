/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a row of .b3pr_rm_vectors is hooked (rmhandlers/rm_macros.S
 * RM_VECTOR_ROW, reloc/install.c). Plain numbers: the real-mode assembly
 * includes this.
 */
#ifndef B3PR_RM_HOOK_H
#define B3PR_RM_HOOK_H

#define B3PR_RM_AT_VECTOR	0	/* the real vector itself */
#define B3PR_RM_AT_FWNMI_SRESET	1	/* the kernel's FWNMI system reset entry */
#define B3PR_RM_AT_FWNMI_MCHECK	2	/* the kernel's FWNMI machine check entry */

/* ISA 6.5.1, 6.5.2: the SRR1 bits (33:36, 42:47) that say why an NMI came */
#define B3PR_SRR1_CAUSE_BITS	0x783f0000

#endif /* B3PR_RM_HOOK_H */
