// SPDX-License-Identifier: GPL-2.0
/*
 * Program and system call exits: the guest executed an instruction its
 * supervisor code may use but problem state may not, an illegal one, a
 * trap, or sc. The portable core decides what it does (b3pr_emulate);
 * this file carries the outcome out.
 */
#include <linux/kvm.h>
#include <asm/time.h>

#include "b3pr/emulate.h"
#include "b3pr/exit.h"
#include "b3pr/guest_mem.h"
#include "b3pr/interrupt.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/* The host's part of an emulated instruction (enum b3pr_host_request). */
static int b3pr_host_request(struct b3pr_vcpu *vcpu, struct b3pr_emul *e)
{
	switch (e->host) {
	case B3PR_HOST_DEC_CHANGED:
		b3pr_dec_changed(vcpu);
		return B3PR_RESUME;
	case B3PR_HOST_SLB_CHANGED:
	case B3PR_HOST_SLB_INVALIDATE:
	case B3PR_HOST_SLB_INVALIDATE_ALL:
	case B3PR_HOST_TLB_INVALIDATE:
	case B3PR_HOST_TLB_INVALIDATE_ALL:
	case B3PR_HOST_SR_CHANGED:
	case B3PR_HOST_BAT_CHANGED:
	case B3PR_HOST_SDR1_CHANGED:
	case B3PR_HOST_SPR_CHANGED:
		b3pr_shadow_guest_mmu_changed(vcpu, e);
		return B3PR_RESUME;
	case B3PR_HOST_TB_IGNORED:
		/* Counted for debugfs; no log line a guest could flood. */
		vcpu->exits[B3PR_EXIT_TB_WRITE]++;
		return B3PR_RESUME;
	case B3PR_HOST_IDLE:
		b3pr_vcpu_idle(vcpu);
		return B3PR_RESUME;
	case B3PR_HOST_NONE:
		return B3PR_RESUME;
	case B3PR_HOST_HCALL:
		break;
	}
	/* PAPR hypercalls are not offered (no KVM_CAP_PPC_PAPR). */
	return b3pr_internal_error(vcpu, 0xc00, e->insn);
}

static int b3pr_emulate_at_pc(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_guest_mem mem;
	struct b3pr_emul e = {
		.g = &vcpu->g,
		.mem = &mem,
		.host_tb = get_tb(),
		/* see b3pr_spr_tb_ignored(): true on every host b3pr runs on */
		.tb_is_host = true,
	};
	int ret;

	ret = b3pr_fetch_insn(vcpu, &e.insn, &e.insn_before,
			      &e.has_insn_before);
	if (ret > 0)
		return B3PR_RESUME;
	if (ret == -EFAULT)	/* the VMM unmapped the page: as a DSI's */
		return ret;
	if (ret)
		return b3pr_internal_error(vcpu, vector, vcpu->g.pc);
	b3pr_vm_guest_mem(vcpu->vm, &mem);
	switch (b3pr_emulate_exit(&e)) {
	case B3PR_CONTINUE:
		vcpu->exits[B3PR_EXIT_PRIV_EMUL]++;
		return B3PR_RESUME;
	case B3PR_DELIVER:
		vcpu->exits[vector == 0xc00 ? B3PR_EXIT_SYSCALL :
					      B3PR_EXIT_PROGRAM]++;
		b3pr_deliver_interrupt(&vcpu->g, &e.irq);
		return B3PR_RESUME;
	case B3PR_NEEDS_HOST:
		vcpu->exits[B3PR_EXIT_PRIV_EMUL]++;
		return b3pr_host_request(vcpu, &e);
	case B3PR_FAIL:
		break;
	}
	return b3pr_internal_error(vcpu, vector, e.insn);
}

/*
 * An enabled FP exception (the guest runs with its FE0/FE1) is the
 * guest's program interrupt as it came (ISA 6.5.9: SRR1[43], SRR0 the
 * instruction in the precise modes); anything else is emulated.
 */
int b3pr_exit_program(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_interrupt irq;

	if (vector == B3PR_VEC_PROGRAM &&
	    (vcpu->run_state.rm->exit_msr & B3PR_SRR1_PROG_FPE)) {
		vcpu->exits[B3PR_EXIT_PROGRAM]++;
		irq = b3pr_irq_program(B3PR_SRR1_PROG_FPE);
		b3pr_deliver_interrupt(&vcpu->g, &irq);
		return B3PR_RESUME;
	}
	return b3pr_emulate_at_pc(vcpu, vector);
}

int b3pr_exit_syscall(struct b3pr_vcpu *vcpu, u32 vector)
{
	/* SRR0 addresses the instruction after sc: step back onto it. */
	vcpu->g.pc -= 4;
	return b3pr_emulate_at_pc(vcpu, vector);
}
