/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Special purpose registers: which SPR exists on which guest CPU, who may
 * read or write it, and where its value lives. One table
 * (book3s_64/spr_table.c) answers for mfspr/mtspr emulation, ONE_REG and
 * the tests alike.
 */
#ifndef B3PR_SPR_H
#define B3PR_SPR_H

#include "env.h"
#include "msr.h"
#include "cpu.h"
#include "guest_state.h"

struct b3pr_cpu_model;

/* SPR numbers the code names (Power ISA Book III-S Figure 18, PEM 2.1). */
#define B3PR_SPRN_XER		1
#define B3PR_SPRN_LR		8
#define B3PR_SPRN_CTR		9
#define B3PR_SPRN_DEC		22
#define B3PR_SPRN_SDR1		25
#define B3PR_SPRN_TBRL		268	/* mftb/mfspr: TB (lower) */
#define B3PR_SPRN_TBRU		269	/* mftb/mfspr: TBU */
#define B3PR_SPRN_TBWL		284	/* mtspr: TBL */
#define B3PR_SPRN_TBWU		285	/* mtspr: TBU */
#define B3PR_SPRN_PVR		287
#define B3PR_SPRN_HIOR		311
#define B3PR_SPRN_LPCR		318
#define B3PR_SPRN_IBAT0U	528	/* IBATnU = 528 + 2n, IBATnL = +1 */
#define B3PR_SPRN_DBAT0U	536
#define B3PR_SPRN_IBAT4U	560
#define B3PR_SPRN_DBAT4U	568
#define B3PR_SPRN_HID0		1008

/* Who may use an SPR, lowest first; a guest state has one of the last three. */
enum b3pr_spr_level {
	B3PR_SPR_NONE,		/* not defined for this direction */
	B3PR_SPR_USER,		/* problem state may */
	B3PR_SPR_PRIV,		/* privileged (supervisor) state */
	B3PR_SPR_HYP,		/* hypervisor state only */
};

/* Where the value is, or how it is computed. */
enum b3pr_spr_kind {
	B3PR_SPR_K_STORE,	/* in the guest state at .offset, .size bytes */
	B3PR_SPR_K_ZERO,	/* exists, not modelled: reads 0, writes dropped */
	B3PR_SPR_K_TB,		/* read: guest TB (low word in 32-bit mode) */
	B3PR_SPR_K_TBU,		/* read: guest TB bits 0:31 */
	B3PR_SPR_K_TBL_W,	/* write: guest TB bits 32:63 */
	B3PR_SPR_K_TBU_W,	/* write: guest TB bits 0:31 */
	B3PR_SPR_K_DEC,		/* dec_expires - guest TB */
};

/* What the host must hear after a guest write (enum b3pr_host_request). */
enum b3pr_spr_notify {
	B3PR_SPR_N_NONE,
	B3PR_SPR_N_DEC,		/* B3PR_HOST_DEC_CHANGED */
	B3PR_SPR_N_SDR1,	/* B3PR_HOST_SDR1_CHANGED */
	B3PR_SPR_N_BAT,		/* B3PR_HOST_BAT_CHANGED, arg0 = SPR number */
	B3PR_SPR_N_SPR,		/* B3PR_HOST_SPR_CHANGED, arg0 = SPR number */
};

#define B3PR_SPR_F_32		0x01	/* architected 32 bits wide */
#define B3PR_SPR_F_8BATS	0x02	/* only when cpu->nr_bats == 8 */
#define B3PR_SPR_F_UAMOR	0x04	/* problem-state writes masked by UAMOR */

/* One row of the SPR table. */
struct b3pr_spr {
	u16 sprn;
	u8 read;		/* enum b3pr_spr_level */
	u8 write;		/* enum b3pr_spr_level */
	u8 kind;		/* enum b3pr_spr_kind */
	u8 notify;		/* enum b3pr_spr_notify */
	u8 flags;		/* B3PR_SPR_F_* */
	u8 size;		/* bytes of storage at offset: 4 or 8 */
	u16 offset;		/* offsetof(struct b3pr_guest_state, ...) */
	u32 cpus;		/* B3PR_CPU_BIT() of the families that have it */
	const char *name;
};

/* Outcome of a host-side (ONE_REG) access: no privilege applies there. */
enum b3pr_spr_result {
	B3PR_SPR_OK,
	B3PR_SPR_NO_SUCH,	/* not an SPR of this CPU */
	B3PR_SPR_NOT_READABLE,	/* write-only (CTRLT, TBL/TBU write numbers) */
	B3PR_SPR_NOT_WRITABLE,	/* read-only (PVR, PIR, user PMU mirrors) */
};

/* The row for SPR @sprn on @cpu, or NULL when that CPU has no such SPR. */
const struct b3pr_spr *b3pr_spr_lookup(const struct b3pr_cpu_model *cpu,
				       unsigned int sprn);

/* Row-level access; the caller has checked that the direction exists. */
u64 b3pr_spr_read(const struct b3pr_guest_state *g,
		  const struct b3pr_spr *spr, u64 host_tb);
void b3pr_spr_write(struct b3pr_guest_state *g, const struct b3pr_spr *spr,
		    u64 host_tb, u64 val);

/* By number, for ONE_REG and tests: no privilege check. */
enum b3pr_spr_result b3pr_spr_get(const struct b3pr_guest_state *g,
				  unsigned int sprn, u64 host_tb, u64 *val);
enum b3pr_spr_result b3pr_spr_set(struct b3pr_guest_state *g,
				  unsigned int sprn, u64 host_tb, u64 val);

/*
 * The state the guest runs in, as an enum b3pr_spr_level. A 970 that is
 * not a PAPR partition is a PowerMac G5, whose OS runs in hypervisor
 * state (the 970 resets with MSR[HV]=1, and nothing partitions it): its
 * supervisor state owns SDR1, HIOR, the HIDs and the TB writes. As with
 * kvm-pr, the guest's MSR still reads HV=0.
 */
static inline enum b3pr_spr_level
b3pr_spr_guest_level(const struct b3pr_guest_state *g)
{
	if (g->msr & B3PR_MSR_PR)
		return B3PR_SPR_USER;
	if ((g->msr & B3PR_MSR_HV) ||
	    (g->cpu->family == B3PR_CPU_970 && !g->papr_enabled))
		return B3PR_SPR_HYP;
	return B3PR_SPR_PRIV;
}

/* Guest timebase: the host's plus the guest's offset. */
static inline u64 b3pr_guest_tb(const struct b3pr_guest_state *g, u64 host_tb)
{
	return host_tb + (u64)g->tb_offset;
}

/* DEC is a 32-bit counter that went through 0 at dec_expires. */
static inline u32 b3pr_guest_dec(const struct b3pr_guest_state *g,
				 u64 host_tb)
{
	return (u32)(g->dec_expires - b3pr_guest_tb(g, host_tb));
}

/* A negative DEC (bit 0 set) asks for a decrementer interrupt. */
static inline bool b3pr_guest_dec_expired(const struct b3pr_guest_state *g,
					  u64 host_tb)
{
	return (s32)b3pr_guest_dec(g, host_tb) < 0;
}

#endif /* B3PR_SPR_H */
