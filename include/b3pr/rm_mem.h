/* SPDX-License-Identifier: GPL-2.0 */
/* Memory the real-mode code touches, below what real mode reaches. */
#ifndef B3PR_RM_MEM_H
#define B3PR_RM_MEM_H

#include <linux/types.h>

int b3pr_rm_mem_init(void);
/* The first real address real mode cannot reach (U64_MAX: none). */
u64 b3pr_rm_reach(void);
/* How many pages from the page allocator were refused (above it, or forced). */
long b3pr_rm_pages_refused(void);
/* debugfs rm_force_fallback: refuse every page the allocator offers. */
extern bool b3pr_rm_force_fallback;
/*
 * A zeroed page (PAGE_SIZE bytes) real mode reaches, or NULL: a vcpu's,
 * counted among the live objects (B3PR_GET_MODULE_STATS).
 */
void *b3pr_rm_zalloc_page(void);
void b3pr_rm_free_page(void *p);
/* The same for what lives as long as the module (not counted). */
void *b3pr_rm_zalloc_module_page(void);
void b3pr_rm_free_module_page(void *p);

#endif /* B3PR_RM_MEM_H */
