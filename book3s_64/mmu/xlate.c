// SPDX-License-Identifier: GPL-2.0
/*
 * Guest effective -> guest real address: real mode here, translated
 * accesses to the 64-bit or 32-bit MMU of the guest's CPU.
 */
#include "b3pr/mmu.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"

/*
 * Storage attributes of real mode accesses (ISA 5.7.3.3, PEM 5.2): memory
 * coherence required, data accesses also guarded.
 */
#define B3PR_WIMG_M	0x2U
#define B3PR_WIMG_G	0x1U

/*
 * Real addressing (ISA 5.7.3): the guest believes it is the hypervisor,
 * so EA bits 0:3 are ignored (hypervisor real mode, no HRMOR offset);
 * MSR[SF]=0 leaves a 32-bit EA. 32-bit CPUs: the real address is the EA.
 */
u64 b3pr_real_address(const struct b3pr_guest_state *g, u64 ea)
{
	if (!g->cpu->is_64bit || !(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffULL;
	return g->cpu->is_64bit ? ea & 0x0fffffffffffffffULL : ea;
}

static void b3pr_xlate_real(const struct b3pr_guest_state *g, u64 ea,
			    enum b3pr_access access, struct b3pr_xlate *out)
{
	if (!g->cpu->is_64bit || !(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffULL;
	memset(out, 0, sizeof(*out));
	out->gpa = b3pr_real_address(g, ea);
	out->vpn = ea >> 12;
	out->page_shift = 12;
	out->real_mode = true;
	out->may_write = true;
	out->may_exec = true;
	out->wimg = B3PR_WIMG_M;
	if (access != B3PR_ACCESS_FETCH)
		out->wimg |= B3PR_WIMG_G;
}

enum b3pr_xlate_result b3pr_xlate(struct b3pr_guest_state *g,
				  const struct b3pr_guest_mem *mem, u64 ea,
				  enum b3pr_access access,
				  struct b3pr_xlate *out,
				  struct b3pr_interrupt *fault)
{
	u64 on = access == B3PR_ACCESS_FETCH ? B3PR_MSR_IR : B3PR_MSR_DR;

	if (!(g->msr & on)) {
		b3pr_xlate_real(g, ea, access, out);
		return B3PR_XLATE_OK;
	}
	if (g->cpu->is_64bit)
		return b3pr_mmu64_xlate(g, mem, ea, access, out, fault);
	return b3pr_mmu32_xlate(g, mem, ea, access, out, fault);
}
