// SPDX-License-Identifier: GPL-2.0
/*
 * Storage and segment exits: the host had no SLB entry or no HPTE that
 * allowed a guest access. The shadow MMU (include/b3pr/shadow.h) maps
 * the page or says what the guest sees instead; an access that reaches
 * no memory slot goes to the VMM as KVM_EXIT_MMIO.
 */
#include <linux/kvm.h>
#include <asm/reg.h>

#include "b3pr/emulate.h"
#include "b3pr/exit.h"
#include "b3pr/guest_mem.h"
#include "b3pr/interrupt.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/* What the run loop does with the shadow MMU's answer. */
static int b3pr_shadow_outcome(struct b3pr_vcpu *vcpu, u32 vector,
			       enum b3pr_shadow_result res,
			       const struct b3pr_interrupt *fault,
			       enum b3pr_exit_reason mapped, u64 detail)
{
	switch (res) {
	case B3PR_SHADOW_MAPPED:
		vcpu->exits[mapped]++;
		return B3PR_RESUME;
	case B3PR_SHADOW_GUEST_FAULT:
		vcpu->exits[B3PR_EXIT_GUEST_FAULT]++;
		b3pr_deliver_interrupt(&vcpu->g, fault);
		return B3PR_RESUME;
	case B3PR_SHADOW_RETRY:
		/* The access faults again once the invalidation is over. */
		return B3PR_RESUME;
	case B3PR_SHADOW_NO_PAGE:
		/*
		 * The VMM unmapped guest memory: KVM_RUN fails with -EFAULT,
		 * the PC still at the access, as KVM on x86 and arm64 does
		 * (kvm-pr retries the fault forever).
		 */
		return -EFAULT;
	default:
		return b3pr_internal_error(vcpu, vector, detail);
	}
}

static int b3pr_exit_segment(struct b3pr_vcpu *vcpu, u32 vector, u64 ea,
			     bool fetch)
{
	struct b3pr_interrupt fault;

	return b3pr_shadow_outcome(vcpu, vector,
				   b3pr_shadow_segment_fault(vcpu, ea, fetch,
							     &fault),
				   &fault, B3PR_EXIT_SEGMENT, ea);
}

int b3pr_exit_data_segment(struct b3pr_vcpu *vcpu, u32 vector)
{
	return b3pr_exit_segment(vcpu, vector, vcpu->run_state.rm->dar, false);
}

int b3pr_exit_instruction_segment(struct b3pr_vcpu *vcpu, u32 vector)
{
	return b3pr_exit_segment(vcpu, vector, vcpu->g.pc, true);
}

/* A load or store outside every slot: KVM_EXIT_MMIO (linux/kvm.h). */
static int b3pr_exit_mmio(struct b3pr_vcpu *vcpu, u32 vector, u64 ea,
			  u64 gpa)
{
	struct b3pr_vcpu_run_state *rs = &vcpu->run_state;
	struct kvm_run *run = vcpu->run;
	u32 insn;
	int ret;

	ret = b3pr_fetch_insn(vcpu, &insn, NULL, NULL);
	if (ret > 0)
		return B3PR_RESUME;
	if (ret == -EFAULT)
		return ret;
	if (ret || !b3pr_mmio_decode(insn, &rs->mmio))
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

/*
 * A load or store to the execute-only page its own instruction is in
 * (the copy of a page with a dcbz, the fetch side under split
 * translation): mapping the page for data would take it from the fetch,
 * so the access is done here, through the guest's data translation.
 */
static int b3pr_exit_same_page_access(struct b3pr_vcpu *vcpu, u32 vector,
				      u64 ea, enum b3pr_access access)
{
	struct b3pr_guest_state *g = &vcpu->g;
	struct b3pr_mmio_access acc;
	struct b3pr_interrupt fault;
	struct b3pr_guest_mem mem;
	struct b3pr_xlate x;
	u8 bytes[8];
	u32 insn;
	int ret;

	ret = b3pr_fetch_insn(vcpu, &insn, NULL, NULL);
	if (ret > 0)
		return B3PR_RESUME;
	if (ret)
		return b3pr_internal_error(vcpu, vector, ea);
	/* Cache block instructions (dcbz, dcbst...): the core runs them. */
	if (!b3pr_mmio_decode(insn, &acc))
		return b3pr_exit_program(vcpu, vector);
	if ((ea & 0xfff) + acc.size > 0x1000)
		return b3pr_internal_error(vcpu, vector, ea);
	b3pr_vm_guest_mem(vcpu->vm, &mem);
	switch (b3pr_xlate(g, &mem, ea, access, &x, &fault)) {
	case B3PR_XLATE_OK:
		break;
	case B3PR_XLATE_FAULT:
		return b3pr_shadow_outcome(vcpu, vector,
					   B3PR_SHADOW_GUEST_FAULT, &fault,
					   B3PR_EXIT_GUEST_FAULT, ea);
	default:
		return b3pr_internal_error(vcpu, vector, ea);
	}
	if (acc.store) {
		b3pr_mmio_store_bytes(g, &acc, bytes);
		ret = mem.write(mem.ctx, x.gpa, bytes, acc.size);
	} else {
		ret = mem.read(mem.ctx, x.gpa, bytes, acc.size);
	}
	if (ret)	/* outside every slot: the VMM's */
		return b3pr_exit_mmio(vcpu, vector, ea, x.gpa);
	if (acc.store) {
		/* A patched copy of the page, on any vcpu, is stale now. */
		unsigned int nr = b3pr_invalidate_begin(vcpu->vm);

		b3pr_invalidate_gpa(vcpu->vm, nr, x.gpa & ~0xfffULL, 0x1000,
				    false);
		b3pr_invalidate_end(vcpu->vm);
	} else {
		b3pr_mmio_complete_load(g, &acc, bytes);
	}
	b3pr_mmio_update_ra(g, &acc, ea);
	b3pr_advance_pc(g);
	vcpu->exits[B3PR_EXIT_PAGE_FAULT]++;
	return B3PR_RESUME;
}

/*
 * A host DSI: no HPTE, or one that does not allow the access (a clean
 * page mapped read-only until the guest's C bit is set, a guest
 * read-only page, a code page's patched copy). Anything else (DABR) is
 * not ours.
 */
int b3pr_exit_dsi(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	enum b3pr_access access = (rm->dsisr & DSISR_ISSTORE) ?
				  B3PR_ACCESS_STORE : B3PR_ACCESS_LOAD;
	struct b3pr_interrupt fault;
	enum b3pr_shadow_result res;
	u64 ea = rm->dar, gpa = 0;

	if (!(rm->dsisr & (DSISR_NOHPTE | DSISR_PROTFAULT | DSISR_KEYFAULT)))
		return b3pr_internal_error(vcpu, vector, rm->dsisr);
	if ((rm->dsisr & DSISR_KEYFAULT) && ea >> 12 == vcpu->g.pc >> 12)
		return b3pr_exit_same_page_access(vcpu, vector, ea, access);
	res = b3pr_shadow_page_fault(vcpu, ea, access, &gpa, &fault);
	if (res == B3PR_SHADOW_MMIO)
		return b3pr_exit_mmio(vcpu, vector, ea, gpa);
	return b3pr_shadow_outcome(vcpu, vector, res, &fault,
				   B3PR_EXIT_PAGE_FAULT, gpa);
}

/* A host ISI: no HPTE, a no-execute one, or a protection fault. */
int b3pr_exit_isi(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_interrupt fault;
	u64 gpa = 0;

	if (!(rm->exit_msr & (B3PR_SRR1_ISI_NOPT | B3PR_SRR1_ISI_N_OR_G |
			      B3PR_SRR1_ISI_PROT)))
		return b3pr_internal_error(vcpu, vector, rm->exit_msr);
	return b3pr_shadow_outcome(vcpu, vector,
				   b3pr_shadow_page_fault(vcpu, vcpu->g.pc,
							  B3PR_ACCESS_FETCH,
							  &gpa, &fault),
				   &fault, B3PR_EXIT_PAGE_FAULT, gpa);
}
