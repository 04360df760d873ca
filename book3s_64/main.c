// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr module entry: refuse hosts it cannot work on, then bring up the
 * device.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <asm/cputable.h>
#include <asm/mmu.h>
#include <asm/reg.h>

#include "b3pr/ail.h"
#include "b3pr/module.h"
#include "b3pr/rm.h"
#include "b3pr/rm_mem.h"
#include "b3pr/shadow.h"

/* 64-bit Book3S CPUs with a hash MMU that b3pr runs on. */
static const struct {
	u16 version;
	const char *name;
} b3pr_host_cpus[] = {
	{ PVR_970, "PPC970" },
	{ PVR_970FX, "PPC970FX" },
	{ PVR_970MP, "PPC970MP" },
	{ PVR_970GX, "PPC970GX" },
	{ PVR_POWER7, "POWER7" },
	{ PVR_POWER7p, "POWER7+" },
	{ PVR_POWER8E, "POWER8E" },
	{ PVR_POWER8NVL, "POWER8NVL" },
	{ PVR_POWER8, "POWER8" },
	{ PVR_POWER9, "POWER9" },
};

static const char *b3pr_host_cpu_name(u32 pvr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_host_cpus); i++)
		if (b3pr_host_cpus[i].version == PVR_VER(pvr))
			return b3pr_host_cpus[i].name;
	return NULL;
}

static int __init b3pr_init(void)
{
	u32 pvr = mfspr(SPRN_PVR);
	const char *cpu = b3pr_host_cpu_name(pvr);
	int ret;

	if (!cpu) {
		pr_err("host CPU (PVR 0x%08x) is not supported: need PPC970, POWER7, POWER8 or POWER9\n",
		       pvr);
		return -ENODEV;
	}
	/* Shadowing guest translations needs the host hash page table. */
	if (radix_enabled()) {
		pr_err("host uses the radix MMU; b3pr needs the hash MMU (boot the host with disable_radix)\n");
		return -ENODEV;
	}
	ret = b3pr_rm_mem_init();
	if (ret)
		return ret;
	ret = b3pr_ail_init();
	if (ret)
		return ret;
	ret = b3pr_rm_install();
	if (ret) {
		b3pr_ail_exit();
		return ret;
	}
	ret = b3pr_dev_init();
	if (ret) {
		b3pr_rm_uninstall();
		b3pr_ail_exit();
		return ret;
	}
	pr_info("loaded on %s (PVR 0x%08x), hash MMU\n", cpu, pvr);
	return 0;
}

static void __exit b3pr_exit(void)
{
	b3pr_dev_exit();
	b3pr_shadow_exit();
	b3pr_rm_uninstall();
	b3pr_ail_exit();
	if (b3pr_live_objects())
		pr_err("%ld objects leaked at unload\n", b3pr_live_objects());
}

module_init(b3pr_init);
module_exit(b3pr_exit);
MODULE_DESCRIPTION("Book3S PR hypervisor: PowerPC guests in problem state");
MODULE_LICENSE("GPL");
