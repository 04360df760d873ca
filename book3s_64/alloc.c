// SPDX-License-Identifier: GPL-2.0
/*
 * Counted allocations: tests read the count back through
 * B3PR_GET_MODULE_STATS to prove teardown frees everything, since the
 * distribution kernels b3pr targets have no kmemleak.
 */
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "b3pr/module.h"

static atomic_long_t b3pr_objects = ATOMIC_LONG_INIT(0);

void *b3pr_kzalloc(size_t size, gfp_t gfp)
{
	void *p = kzalloc(size, gfp);

	if (p)
		atomic_long_inc(&b3pr_objects);
	return p;
}

void b3pr_kfree(const void *p)
{
	if (p)
		atomic_long_dec(&b3pr_objects);
	kfree(p);
}

/* Large tables that need not be physically contiguous. */
void *b3pr_vzalloc(size_t size, gfp_t gfp)
{
	void *p = __vmalloc(size, gfp | __GFP_ZERO);

	if (p)
		atomic_long_inc(&b3pr_objects);
	return p;
}

void b3pr_vfree(const void *p)
{
	if (p)
		atomic_long_dec(&b3pr_objects);
	vfree(p);
}

/* Whole pages, for what userspace maps (the vcpu's kvm_run). */
struct page *b3pr_alloc_zeroed_page(gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_ZERO);

	if (page)
		atomic_long_inc(&b3pr_objects);
	return page;
}

void b3pr_free_page(struct page *page)
{
	if (!page)
		return;
	atomic_long_dec(&b3pr_objects);
	__free_page(page);
}

void b3pr_object_get(void)
{
	atomic_long_inc(&b3pr_objects);
}

void b3pr_object_put(void)
{
	atomic_long_dec(&b3pr_objects);
}

long b3pr_live_objects(void)
{
	return atomic_long_read(&b3pr_objects);
}
