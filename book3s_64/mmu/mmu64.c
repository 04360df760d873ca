// SPDX-License-Identifier: GPL-2.0
/*
 * The 64-bit guest MMU (Power ISA Book III-S v2.07 chapter 5): guest
 * effective address -> SLB -> virtual address -> guest hashed page table
 * -> guest real address, with the storage protection checks and the R/C
 * updates the hardware makes.
 */
#include "b3pr/mmu64.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_mem.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"

/*
 * Page sizes per segment base page size: the HPTE's L bit and the LP
 * encoding in the low RPN bits (ISA 5.7.7.1; the encodings are the
 * POWER7/8 ones, also the 970's for 16 MB). Only actual == base sizes:
 * mixed page size segments are not emulated.
 */
struct b3pr_page_enc {
	unsigned int base_shift;
	unsigned int shift;
	bool large;		/* HPTE L */
	u64 lp;			/* dword 1 RPN bits below the page size */
	bool needs_64k;		/* only where the CPU has 64 KB pages */
};

static const struct b3pr_page_enc b3pr_page_encs[] = {
	{ 12, 12, false, 0, false },
	{ 16, 16, true, 0x1000, true },
	{ 24, 24, true, 0, false },
};

u64 b3pr_mmu64_hash_256m(u64 vsid, u64 page)
{
	return (vsid ^ page) & B3PR_HASH_MASK;
}

u64 b3pr_mmu64_hash_1t(u64 vsid, u64 page)
{
	return (vsid ^ (vsid << 25) ^ page) & B3PR_HASH_MASK;
}

u64 b3pr_mmu64_pteg_addr(u64 sdr1, u64 hash)
{
	unsigned int size = sdr1 & B3PR_SDR1_HTABSIZE;
	u64 mask;

	/* HTABSIZE > 28 is reserved: treat it as the largest table. */
	if (size > B3PR_SDR1_HTABSIZE_MAX)
		size = B3PR_SDR1_HTABSIZE_MAX;
	mask = (1ULL << (11 + size)) - 1;
	return (sdr1 & B3PR_SDR1_HTABORG) | ((hash & mask) << 7);
}

unsigned int b3pr_slb_seg_shift(const struct b3pr_slb_entry *slbe)
{
	return (slbe->vsid & B3PR_SLB_B) == B3PR_SLB_B_1T ? 40 : 28;
}

u64 b3pr_slb_vsid(const struct b3pr_slb_entry *slbe)
{
	u64 vsid = (slbe->vsid & B3PR_SLB_VSID) >> B3PR_SLB_VSID_SHIFT;

	/* A 1 TB segment's VA holds VSID 0:37 only (ISA 5.7.7.1). */
	return b3pr_slb_seg_shift(slbe) == 40 ? vsid >> 12 : vsid;
}

unsigned int b3pr_slb_page_shift(const struct b3pr_guest_state *g,
				 const struct b3pr_slb_entry *slbe)
{
	u64 llp = slbe->vsid & (B3PR_SLB_L | B3PR_SLB_LP);

	if (llp == 0)
		return 12;
	if (llp == B3PR_SLB_L)
		return 24;
	if (llp == (B3PR_SLB_L | B3PR_SLB_LP_64K) && g->cpu->has_64k_pages)
		return 16;
	return 0;
}

const struct b3pr_slb_entry *b3pr_slb_find(const struct b3pr_guest_state *g,
					   u64 ea)
{
	unsigned int i;

	for (i = 0; i < g->slb_max && i < B3PR_SLB_ENTRIES; i++) {
		const struct b3pr_slb_entry *e = &g->slb[i];
		u64 b = e->vsid & B3PR_SLB_B;
		u64 mask;

		if (!(e->esid & B3PR_SLB_V))
			continue;
		if (b == 0)
			mask = B3PR_SLB_ESID_256M;
		else if (b == B3PR_SLB_B_1T && g->cpu->has_1t_segments)
			mask = B3PR_SLB_ESID_1T;
		else
			continue;	/* reserved segment size: never matches */
		if ((e->esid & mask) == (ea & mask))
			return e;
	}
	return NULL;
}

unsigned int b3pr_mmu64_pp_prot(bool key, u64 hpte_r)
{
	/* Index: pp0 pp1 pp2; reserved combinations give no access. */
	static const u8 prot[2][8] = {
		{ 3, 3, 3, 1, 0, 0, 1, 0 },	/* key 0 */
		{ 0, 1, 3, 1, 0, 0, 0, 0 },	/* key 1 */
	};
	unsigned int pp = (hpte_r & B3PR_HPTE_R_PP) |
			  (hpte_r & B3PR_HPTE_R_PP0 ? 4 : 0);

	return prot[key][pp];
}

/* One translation in progress. */
struct b3pr_walk {
	struct b3pr_guest_state *g;
	const struct b3pr_guest_mem *mem;
	u64 ea;
	enum b3pr_access access;
	const struct b3pr_slb_entry *slbe;
	unsigned int seg_shift;
	unsigned int base_shift;
	u64 vsid;
	u64 hpte_addr;		/* found HPTE, and its two doublewords */
	u64 v, r;
	unsigned int shift;	/* actual page size */
};

/* VA >> 23, the value the HPTE's AVA field holds (ISA 5.7.7.2). */
static u64 b3pr_walk_ava(const struct b3pr_walk *w)
{
	u64 off = w->ea & ((1ULL << w->seg_shift) - 1);

	return (w->vsid << (w->seg_shift - 23)) | (off >> 23);
}

static const struct b3pr_page_enc *b3pr_hpte_page(const struct b3pr_walk *w,
						  u64 v, u64 r)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_page_encs); i++) {
		const struct b3pr_page_enc *pe = &b3pr_page_encs[i];
		u64 lp_mask = ((1ULL << pe->shift) - 1) & B3PR_HPTE_R_RPN;

		if (pe->base_shift != w->base_shift)
			continue;
		if (pe->needs_64k && !w->g->cpu->has_64k_pages)
			continue;
		if (!!(v & B3PR_HPTE_V_L) != pe->large)
			continue;
		if ((r & lp_mask) == pe->lp)
			return pe;
	}
	return NULL;
}

static bool b3pr_hpte_matches(struct b3pr_walk *w, u64 v, u64 r, bool second)
{
	const struct b3pr_page_enc *pe;
	u64 want_b = w->seg_shift == 40 ? B3PR_BIT(1) : 0;
	u64 ava_mask = B3PR_HPTE_V_AVA;
	u64 want_ava;

	if (!(v & B3PR_HPTE_V_VALID) || !!(v & B3PR_HPTE_V_H) != second)
		return false;
	if ((v & B3PR_HPTE_V_B) != want_b)
		return false;
	pe = b3pr_hpte_page(w, v, r);
	if (!pe)
		return false;
	/* AVA bits that fall inside a page larger than 8 MB are ignored. */
	if (pe->shift > 23)
		ava_mask &= ~(((1ULL << (pe->shift - 23)) - 1) <<
			      B3PR_HPTE_V_AVA_SHIFT);
	want_ava = b3pr_walk_ava(w) << B3PR_HPTE_V_AVA_SHIFT;
	if ((v & ava_mask) != (want_ava & ava_mask))
		return false;
	w->shift = pe->shift;
	return true;
}

/* Search one PTEG: 1 found, 0 not found, -1 outside guest memory. */
static int b3pr_search_pteg(struct b3pr_walk *w, u64 hash, bool second)
{
	u64 pteg = b3pr_mmu64_pteg_addr(w->g->sdr1, hash);
	unsigned int i;

	for (i = 0; i < B3PR_HPTES_PER_GROUP; i++) {
		u64 addr = pteg + i * B3PR_HPTE_SIZE;
		u64 v, r;

		if (b3pr_read_be64(w->mem, addr, &v) ||
		    b3pr_read_be64(w->mem, addr + 8, &r))
			return -1;
		if (b3pr_hpte_matches(w, v, r, second)) {
			w->hpte_addr = addr;
			w->v = v;
			w->r = r;
			return 1;
		}
	}
	return 0;
}

/* Primary then secondary PTEG (ISA 5.7.7.2). */
static int b3pr_find_hpte(struct b3pr_walk *w)
{
	u64 off = w->ea & ((1ULL << w->seg_shift) - 1);
	u64 page = off >> w->base_shift;
	u64 hash;
	int found;

	if (w->seg_shift == 40)
		hash = b3pr_mmu64_hash_1t(w->vsid, page);
	else
		hash = b3pr_mmu64_hash_256m(w->vsid, page);
	found = b3pr_search_pteg(w, hash, false);
	if (found)
		return found;
	return b3pr_search_pteg(w, b3pr_mmu64_secondary_hash(hash), true);
}

static void b3pr_fault_nopt(const struct b3pr_walk *w,
			    struct b3pr_interrupt *fault)
{
	if (w->access == B3PR_ACCESS_FETCH)
		*fault = b3pr_irq_isi(B3PR_SRR1_ISI_NOPT);
	else
		*fault = b3pr_irq_dsi(w->ea, B3PR_DSISR_NOPT |
				      (w->access == B3PR_ACCESS_STORE ?
				       B3PR_DSISR_STORE : 0));
}

/*
 * R on every permitted access, C on every permitted store (ISA 5.7.8),
 * each as a single byte store like the hardware's, so that a concurrent
 * guest update of the rest of the HPTE is not overwritten.
 */
static int b3pr_update_rc(struct b3pr_walk *w)
{
	u8 byte;

	if (!(w->r & B3PR_HPTE_R_R)) {
		w->r |= B3PR_HPTE_R_R;
		byte = w->r >> 8;
		if (w->mem->write(w->mem->ctx, w->hpte_addr + 14, &byte, 1))
			return -1;
	}
	if (w->access == B3PR_ACCESS_STORE && !(w->r & B3PR_HPTE_R_C)) {
		w->r |= B3PR_HPTE_R_C;
		byte = w->r;
		if (w->mem->write(w->mem->ctx, w->hpte_addr + 15, &byte, 1))
			return -1;
	}
	return 0;
}

enum b3pr_xlate_result b3pr_mmu64_xlate(struct b3pr_guest_state *g,
					const struct b3pr_guest_mem *mem,
					u64 ea, enum b3pr_access access,
					struct b3pr_xlate *out,
					struct b3pr_interrupt *fault)
{
	struct b3pr_walk w = { .g = g, .mem = mem, .access = access };
	bool fetch = access == B3PR_ACCESS_FETCH;
	unsigned int prot;
	bool key, no_exec;
	u64 page_mask;
	int found;

	/* 32-bit mode: the high-order 32 bits of the EA are 0 (ISA 5.7.2). */
	if (!(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffULL;
	w.ea = ea;

	w.slbe = b3pr_slb_find(g, ea);
	if (!w.slbe) {
		*fault = fetch ? b3pr_irq_iseg() : b3pr_irq_dseg(ea);
		return B3PR_XLATE_FAULT;
	}
	/* Segment no-execute: faults before any table search (5.7.13). */
	if (fetch && (w.slbe->vsid & B3PR_SLB_N)) {
		*fault = b3pr_irq_isi(B3PR_SRR1_ISI_N_OR_G);
		return B3PR_XLATE_FAULT;
	}
	w.seg_shift = b3pr_slb_seg_shift(w.slbe);
	w.base_shift = b3pr_slb_page_shift(g, w.slbe);
	w.vsid = b3pr_slb_vsid(w.slbe);

	/* An L||LP encoding the CPU lacks matches no HPTE. */
	found = w.base_shift ? b3pr_find_hpte(&w) : 0;
	if (found < 0)
		return B3PR_XLATE_BAD_TABLE;
	if (!found) {
		b3pr_fault_nopt(&w, fault);
		return B3PR_XLATE_FAULT;
	}

	key = !!(w.slbe->vsid & ((g->msr & B3PR_MSR_PR) ? B3PR_SLB_KP :
				 B3PR_SLB_KS));
	prot = b3pr_mmu64_pp_prot(key, w.r);
	no_exec = w.r & (B3PR_HPTE_R_N | B3PR_HPTE_R_G);

	if (fetch && no_exec) {
		*fault = b3pr_irq_isi(B3PR_SRR1_ISI_N_OR_G);
		return B3PR_XLATE_FAULT;
	}
	if (fetch && !(prot & B3PR_PROT_READ)) {
		*fault = b3pr_irq_isi(B3PR_SRR1_ISI_PROT);
		return B3PR_XLATE_FAULT;
	}
	if (access == B3PR_ACCESS_LOAD && !(prot & B3PR_PROT_READ)) {
		*fault = b3pr_irq_dsi(ea, B3PR_DSISR_PROT);
		return B3PR_XLATE_FAULT;
	}
	if (access == B3PR_ACCESS_STORE && !(prot & B3PR_PROT_WRITE)) {
		*fault = b3pr_irq_dsi(ea, B3PR_DSISR_PROT | B3PR_DSISR_STORE);
		return B3PR_XLATE_FAULT;
	}
	if (b3pr_update_rc(&w))
		return B3PR_XLATE_BAD_TABLE;

	page_mask = (1ULL << w.shift) - 1;
	memset(out, 0, sizeof(*out));
	out->gpa = (w.r & B3PR_HPTE_R_RPN & ~page_mask) | (ea & page_mask);
	/* VA >> 12, its top bits dropped when the VA exceeds 76 bits. */
	out->vpn = (w.vsid << (w.seg_shift - 12)) |
		   ((ea & ((1ULL << w.seg_shift) - 1)) >> 12);
	out->page_shift = w.shift;
	/*
	 * Writable only once C is set, so that the shadow maps a clean page
	 * read-only and the first store comes back here to set C.
	 */
	out->may_write = (prot & B3PR_PROT_WRITE) && (w.r & B3PR_HPTE_R_C);
	out->may_exec = !no_exec && !(w.slbe->vsid & B3PR_SLB_N) &&
			(prot & B3PR_PROT_READ);
	out->wimg = (w.r & B3PR_HPTE_R_WIMG) >> B3PR_HPTE_R_WIMG_SHIFT;
	return B3PR_XLATE_OK;
}
