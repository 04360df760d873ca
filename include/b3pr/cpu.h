/* SPDX-License-Identifier: GPL-2.0 */
/* The guest CPU models b3pr emulates, chosen by PVR. */
#ifndef B3PR_CPU_H
#define B3PR_CPU_H

#include "env.h"

struct b3pr_guest_state;

enum b3pr_cpu_family {
	B3PR_CPU_970,		/* PPC970, 970FX, 970MP */
	B3PR_CPU_POWER7,
	B3PR_CPU_POWER8,
	B3PR_CPU_750,		/* 750, 750CX/CXe/FX/GX/CL */
	B3PR_CPU_7400,		/* 7400, 7410 */
	B3PR_CPU_7450,		/* 7450, 7455, 7447, 7448 */
	B3PR_CPU_NR_FAMILIES,
};

#define B3PR_CPU_BIT(f)		(1U << (f))
#define B3PR_CPUS_64		(B3PR_CPU_BIT(B3PR_CPU_970) | \
				 B3PR_CPU_BIT(B3PR_CPU_POWER7) | \
				 B3PR_CPU_BIT(B3PR_CPU_POWER8))
#define B3PR_CPUS_32		(B3PR_CPU_BIT(B3PR_CPU_750) | \
				 B3PR_CPU_BIT(B3PR_CPU_7400) | \
				 B3PR_CPU_BIT(B3PR_CPU_7450))

struct b3pr_cpu_model {
	const char *name;
	u32 pvr_mask;		/* PVR & pvr_mask == pvr_match selects the model */
	u32 pvr_match;
	enum b3pr_cpu_family family;
	bool is_64bit;
	unsigned int slb_entries;	/* 0 on 32-bit CPUs */
	unsigned int nr_bats;		/* IBAT/DBAT pairs: 4, or 8 with HID0 */
	unsigned int cache_line;	/* dcbz block size in bytes */
	bool has_hior;			/* vectors relative to HIOR (970) */
	bool has_1t_segments;
	bool has_64k_pages;
	bool has_altivec;
	bool has_vsx;
};

/* The model for @pvr, or NULL when b3pr cannot emulate that CPU. */
const struct b3pr_cpu_model *b3pr_cpu_model_for_pvr(u32 pvr);

/* Set g->pvr and g->cpu and the reset values that depend on the model. */
int b3pr_guest_set_pvr(struct b3pr_guest_state *g, u32 pvr);

static inline bool b3pr_cpu_is(const struct b3pr_cpu_model *cpu, u32 families)
{
	return B3PR_CPU_BIT(cpu->family) & families;
}

#endif /* B3PR_CPU_H */
