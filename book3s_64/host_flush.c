// SPDX-License-Identifier: GPL-2.0
/*
 * The L1D flushes of the world switch: the ones the host kernel chose for
 * its own return to problem state (into a guest) and for its own entry
 * from it (out of a guest). A pseries kernel decides from the
 * hypervisor's H_GET_CPU_CHARACTERISTICS (what flush instructions the
 * firmware provides, whether the flush is wanted at all) and from
 * mitigations=off; b3pr asks the same questions. Without an answer the
 * kernel assumes the flush is needed and uses the fallback: so do we.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/cpu.h>
#include <asm/hvcall.h>
#include <asm/plpar_wrappers.h>

#include "b3pr/l1d_flush.h"
#include "b3pr/rm.h"

/* The kernel's own words for it, as its boot log names them. */
const char *b3pr_l1d_flush_name(unsigned long kind)
{
	switch (kind) {
	case 0:
		return "none";
	case B3PR_L1D_FLUSH_ORI30:
		return "ori type";
	case B3PR_L1D_FLUSH_MTTRIG:
		return "mttrig type";
	case B3PR_L1D_FLUSH_ORI30 | B3PR_L1D_FLUSH_MTTRIG:
		return "ori+mttrig type";
	default:
		return "fallback displacement";
	}
}

/*
 * The kind the kernel would patch in where the flush is wanted: both
 * instructions where the firmware offers both, else the fallback.
 */
static unsigned long b3pr_flush_kind(const struct h_cpu_char_result *c)
{
	unsigned long kind = 0;

	if (c->character & H_CPU_CHAR_L1D_FLUSH_ORI30)
		kind |= B3PR_L1D_FLUSH_ORI30;
	if (c->character & H_CPU_CHAR_L1D_FLUSH_TRIG2)
		kind |= B3PR_L1D_FLUSH_MTTRIG;
	return kind ? kind : B3PR_L1D_FLUSH_DISPLACEMENT;
}

/*
 * The flush the kernel does where the hypervisor favours security and
 * @wanted says the flush is needed (pseries_setup_security_mitigations).
 */
static unsigned long b3pr_host_flush(bool (*wanted)(u64 behaviour))
{
	struct h_cpu_char_result c = { 0 };

	if (cpu_mitigations_off())
		return 0;
	if (plpar_get_cpu_characteristics(&c) != H_SUCCESS)
		return B3PR_L1D_FLUSH_DISPLACEMENT;
	if (!(c.behaviour & H_CPU_BEHAV_FAVOUR_SECURITY) || !wanted(c.behaviour))
		return 0;
	return b3pr_flush_kind(&c);
}

static bool b3pr_flush_on_return(u64 behaviour)
{
	return behaviour & H_CPU_BEHAV_L1D_FLUSH_PR;
}

static bool b3pr_flush_on_entry(u64 behaviour)
{
	return !(behaviour & H_CPU_BEHAV_NO_L1D_FLUSH_ENTRY);
}

unsigned long b3pr_host_l1d_flush(void)
{
	return b3pr_host_flush(b3pr_flush_on_return);
}

unsigned long b3pr_host_entry_flush(void)
{
	return b3pr_host_flush(b3pr_flush_on_entry);
}
