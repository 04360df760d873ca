// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_GET/SET_REGS and KVM_GET/SET_SREGS: struct kvm_regs and the Book3S
 * half of struct kvm_sregs (arch/powerpc/include/uapi/asm/kvm.h) to and
 * from the guest state, in the layout upstream kvm-pr uses (book3s.c
 * kvm_arch_vcpu_ioctl_get_regs, book3s_pr.c
 * kvm_arch_vcpu_ioctl_{get,set}_sregs_pr), so that a VMM sees the same
 * values on both. The KVM_SREGS_E_* feature bits belong to the BookE
 * half (u.e) and have no Book3S meaning.
 */
#include <linux/errno.h>
#include <linux/kvm.h>

#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu64.h"
#include "b3pr/vm.h"

void b3pr_get_regs(const struct b3pr_guest_state *g, struct kvm_regs *regs)
{
	unsigned int i;

	regs->pc = g->pc;
	regs->cr = g->cr;
	regs->ctr = g->ctr;
	regs->lr = g->lr;
	regs->xer = g->xer;
	regs->msr = g->msr;
	regs->srr0 = g->srr0;
	regs->srr1 = g->srr1;
	regs->pid = 0;		/* BookE only */
	regs->sprg0 = g->sprg[0];
	regs->sprg1 = g->sprg[1];
	regs->sprg2 = g->sprg[2];
	regs->sprg3 = g->sprg[3];
	regs->sprg4 = g->sprg[4];
	regs->sprg5 = g->sprg[5];
	regs->sprg6 = g->sprg[6];
	regs->sprg7 = g->sprg[7];
	for (i = 0; i < ARRAY_SIZE(regs->gpr); i++)
		regs->gpr[i] = g->gpr[i];
}

void b3pr_set_regs(struct b3pr_guest_state *g, const struct kvm_regs *regs)
{
	unsigned int i;

	g->pc = regs->pc;
	g->cr = (u32)regs->cr;	/* CR is 32 bits wide */
	g->ctr = regs->ctr;
	g->lr = regs->lr;
	g->xer = regs->xer;
	g->msr = regs->msr;
	g->srr0 = regs->srr0;
	g->srr1 = regs->srr1;
	g->sprg[0] = regs->sprg0;
	g->sprg[1] = regs->sprg1;
	g->sprg[2] = regs->sprg2;
	g->sprg[3] = regs->sprg3;
	g->sprg[4] = regs->sprg4;
	g->sprg[5] = regs->sprg5;
	g->sprg[6] = regs->sprg6;
	g->sprg[7] = regs->sprg7;
	for (i = 0; i < ARRAY_SIZE(regs->gpr); i++)
		g->gpr[i] = regs->gpr[i];
}

/* The slbmte RS bits a CPU implements, as the core's slbmte keeps them. */
static u64 b3pr_sregs_vsid_bits(const struct b3pr_cpu_model *cpu)
{
	u64 bits = B3PR_SLB_VSID | B3PR_SLB_KS | B3PR_SLB_KP | B3PR_SLB_N |
		   B3PR_SLB_L | B3PR_SLB_C;

	if (cpu->has_1t_segments)
		bits |= B3PR_SLB_B;
	if (cpu->has_64k_pages)
		bits |= B3PR_SLB_LP;
	return bits;
}

/*
 * 64-bit CPUs report the SLB, 32-bit ones the segment registers and
 * BATs, as kvm-pr chooses by BOOK3S_HFLAG_SLB. slbe is the slbmte RB
 * image with the entry's index in bits 52:63; slbv the RS image.
 *
 * BATs are asymmetric upstream, and VMMs rely on it: SET takes
 * upper << 32 | lower, but kvm-pr's GET returns its kvmppc_bat.raw, which
 * kvmppc_set_bat fills as lower << 32 | upper (QEMU's
 * kvmppc_get_books_sregs reads them that way). b3pr answers the same.
 */
void b3pr_get_sregs(const struct b3pr_guest_state *g, struct kvm_sregs *sregs)
{
	unsigned int i;

	sregs->pvr = g->pvr;
	sregs->u.s.sdr1 = g->sdr1;
	if (g->cpu->is_64bit) {
		for (i = 0; i < B3PR_SLB_ENTRIES; i++) {
			sregs->u.s.ppc64.slb[i].slbe =
				(g->slb[i].esid & ~B3PR_SLB_INDEX) | i;
			sregs->u.s.ppc64.slb[i].slbv = g->slb[i].vsid;
		}
		return;
	}
	for (i = 0; i < B3PR_NR_SR; i++)
		sregs->u.s.ppc32.sr[i] = g->sr[i];
	for (i = 0; i < B3PR_NR_BATS; i++) {
		sregs->u.s.ppc32.ibat[i] = (u64)g->ibat[i].lower << 32 |
					   g->ibat[i].upper;
		sregs->u.s.ppc32.dbat[i] = (u64)g->dbat[i].lower << 32 |
					   g->dbat[i].upper;
	}
}

/* A valid SLB entry beyond the CPU's SLB is refused, not dropped. */
static bool b3pr_slb_fits(const struct b3pr_cpu_model *cpu,
			  const struct kvm_sregs *sregs)
{
	unsigned int i;
	u64 rb;

	for (i = 0; i < B3PR_SLB_ENTRIES; i++) {
		rb = sregs->u.s.ppc64.slb[i].slbe;
		if ((rb & B3PR_SLB_V) &&
		    (rb & B3PR_SLB_INDEX) >= cpu->slb_entries)
			return false;
	}
	return true;
}

/*
 * Only valid entries are loaded, each at the index its slbe names, after
 * the whole SLB is cleared (kvm-pr: slbmte(0, 0), slbia, then slbmte of
 * each valid one).
 */
static void b3pr_set_slb(struct b3pr_guest_state *g,
			 const struct kvm_sregs *sregs)
{
	u64 vsid_bits = b3pr_sregs_vsid_bits(g->cpu);
	unsigned int i, index;
	u64 rb, rs;

	memset(g->slb, 0, sizeof(g->slb));
	for (i = 0; i < B3PR_SLB_ENTRIES; i++) {
		rb = sregs->u.s.ppc64.slb[i].slbe;
		rs = sregs->u.s.ppc64.slb[i].slbv;
		if (!(rb & B3PR_SLB_V))
			continue;
		index = rb & B3PR_SLB_INDEX;
		g->slb[index].esid = rb & (B3PR_SLB_ESID_256M | B3PR_SLB_V |
					   B3PR_SLB_INDEX);
		g->slb[index].vsid = rs & vsid_bits;
	}
}

static void b3pr_set_segs_bats(struct b3pr_guest_state *g,
			       const struct kvm_sregs *sregs)
{
	unsigned int i;

	for (i = 0; i < B3PR_NR_SR; i++)
		g->sr[i] = sregs->u.s.ppc32.sr[i];
	for (i = 0; i < B3PR_NR_BATS; i++) {
		g->ibat[i].upper = sregs->u.s.ppc32.ibat[i] >> 32;
		g->ibat[i].lower = (u32)sregs->u.s.ppc32.ibat[i];
		g->dbat[i].upper = sregs->u.s.ppc32.dbat[i] >> 32;
		g->dbat[i].lower = (u32)sregs->u.s.ppc32.dbat[i];
	}
}

/*
 * -EINVAL, with nothing changed, for a PVR the core has no model for
 * (kvm-pr takes any PVR and guesses) or an SLB entry out of range.
 */
int b3pr_set_sregs(struct b3pr_guest_state *g, const struct kvm_sregs *sregs)
{
	const struct b3pr_cpu_model *cpu = b3pr_cpu_model_for_pvr(sregs->pvr);

	if (!cpu)
		return -EINVAL;
	if (cpu->is_64bit && !b3pr_slb_fits(cpu, sregs))
		return -EINVAL;
	b3pr_guest_set_pvr(g, sregs->pvr);
	g->sdr1 = sregs->u.s.sdr1;
	if (cpu->is_64bit)
		b3pr_set_slb(g, sregs);
	else
		b3pr_set_segs_bats(g, sregs);
	return 0;
}
