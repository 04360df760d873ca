// SPDX-License-Identifier: GPL-2.0
/*
 * Executable-only patched copies of guest code pages, for guests whose
 * dcbz clears less than the host's (include/b3pr/dcbz_patch.h).
 *
 * A copy is mapped with virtual page class key B3PR_DCBZ_KEY (Book III-S
 * 5.7.13.2): while the guest runs, the AMR denies loads and stores with
 * that key and the IAMR allows fetches, so the guest executes the copy
 * and its loads and stores fault instead; the shadow MMU then maps the
 * guest's own page for data, no-execute, until the next fetch there.
 * UAMOR is 0 meanwhile, so problem state cannot lift the AMR's denial.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/err.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>
#include <asm/reg.h>

#include "b3pr/dcbz_patch.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/vm.h"
#include "tables.h"

/* Not 0 (the default key) nor 3 (the host kernel's, with KUAP). */
#define B3PR_DCBZ_KEY		29
/* AMR / IAMR bits 2K:2K+1 (MSB 0) for key K: store, load / fetch. */
#define B3PR_KEY_DENY_DATA	(3UL << (62 - 2 * B3PR_DCBZ_KEY))
#define B3PR_KEY_DENY_FETCH	(1UL << (62 - 2 * B3PR_DCBZ_KEY))

bool b3pr_dcbz_traps(struct b3pr_vcpu *vcpu)
{
	return b3pr_dcbz_size(&vcpu->g) < ppc64_caches.l1d.block_size;
}

/* HPTE doubleword 1 key bits: key 0:1 in bits 2:3, key 2:4 in 52:54. */
unsigned long b3pr_dcbz_key_rflags(void)
{
	return ((unsigned long)(B3PR_DCBZ_KEY >> 3) << 60) |
	       ((unsigned long)(B3PR_DCBZ_KEY & 7) << 9);
}

void *b3pr_dcbz_copy(struct b3pr_vcpu *vcpu, struct page *page, u64 gpa)
{
	void *src = page_address(page) + (gpa & ~PAGE_MASK & ~0xfffULL);
	u32 *copy;

	copy = b3pr_kzalloc(SZ_4K, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	memcpy(copy, src, SZ_4K);
	if (!b3pr_dcbz_patch(copy, SZ_4K / 4, vcpu->g.msr & B3PR_MSR_LE)) {
		b3pr_kfree(copy);
		return NULL;
	}
	flush_icache_range((unsigned long)copy, (unsigned long)copy + SZ_4K);
	return copy;
}

void b3pr_dcbz_keys_enter(struct b3pr_dcbz_keys *host)
{
	host->amr = mfspr(SPRN_AMR);
	host->iamr = mfspr(SPRN_IAMR);
	host->uamor = mfspr(SPRN_UAMOR);
	mtspr(SPRN_AMR, host->amr | B3PR_KEY_DENY_DATA);
	mtspr(SPRN_IAMR, host->iamr & ~B3PR_KEY_DENY_FETCH);
	mtspr(SPRN_UAMOR, 0);
	isync();
}

void b3pr_dcbz_keys_exit(const struct b3pr_dcbz_keys *host)
{
	mtspr(SPRN_AMR, host->amr);
	mtspr(SPRN_IAMR, host->iamr);
	mtspr(SPRN_UAMOR, host->uamor);
	isync();
}
