/* SPDX-License-Identifier: GPL-2.0 */
/* Per-vcpu state of the run loop and the world switch. */
#ifndef B3PR_VCPU_RUN_H
#define B3PR_VCPU_RUN_H

#include <linux/hrtimer.h>
#include <linux/types.h>

struct task_struct;

#include "b3pr/mmio.h"
#include "b3pr/shadow.h"
#include "b3pr/switch.h"

struct b3pr_vcpu;
struct b3pr_rm_vcpu;

/* What an exit handler tells the run loop. */
enum b3pr_exit_action {
	B3PR_RESUME,		/* enter the guest again */
	B3PR_TO_USER,		/* kvm_run->exit_reason is set: return 0 */
};

struct b3pr_vcpu_run_state {
	struct b3pr_rm_vcpu *rm;	/* real-mode reachable register area */
	struct task_struct *task;	/* the thread in KVM_RUN, or NULL */
	struct b3pr_shadow shadow;
	struct b3pr_switch_state sw;	/* FP/VMX/VSX and user SPRs */
	struct hrtimer dec_timer;	/* fires when the guest DEC expires */
	bool dec_raised;		/* this expiry already raised */
	u64 memslots_gen;		/* slots the shadow was built from */
	bool mmio_pending;		/* a load waits for kvm_run->mmio.data */
	struct b3pr_mmio_access mmio;
};

int b3pr_vcpu_run_init(struct b3pr_vcpu *vcpu);
/* Make a vcpu that may be in the guest exit soon and look at its state. */
void b3pr_vcpu_kick(struct b3pr_vcpu *vcpu);
void b3pr_vcpu_run_destroy(struct b3pr_vcpu *vcpu);

/* exceptions/exit.c: handle the exit through @vector. */
int b3pr_handle_exit(struct b3pr_vcpu *vcpu, u32 vector);
/* The instruction at the guest PC, in host byte order. */
int b3pr_fetch_insn(struct b3pr_vcpu *vcpu, u32 *insn);
/* Re-arm the DEC timer after the guest wrote DEC. */
void b3pr_dec_changed(struct b3pr_vcpu *vcpu);
int b3pr_internal_error(struct b3pr_vcpu *vcpu, u32 vector, u64 detail);

#endif /* B3PR_VCPU_RUN_H */
