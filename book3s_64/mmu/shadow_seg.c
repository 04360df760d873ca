// SPDX-License-Identifier: GPL-2.0
/*
 * Shadow segments (include/b3pr/shadow_seg.h): the key of the host
 * segment behind a guest EA, and the table that turns keys into host VSID
 * numbers.
 */
#include "b3pr/shadow_seg.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/mmu64.h"
#include "b3pr/msr.h"

#define B3PR_SEG_ID_MASK	((1ULL << 56) - 1)

/* Mode byte of a key: kind, then MSR[PR], [IR], [DR]. */
static u64 b3pr_seg_key(enum b3pr_seg_kind kind, bool pr, bool ir, bool dr,
			u64 id)
{
	u64 mode = ((u64)kind << 3) | (pr << 2) | (ir << 1) | dr;

	return (id & B3PR_SEG_ID_MASK) | mode << 56;
}

u64 b3pr_seg_host_ea(const struct b3pr_guest_state *g, u64 ea)
{
	if (!g->cpu->is_64bit || !(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffULL;
	return ea;
}

/*
 * A 64-bit guest segment: its VA in 256 MB units (a 1 TB segment's VSID
 * with the EA's 256 MB index inside it) and everything of the SLB entry
 * that changes what its pages translate to or allow: the key for this
 * privilege, N, the segment and base page sizes.
 */
static u64 b3pr_seg64_id(const struct b3pr_slb_entry *slbe, u64 ea, bool pr)
{
	u64 vsid = b3pr_slb_vsid(slbe), v = slbe->vsid;
	bool tb = b3pr_slb_seg_shift(slbe) == 40;
	u64 va_seg = tb ? (vsid << 12) | ((ea >> 28) & 0xfff) : vsid;

	return (va_seg & ((1ULL << 50) - 1)) |
	       (u64)!!(v & (pr ? B3PR_SLB_KP : B3PR_SLB_KS)) << 50 |
	       (u64)!!(v & B3PR_SLB_N) << 51 |
	       (u64)!!(v & B3PR_SLB_L) << 52 |
	       ((v & B3PR_SLB_LP) >> 4) << 53 |
	       (u64)tb << 55;
}

bool b3pr_seg_describe(const struct b3pr_guest_state *g, u64 ea, bool fetch,
		       struct b3pr_seg_desc *d, struct b3pr_interrupt *fault)
{
	bool pr = g->msr & B3PR_MSR_PR;
	bool ir = g->msr & B3PR_MSR_IR;
	bool dr = g->msr & B3PR_MSR_DR;
	const struct b3pr_slb_entry *slbe;
	u64 id;

	ea = b3pr_seg_host_ea(g, ea);
	d->esid = ea >> 28;
	if (!ir && !dr) {
		d->kind = B3PR_SEG_REAL;
		id = b3pr_real_address(g, ea) >> 28;
	} else if (b3pr_msr_split_translation(g->msr)) {
		d->kind = B3PR_SEG_EA;
		id = d->esid;
	} else if (g->cpu->is_64bit) {
		slbe = b3pr_slb_find(g, ea);
		if (!slbe) {
			*fault = fetch ? b3pr_irq_iseg() : b3pr_irq_dseg(ea);
			return false;
		}
		d->kind = B3PR_SEG_VIRT;
		id = b3pr_seg64_id(slbe, ea, pr);
	} else if (b3pr_seg32_has_bat(g, d->esid, pr)) {
		d->kind = B3PR_SEG_EA;
		id = d->esid;
	} else {
		d->kind = B3PR_SEG_VIRT;
		id = b3pr_seg32_id(g->sr[d->esid & (B3PR_NR_SR - 1)], pr);
	}
	d->key = b3pr_seg_key(d->kind, pr, ir, dr, id);
	return true;
}

void b3pr_seg_ea_keys(u64 esid, u64 keys[B3PR_SEG_EA_MODES])
{
	unsigned int pr, n = 0;

	for (pr = 0; pr < 2; pr++) {
		keys[n++] = b3pr_seg_key(B3PR_SEG_EA, pr, true, false, esid);
		keys[n++] = b3pr_seg_key(B3PR_SEG_EA, pr, false, true, esid);
		keys[n++] = b3pr_seg_key(B3PR_SEG_EA, pr, true, true, esid);
	}
}

/* The table: a hash of keys over a fixed array, an LRU order. */

#define b3pr_sseg_of(ptr, member) \
	b3pr_link_entry(ptr, struct b3pr_sseg, member)

static unsigned int b3pr_sseg_hash(u64 key)
{
	return b3pr_hash64(key, B3PR_SSEG_HASH_BITS);
}

void b3pr_sseg_init(struct b3pr_sseg_table *t,
		    void (*retire)(void *ctx, u32 index), void *ctx)
{
	unsigned int i;

	memset(t, 0, sizeof(*t));
	t->retire = retire;
	t->ctx = ctx;
	b3pr_link_init(&t->lru);
	b3pr_link_init(&t->free);
	b3pr_link_init(&t->ea_segs);
	for (i = 0; i < B3PR_SSEG_HASH_SIZE; i++)
		b3pr_link_init(&t->key_heads[i]);
	for (i = 0; i < B3PR_SHADOW_SEGS; i++) {
		b3pr_link_init(&t->seg[i].by_key);
		b3pr_link_init(&t->seg[i].ea_kind);
		b3pr_link_add_tail(&t->free, &t->seg[i].lru);
	}
}

int b3pr_sseg_find(struct b3pr_sseg_table *t, u64 key)
{
	struct b3pr_link *head = &t->key_heads[b3pr_sseg_hash(key)];
	struct b3pr_link *l;

	for (l = head->next; l != head; l = l->next) {
		struct b3pr_sseg *s = b3pr_sseg_of(l, by_key);

		if (s->key == key)
			return s - t->seg;
	}
	return -1;
}

void b3pr_sseg_drop(struct b3pr_sseg_table *t, u32 index)
{
	struct b3pr_sseg *s = &t->seg[index];

	if (index >= B3PR_SHADOW_SEGS || !s->used)
		return;
	s->used = false;
	b3pr_link_del(&s->by_key);
	b3pr_link_del(&s->ea_kind);
	b3pr_link_del(&s->lru);
	b3pr_link_add_tail(&t->free, &s->lru);
}

u32 b3pr_sseg_get(struct b3pr_sseg_table *t, const struct b3pr_seg_desc *d)
{
	int found = b3pr_sseg_find(t, d->key);
	struct b3pr_sseg *s;
	u32 index;

	if (found >= 0) {
		s = &t->seg[found];
		b3pr_link_del(&s->lru);
		b3pr_link_add_tail(&t->lru, &s->lru);
		return found;
	}
	if (b3pr_link_empty(&t->free)) {
		index = b3pr_sseg_of(t->lru.next, lru) - t->seg;
		t->retire(t->ctx, index);
		b3pr_sseg_drop(t, index);
	}
	s = b3pr_sseg_of(t->free.next, lru);
	b3pr_link_del(&s->lru);
	s->used = true;
	s->key = d->key;
	s->kind = d->kind;
	s->esid = d->esid;
	b3pr_link_add_tail(&t->key_heads[b3pr_sseg_hash(d->key)], &s->by_key);
	if (d->kind == B3PR_SEG_EA)
		b3pr_link_add_tail(&t->ea_segs, &s->ea_kind);
	b3pr_link_add_tail(&t->lru, &s->lru);
	return s - t->seg;
}

void b3pr_sseg_drop_ea(struct b3pr_sseg_table *t, u64 first, u64 last)
{
	struct b3pr_link *l, *next;

	for (l = t->ea_segs.next; l != &t->ea_segs; l = next) {
		struct b3pr_sseg *s = b3pr_sseg_of(l, ea_kind);

		next = l->next;
		if (s->esid >= first && s->esid <= last) {
			t->retire(t->ctx, s - t->seg);
			b3pr_sseg_drop(t, s - t->seg);
		}
	}
}
