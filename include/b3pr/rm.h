/* SPDX-License-Identifier: GPL-2.0 */
/* The real-mode blob as C sees it, and its installer (reloc/). */
#ifndef B3PR_RM_H
#define B3PR_RM_H

#include <linux/types.h>

struct b3pr_rm_vcpu;

/* Symbols of rmhandlers/rm_blob.S: offsets are taken between them. */
extern const u8 b3pr_rm_start[], b3pr_rm_end[], b3pr_rm_enter[];
extern const u8 b3pr_rmq_cpu_vcpu[], b3pr_rmq_exit_landing[];
extern const u8 b3pr_rmq_l1d_flush[], b3pr_rmq_entry_flush[];
/* Blob offsets of the instructions whose displacement reloc/ fixes up */
extern const u32 b3pr_rm_fixups[], b3pr_rm_fixups_end[];
/* Blob offsets where its parts start (RM_PART), ascending */
extern const u32 b3pr_rm_parts[], b3pr_rm_parts_end[];

/* One hooked vector: .b3pr_rm_vectors rows (RM_VECTOR_ROW). */
struct b3pr_rm_vector {
	u32 vector;
	u32 stub;		/* blob offset of its exit stub */
	u32 displaced;		/* blob offset of the displaced-word slot */
	u32 where;		/* B3PR_RM_AT_*, b3pr/rm_hook.h */
};
extern const struct b3pr_rm_vector b3pr_rm_vectors[], b3pr_rm_vectors_end[];

/*
 * book3s_64/host_flush.c: the host's flushes, bits of b3pr/l1d_flush.h:
 * on its return to problem state (rfi-flush), on its entry from it
 * (entry-flush).
 */
unsigned long b3pr_host_l1d_flush(void);
unsigned long b3pr_host_entry_flush(void);
const char *b3pr_l1d_flush_name(unsigned long kind);
/* What the installed entry and exit stubs do (reloc/install.c). */
unsigned long b3pr_rm_l1d_flush(void);
unsigned long b3pr_rm_entry_flush(void);

/* switch_virt.S */
u32 b3pr_enter_guest(struct b3pr_rm_vcpu *va, unsigned long rm_enter);
void b3pr_exit_landing(void);

int b3pr_rm_install(void);
void b3pr_rm_uninstall(void);
/* Where the installed blob's parts are: "0xADDR+LEN" each, for debugfs. */
struct seq_file;
void b3pr_rm_show_parts(struct seq_file *m);
/* Real address of the installed entry stub. */
unsigned long b3pr_rm_enter_address(void);

#endif /* B3PR_RM_H */
