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
#include <asm/interrupt.h>
#include <asm/paca.h>
#include <asm/time.h>

#include "b3pr/ail.h"
#include "b3pr/facility.h"
#include "b3pr/interrupt.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/rm.h"
#include "b3pr/rm_mem.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/run.h"
#include "b3pr/spr.h"
#include "b3pr/switch.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/*
 * Entry handshake, as KVM's vcpu->mode: with interrupts hard-disabled
 * the run loop publishes B3PR_IN_GUEST and only then looks at the
 * requests a last time (b3pr_entry_must_wait); whoever posts a request
 * does so before reading the mode here. Either the loop sees the request
 * and does not enter, or this sees IN_GUEST and interrupts the vcpu's
 * CPU, where the interrupt waits, hard-disabled, to end the guest at its
 * first instruction. A vcpu outside the guest needs no interrupt: it
 * looks at the requests before its next entry.
 */
void b3pr_vcpu_kick(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	int cpu, me;

	/* The request is visible before the mode is read. */
	smp_mb();
	/* An idle vcpu sleeps outside the guest: the request wakes it. */
	wake_up_interruptible(&rs->idle_wait);
	if (cmpxchg(&rs->mode, B3PR_IN_GUEST, B3PR_EXITING_GUEST) !=
	    B3PR_IN_GUEST)
		return;
	cpu = READ_ONCE(rs->cpu);
	me = get_cpu();
	/* On the vcpu's own CPU, the interrupt that got here is the exit. */
	if (cpu != me)
		smp_send_reschedule(cpu);
	put_cpu();
}

static enum hrtimer_restart b3pr_dec_timer_fn(struct hrtimer *t)
{
	struct b3pr_vcpu_run_state *rs =
		container_of(t, struct b3pr_vcpu_run_state, dec_timer);

	set_bit(B3PR_RUNREQ_DEC, &rs->requests);
	b3pr_vcpu_kick(container_of(rs, struct b3pr_vcpu, run_state));
	return HRTIMER_NORESTART;
}

int b3pr_vcpu_run_init(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	int ret;

	/* The real-mode stubs reach it untranslated, below the RMA's end. */
	BUILD_BUG_ON(sizeof(*rs->rm) > PAGE_SIZE);
	rs->rm = b3pr_rm_zalloc_page();
	if (!rs->rm)
		return -ENOMEM;
	ret = b3pr_shadow_init(vcpu);
	if (ret) {
		b3pr_rm_free_page(rs->rm);
		rs->rm = NULL;
		return ret;
	}
	hrtimer_init(&rs->dec_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	rs->dec_timer.function = b3pr_dec_timer_fn;
	init_waitqueue_head(&rs->idle_wait);
	return 0;
}

void b3pr_vcpu_run_destroy(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (!rs->rm)
		return;
	hrtimer_cancel(&rs->dec_timer);
	b3pr_shadow_destroy(vcpu);
	b3pr_rm_free_page(rs->rm);
	rs->rm = NULL;
}

/*
 * Arm the timer for the moment DEC goes negative, one tick after it
 * reaches 0, rounded up: the timer's clock is not the TB itself.
 */
static void b3pr_dec_arm(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	s32 ticks = (s32)b3pr_guest_dec(&vcpu->g, get_tb());

	if (ticks < 0)
		ticks = 0;
	hrtimer_start(&rs->dec_timer,
		      ns_to_ktime(div_u64(((u64)ticks + 1) * NSEC_PER_SEC +
					  tb_ticks_per_sec - 1,
					  tb_ticks_per_sec)),
		      HRTIMER_MODE_REL);
}

void b3pr_dec_changed(struct b3pr_vcpu *vcpu)
{
	vcpu->run_state.dec_raised = false;
	b3pr_irq_lower(&vcpu->g, B3PR_IRQ_DECREMENTER);
	b3pr_dec_arm(vcpu);
}

/*
 * A DEC that went negative raises its interrupt once (ISA 6.5.11). A
 * timer that fired a little early is armed again for the rest.
 */
static void b3pr_check_dec(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	bool fired = test_and_clear_bit(B3PR_RUNREQ_DEC, &rs->requests);

	if (rs->dec_raised)
		return;
	if (b3pr_guest_dec_expired(&vcpu->g, get_tb())) {
		rs->dec_raised = true;
		b3pr_irq_raise(&vcpu->g, B3PR_IRQ_DECREMENTER);
	} else if (fired) {
		b3pr_dec_arm(vcpu);
	}
}

void b3pr_vcpu_idle(struct b3pr_vcpu *vcpu)
{
	vcpu->run_state.idle = true;
	vcpu->exits[B3PR_EXIT_IDLE]++;
}

/* What b3pr_vcpu_kick() posts: a reason to look at the vcpu again. */
static bool b3pr_idle_woken(struct b3pr_vcpu *vcpu)
{
	return test_bit(B3PR_IRQREQ_EXT_CHANGED, &vcpu->irq_requests) ||
	       test_bit(B3PR_RUNREQ_DEC, &vcpu->run_state.requests);
}

/*
 * MSR[POW]: the guest sleeps until one of its interrupt sources is
 * pending, as kvm-pr's halt does; whether MSR[EE] lets it be taken is
 * for the delivery to decide. A signal ends the sleep and the KVM_RUN,
 * but not the idle state: the next KVM_RUN sleeps on.
 */
static void b3pr_idle_wait(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	while (rs->idle && !vcpu->g.pending) {
		if (wait_event_interruptible(rs->idle_wait,
					     b3pr_idle_woken(vcpu)))
			return;
		b3pr_vcpu_apply_irq_requests(vcpu);
		b3pr_check_dec(vcpu);
	}
	rs->idle = false;
}

/*
 * Shadow translations go when userspace rewrote the MMU state (SREGS).
 * Memory slot changes and the VMM's own unmaps take what they cover away
 * themselves (memslot.c, mmu/notifier.c).
 */
static void b3pr_check_shadow(struct b3pr_vcpu *vcpu)
{
	if (vcpu->mmu_reset) {
		b3pr_shadow_flush(vcpu);
		vcpu->mmu_reset = false;
	}
}

/*
 * The MSR the guest really runs under: problem state, translation on.
 * The guest's SE and BE make the host trace its native instructions
 * (exit_trace.c); an rfid is never traced, so the entry is not either.
 */
static u64 b3pr_shadow_msr(const struct b3pr_guest_state *g)
{
	return MSR_PR | MSR_IR | MSR_DR | MSR_EE | MSR_ME | MSR_RI |
	       (g->msr & (B3PR_MSR_SF | B3PR_MSR_LE | B3PR_MSR_SE |
			  B3PR_MSR_BE));
}

/*
 * The 32 GPRs, on every entry and exit, eight a turn: the kernel's
 * memcpy costs half as much again for this size, a plain loop twice as
 * much (measured, tests/bench/README.md).
 */
static void b3pr_copy_gprs(u64 *dst, const u64 *src)
{
	unsigned int i;

	BUILD_BUG_ON(sizeof_field(struct b3pr_rm_vcpu, gpr) !=
		     sizeof_field(struct b3pr_guest_state, gpr));
	for (i = 0; i < 32; i += 8) {
		dst[i] = src[i];
		dst[i + 1] = src[i + 1];
		dst[i + 2] = src[i + 2];
		dst[i + 3] = src[i + 3];
		dst[i + 4] = src[i + 4];
		dst[i + 5] = src[i + 5];
		dst[i + 6] = src[i + 6];
		dst[i + 7] = src[i + 7];
	}
}

static void b3pr_load_rm(struct b3pr_vcpu *vcpu)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_guest_state *g = &vcpu->g;

	b3pr_copy_gprs(rm->gpr, g->gpr);
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

	b3pr_copy_gprs(g->gpr, rm->gpr);
	g->pc = rm->pc;
	g->lr = rm->lr;
	g->ctr = rm->ctr;
	g->xer = rm->xer;
	g->cr = rm->cr;
}

/*
 * Checked with interrupts hard-disabled and B3PR_IN_GUEST published: a
 * request, signal or reschedule that came after the run loop's checks,
 * or an interrupt left pending by the soft mask, keeps the guest out.
 */
static bool b3pr_entry_must_wait(struct b3pr_vcpu *vcpu)
{
	return test_bit(B3PR_IRQREQ_EXT_CHANGED, &vcpu->irq_requests) ||
	       test_bit(B3PR_RUNREQ_DEC, &vcpu->run_state.requests) ||
	       signal_pending(current) || need_resched() ||
	       lazy_irq_pending();
}

/*
 * Back from the guest, still hard-disabled as far as the kernel knows.
 * A replayed host interrupt may have come back with MSR[EE]=1 (the
 * kernel's masked-interrupt path leaves EE on for those it need not
 * hard-mask), and then the PACA must not claim a hard disable (the
 * real-mode exit clears PACA_IRQ_HARD_DIS before the replay, as the
 * kernel's own CONFIG_PPC_IRQ_SOFT_MASK_DEBUG check demands); disable
 * again for the rest of the exit. The real-mode exit gave the kernel its
 * AMR back before any of its code ran. The world switch used SRR0/SRR1:
 * the kernel's interrupt return must not trust what it left in them.
 */
static void b3pr_after_world_switch(const struct b3pr_rm_vcpu *rm)
{
	/*
	 * irq_happened before the MSR: an interrupt taken in between, with
	 * EE on, may hard-disable (an external's masked path does), and then
	 * MSR[EE] reads 0. The other order saw EE=1 and then its HARD_DIS.
	 */
	bool hard_dis = READ_ONCE(local_paca->irq_happened) & PACA_IRQ_HARD_DIS;

	barrier();
	WARN_ON_ONCE(hard_dis && (mfmsr() & MSR_EE));
	WARN_ON_ONCE(rm->has_amr && mfspr(SPRN_AMR) != rm->host_amr);
	hard_irq_disable();
	srr_regs_clobbered();
}

/*
 * Enter the guest unless something came up: 1 when it ran, 0 when it
 * did not, a negative errno when it must not.
 */
static int b3pr_world_switch(struct b3pr_vcpu *vcpu, u32 *vector)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	bool xo_keys = b3pr_xo_keys_needed(vcpu);
	struct b3pr_xo_keys saved_keys;
	int entered = 0;

	preempt_disable();
	/*
	 * Straight from enabled to hard-disabled: an interrupt from now on
	 * stays pending in the CPU and ends the guest's first instruction,
	 * none waits in the soft mask while the guest runs.
	 */
	hard_irq_disable();
	WRITE_ONCE(rs->cpu, smp_processor_id());
	/* The mode is visible before the requests are read: see the kick. */
	smp_store_mb(rs->mode, B3PR_IN_GUEST);
	entered = b3pr_ail_entry_check();
	if (!entered && !b3pr_entry_must_wait(vcpu)) {
		/*
		 * Hard-disabled, nothing can take the FP/VMX registers or see
		 * the guest's SPRs between their switch and the entry, or
		 * between the exit and the host's values coming back.
		 */
		rs->rm->shadow_msr |=
			b3pr_facility_shadow_msr(&vcpu->g,
						 b3pr_fpsimd_enter(vcpu));
		b3pr_usprs_enter(vcpu);
		if (xo_keys)
			b3pr_xo_keys_enter(&saved_keys);
		*vector = b3pr_enter_guest(rs->rm, b3pr_rm_enter_address());
		b3pr_after_world_switch(rs->rm);
		if (xo_keys)
			b3pr_xo_keys_exit(&saved_keys, &rs->rm->exit_amr);
		b3pr_usprs_exit(vcpu);
		entered = 1;
	}
	WRITE_ONCE(rs->mode, B3PR_OUTSIDE_GUEST);
	local_irq_enable();
	preempt_enable();
	return entered;
}

/*
 * The VMM answered a KVM_EXIT_MMIO: a load's target register, then the
 * trace interrupt the completed access owes the guest (ISA 6.5.15).
 */
static void b3pr_complete_mmio(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (rs->mmio_pending) {
		rs->mmio_pending = false;
		b3pr_mmio_complete_load(&vcpu->g, &rs->mmio,
					vcpu->run->mmio.data);
	}
	if (rs->mmio_trace) {
		rs->mmio_trace = false;
		b3pr_trace_deliver(&vcpu->g, rs->mmio_pc);
	}
}

/* An exit to the VMM for MMIO: the access completes on the next run. */
static void b3pr_note_mmio(struct b3pr_vcpu *vcpu)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;

	if (vcpu->run->exit_reason != KVM_EXIT_MMIO)
		return;
	rs->mmio_trace = vcpu->g.msr & B3PR_MSR_SE;
	rs->mmio_pc = rs->rm->pc;
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
		b3pr_check_shadow(vcpu);
		b3pr_vcpu_apply_irq_requests(vcpu);
		b3pr_check_dec(vcpu);
		b3pr_idle_wait(vcpu);
		if (vcpu->run_state.idle)
			continue;	/* a signal woke it */
		b3pr_deliver_pending(&vcpu->g);
		b3pr_shadow_prepare_entry(vcpu);
		b3pr_load_rm(vcpu);
		ret = b3pr_world_switch(vcpu, &vector);
		if (ret < 0)
			return ret;
		if (!ret)
			continue;	/* something came up after the checks */
		b3pr_save_rm(vcpu);
		ret = b3pr_handle_exit(vcpu, vector);
		if (ret < 0)
			return ret;
		if (ret == B3PR_TO_USER) {
			b3pr_note_mmio(vcpu);
			return 0;
		}
	}
}

long b3pr_vcpu_run(struct b3pr_vcpu *vcpu)
{
	long ret;

	b3pr_complete_mmio(vcpu);
	/*
	 * KVM_CAP_IMMEDIATE_EXIT, in powerpc.c's order: the MMIO answer is
	 * taken, then the run ends before any guest instruction.
	 */
	if (READ_ONCE(vcpu->run->immediate_exit)) {
		vcpu->run->exit_reason = KVM_EXIT_INTR;
		return -EINTR;
	}
	b3pr_usprs_prepare(vcpu);
	ret = b3pr_run_loop(vcpu);
	/* ONE_REG and the VMM's own FP state see it all in memory now. */
	b3pr_fpsimd_put(vcpu);
	return ret;
}
