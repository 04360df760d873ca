// SPDX-License-Identifier: GPL-2.0
/*
 * Execute-only host pages, with a virtual page class key of b3pr's own
 * (Book III-S 5.7.13.2): while a guest that may have such pages runs,
 * the AMR denies loads and stores with the key and the IAMR allows
 * fetches, so a fetch goes through and a load or store takes a key-fault
 * DSI the shadow MMU answers with a data mapping of its own. UAMOR
 * loses the key's bits meanwhile, so problem state cannot lift the
 * denial; the guest's own AMR bits for the key are kept aside.
 *
 * Users: the patched copy of a code page holding a dcbz (dcbz_copy.c),
 * and the fetch side of a page whose fetches and data accesses translate
 * differently (MSR[IR] != MSR[DR]).
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <asm/reg.h>

#include "b3pr/msr.h"
#include "b3pr/vm.h"
#include "tables.h"

/* Not 0 (the default key) nor 3 (the host kernel's, with KUAP). */
#define B3PR_XO_KEY		29
/* AMR / IAMR bits 2K:2K+1 (MSB 0) for key K: store, load / fetch. */
#define B3PR_KEY_DENY_DATA	(3UL << (62 - 2 * B3PR_XO_KEY))
#define B3PR_KEY_DENY_FETCH	(1UL << (62 - 2 * B3PR_XO_KEY))

bool b3pr_xo_keys_needed(struct b3pr_vcpu *vcpu)
{
	return b3pr_msr_split_translation(vcpu->g.msr) ||
	       b3pr_dcbz_traps(vcpu);
}

/* HPTE doubleword 1 key bits: key 0:1 in bits 2:3, key 2:4 in 52:54. */
unsigned long b3pr_xo_key_rflags(void)
{
	return ((unsigned long)(B3PR_XO_KEY >> 3) << 60) |
	       ((unsigned long)(B3PR_XO_KEY & 7) << 9);
}

void b3pr_xo_keys_enter(struct b3pr_xo_keys *saved)
{
	saved->amr = mfspr(SPRN_AMR);
	saved->iamr = mfspr(SPRN_IAMR);
	saved->uamor = mfspr(SPRN_UAMOR);
	mtspr(SPRN_AMR, saved->amr | B3PR_KEY_DENY_DATA);
	mtspr(SPRN_IAMR, saved->iamr & ~B3PR_KEY_DENY_FETCH);
	mtspr(SPRN_UAMOR, saved->uamor & ~B3PR_KEY_DENY_DATA);
	isync();
}

/*
 * The guest may have changed the AMR's other keys: those stay. The
 * real-mode exit kept the AMR the guest left with in @exit_amr and gave
 * the kernel its own back.
 */
void b3pr_xo_keys_exit(const struct b3pr_xo_keys *saved, u64 *exit_amr)
{
	*exit_amr = (*exit_amr & ~B3PR_KEY_DENY_DATA) |
		    (saved->amr & B3PR_KEY_DENY_DATA);
	mtspr(SPRN_IAMR, saved->iamr);
	mtspr(SPRN_UAMOR, saved->uamor);
	isync();
}
