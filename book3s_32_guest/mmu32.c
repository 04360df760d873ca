// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit guest's own translation, PEM chapter 7: real mode, else the
 * BAT array, else the segment register and the hashed page table.
 */
#include "b3pr/cpu.h"
#include "b3pr/guest_mem.h"
#include "b3pr/guest_state.h"
#include "b3pr/interrupt.h"
#include "b3pr/mmu.h"
#include "b3pr/mmu32.h"
#include "b3pr/msr.h"

#define RD	B3PR_MMU32_READ
#define RW	(B3PR_MMU32_READ | B3PR_MMU32_WRITE)

/* Rights by [key][PP], PEM 7.5 "Page Memory Protection". */
static const u8 b3pr_mmu32_rights[2][4] = {
	{ RW, RW, RW, RD },	/* key 0: only PP = 11 is read-only */
	{ 0, RD, RW, RD },	/* key 1: PP = 00 gives no access */
};

/* Why a translation failed; one bit each, several may apply at once. */
enum {
	MMU32_NOPT	= 1 << 0,	/* no BAT, no PTE */
	MMU32_PROT	= 1 << 1,	/* key/PP forbid the access */
	MMU32_NOEXEC	= 1 << 2,	/* fetch: SR[N], SR[T] or G = 1 */
	MMU32_DIRECT	= 1 << 3,	/* load/store: SR[T] = 1 */
};

/* What each cause sets in DSISR or SRR1 (PEM 6.4.3, 6.4.4). */
static const struct {
	u32 cause;
	u32 dsisr;
	u64 srr1;
} b3pr_mmu32_fault_bits[] = {
	{ MMU32_NOPT, B3PR_DSISR_NOPT, B3PR_SRR1_ISI_NOPT },
	{ MMU32_PROT, B3PR_DSISR_PROT, B3PR_SRR1_ISI_PROT },
	{ MMU32_NOEXEC, 0, B3PR_SRR1_ISI_N_OR_G },
	{ MMU32_DIRECT, B3PR_DSISR_DIRECT_STORE, 0 },
};

u32 b3pr_mmu32_pp(unsigned int key, u32 pp)
{
	return b3pr_mmu32_rights[!!key][pp & B3PR_BATL_PP];
}

/*
 * The 7455 family and the 750FX/GX have 8 pairs. On the 7455 and later
 * BATs 4-7 translate only while HID0[HIGH_BAT_EN] is set (MPC7450 RM
 * 2.1.5.1); the 750FX/GX enable (HID2[HBE]) is not modelled: guests set
 * it at boot and keep BAT4-7 invalid until then.
 */
unsigned int b3pr_mmu32_nr_bats(const struct b3pr_guest_state *g)
{
	unsigned int nr = g->cpu->nr_bats;

	if (nr > B3PR_NR_BATS)
		nr = B3PR_NR_BATS;
	if (nr > 4 && b3pr_cpu_is(g->cpu, B3PR_CPU_BIT(B3PR_CPU_7450)) &&
	    !(g->hid[0] & B3PR_HID0_HIGH_BAT_EN))
		nr = 4;
	return nr;
}

/* BEPI is compared only where the BL mask is 0 (PEM 7.4). */
bool b3pr_mmu32_bat_match(const struct b3pr_bat *bat, u32 ea, bool pr)
{
	u32 cmp = ~b3pr_mmu32_bat_offset_mask(bat->upper);

	if (!(bat->upper & (pr ? B3PR_BATU_VP : B3PR_BATU_VS)))
		return false;
	return (ea & cmp) == (bat->upper & B3PR_BATU_BEPI & cmp);
}

/* Several hits are a programming error (PEM 7.4); the lowest pair wins. */
int b3pr_mmu32_bat_find(const struct b3pr_bat *bats, unsigned int nr,
			u32 ea, bool pr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (b3pr_mmu32_bat_match(&bats[i], ea, pr))
			return i;
	return -1;
}

static enum b3pr_xlate_result b3pr_mmu32_fault(enum b3pr_access access,
					       u32 ea, u32 causes,
					       struct b3pr_interrupt *fault)
{
	u32 dsisr = access == B3PR_ACCESS_STORE ? B3PR_DSISR_STORE : 0;
	u64 srr1 = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_mmu32_fault_bits); i++) {
		if (!(causes & b3pr_mmu32_fault_bits[i].cause))
			continue;
		dsisr |= b3pr_mmu32_fault_bits[i].dsisr;
		srr1 |= b3pr_mmu32_fault_bits[i].srr1;
	}
	if (access == B3PR_ACCESS_FETCH)
		*fault = b3pr_irq_isi(srr1);
	else
		*fault = b3pr_irq_dsi(ea, dsisr);
	return B3PR_XLATE_FAULT;
}

/* The causes that stop @access given @rights and the no-execute state. */
static u32 b3pr_mmu32_check(enum b3pr_access access, u32 rights, bool noexec)
{
	u32 need = access == B3PR_ACCESS_STORE ? B3PR_MMU32_WRITE :
						 B3PR_MMU32_READ;
	u32 causes = (rights & need) ? 0 : MMU32_PROT;

	if (access == B3PR_ACCESS_FETCH && noexec)
		causes |= MMU32_NOEXEC;
	return causes;
}

/* Rights a fetch (@ibat) or a data access (!@ibat) through @bat has. */
static u32 b3pr_mmu32_bat_rights(const struct b3pr_bat *bat, bool ibat)
{
	u32 rights = b3pr_mmu32_pp(1, bat->lower & B3PR_BATL_PP);

	/* A guarded IBAT forbids fetching (750GX UM Table 5-3). */
	if (ibat && (bat->lower & B3PR_BATL_G))
		rights = 0;
	return rights;
}

/*
 * Fetches use the IBATs and data the DBATs, so what the other kind of
 * access may do is known only if the other array maps @ea to the same
 * place; otherwise report "no" and let that access fault on its own.
 */
static u32 b3pr_mmu32_other_bat(const struct b3pr_guest_state *g, u32 ea,
				bool pr, bool want_ibat, u32 gpa)
{
	const struct b3pr_bat *bats = want_ibat ? g->ibat : g->dbat;
	int i = b3pr_mmu32_bat_find(bats, b3pr_mmu32_nr_bats(g), ea, pr);

	if (i < 0 || b3pr_mmu32_bat_real(&bats[i], ea) != gpa)
		return 0;
	return b3pr_mmu32_bat_rights(&bats[i], want_ibat);
}

/*
 * page_shift of a block: the largest aligned region that maps linearly,
 * 17 plus the low run of ones in BL (a 256 MiB block gives 28).
 */
static unsigned int b3pr_mmu32_bat_shift(u32 batu)
{
	u32 bl = (batu & B3PR_BATU_BL) >> B3PR_BATU_BL_SHIFT;
	unsigned int shift = B3PR_BAT_MIN_SHIFT;

	while (bl & 1) {
		shift++;
		bl >>= 1;
	}
	return shift;
}

/* Returns false on a BAT miss; else *res is the outcome. */
static bool b3pr_mmu32_bat(const struct b3pr_guest_state *g, u32 ea,
			   enum b3pr_access access, struct b3pr_xlate *out,
			   struct b3pr_interrupt *fault,
			   enum b3pr_xlate_result *res)
{
	bool fetch = access == B3PR_ACCESS_FETCH;
	bool pr = g->msr & B3PR_MSR_PR;
	const struct b3pr_bat *bats = fetch ? g->ibat : g->dbat;
	const struct b3pr_bat *bat;
	u32 rights, causes;
	int i;

	i = b3pr_mmu32_bat_find(bats, b3pr_mmu32_nr_bats(g), ea, pr);
	if (i < 0)
		return false;
	bat = &bats[i];
	rights = b3pr_mmu32_pp(1, bat->lower & B3PR_BATL_PP);
	causes = b3pr_mmu32_check(access, rights, bat->lower & B3PR_BATL_G);
	if (causes) {
		*res = b3pr_mmu32_fault(access, ea, causes, fault);
		return true;
	}

	out->gpa = b3pr_mmu32_bat_real(bat, ea);
	out->vpn = ea >> 12;
	out->page_shift = b3pr_mmu32_bat_shift(bat->upper);
	out->from_bat = true;
	out->wimg = (bat->lower & B3PR_BATL_WIMG) >> B3PR_WIMG_SHIFT;
	if (fetch) {
		out->may_exec = true;
		out->may_write = b3pr_mmu32_other_bat(g, ea, pr, false,
						      out->gpa) &
				 B3PR_MMU32_WRITE;
	} else {
		out->may_write = rights & B3PR_MMU32_WRITE;
		out->may_exec = b3pr_mmu32_other_bat(g, ea, pr, true,
						     out->gpa) &
				B3PR_MMU32_READ;
	}
	*res = B3PR_XLATE_OK;
	return true;
}

/* Find the PTE for @vsid/@ea: primary PTEG, then secondary (PEM 7.6). */
static enum b3pr_xlate_result
b3pr_mmu32_search(const struct b3pr_guest_state *g,
		  const struct b3pr_guest_mem *mem, u32 vsid, u32 ea,
		  u32 *pte_addr, u32 *pte1, bool *found)
{
	u32 hash = b3pr_mmu32_hash(vsid, ea);
	u32 pteg[2 * B3PR_PTEG32_ENTRIES];
	unsigned int sec, i;

	*found = false;
	for (sec = 0; sec < 2; sec++) {
		u32 base = b3pr_mmu32_pteg_addr((u32)g->sdr1, sec ?
						b3pr_mmu32_hash2(hash) : hash);
		u32 want = b3pr_mmu32_pte0(vsid, ea, sec);

		if (mem->read(mem->ctx, base, pteg, sizeof(pteg)))
			return B3PR_XLATE_BAD_TABLE;
		for (i = 0; i < B3PR_PTEG32_ENTRIES; i++) {
			if (be32_to_cpu(pteg[2 * i]) != want)
				continue;
			*pte_addr = base + 8 * i;
			*pte1 = be32_to_cpu(pteg[2 * i + 1]);
			*found = true;
			return B3PR_XLATE_OK;
		}
	}
	return B3PR_XLATE_OK;
}

static enum b3pr_xlate_result
b3pr_mmu32_page(struct b3pr_guest_state *g, const struct b3pr_guest_mem *mem,
		u32 ea, enum b3pr_access access, struct b3pr_xlate *out,
		struct b3pr_interrupt *fault)
{
	bool fetch = access == B3PR_ACCESS_FETCH;
	bool pr = g->msr & B3PR_MSR_PR;
	u32 sr = g->sr[ea >> 28];
	u32 vsid = sr & B3PR_SR_VSID;
	u32 pte_addr = 0, pte1 = 0, rights, causes, new1;
	enum b3pr_xlate_result res;
	bool found, noexec;

	/* Direct-store segments: 750/74xx support none (750GX UM 5.1.7). */
	if (sr & B3PR_SR_T)
		return b3pr_mmu32_fault(access, ea, fetch ? MMU32_NOEXEC :
					MMU32_DIRECT, fault);
	/* N is checked before the table search (PEM 7.5, page translation flow). */
	if (fetch && (sr & B3PR_SR_N))
		return b3pr_mmu32_fault(access, ea, MMU32_NOEXEC, fault);

	res = b3pr_mmu32_search(g, mem, vsid, ea, &pte_addr, &pte1, &found);
	if (res != B3PR_XLATE_OK)
		return res;
	if (!found)
		return b3pr_mmu32_fault(access, ea, MMU32_NOPT, fault);

	rights = b3pr_mmu32_pp(sr & (pr ? B3PR_SR_KP : B3PR_SR_KS),
			       pte1 & B3PR_PTE32_PP);
	out->wimg = (pte1 & B3PR_PTE32_WIMG) >> B3PR_WIMG_SHIFT;
	noexec = (sr & B3PR_SR_N) || (pte1 & B3PR_PTE32_G);
	causes = b3pr_mmu32_check(access, rights, noexec);
	if (causes)
		return b3pr_mmu32_fault(access, ea, causes, fault);

	/* R on every access made, C on every store made (PEM 7.5). */
	new1 = pte1 | B3PR_PTE32_R;
	if (access == B3PR_ACCESS_STORE)
		new1 |= B3PR_PTE32_C;
	if (new1 != pte1 && b3pr_write_be32(mem, pte_addr + 4, new1))
		return B3PR_XLATE_BAD_TABLE;

	out->gpa = (new1 & B3PR_PTE32_RPN) | (ea & 0xfff);
	out->vpn = ((u64)vsid << 16) | ((ea >> 12) & 0xffff);
	out->page_shift = 12;
	/*
	 * A store may be mapped only once C is set, or it would not be
	 * recorded. A BAT hit for the other kind of access takes precedence
	 * over this PTE, so then leave that access to fault on its own.
	 */
	out->may_write = (rights & B3PR_MMU32_WRITE) &&
			 (new1 & B3PR_PTE32_C) &&
			 (!fetch || b3pr_mmu32_bat_find(g->dbat,
					b3pr_mmu32_nr_bats(g), ea, pr) < 0);
	out->may_exec = (rights & B3PR_MMU32_READ) && !noexec &&
			(fetch || b3pr_mmu32_bat_find(g->ibat,
					b3pr_mmu32_nr_bats(g), ea, pr) < 0);
	return B3PR_XLATE_OK;
}

enum b3pr_xlate_result b3pr_mmu32_xlate(struct b3pr_guest_state *g,
					const struct b3pr_guest_mem *mem,
					u64 ea64, enum b3pr_access access,
					struct b3pr_xlate *out,
					struct b3pr_interrupt *fault)
{
	u64 enable = access == B3PR_ACCESS_FETCH ? B3PR_MSR_IR : B3PR_MSR_DR;
	u32 ea = (u32)ea64;	/* 32-bit CPUs have 32-bit addresses */
	enum b3pr_xlate_result res;

	memset(out, 0, sizeof(*out));
	if (!(g->msr & enable)) {
		out->gpa = ea;
		out->vpn = ea >> 12;
		out->page_shift = 12;
		out->real_mode = true;
		out->may_write = true;
		out->may_exec = true;
		out->wimg = B3PR_WIMG_REAL;
		return B3PR_XLATE_OK;
	}
	if (b3pr_mmu32_bat(g, ea, access, out, fault, &res))
		return res;
	return b3pr_mmu32_page(g, mem, ea, access, out, fault);
}
