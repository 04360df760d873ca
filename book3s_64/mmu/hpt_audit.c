// SPDX-License-Identifier: GPL-2.0
/*
 * Proof that no host HPTE outlives what made it: the host hash table is
 * read back (pseries H_READ) and its entries counted by VSID, for a live
 * vcpu's context or for the contexts of vcpus already gone.
 *
 * A dead vcpu's context id is not handed back to the host at once: it
 * waits in a short quarantine, so that a leftover HPTE would be found
 * under it (and could never be mistaken for a new process's), and so
 * that a VSID b3pr used is not reused by the next mm straight away.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/sort.h>
#include <linux/spinlock.h>
#include <asm/book3s/64/mmu-hash.h>
#include <asm/mmu_context.h>
#include <asm/plpar_wrappers.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"
#include "tables.h"

#define B3PR_QUARANTINE	8

static DEFINE_SPINLOCK(b3pr_quarantine_lock);
static int b3pr_quarantine[B3PR_QUARANTINE];
static unsigned int b3pr_quarantine_nr, b3pr_quarantine_next;

void b3pr_shadow_release_context(int context)
{
	int old = -1;

	spin_lock(&b3pr_quarantine_lock);
	if (b3pr_quarantine_nr == B3PR_QUARANTINE)
		old = b3pr_quarantine[b3pr_quarantine_next];
	else
		b3pr_quarantine_nr++;
	b3pr_quarantine[b3pr_quarantine_next] = context;
	b3pr_quarantine_next = (b3pr_quarantine_next + 1) % B3PR_QUARANTINE;
	spin_unlock(&b3pr_quarantine_lock);
	if (old >= 0)
		__destroy_context(old);
}

void b3pr_shadow_exit(void)
{
	unsigned int i;

	for (i = 0; i < b3pr_quarantine_nr; i++)
		__destroy_context(b3pr_quarantine[i]);
	b3pr_quarantine_nr = 0;
}

static int b3pr_cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static bool b3pr_vsid_in(const unsigned long *vsids, unsigned int n,
			 unsigned long vsid)
{
	unsigned int lo = 0, hi = n;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (vsids[mid] == vsid)
			return true;
		if (vsids[mid] < vsid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Valid 256 MB-segment HPTEs of the host whose VSID is in @contexts. */
static long b3pr_hpt_count(const int *contexts, unsigned int nr_ctx)
{
	unsigned long nr_hptes = (htab_hash_mask + 1) * HPTES_PER_GROUP;
	unsigned long *vsids, i, ptes[8];
	unsigned int n = 0, c, s, j;
	long count = 0;

	vsids = b3pr_vzalloc(sizeof(*vsids) * B3PR_SHADOW_SEGS * (nr_ctx + 1),
			     GFP_KERNEL);
	if (!vsids)
		return -ENOMEM;
	for (c = 0; c < nr_ctx; c++)
		for (s = 0; s < B3PR_SHADOW_SEGS; s++)
			vsids[n++] = get_vsid(contexts[c],
					      (unsigned long)s << SID_SHIFT,
					      MMU_SEGSIZE_256M);
	sort(vsids, n, sizeof(*vsids), b3pr_cmp_ulong, NULL);
	for (i = 0; i < nr_hptes; i += 4) {
		if (plpar_pte_read_4(0, i, ptes) != H_SUCCESS) {
			count = -EIO;
			break;
		}
		for (j = 0; j < 4; j++) {
			unsigned long v = ptes[2 * j];

			if (!(v & HPTE_V_VALID) ||
			    (v >> HPTE_V_SSIZE_SHIFT) != MMU_SEGSIZE_256M)
				continue;
			if (b3pr_vsid_in(vsids, n, (v >> 12) &
					 ((1UL << 50) - 1)))
				count++;
		}
		cond_resched();
	}
	b3pr_vfree(vsids);
	return count;
}

long b3pr_hpt_count_vcpu(struct b3pr_vcpu *vcpu)
{
	return b3pr_hpt_count(&vcpu->run_state.shadow.context, 1);
}

long b3pr_hpt_count_released(void)
{
	int contexts[B3PR_QUARANTINE];
	unsigned int n;

	spin_lock(&b3pr_quarantine_lock);
	n = b3pr_quarantine_nr;
	memcpy(contexts, b3pr_quarantine, sizeof(contexts));
	spin_unlock(&b3pr_quarantine_lock);
	return b3pr_hpt_count(contexts, n);
}
