// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_GET/SET_ONE_REG: the KVM_REG_PPC_* ids of
 * arch/powerpc/include/uapi/asm/kvm.h. Ids that name an SPR go through
 * the core's SPR table, so ONE_REG offers exactly the SPRs the guest's
 * CPU has; a few ids are not SPRs and are handled here.
 *
 * Errors are those of powerpc.c kvm_vcpu_ioctl_{get,set}_one_reg: the
 * size is part of the id, so a wrong size is an unknown id, -EINVAL; a
 * size beyond 16 bytes -EINVAL before anything else; a bad reg->addr
 * -EFAULT (on SET before the id is looked at, as upstream).
 */
#include <linux/kvm.h>
#include <linux/uaccess.h>
#include <asm/reg.h>
#include <asm/time.h>

#include "b3pr/cpu.h"
#include "b3pr/facility.h"
#include "b3pr/msr.h"
#include "b3pr/spr.h"
#include "b3pr/vm.h"

/* union kvmppc_one_reg: the largest register is 128 bits. */
#define B3PR_ONE_REG_MAX	16

static const struct {
	u64 id;
	u16 sprn;
} b3pr_one_reg_sprs[] = {
	{ KVM_REG_PPC_DABR, 1013 },
	{ KVM_REG_PPC_DSCR, 17 },
	{ KVM_REG_PPC_PURR, 309 },
	{ KVM_REG_PPC_SPURR, 308 },
	{ KVM_REG_PPC_DAR, 19 },
	{ KVM_REG_PPC_DSISR, 18 },
	{ KVM_REG_PPC_AMR, 29 },
	{ KVM_REG_PPC_UAMOR, 157 },
	{ KVM_REG_PPC_MMCR0, 795 },
	{ KVM_REG_PPC_MMCR1, 798 },
	{ KVM_REG_PPC_MMCRA, 786 },
	{ KVM_REG_PPC_MMCR2, 785 },
	{ KVM_REG_PPC_SIAR, 796 },
	{ KVM_REG_PPC_SDAR, 797 },
	{ KVM_REG_PPC_PMC1, 787 },
	{ KVM_REG_PPC_PMC2, 788 },
	{ KVM_REG_PPC_PMC3, 789 },
	{ KVM_REG_PPC_PMC4, 790 },
	{ KVM_REG_PPC_PMC5, 791 },
	{ KVM_REG_PPC_PMC6, 792 },
	{ KVM_REG_PPC_PMC7, 793 },
	{ KVM_REG_PPC_PMC8, 794 },
	{ KVM_REG_PPC_IAMR, 61 },
	{ KVM_REG_PPC_FSCR, 153 },
	{ KVM_REG_PPC_PSPB, 159 },
	{ KVM_REG_PPC_EBBHR, 804 },
	{ KVM_REG_PPC_EBBRR, 805 },
	{ KVM_REG_PPC_BESCR, 806 },
	{ KVM_REG_PPC_TAR, 815 },
	{ KVM_REG_PPC_IC, 848 },
	{ KVM_REG_PPC_VTB, 351 },
	{ KVM_REG_PPC_PPR, 896 },
	{ KVM_REG_PPC_VRSAVE, 256 },
	{ KVM_REG_PPC_DABRX, 1015 },
};

static int b3pr_one_reg_sprn(u64 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_one_reg_sprs); i++)
		if (b3pr_one_reg_sprs[i].id == id)
			return b3pr_one_reg_sprs[i].sprn;
	return -1;
}

static unsigned int b3pr_one_reg_size(u64 id)
{
	return 1U << ((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT);
}

/* The ids that are not SPRs of the table. */
static int b3pr_get_special(const struct b3pr_guest_state *g, u64 id,
			    u64 *val)
{
	switch (id) {
	case KVM_REG_PPC_HIOR:
		*val = g->hior;
		return 0;
	case KVM_REG_PPC_LPCR:
	case KVM_REG_PPC_LPCR_64:
		/* A PR guest sees only ILE, as kvm-pr reports it. */
		*val = g->lpcr & LPCR_ILE;
		return 0;
	case KVM_REG_PPC_DEC_EXPIRY:
		*val = g->dec_expires;	/* in guest timebase, as kvm-hv */
		return 0;
	case KVM_REG_PPC_TB_OFFSET:
		*val = g->tb_offset;
		return 0;
	case KVM_REG_PPC_FPSCR:
		*val = g->fp.fpscr;
		return 0;
	}
	return -EINVAL;
}

static int b3pr_set_special(struct b3pr_guest_state *g, u64 id, u64 val)
{
	switch (id) {
	case KVM_REG_PPC_HIOR:
		/* Vectors move only on CPUs with HIOR; elsewhere they are at 0. */
		if (!g->cpu->has_hior && val)
			return -EINVAL;
		g->hior = val;
		return 0;
	case KVM_REG_PPC_LPCR:
	case KVM_REG_PPC_LPCR_64:
		g->lpcr = (g->lpcr & ~LPCR_ILE) | (val & LPCR_ILE);
		return 0;
	case KVM_REG_PPC_DEC_EXPIRY:
		g->dec_expires = val;
		return 0;
	case KVM_REG_PPC_TB_OFFSET:
		/*
		 * mftb does not trap in problem state, so the guest reads
		 * the host timebase itself: no other offset can be honoured.
		 */
		if (val)
			return -EINVAL;
		g->tb_offset = 0;
		return 0;
	case KVM_REG_PPC_FPSCR:
		g->fp.fpscr = val;
		return 0;
	}
	return -EINVAL;
}

static int b3pr_one_reg_read(const struct b3pr_guest_state *g, u64 id,
			     u64 *val)
{
	int sprn = b3pr_one_reg_sprn(id);

	if (sprn < 0)
		return b3pr_get_special(g, id, val);
	/* An SPR the guest's CPU lacks is an unknown register. */
	if (b3pr_spr_get(g, sprn, get_tb(), val) != B3PR_SPR_OK)
		return -EINVAL;
	return 0;
}

static int b3pr_one_reg_write(struct b3pr_guest_state *g, u64 id, u64 val)
{
	int sprn = b3pr_one_reg_sprn(id);

	if (sprn < 0)
		return b3pr_set_special(g, id, val);
	if (b3pr_spr_set(g, sprn, get_tb(), val) != B3PR_SPR_OK)
		return -EINVAL;
	return 0;
}

/*
 * The FP and vector register file, in upstream's value layout: FPR n is
 * VSR n's doubleword 0 (64 bits); VSR n (n < 32) and VR n are 128-bit
 * values in the host's byte order, as kvm-pr copies them from the
 * kernel's save areas; VSCR is the 32-bit register mfvscr puts in bits
 * 96:127. Each is there only if the guest's CPU has its facility (kvm-pr
 * asks the host CPU instead). -ENOENT: not one of these ids.
 */
static void b3pr_one_reg_copy(void *reg, void *val, unsigned int size,
			      bool set)
{
	if (set)
		memcpy(reg, val, size);
	else
		memcpy(val, reg, size);
}

static int b3pr_one_reg_vec(struct b3pr_guest_state *g, u64 id, void *val,
			    bool set)
{
	u64 fac = b3pr_cpu_facilities(g->cpu);
	u32 vscr;

	if (id >= KVM_REG_PPC_FPR0 && id <= KVM_REG_PPC_FPR31) {
		b3pr_one_reg_copy(&g->fp.vsr[id - KVM_REG_PPC_FPR0][B3PR_VSR_DW0],
				  val, 8, set);
		return 0;
	}
	if (id >= KVM_REG_PPC_VSR0 && id <= KVM_REG_PPC_VSR31) {
		if (!(fac & B3PR_MSR_VSX))
			return -EINVAL;
		b3pr_one_reg_copy(g->fp.vsr[id - KVM_REG_PPC_VSR0], val, 16, set);
		return 0;
	}
	if (id >= KVM_REG_PPC_VR0 && id <= KVM_REG_PPC_VR31) {
		if (!(fac & B3PR_MSR_VEC))
			return -EINVAL;
		b3pr_one_reg_copy(g->vr.vr[id - KVM_REG_PPC_VR0], val, 16, set);
		return 0;
	}
	if (id == KVM_REG_PPC_VSCR) {
		if (!(fac & B3PR_MSR_VEC))
			return -EINVAL;
		vscr = b3pr_vscr_get(g);
		b3pr_one_reg_copy(&vscr, val, 4, set);
		b3pr_vscr_set(g, vscr);
		return 0;
	}
	return -ENOENT;
}

/* Every other id is 32 or 64 bits wide; the user buffer is that size. */
int b3pr_get_one_reg(struct b3pr_vcpu *vcpu, const struct kvm_one_reg *reg)
{
	void __user *uaddr = (void __user *)(unsigned long)reg->addr;
	unsigned int size = b3pr_one_reg_size(reg->id);
	u8 buf[B3PR_ONE_REG_MAX];
	u64 val;
	u32 val32;
	int ret;

	if (size > B3PR_ONE_REG_MAX)
		return -EINVAL;
	ret = b3pr_one_reg_vec(&vcpu->g, reg->id, buf, false);
	if (ret != -ENOENT) {
		if (ret)
			return ret;
		return copy_to_user(uaddr, buf, size) ? -EFAULT : 0;
	}
	if (size != 4 && size != 8)
		return -EINVAL;
	ret = b3pr_one_reg_read(&vcpu->g, reg->id, &val);
	if (ret)
		return ret;
	val32 = val;
	if (copy_to_user(uaddr, size == 4 ? (void *)&val32 : (void *)&val,
			 size))
		return -EFAULT;
	return 0;
}

int b3pr_set_one_reg(struct b3pr_vcpu *vcpu, const struct kvm_one_reg *reg)
{
	void __user *uaddr = (void __user *)(unsigned long)reg->addr;
	unsigned int size = b3pr_one_reg_size(reg->id);
	u8 buf[B3PR_ONE_REG_MAX];
	u64 val;
	u32 val32;
	int ret;

	if (size > B3PR_ONE_REG_MAX)
		return -EINVAL;
	if (copy_from_user(buf, uaddr, size))
		return -EFAULT;
	ret = b3pr_one_reg_vec(&vcpu->g, reg->id, buf, true);
	if (ret != -ENOENT)
		return ret;
	if (size == 4) {
		memcpy(&val32, buf, 4);
		val = val32;
	} else if (size == 8) {
		memcpy(&val, buf, 8);
	} else {
		return -EINVAL;
	}
	return b3pr_one_reg_write(&vcpu->g, reg->id, val);
}
