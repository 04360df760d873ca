/* SPDX-License-Identifier: GPL-2.0 */
/* Module-wide kernel glue shared by the files under book3s_64/. */
#ifndef B3PR_MODULE_H
#define B3PR_MODULE_H

#include <linux/types.h>
#include <linux/gfp.h>

int b3pr_dev_init(void);
void b3pr_dev_exit(void);

struct page;

/* Counted allocations: every b3pr object goes through these. */
void *b3pr_kzalloc(size_t size, gfp_t gfp);
void b3pr_kfree(const void *p);
void *b3pr_vzalloc(size_t size, gfp_t gfp);
void b3pr_vfree(const void *p);
struct page *b3pr_alloc_zeroed_page(gfp_t gfp);
void b3pr_free_page(struct page *page);
/* Something else the module holds, such as a pinned page. */
void b3pr_object_get(void);
void b3pr_object_put(void);
long b3pr_live_objects(void);

long b3pr_check_extension(unsigned long cap);

#endif /* B3PR_MODULE_H */
