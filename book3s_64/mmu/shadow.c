// SPDX-License-Identifier: GPL-2.0
/*
 * The shadow MMU's lifetime, its segments and the shadow SLB the world
 * switch loads, and what the guest's own MMU operations take away.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/mm.h>
#include <asm/book3s/64/mmu-hash.h>
#include <asm/mmu_context.h>

#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu64.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/tlb_key.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"
#include "tables.h"

#define B3PR_SPRN_HID0		1008
#define B3PR_SPRN_HID5		1014

/* What the loaded shadow SLB depends on in the guest MSR. */
#define B3PR_SLB_MODE_MSR	(B3PR_MSR_SF | B3PR_MSR_PR | B3PR_MSR_IR | \
				 B3PR_MSR_DR)

static struct b3pr_shadow *b3pr_sh(struct b3pr_vcpu *vcpu)
{
	return &vcpu->run_state.shadow;
}

/* VSID number @seg of the vcpu's context: ESID @seg of its user range. */
unsigned long b3pr_shadow_vsid(struct b3pr_shadow *sh, u32 seg)
{
	return get_vsid(sh->context, (unsigned long)seg << SID_SHIFT,
			MMU_SEGSIZE_256M);
}

/*
 * Take entry @i out of a shadow SLB (@slb, @seg, *@count); the last one
 * moves into its place, renumbered (slbmte RB names its own index).
 */
static void b3pr_slb_remove(struct b3pr_rm_slbe *slb, u32 *seg, u32 *count,
			    unsigned int i)
{
	unsigned int last = *count - 1;

	if (i != last) {
		slb[i] = slb[last];
		slb[i].esid = (slb[i].esid & ~0xfffULL) | i;
		seg[i] = seg[last];
	}
	*count = last;
}

/* Entries whose ESID is in [first, last], or that name segment @segi. */
static void b3pr_slb_set_remove_where(struct b3pr_rm_slbe *slb, u32 *seg,
				      u32 *count, u64 first, u64 last,
				      int segi)
{
	unsigned int i = 0;

	while (i < *count) {
		u64 esid = slb[i].esid >> SID_SHIFT;

		if ((esid >= first && esid <= last) || seg[i] == segi)
			b3pr_slb_remove(slb, seg, count, i);
		else
			i++;
	}
}

/* The same in the loaded shadow SLB and in those put aside. */
static void b3pr_slb_remove_where(struct b3pr_vcpu *vcpu, u64 first,
				  u64 last, int segi)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_shadow_tables *t = b3pr_sh(vcpu)->t;
	unsigned int i;

	b3pr_slb_set_remove_where(rm->slb, t->slb_seg, &rm->slb_count, first,
				  last, segi);
	for (i = 0; i < B3PR_SLB_SETS_SAVED; i++)
		b3pr_slb_set_remove_where(t->saved[i].slb, t->saved[i].seg,
					  &t->saved[i].count, first, last,
					  segi);
}

static void b3pr_slb_clear(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow_tables *t = b3pr_sh(vcpu)->t;
	unsigned int i;

	vcpu->run_state.rm->slb_count = 0;
	for (i = 0; i < B3PR_SLB_SETS_SAVED; i++) {
		t->saved[i].mode = B3PR_SLB_SET_EMPTY;
		t->saved[i].count = 0;
	}
}

/* A segment index is reused or dropped: nothing may name it after. */
static void b3pr_seg_retire(void *ctx, u32 seg)
{
	struct b3pr_shadow_tables *t = ctx;

	b3pr_spte_flush_seg(&t->cache, seg);
	b3pr_slb_remove_where(t->vcpu, 1, 0, seg);
}

/* The EA range [first, last] of ESIDs changed in the guest's segments. */
static void b3pr_drop_esids(struct b3pr_vcpu *vcpu, u64 first, u64 last)
{
	b3pr_slb_remove_where(vcpu, first, last, -1);
	b3pr_sseg_drop_ea(&b3pr_sh(vcpu)->t->segs, first, last);
}

static void b3pr_drop_all_segments(struct b3pr_vcpu *vcpu)
{
	b3pr_slb_clear(vcpu);
	b3pr_sseg_drop_ea(&b3pr_sh(vcpu)->t->segs, 0, ~0ULL);
}

int b3pr_shadow_init(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	struct b3pr_shadow_tables *t;

	t = b3pr_vzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);
	if (!t)
		return -ENOMEM;
	sh->context = hash__alloc_context_id();
	if (sh->context < 0) {
		int ret = sh->context;

		b3pr_vfree(t);
		return ret;
	}
	t->vcpu = vcpu;
	b3pr_spte_cache_init(&t->cache, t->pool, B3PR_SHADOW_PTES,
			     t->seg_heads, B3PR_SHADOW_SEGS,
			     b3pr_host_spte_unmap, t);
	b3pr_sseg_init(&t->segs, b3pr_seg_retire, t);
	spin_lock_init(&sh->lock);
	sh->t = t;
	b3pr_slb_clear(vcpu);
	sh->slb_max = min_t(unsigned int, mmu_slb_size,
			    B3PR_SHADOW_SLB_ENTRIES);
	return 0;
}

static void b3pr_drop_insn_page(struct b3pr_shadow *sh)
{
	if (sh->insn_page) {
		b3pr_memslot_unpin(sh->insn_page, false);
		sh->insn_page = NULL;
	}
}

static void b3pr_shadow_flush_locked(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);

	b3pr_spte_flush_all(&sh->t->cache);
	b3pr_sseg_init(&sh->t->segs, b3pr_seg_retire, sh->t);
	b3pr_slb_clear(vcpu);
	b3pr_drop_insn_page(sh);
}

void b3pr_shadow_drop_gfns(struct b3pr_vcpu *vcpu, u64 first, u64 last,
			   bool writable_only)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	u64 insn_first, insn_last;

	spin_lock(&sh->lock);
	if (!sh->t) {
		spin_unlock(&sh->lock);
		return;
	}
	if (writable_only) {
		b3pr_spte_flush_gfns_writable(&sh->t->cache, first, last);
	} else {
		b3pr_spte_flush_gfns(&sh->t->cache, first, last);
		insn_first = sh->insn_gpa >> 12;
		insn_last = (sh->insn_gpa + PAGE_SIZE - 1) >> 12;
		if (insn_first <= last && first <= insn_last)
			b3pr_drop_insn_page(sh);
	}
	spin_unlock(&sh->lock);
}

void b3pr_shadow_flush(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);

	spin_lock(&sh->lock);
	b3pr_shadow_flush_locked(vcpu);
	spin_unlock(&sh->lock);
}

void b3pr_shadow_destroy(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);

	if (!sh->t)
		return;
	b3pr_shadow_flush(vcpu);
	b3pr_vfree(sh->t);
	sh->t = NULL;
	b3pr_shadow_release_context(sh->context);
}

unsigned int b3pr_shadow_nr_ptes(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	unsigned int n;

	spin_lock(&sh->lock);
	n = sh->t->cache.nr;
	spin_unlock(&sh->lock);
	return n;
}

/*
 * The guest's MSR changed what its shadow SLB means: the loaded one is
 * put aside for its mode and the new mode's comes back, if kept.
 */
void b3pr_shadow_prepare_entry(struct b3pr_vcpu *vcpu)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	u64 mode = vcpu->g.msr & B3PR_SLB_MODE_MSR;
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_shadow_tables *t = sh->t;
	struct b3pr_slb_set *back = NULL, *aside = NULL;
	unsigned int i;

	if (mode == sh->slb_mode)
		return;
	spin_lock(&sh->lock);
	for (i = 0; i < B3PR_SLB_SETS_SAVED; i++) {
		if (t->saved[i].mode == mode)
			back = &t->saved[i];
		else if (t->saved[i].mode == B3PR_SLB_SET_EMPTY)
			aside = &t->saved[i];
	}
	/* No room: the sets of other modes take turns to go. */
	while (!aside) {
		i = t->next_saved;
		t->next_saved = (i + 1) % B3PR_SLB_SETS_SAVED;
		if (&t->saved[i] != back)
			aside = &t->saved[i];
	}
	aside->mode = sh->slb_mode;
	aside->count = rm->slb_count;
	memcpy(aside->slb, rm->slb, sizeof(aside->slb));
	memcpy(aside->seg, t->slb_seg, sizeof(aside->seg));
	rm->slb_count = 0;
	if (back) {
		rm->slb_count = back->count;
		memcpy(rm->slb, back->slb, sizeof(rm->slb));
		memcpy(t->slb_seg, back->seg, sizeof(t->slb_seg));
		back->mode = B3PR_SLB_SET_EMPTY;
		back->count = 0;
	}
	sh->slb_mode = mode;
	spin_unlock(&sh->lock);
}

/* Under sh->lock: the segment for @ea, loaded into the shadow SLB. */
int b3pr_shadow_seg_for(struct b3pr_vcpu *vcpu, u64 ea, bool fetch,
			struct b3pr_interrupt *fault)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_seg_desc d;
	unsigned int i;
	u32 seg;

	if (!b3pr_seg_describe(&vcpu->g, ea, fetch, &d, fault))
		return -1;
	seg = b3pr_sseg_get(&sh->t->segs, &d);
	for (i = 0; i < rm->slb_count; i++)
		if (rm->slb[i].esid >> SID_SHIFT == d.esid)
			break;
	if (i == rm->slb_count) {
		if (rm->slb_count < sh->slb_max)
			i = rm->slb_count++;
		else
			i = sh->next_slb++ % sh->slb_max;
	}
	rm->slb[i].esid = (d.esid << SID_SHIFT) | SLB_ESID_V | i;
	/* Kp=1: the guest runs in problem state; 4K base pages (L=0). */
	rm->slb[i].vsid = (b3pr_shadow_vsid(sh, seg) << SLB_VSID_SHIFT) |
			  SLB_VSID_KP;
	sh->t->slb_seg[i] = seg;
	return seg;
}

/*
 * A tlbie is broadcast: every vcpu of the VM drops what it names. The
 * caller holds no shadow lock (the VM's lock comes first).
 */
static void b3pr_tlbie_all_vcpus(struct b3pr_vcpu *vcpu, const u64 *keys,
				 const unsigned int *shifts, unsigned int n)
{
	struct b3pr_vm *vm = vcpu->vm;
	unsigned int v, k;

	mutex_lock(&vm->lock);
	for (v = 0; v < vm->nr_vcpus; v++) {
		struct b3pr_shadow *sh = b3pr_sh(vm->vcpus[v]);

		if (!sh->t)
			continue;
		spin_lock(&sh->lock);
		for (k = 0; k < n; k++)
			b3pr_spte_flush_tlb(&sh->t->cache, keys[k], shifts[k]);
		spin_unlock(&sh->lock);
	}
	mutex_unlock(&vm->lock);
}

/* tlbie/tlbiel: arg0 = RB, arg1 = L | IS << 1 (emul_mmu64.c). */
static void b3pr_guest_tlbie(struct b3pr_vcpu *vcpu, const struct b3pr_emul *e)
{
	u64 keys[B3PR_TLBIE_MAX_KEYS];
	unsigned int shifts[B3PR_TLBIE_MAX_KEYS], n, k;
	bool local = B3PR_XO10(e->insn) == 274;	/* tlbiel */

	if (e->arg1 >> 1) {	/* tlbiel of a whole set or the TLB */
		b3pr_spte_flush_translated(&b3pr_sh(vcpu)->t->cache);
		return;
	}
	n = b3pr_tlbie_keys(&vcpu->g, e->arg0, e->arg1, keys, shifts);
	if (local) {
		for (k = 0; k < n; k++)
			b3pr_spte_flush_tlb(&b3pr_sh(vcpu)->t->cache, keys[k],
					    shifts[k]);
		return;
	}
	spin_unlock(&b3pr_sh(vcpu)->lock);
	b3pr_tlbie_all_vcpus(vcpu, keys, shifts, n);
	spin_lock(&b3pr_sh(vcpu)->lock);
}

/* The ESIDs of a guest SLB entry image (slbmte RB / slbie range). */
static void b3pr_drop_slb_entry(struct b3pr_vcpu *vcpu, u64 esid_img, bool tb)
{
	u64 first = esid_img >> SID_SHIFT;

	if (tb)
		first &= ~0xfffULL;
	b3pr_drop_esids(vcpu, first, first + (tb ? 0xfff : 0));
}

void b3pr_shadow_guest_mmu_changed(struct b3pr_vcpu *vcpu,
				   const struct b3pr_emul *e)
{
	struct b3pr_shadow *sh = b3pr_sh(vcpu);
	const struct b3pr_slb_entry *slbe;

	spin_lock(&sh->lock);
	switch (e->host) {
	case B3PR_HOST_SLB_CHANGED:
		/* The new entry's segment, and the one it replaced. */
		slbe = &vcpu->g.slb[e->arg0];
		b3pr_drop_slb_entry(vcpu, slbe->esid,
				    b3pr_slb_seg_shift(slbe) == 40);
		if (e->old_slbe.esid & B3PR_SLB_V)
			b3pr_drop_slb_entry(vcpu, e->old_slbe.esid,
					    b3pr_slb_seg_shift(&e->old_slbe) ==
					    40);
		break;
	case B3PR_HOST_SLB_INVALIDATE:
		b3pr_drop_slb_entry(vcpu, e->arg0,
				    (e->arg1 & B3PR_SLBIE_B) != 0);
		break;
	case B3PR_HOST_SLB_INVALIDATE_ALL:
	case B3PR_HOST_BAT_CHANGED:
		b3pr_drop_all_segments(vcpu);
		break;
	case B3PR_HOST_SR_CHANGED:
		b3pr_drop_esids(vcpu, e->arg0, e->arg0);
		break;
	case B3PR_HOST_TLB_INVALIDATE:
		b3pr_guest_tlbie(vcpu, e);
		break;
	case B3PR_HOST_TLB_INVALIDATE_ALL:
	case B3PR_HOST_SDR1_CHANGED:
		b3pr_spte_flush_translated(&sh->t->cache);
		break;
	case B3PR_HOST_SPR_CHANGED:
		/*
		 * HID0[HIGH_BAT_EN] (7455) turns BATs 4-7 on or off;
		 * HID5[DCBZ32] (970) changes what dcbz clears, so which
		 * code pages run from patched copies.
		 */
		if (e->arg0 == B3PR_SPRN_HID0 && !vcpu->g.cpu->is_64bit)
			b3pr_drop_all_segments(vcpu);
		else if (e->arg0 == B3PR_SPRN_HID5)
			b3pr_shadow_flush_locked(vcpu);
		break;
	default:
		break;
	}
	spin_unlock(&sh->lock);
}
