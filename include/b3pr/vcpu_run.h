/* SPDX-License-Identifier: GPL-2.0 */
/* Per-vcpu state of the run loop and the world switch. */
#ifndef B3PR_VCPU_RUN_H
#define B3PR_VCPU_RUN_H

#include <linux/hrtimer.h>
#include <linux/types.h>
#include <linux/wait.h>

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

/* Where the vcpu's thread is, for b3pr_vcpu_kick() (run.c). */
enum b3pr_vcpu_mode {
	B3PR_OUTSIDE_GUEST,
	B3PR_IN_GUEST,		/* entering or in the guest, on ->cpu */
	B3PR_EXITING_GUEST,	/* kicked while IN_GUEST */
};

#define B3PR_RUNREQ_DEC		0	/* bit in ->requests: DEC timer fired */

struct b3pr_vcpu_run_state {
	struct b3pr_rm_vcpu *rm;	/* real-mode reachable register area */
	int mode;			/* enum b3pr_vcpu_mode */
	int cpu;			/* the CPU of the last entry */
	unsigned long requests;		/* B3PR_RUNREQ_* bits */
	struct b3pr_shadow shadow;
	struct b3pr_switch_state sw;	/* FP/VMX/VSX and user SPRs */
	struct hrtimer dec_timer;	/* fires when the guest DEC expires */
	/* The guest set MSR[POW]: sleep on ->idle_wait before entering it. */
	bool idle;
	wait_queue_head_t idle_wait;	/* woken by b3pr_vcpu_kick() */
	bool dec_raised;		/* this expiry already raised */
	bool mmio_pending;		/* a load waits for kvm_run->mmio.data */
	struct b3pr_mmio_access mmio;
	/* The MMIO access at mmio_pc ran with MSR[SE]: trace once done. */
	bool mmio_trace;
	u64 mmio_pc;
};

int b3pr_vcpu_run_init(struct b3pr_vcpu *vcpu);
/*
 * After posting a request (irq_requests, ->requests): make a vcpu that
 * may be in the guest exit soon and look at its state.
 */
void b3pr_vcpu_kick(struct b3pr_vcpu *vcpu);
void b3pr_vcpu_run_destroy(struct b3pr_vcpu *vcpu);

/* exceptions/exit.c: handle the exit through @vector. */
int b3pr_handle_exit(struct b3pr_vcpu *vcpu, u32 vector);
/*
 * The instruction at the guest PC, in host byte order; 1 when the guest
 * got a fault instead (resume it). @before (or NULL) and @has_before: the
 * word at PC - 4 where it was read with it (b3pr_shadow_read_insn).
 */
int b3pr_fetch_insn(struct b3pr_vcpu *vcpu, u32 *insn, u32 *before,
		    bool *has_before);
/* Re-arm the DEC timer after the guest wrote DEC. */
void b3pr_dec_changed(struct b3pr_vcpu *vcpu);
/* The guest asked for a power-saving mode: wait for an interrupt. */
void b3pr_vcpu_idle(struct b3pr_vcpu *vcpu);
int b3pr_internal_error(struct b3pr_vcpu *vcpu, u32 vector, u64 detail);

#endif /* B3PR_VCPU_RUN_H */
