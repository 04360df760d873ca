// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_RUN: enter the guest, handle its exits, until one needs userspace,
 * a signal arrives or something goes wrong.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kvm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <asm/hw_irq.h>
#include <asm/time.h>

#include "b3pr/facility.h"
#include "b3pr/interrupt.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/rm.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/run.h"
#include "b3pr/spr.h"
#include "b3pr/switch.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/*
 * Any host interrupt on the CPU running the guest makes it exit, and the
 * run loop then looks at DEC and the interrupt requests. A reschedule IPI
 * reaches that CPU when it is not this one.
 */
void b3pr_vcpu_kick(struct b3pr_vcpu *vcpu)
{
	struct task_struct *task;

	/* Task structs are freed after an RCU grace period. */
	rcu_read_lock();
	task = READ_ONCE(vcpu->run_state.task);
	if (task)
		kick_process(task);
	rcu_read_unlock();
}

static enum hrtimer_restart b3pr_dec_timer_fn(struct hrtimer *t)
{
	struct b3pr_vcpu_run_state *rs =
		container_of(t, struct b3pr_vcpu_run_state, dec_timer);

	b3pr_vcpu_kick(container_of(rs, struct b3pr_vcpu, run_state));
	return HRTIMER_NORESTART;
}

int b3pr_vcpu_run_init(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	int ret;

	/* Linear-map memory: the real-mode stubs reach it untranslated. */
	rs->rm = b3pr_kzalloc(sizeof(*rs->rm), GFP_KERNEL);
	if (!rs->rm)
		return -ENOMEM;
	ret = b3pr_shadow_init(vcpu);
	if (ret) {
		b3pr_kfree(rs->rm);
		rs->rm = NULL;
		return ret;
	}
	hrtimer_init(&rs->dec_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	rs->dec_timer.function = b3pr_dec_timer_fn;
	return 0;
}

void b3pr_vcpu_run_destroy(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (!rs->rm)
		return;
	hrtimer_cancel(&rs->dec_timer);
	b3pr_shadow_destroy(vcpu);
	b3pr_kfree(rs->rm);
	rs->rm = NULL;
}

void b3pr_dec_changed(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	u64 now = get_tb();
	s32 ticks = (s32)b3pr_guest_dec(&vcpu->g, now);

	rs->dec_raised = false;
	b3pr_irq_lower(&vcpu->g, B3PR_IRQ_DECREMENTER);
	if (ticks < 0)
		ticks = 0;
	hrtimer_start(&rs->dec_timer,
		      ns_to_ktime(div_u64((u64)ticks * NSEC_PER_SEC,
					  tb_ticks_per_sec)),
		      HRTIMER_MODE_REL);
}

/* A DEC that went negative raises its interrupt once (ISA 6.5.11). */
static void b3pr_check_dec(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (!rs->dec_raised && b3pr_guest_dec_expired(&vcpu->g, get_tb())) {
		rs->dec_raised = true;
		b3pr_irq_raise(&vcpu->g, B3PR_IRQ_DECREMENTER);
	}
}

/*
 * Shadow translations go when userspace rewrote the MMU state (SREGS) or
 * changed the memory slots they were built from.
 */
static void b3pr_check_shadow(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	u64 gen = b3pr_memslots_generation(vcpu->vm);

	if (vcpu->mmu_reset || gen != rs->memslots_gen) {
		b3pr_shadow_flush(vcpu);
		vcpu->mmu_reset = false;
		rs->memslots_gen = gen;
	}
}

/* The MSR the guest really runs under: problem state, translation on. */
static u64 b3pr_shadow_msr(const struct b3pr_guest_state *g)
{
	return MSR_PR | MSR_IR | MSR_DR | MSR_EE | MSR_ME | MSR_RI |
	       (g->msr & (B3PR_MSR_SF | B3PR_MSR_LE));
}

static void b3pr_load_rm(struct b3pr_vcpu *vcpu)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_guest_state *g = &vcpu->g;

	memcpy(rm->gpr, g->gpr, sizeof(rm->gpr));
	rm->pc = g->pc;
	rm->lr = g->lr;
	rm->ctr = g->ctr;
	rm->xer = g->xer;
	rm->cr = g->cr;
	rm->shadow_msr = b3pr_shadow_msr(g);
}

static void b3pr_save_rm(struct b3pr_vcpu *vcpu)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_guest_state *g = &vcpu->g;

	memcpy(g->gpr, rm->gpr, sizeof(g->gpr));
	g->pc = rm->pc;
	g->lr = rm->lr;
	g->ctr = rm->ctr;
	g->xer = rm->xer;
	g->cr = rm->cr;
}

/*
 * With interrupts hard-disabled nothing can take the FP/VMX registers
 * or see the guest's SPRs between their switch and the entry, or
 * between the exit and the host's values coming back.
 */
static u32 b3pr_world_switch(struct b3pr_vcpu *vcpu)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	u32 vector;

	preempt_disable();
	local_irq_disable();
	hard_irq_disable();
	rm->shadow_msr |= b3pr_facility_shadow_msr(&vcpu->g,
						   b3pr_fpsimd_enter(vcpu));
	b3pr_usprs_enter(vcpu);
	vector = b3pr_enter_guest(rm, b3pr_rm_enter_address());
	b3pr_usprs_exit(vcpu);
	local_irq_enable();
	preempt_enable();
	return vector;
}

/* The VMM answered a load's KVM_EXIT_MMIO: its target register. */
static void b3pr_complete_mmio(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (!rs->mmio_pending)
		return;
	rs->mmio_pending = false;
	b3pr_mmio_complete_load(&vcpu->g, &rs->mmio, vcpu->run->mmio.data);
}

static long b3pr_run_loop(struct b3pr_vcpu *vcpu)
{
	struct kvm_run *run = vcpu->run;
	u32 vector;
	int ret;

	for (;;) {
		if (signal_pending(current)) {
			run->exit_reason = KVM_EXIT_INTR;
			vcpu->exits[B3PR_EXIT_SIGNAL]++;
			return -EINTR;
		}
		cond_resched();
		b3pr_rm_check_ail();
		b3pr_check_shadow(vcpu);
		b3pr_vcpu_apply_irq_requests(vcpu);
		b3pr_check_dec(vcpu);
		b3pr_deliver_pending(&vcpu->g);
		b3pr_load_rm(vcpu);
		vector = b3pr_world_switch(vcpu);
		b3pr_save_rm(vcpu);
		ret = b3pr_handle_exit(vcpu, vector);
		if (ret < 0)
			return ret;
		if (ret == B3PR_TO_USER)
			return 0;
	}
}

long b3pr_vcpu_run(struct b3pr_vcpu *vcpu)
{
	long ret;

	b3pr_complete_mmio(vcpu);
	b3pr_usprs_prepare(vcpu);
	WRITE_ONCE(vcpu->run_state.task, current);
	ret = b3pr_run_loop(vcpu);
	WRITE_ONCE(vcpu->run_state.task, NULL);
	/* ONE_REG and the VMM's own FP state see it all in memory now. */
	b3pr_fpsimd_put(vcpu);
	return ret;
}
