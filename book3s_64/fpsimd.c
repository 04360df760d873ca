// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's FP, VMX and VSX registers, switched lazily: they are loaded
 * on the guest's first use of a facility its MSR has on, and stay in the
 * CPU across exits until KVM_RUN returns.
 *
 * While the guest owns a facility, the thread's save area for it points
 * at the guest's register file and, while its registers are live, the
 * thread's user MSR has the facility bit on. The kernel then treats them
 * as this thread's user state: its context switch (giveup_all) or
 * kernel-mode FP use on this thread saves them into the guest state and
 * clears the bit, and the next entry loads them again. The VMM thread's
 * own registers were saved into its thread_struct when the guest claimed
 * the facility; the kernel reloads them as usual after KVM_RUN returns.
 * Meanwhile the thread's load_fp/load_vec stay 0: otherwise the kernel's
 * switch back to this thread (restore_math) would load the VMM's state
 * from the thread_struct and mark it live, and the guest would run on it.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/align.h>
#include <linux/build_bug.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <asm/cputable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/switch_to.h>

#include "b3pr/facility.h"
#include "b3pr/msr.h"
#include "b3pr/switch.h"
#include "b3pr/vm.h"

#if !defined(CONFIG_ALTIVEC) || !defined(CONFIG_VSX)
#error "b3pr needs a host kernel with CONFIG_ALTIVEC and CONFIG_VSX"
#endif

/* The guest state's register file has the kernel's save-area layout. */
static void b3pr_fpsimd_layout_checks(void)
{
	BUILD_BUG_ON(B3PR_MSR_FP != MSR_FP || B3PR_MSR_VEC != MSR_VEC ||
		     B3PR_MSR_VSX != MSR_VSX);
	BUILD_BUG_ON(TS_FPRWIDTH != 2);
	BUILD_BUG_ON(sizeof(struct b3pr_fp_state) !=
		     sizeof(struct thread_fp_state));
	BUILD_BUG_ON(offsetof(struct b3pr_fp_state, fpscr) !=
		     offsetof(struct thread_fp_state, fpscr));
	BUILD_BUG_ON(sizeof(struct b3pr_vr_state) !=
		     sizeof(struct thread_vr_state));
	BUILD_BUG_ON(offsetof(struct b3pr_vr_state, vscr) !=
		     offsetof(struct thread_vr_state, vscr));
}

static struct thread_fp_state *b3pr_fp_area(struct b3pr_vcpu *vcpu)
{
	return (struct thread_fp_state *)&vcpu->g.fp;
}

static struct thread_vr_state *b3pr_vr_area(struct b3pr_vcpu *vcpu)
{
	return (struct thread_vr_state *)&vcpu->g.vr;
}

/* The facilities the host CPU gives problem state. */
static u64 b3pr_host_facilities(void)
{
	u64 fac = MSR_FP;

	if (cpu_has_feature(CPU_FTR_ALTIVEC))
		fac |= MSR_VEC;
	if (cpu_has_feature(CPU_FTR_VSX))
		fac |= MSR_VSX;
	return fac;
}

/*
 * The guest takes @fac (MSR bits, VSX with FP and VEC): save whatever the
 * VMM thread has live in those registers, then point the thread's save
 * areas at the guest's. -EOPNOTSUPP when the host lacks the facility.
 */
int b3pr_fpsimd_claim(struct b3pr_vcpu *vcpu, u64 fac)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	struct thread_struct *t = &current->thread;
	u64 new = fac & ~sw->fac_owned;

	b3pr_fpsimd_layout_checks();
	if (fac & ~b3pr_host_facilities())
		return -EOPNOTSUPP;
	/* lvx/stvx drop the low 4 address bits: the VRs must be aligned. */
	if (WARN_ON_ONCE(!IS_ALIGNED((unsigned long)&vcpu->g.vr, 16)))
		return -EFAULT;
	if (!new)
		return 0;
	preempt_disable();
	if (new & MSR_FP) {
		if (t->regs->msr & MSR_FP)
			giveup_fpu(current);
		t->fp_save_area = b3pr_fp_area(vcpu);
		sw->host_load_fp = t->load_fp;
		t->load_fp = 0;
	}
	if (new & MSR_VEC) {
		if (t->regs->msr & MSR_VEC)
			giveup_altivec(current);
		t->vr_save_area = b3pr_vr_area(vcpu);
		sw->host_load_vec = t->load_vec;
		t->load_vec = 0;
	}
	sw->fac_owned |= new;
	preempt_enable();
	return 0;
}

/*
 * Before an entry, interrupts hard-disabled: load the guest registers the
 * thread does not have live (first use, or given up since). Returns the
 * facility bits the guest may run with.
 */
u64 b3pr_fpsimd_enter(struct b3pr_vcpu *vcpu)
{
	u64 owned = vcpu->run_state.sw.fac_owned;
	struct pt_regs *regs = current->thread.regs;
	u64 lost, msr;

	if (likely((regs->msr & owned) == owned))
		return owned;
	lost = owned & ~regs->msr & (MSR_FP | MSR_VEC);
	if (lost) {
		msr_check_and_set(lost);
		if (lost & MSR_FP)
			load_fp_state(b3pr_fp_area(vcpu));
		if (lost & MSR_VEC)
			load_vr_state(b3pr_vr_area(vcpu));
		msr_check_and_clear(lost | MSR_VSX);
	}
	msr = regs->msr | lost;
	/* The kernel's rule: VSX only with both halves of its file live. */
	if ((owned & MSR_VSX) &&
	    (msr & (MSR_FP | MSR_VEC)) == (MSR_FP | MSR_VEC))
		msr |= MSR_VSX;
	regs_set_return_msr(regs, msr);
	return owned & msr;
}

/* KVM_RUN returns: the guest's registers into its state, the VMM's back. */
void b3pr_fpsimd_put(struct b3pr_vcpu *vcpu)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	struct thread_struct *t = &current->thread;

	if (!sw->fac_owned)
		return;
	preempt_disable();
	if (sw->fac_owned & MSR_FP) {
		if (t->regs->msr & MSR_FP)
			giveup_fpu(current);
		t->fp_save_area = NULL;
		t->load_fp = sw->host_load_fp;
	}
	if (sw->fac_owned & MSR_VEC) {
		if (t->regs->msr & MSR_VEC)
			giveup_altivec(current);
		t->vr_save_area = NULL;
		t->load_vec = sw->host_load_vec;
	}
	sw->fac_owned = 0;
	preempt_enable();
}
