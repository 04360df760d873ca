// SPDX-License-Identifier: GPL-2.0
/*
 * Storage and segment exits: the host had no SLB entry or no HPTE for a
 * guest access. In guest real mode b3pr maps the guest-physical page
 * behind it, or, when no memory slot holds it, hands the access to the
 * VMM as KVM_EXIT_MMIO.
 */
#include <linux/kvm.h>
#include <asm/reg.h>

#include "b3pr/emulate.h"
#include "b3pr/exit.h"
#include "b3pr/interrupt.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

static bool b3pr_guest_translates(struct b3pr_vcpu *vcpu, bool fetch)
{
	return vcpu->g.msr & (fetch ? B3PR_MSR_IR : B3PR_MSR_DR);
}

static int b3pr_exit_segment(struct b3pr_vcpu *vcpu, u32 vector, u64 ea,
			     bool fetch)
{
	if (b3pr_guest_translates(vcpu, fetch))
		return b3pr_internal_error(vcpu, vector, ea);
	vcpu->exits[B3PR_EXIT_SEGMENT]++;
	if (b3pr_shadow_map_real_segment(vcpu, ea))
		return b3pr_internal_error(vcpu, vector, ea);
	return B3PR_RESUME;
}

int b3pr_exit_data_segment(struct b3pr_vcpu *vcpu, u32 vector)
{
	return b3pr_exit_segment(vcpu, vector, vcpu->run_state.rm->dar, false);
}

int b3pr_exit_instruction_segment(struct b3pr_vcpu *vcpu, u32 vector)
{
	return b3pr_exit_segment(vcpu, vector, vcpu->g.pc, true);
}

static bool b3pr_gpa_is_memory(struct b3pr_vcpu *vcpu, u64 gpa)
{
	unsigned long hva;

	return !b3pr_memslot_gpa_to_hva(vcpu->vm, gpa, &hva);
}

/* A load or store outside every slot: KVM_EXIT_MMIO (linux/kvm.h). */
static int b3pr_exit_mmio(struct b3pr_vcpu *vcpu, u32 vector, u64 ea,
			  u64 gpa)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	struct kvm_run *run = vcpu->run;
	u32 insn;

	if (b3pr_fetch_insn(vcpu, &insn) ||
	    !b3pr_mmio_decode(insn, &rs->mmio))
		return b3pr_internal_error(vcpu, vector, gpa);
	run->exit_reason = KVM_EXIT_MMIO;
	run->mmio.phys_addr = gpa;
	run->mmio.len = rs->mmio.size;
	run->mmio.is_write = rs->mmio.store;
	memset(run->mmio.data, 0, sizeof(run->mmio.data));
	if (rs->mmio.store)
		b3pr_mmio_store_bytes(&vcpu->g, &rs->mmio, run->mmio.data);
	b3pr_mmio_update_ra(&vcpu->g, &rs->mmio, ea);
	/* As KVM does, the VMM sees the PC already past the access. */
	b3pr_advance_pc(&vcpu->g);
	rs->mmio_pending = !rs->mmio.store;
	vcpu->exits[B3PR_EXIT_MMIO]++;
	return B3PR_TO_USER;
}

int b3pr_exit_dsi(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	u64 ea = rm->dar, gpa;

	if (b3pr_guest_translates(vcpu, false) || !(rm->dsisr & DSISR_NOHPTE))
		return b3pr_internal_error(vcpu, vector, rm->dsisr);
	gpa = b3pr_real_address(&vcpu->g, ea);
	if (!b3pr_gpa_is_memory(vcpu, gpa))
		return b3pr_exit_mmio(vcpu, vector, ea, gpa);
	vcpu->exits[B3PR_EXIT_PAGE_FAULT]++;
	if (b3pr_shadow_map_real_page(vcpu, ea, gpa))
		return b3pr_internal_error(vcpu, vector, gpa);
	return B3PR_RESUME;
}

int b3pr_exit_isi(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	u64 gpa = b3pr_real_address(&vcpu->g, vcpu->g.pc);

	if (b3pr_guest_translates(vcpu, true) ||
	    !(rm->exit_msr & B3PR_SRR1_ISI_NOPT) ||
	    !b3pr_gpa_is_memory(vcpu, gpa))
		return b3pr_internal_error(vcpu, vector, rm->exit_msr);
	vcpu->exits[B3PR_EXIT_PAGE_FAULT]++;
	if (b3pr_shadow_map_real_page(vcpu, vcpu->g.pc, gpa))
		return b3pr_internal_error(vcpu, vector, gpa);
	return B3PR_RESUME;
}
