/* SPDX-License-Identifier: GPL-2.0 */
/* Exit handlers, one per kind of guest exit (exceptions/). */
#ifndef B3PR_EXIT_H
#define B3PR_EXIT_H

#include <linux/types.h>

struct b3pr_vcpu;

/* Returns enum b3pr_exit_action, or a negative errno for KVM_RUN. */
typedef int (*b3pr_exit_handler)(struct b3pr_vcpu *vcpu, u32 vector);

/* exit_storage.c */
int b3pr_exit_dsi(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_isi(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_data_segment(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_instruction_segment(struct b3pr_vcpu *vcpu, u32 vector);
/* exit_program.c */
int b3pr_exit_program(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_syscall(struct b3pr_vcpu *vcpu, u32 vector);
/* exit_async.c */
int b3pr_exit_host_interrupt(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_machine_check(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_facility(struct b3pr_vcpu *vcpu, u32 vector);
int b3pr_exit_alignment(struct b3pr_vcpu *vcpu, u32 vector);
/* exit_trace.c */
int b3pr_exit_trace(struct b3pr_vcpu *vcpu, u32 vector);

#endif /* B3PR_EXIT_H */
