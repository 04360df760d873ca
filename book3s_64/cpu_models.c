// SPDX-License-Identifier: GPL-2.0
/*
 * The guest CPUs b3pr emulates: one row per model, matched on the PVR's
 * version field (and revision where a model shares its version).
 */
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"

#define PVR_VERSION	0xffff0000u

static const struct b3pr_cpu_model b3pr_cpu_models[] = {
	/* 970 User's Manual: 64 SLB entries, 128-byte lines, HIOR, 16M pages */
	{ "PPC970", PVR_VERSION, 0x00390000, B3PR_CPU_970, true, 64, 0, 128,
	  true, false, false, true, false },
	{ "PPC970FX", PVR_VERSION, 0x003c0000, B3PR_CPU_970, true, 64, 0, 128,
	  true, false, false, true, false },
	{ "PPC970MP", PVR_VERSION, 0x00440000, B3PR_CPU_970, true, 64, 0, 128,
	  true, false, false, true, false },
	/* POWER7/8 User's Manuals: 32 SLB entries, 1T segments, 64K pages */
	{ "POWER7", PVR_VERSION, 0x003f0000, B3PR_CPU_POWER7, true, 32, 0, 128,
	  false, true, true, true, true },
	{ "POWER7+", PVR_VERSION, 0x004a0000, B3PR_CPU_POWER7, true, 32, 0, 128,
	  false, true, true, true, true },
	{ "POWER8E", PVR_VERSION, 0x004b0000, B3PR_CPU_POWER8, true, 32, 0, 128,
	  false, true, true, true, true },
	{ "POWER8NVL", PVR_VERSION, 0x004c0000, B3PR_CPU_POWER8, true, 32, 0, 128,
	  false, true, true, true, true },
	{ "POWER8", PVR_VERSION, 0x004d0000, B3PR_CPU_POWER8, true, 32, 0, 128,
	  false, true, true, true, true },
	/* 750 family: 4 BAT pairs; 750FX/GX add 4 more (HID2[HBE]) */
	{ "750", PVR_VERSION, 0x00080000, B3PR_CPU_750, false, 0, 4, 32,
	  false, false, false, false, false },
	{ "750FX", PVR_VERSION, 0x70000000, B3PR_CPU_750, false, 0, 8, 32,
	  false, false, false, false, false },
	{ "750GX", PVR_VERSION, 0x70020000, B3PR_CPU_750, false, 0, 8, 32,
	  false, false, false, false, false },
	/* 7400/7410: 4 BAT pairs, AltiVec */
	{ "7400", PVR_VERSION, 0x000c0000, B3PR_CPU_7400, false, 0, 4, 32,
	  false, false, false, true, false },
	{ "7410", PVR_VERSION, 0x800c0000, B3PR_CPU_7400, false, 0, 4, 32,
	  false, false, false, true, false },
	/* 7450: 4 BAT pairs; 7455 and later: 8 (HID0[HIGH_BAT_EN]) */
	{ "7450", PVR_VERSION, 0x80000000, B3PR_CPU_7450, false, 0, 4, 32,
	  false, false, false, true, false },
	{ "7455", PVR_VERSION, 0x80010000, B3PR_CPU_7450, false, 0, 8, 32,
	  false, false, false, true, false },
	{ "7447", PVR_VERSION, 0x80020000, B3PR_CPU_7450, false, 0, 8, 32,
	  false, false, false, true, false },
	{ "7447A", PVR_VERSION, 0x80030000, B3PR_CPU_7450, false, 0, 8, 32,
	  false, false, false, true, false },
	{ "7448", PVR_VERSION, 0x80040000, B3PR_CPU_7450, false, 0, 8, 32,
	  false, false, false, true, false },
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
