// SPDX-License-Identifier: GPL-2.0
/*
 * Memory the real-mode world switch reads and writes. On an LPAR, real
 * mode reaches only the real mode area (RMA) the hypervisor gives the
 * partition; a real-mode access above it faults with MSR[RI]=0, which the
 * host cannot recover from. Book3S-64 has no zone for "below the RMA", so
 * a page from the allocator is kept only when it lies below, and
 * otherwise one is taken from inside the RMA with alloc_contig_range,
 * which migrates what is there away.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/sizes.h>
#include <asm/cputable.h>

#include "b3pr/module.h"
#include "b3pr/rm_mem.h"

static u64 b3pr_rma_end;
static atomic_long_t b3pr_rm_refused;
/* Tests: take every page from inside the RMA, as if the allocator's lay above. */
bool b3pr_rm_force_fallback;

/*
 * The size of the memory block at real address 0, as the kernel takes it
 * for its own RMA (early_init_dt_add_memory_arch): a kdump kernel's
 * "linux,usable-memory" ranges, or else "reg". 0 if no block starts at 0.
 */
static u64 b3pr_first_block_size(void)
{
	static const char * const props[] = { "linux,usable-memory", "reg" };
	struct device_node *mem;
	u64 size = 0;

	for_each_node_by_type(mem, "memory") {
		int na = of_n_addr_cells(mem), ns = of_n_size_cells(mem);
		const __be32 *cell;
		unsigned int i;
		int len;

		for (i = 0; i < ARRAY_SIZE(props); i++) {
			cell = of_get_property(mem, props[i], &len);
			if (cell && len >= (na + ns) * 4)
				break;
		}
		if (i == ARRAY_SIZE(props) || of_read_number(cell, na))
			continue;
		size = of_read_number(cell + na, ns);
		of_node_put(mem);
		break;
	}
	return size;
}

/*
 * Where real mode stops reaching, by the kernel's own rule for its RMA
 * (hash__setup_initial_memory_limit): everywhere in hypervisor state;
 * in a partition, the first memory block, at most 1 GB before ISA 3.0
 * and 1 TB (the VRMA segment) from it.
 */
int b3pr_rm_mem_init(void)
{
	u64 first;

	if (cpu_has_feature(CPU_FTR_HVMODE)) {
		b3pr_rma_end = U64_MAX;
		return 0;
	}
	first = b3pr_first_block_size();
	if (!first) {
		pr_err("no memory block at real address 0 in the device tree: cannot tell what real mode reaches\n");
		return -ENODEV;
	}
	b3pr_rma_end = min_t(u64, first,
			     cpu_has_feature(CPU_FTR_ARCH_300) ? SZ_1T : SZ_1G);
	return 0;
}

u64 b3pr_rm_reach(void)
{
	return b3pr_rma_end;
}

long b3pr_rm_pages_refused(void)
{
	return atomic_long_read(&b3pr_rm_refused);
}

static bool b3pr_rm_page_reachable(struct page *page)
{
	return page_to_phys(page) + PAGE_SIZE <= b3pr_rma_end;
}

/*
 * A free page from inside the RMA, from its top down: in each 16 MB
 * stretch a few free pages are tried (alloc_contig_range isolates the
 * pageblock around one; it fails where that holds what cannot move).
 */
#define B3PR_RM_STRETCH_PAGES	(SZ_16M >> PAGE_SHIFT)
#define B3PR_RM_TRIES_PER_STRETCH	4

static struct page *b3pr_rm_page_from_rma(void)
{
	unsigned long top = min_t(u64, b3pr_rma_end, __pa(high_memory)) >>
			    PAGE_SHIFT;
	unsigned long lo, pfn, tries;

	for (; top; top = lo) {
		lo = top - min_t(unsigned long, top, B3PR_RM_STRETCH_PAGES);
		tries = 0;
		for (pfn = top; pfn-- > lo && tries < B3PR_RM_TRIES_PER_STRETCH;) {
			if (!pfn_valid(pfn) || !is_free_buddy_page(pfn_to_page(pfn)))
				continue;
			if (!alloc_contig_range(pfn, pfn + 1, MIGRATE_MOVABLE,
						GFP_KERNEL | __GFP_NOWARN))
				return pfn_to_page(pfn);
			tries++;
		}
		cond_resched();
	}
	return NULL;
}

/* One zeroed page below the RMA's end, or NULL. */
static void *b3pr_rm_page_zalloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (page && (!b3pr_rm_page_reachable(page) ||
		     READ_ONCE(b3pr_rm_force_fallback))) {
		atomic_long_inc(&b3pr_rm_refused);
		__free_page(page);
		page = b3pr_rm_page_from_rma();
	}
	if (!page) {
		pr_warn_ratelimited("no free page below the real mode limit 0x%llx\n",
				    b3pr_rma_end);
		return NULL;
	}
	clear_page(page_address(page));
	return page_address(page);
}

void *b3pr_rm_zalloc_page(void)
{
	void *p = b3pr_rm_page_zalloc();

	if (p)
		b3pr_object_get();
	return p;
}

void b3pr_rm_free_page(void *p)
{
	if (!p)
		return;
	b3pr_object_put();
	free_page((unsigned long)p);
}

void *b3pr_rm_zalloc_module_page(void)
{
	return b3pr_rm_page_zalloc();
}

void b3pr_rm_free_module_page(void *p)
{
	if (p)
		free_page((unsigned long)p);
}
