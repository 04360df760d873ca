/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Relocation-on interrupts (AIL) stay off while any b3pr VM exists
 * (book3s_64/reloc_on.c).
 */
#ifndef B3PR_AIL_H
#define B3PR_AIL_H

int b3pr_ail_init(void);
void b3pr_ail_exit(void);
/* Held by every VM from its creation to its end. */
int b3pr_ail_vm_get(void);
void b3pr_ail_vm_put(void);
/* Interrupts hard-disabled, right before a guest entry: 0 or -EIO. */
int b3pr_ail_entry_check(void);

#endif /* B3PR_AIL_H */
