/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Result reporting for the programs that run inside the emulated host.
 * Each check prints one "E2E-PASS name" or "E2E-FAIL name: why" line; the
 * harness on the build machine counts them from the console.
 */
#ifndef B3PR_E2E_H
#define B3PR_E2E_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "uapi/b3pr/b3pr.h"

extern int e2e_failures;

#define e2e_pass(name)	printf("E2E-PASS %s\n", name)

#define e2e_fail(name, fmt, ...)					\
	do {								\
		printf("E2E-FAIL %s: " fmt "\n", name, ##__VA_ARGS__);	\
		e2e_failures++;						\
	} while (0)

/* An ioctl's result: its return value, or -errno. */
static inline long e2e_ret(long r)
{
	return r < 0 ? -errno : r;
}

#define e2e_expect_ret(name, expected, got)				\
	do {								\
		long e_ = (expected), g_ = (got);			\
		if (e_ == g_)						\
			e2e_pass(name);					\
		else							\
			e2e_fail(name, "expected %ld (%s), got %ld (%s)",	\
				 e_, e_ < 0 ? strerror(-e_) : "ok",	\
				 g_, g_ < 0 ? strerror(-g_) : "ok");	\
	} while (0)

/* The module's counters; all ones (and a failed check) if unreadable. */
static inline struct b3pr_module_stats e2e_module_stats(int dev,
							 const char *check)
{
	struct b3pr_module_stats st;

	memset(&st, 0xff, sizeof(st));
	if (ioctl(dev, B3PR_GET_MODULE_STATS, &st))
		e2e_fail(check, "B3PR_GET_MODULE_STATS: %s", strerror(errno));
	return st;
}

/*
 * No VM, no vcpu, no allocation of b3pr alive; given up to @tenths tenths
 * of a second to get there (the last reference to a reaped child's VM
 * can be dropped a little after waitpid).
 */
static inline void e2e_expect_idle(int dev, const char *check,
				   unsigned int tenths)
{
	struct b3pr_module_stats st = e2e_module_stats(dev, check);

	while ((st.live_objects || st.vms || st.vcpus) && tenths--) {
		usleep(100000);
		st = e2e_module_stats(dev, check);
	}
	if (st.live_objects || st.vms || st.vcpus)
		e2e_fail(check, "%llu objects, %llu VMs, %llu vcpus alive",
			 (unsigned long long)st.live_objects,
			 (unsigned long long)st.vms,
			 (unsigned long long)st.vcpus);
	else
		e2e_pass(check);
}

#endif /* B3PR_E2E_H */
