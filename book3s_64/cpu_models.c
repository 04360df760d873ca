// SPDX-License-Identifier: GPL-2.0
/*
 * The guest CPUs b3pr emulates: one row per model, matched on the PVR's
 * version field (and revision where a model shares its version).
 */
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"

#define PVR_VERSION	0xffff0000u

/* A 64-bit model: hash MMU with SLB, no BATs, 128-byte cache lines. */
#define M64(nm, ver, fam, slb, hior, big)				\
	{ .name = (nm), .pvr_mask = PVR_VERSION, .pvr_match = (ver),	\
	  .family = (fam), .is_64bit = true, .slb_entries = (slb),	\
	  .nr_bats = 0, .cache_line = 128, .has_hior = (hior),		\
	  .has_1t_segments = (big), .has_64k_pages = (big),		\
	  .has_altivec = true, .has_vsx = (big) }
/* A 32-bit model: BATs and segment registers, 32-byte cache lines. */
#define M32(nm, ver, fam, bats, vmx)					\
	{ .name = (nm), .pvr_mask = PVR_VERSION, .pvr_match = (ver),	\
	  .family = (fam), .is_64bit = false, .slb_entries = 0,		\
	  .nr_bats = (bats), .cache_line = 32, .has_altivec = (vmx) }

static const struct b3pr_cpu_model b3pr_cpu_models[] = {
	/* 970 User's Manual: 64 SLB entries, HIOR, no 1T segments */
	M64("PPC970", 0x00390000, B3PR_CPU_970, 64, true, false),
	M64("PPC970FX", 0x003c0000, B3PR_CPU_970, 64, true, false),
	M64("PPC970MP", 0x00440000, B3PR_CPU_970, 64, true, false),
	M64("PPC970GX", 0x00450000, B3PR_CPU_970, 64, true, false),
	/* POWER7/8 User's Manuals: 32 SLB entries, 1T segments, 64K pages */
	M64("POWER7", 0x003f0000, B3PR_CPU_POWER7, 32, false, true),
	M64("POWER7+", 0x004a0000, B3PR_CPU_POWER7, 32, false, true),
	M64("POWER8E", 0x004b0000, B3PR_CPU_POWER8, 32, false, true),
	M64("POWER8NVL", 0x004c0000, B3PR_CPU_POWER8, 32, false, true),
	M64("POWER8", 0x004d0000, B3PR_CPU_POWER8, 32, false, true),
	/* 750 family (750, CX/CXe, CL, Gekko): 4 BAT pairs */
	M32("750", 0x00080000, B3PR_CPU_750, 4, false),
	/* 750FX/GX: 4 more BAT pairs behind HID2[HBE] */
	M32("750FX", 0x70000000, B3PR_CPU_750, 8, false),
	M32("750GX", 0x70020000, B3PR_CPU_750, 8, false),
	/* 7400/7410: 4 BAT pairs, AltiVec */
	M32("7400", 0x000c0000, B3PR_CPU_7400, 4, true),
	M32("7410", 0x800c0000, B3PR_CPU_7400, 4, true),
	/* 7450/7451: 4 BAT pairs; 7455 and later: 8 (HID0[HIGH_BAT_EN]) */
	M32("7450", 0x80000000, B3PR_CPU_7450, 4, true),
	M32("7455", 0x80010000, B3PR_CPU_7450, 8, true),
	M32("7457", 0x80020000, B3PR_CPU_7450, 8, true),	/* and 7447 */
	M32("7447A", 0x80030000, B3PR_CPU_7450, 8, true),
	M32("7448", 0x80040000, B3PR_CPU_7450, 8, true),
};

const struct b3pr_cpu_model *b3pr_cpu_model_for_pvr(u32 pvr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_cpu_models); i++)
		if ((pvr & b3pr_cpu_models[i].pvr_mask) ==
		    b3pr_cpu_models[i].pvr_match)
			return &b3pr_cpu_models[i];
	return NULL;
}

int b3pr_guest_set_pvr(struct b3pr_guest_state *g, u32 pvr)
{
	const struct b3pr_cpu_model *cpu = b3pr_cpu_model_for_pvr(pvr);

	if (!cpu)
		return -1;
	g->cpu = cpu;
	g->pvr = pvr;
	g->slb_max = cpu->slb_entries;
	return 0;
}
