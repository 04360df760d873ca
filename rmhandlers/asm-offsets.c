// SPDX-License-Identifier: GPL-2.0
/*
 * Offsets the real-mode code needs, generated at build time against the
 * host kernel's own headers: b3pr's vcpu area and the kernel's PACA.
 */
#include <linux/kbuild.h>
#include <linux/stddef.h>
#include <asm/paca.h>
#include <asm/lppaca.h>

#include "b3pr/rm_vcpu.h"

void b3pr_asm_offsets(void);

void b3pr_asm_offsets(void)
{
	DEFINE(VA_GPR, offsetof(struct b3pr_rm_vcpu, gpr));
	DEFINE(VA_PC, offsetof(struct b3pr_rm_vcpu, pc));
	DEFINE(VA_LR, offsetof(struct b3pr_rm_vcpu, lr));
	DEFINE(VA_CTR, offsetof(struct b3pr_rm_vcpu, ctr));
	DEFINE(VA_XER, offsetof(struct b3pr_rm_vcpu, xer));
	DEFINE(VA_CR, offsetof(struct b3pr_rm_vcpu, cr));
	DEFINE(VA_TRAP, offsetof(struct b3pr_rm_vcpu, trap));
	DEFINE(VA_SHADOW_MSR, offsetof(struct b3pr_rm_vcpu, shadow_msr));
	DEFINE(VA_EXIT_MSR, offsetof(struct b3pr_rm_vcpu, exit_msr));
	DEFINE(VA_DAR, offsetof(struct b3pr_rm_vcpu, dar));
	DEFINE(VA_DSISR, offsetof(struct b3pr_rm_vcpu, dsisr));
	DEFINE(VA_SLB_COUNT, offsetof(struct b3pr_rm_vcpu, slb_count));
	DEFINE(VA_PPR, offsetof(struct b3pr_rm_vcpu, ppr));
	DEFINE(VA_HAS_PPR, offsetof(struct b3pr_rm_vcpu, has_ppr));
	DEFINE(VA_HAS_AMR, offsetof(struct b3pr_rm_vcpu, has_amr));
	DEFINE(VA_EXIT_AMR, offsetof(struct b3pr_rm_vcpu, exit_amr));
	DEFINE(VA_HOST_AMR, offsetof(struct b3pr_rm_vcpu, host_amr));
	DEFINE(VA_SLB, offsetof(struct b3pr_rm_vcpu, slb));
	DEFINE(VA_HOST_R1, offsetof(struct b3pr_rm_vcpu, host_r1));
	DEFINE(VA_HOST_R2, offsetof(struct b3pr_rm_vcpu, host_r2));
	DEFINE(VA_HOST_MSR, offsetof(struct b3pr_rm_vcpu, host_msr));
	DEFINE(VA_NMI_CONT, offsetof(struct b3pr_rm_vcpu, nmi_cont));
	DEFINE(VA_NMI_FWNMI, offsetof(struct b3pr_rm_vcpu, nmi_fwnmi));

	DEFINE(B3PR_PACA_INDEX, offsetof(struct paca_struct, paca_index));
	DEFINE(B3PR_PACA_EXGEN, offsetof(struct paca_struct, exgen));
	DEFINE(B3PR_PACA_EXNMI, offsetof(struct paca_struct, exnmi));
	DEFINE(B3PR_PACA_EXMC, offsetof(struct paca_struct, exmc));
	DEFINE(B3PR_PACA_IRQ_HAPPENED,
	       offsetof(struct paca_struct, irq_happened));
	DEFINE(B3PR_PACA_L1D_FLUSH_AREA,
	       offsetof(struct paca_struct, rfi_flush_fallback_area));
	DEFINE(B3PR_PACA_L1D_FLUSH_SIZE,
	       offsetof(struct paca_struct, l1d_flush_size));
	DEFINE(B3PR_PACA_SLBSHADOW, offsetof(struct paca_struct, slb_shadow_ptr));
	DEFINE(B3PR_SLBSHADOW_SAVEAREA, offsetof(struct slb_shadow, save_area));
	/* The low byte of the big-endian 32-bit count of bolted entries */
	DEFINE(B3PR_SLBSHADOW_PERSISTENT,
	       offsetof(struct slb_shadow, persistent) + 3);
}
