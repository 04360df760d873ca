// SPDX-License-Identifier: GPL-2.0
/*
 * How a guest page gets mapped: on a host segment or storage interrupt
 * the guest's own MMU is walked (book3s_64/mmu/xlate.c), and either the
 * guest gets the exact interrupt its MMU gives, or the page behind the
 * translation is mapped by one host HPTE with the guest's protection.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/err.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pkeys.h>
#include <asm/book3s/64/mmu-hash.h>
#include <asm/cacheflush.h>

#include "b3pr/guest_mem.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/tlb_key.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"
#include "tables.h"

/*
 * Host protection, with our segments' Kp=1 (Book III-S 5.7.13): PP 0b10
 * read/write, 0b11 read-only. A page backed by a memory slot is always
 * WIMG=0010 whatever the guest's PTE or BAT says: the pseries hypervisor
 * refuses anything else for memory, and the host page is cacheable.
 */
#define B3PR_HPTE_PP_RW		0x2UL
#define B3PR_HPTE_PP_RO		0x3UL

enum b3pr_shadow_result b3pr_shadow_segment_fault(struct b3pr_vcpu *vcpu,
						  u64 ea, bool fetch,
						  struct b3pr_interrupt *fault)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	int seg;

	spin_lock(&sh->lock);
	seg = b3pr_shadow_seg_for(vcpu, ea, fetch, fault);
	spin_unlock(&sh->lock);
	return seg < 0 ? B3PR_SHADOW_GUEST_FAULT : B3PR_SHADOW_MAPPED;
}

/*
 * With IR and DR different, one host page serves a real-mode fetch and
 * a translated data access (or the reverse) of the same EA: the fetch
 * side is mapped execute-only and the data side no-execute, so that the
 * other kind of access faults and is mapped for itself.
 */
static void b3pr_split_mode_rights(const struct b3pr_guest_state *g,
				   enum b3pr_access access, bool *exec_only,
				   bool *exec)
{
	if (!b3pr_msr_split_translation(g->msr))
		return;
	if (access == B3PR_ACCESS_FETCH)
		*exec_only = true;
	else
		*exec = false;
}

static void b3pr_spte_fill_tlb(struct b3pr_vcpu *vcpu, struct b3pr_spte *s,
			       const struct b3pr_xlate *x)
{
	unsigned int shift;

	if (x->real_mode)
		return;
	s->flags |= B3PR_SPTE_TRANSLATED;
	if (x->from_bat)
		return;
	s->flags |= B3PR_SPTE_TLB;
	s->tlb_key = b3pr_tlb_key(&vcpu->g, x, &shift);
	s->tlb_shift = shift;
}

/*
 * Map @ea -> @x->gpa in segment @seg, replacing what was there; a page
 * of a dirty-logged slot only writable for a store, which logs it. The
 * page's dcbz @copy, if any, is the mapping's to keep or free.
 */
static int b3pr_shadow_map(struct b3pr_vcpu *vcpu, int seg, u64 ea,
			   const struct b3pr_xlate *x, enum b3pr_access access,
			   const struct b3pr_memslot *ms, struct page *page,
			   void *copy)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	struct b3pr_spte_cache *c = &sh->t->cache;
	bool write = x->may_write, exec = x->may_exec, exec_only = false;
	unsigned long vpn, pa, rflags, slot;
	struct b3pr_spte *s;

	b3pr_split_mode_rights(&vcpu->g, access, &exec_only, &exec);
	if (ms->dirty_bitmap && access != B3PR_ACCESS_STORE)
		write = false;
	/* A page with a dcbz runs from its copy, and is data only here. */
	if (copy && access != B3PR_ACCESS_FETCH) {
		b3pr_kfree(copy);
		copy = NULL;
		exec = false;
	}
	vpn = hpt_vpn(b3pr_seg_host_ea(&vcpu->g, ea),
		      b3pr_shadow_vsid(sh, seg), MMU_SEGSIZE_256M);
	/* One host VA never has two HPTEs. */
	s = b3pr_spte_find_vpn(c, vpn);
	if (s)
		b3pr_spte_remove(c, s);
	s = b3pr_spte_get(c);
	if (!s) {
		b3pr_kfree(copy);
		return -ENOMEM;
	}

	pa = copy ? virt_to_phys(copy) :
		    page_to_phys(page) | (x->gpa & ~PAGE_MASK & ~0xfffULL);
	if (copy || exec_only) {
		write = false;
		rflags = HPTE_R_R | HPTE_R_C | HPTE_R_M | B3PR_HPTE_PP_RO |
			 b3pr_xo_key_rflags();
	} else {
		rflags = HPTE_R_R | HPTE_R_C | HPTE_R_M |
			 (write ? B3PR_HPTE_PP_RW : B3PR_HPTE_PP_RO) |
			 (exec ? 0 : HPTE_R_N) |
			 pte_to_hpte_pkey_bits(0, HPTE_USE_KERNEL_KEY);
	}
	/* The guest may run what the VMM or a device just wrote. */
	if (!copy && exec)
		flush_dcache_icache_page(page);
	if (b3pr_host_hpte_insert(vpn, pa, rflags, &slot)) {
		b3pr_spte_put(c, s);
		b3pr_kfree(copy);
		return -EIO;
	}
	memset(s, 0, offsetof(struct b3pr_spte, by_vpn));
	s->host_vpn = vpn;
	s->host_slot = slot;
	s->gfn = x->gpa >> 12;
	s->page = page;
	s->copy = copy;
	s->seg = seg;
	if (write)
		s->flags |= B3PR_SPTE_WRITABLE;
	b3pr_spte_fill_tlb(vcpu, s, x);
	b3pr_spte_add(c, s);
	/* Under the lock: a GET_DIRTY_LOG after it write-protects it. */
	if (write)
		b3pr_dirty_log_mark(ms, x->gpa, 1);
	sh->faults++;
	return 0;
}

/*
 * Under the slots' SRCU, so that a slot change waits for it: the page
 * behind the translation, mapped unless an invalidation got in first.
 */
static enum b3pr_shadow_result b3pr_fault_in_slot(struct b3pr_vcpu *vcpu,
						  u64 ea,
						  enum b3pr_access access,
						  const struct b3pr_xlate *x,
						  struct b3pr_interrupt *fault)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	bool fetch = access == B3PR_ACCESS_FETCH;
	struct b3pr_vm *vm = vcpu->vm;
	enum b3pr_shadow_result res;
	const struct b3pr_memslot *ms;
	unsigned long seq;
	struct page *page;
	void *copy = NULL;
	int seg;

	ms = b3pr_memslot_find(vm, x->gpa);
	if (!ms)
		return fetch ? B3PR_SHADOW_ERROR : B3PR_SHADOW_MMIO;
	/* Pinning may sleep on the VMM's mmap lock: never under ours. */
	seq = b3pr_invalidate_seq(vm);
	if (b3pr_memslot_pin_in(vm, ms, x->gpa, &page))
		return B3PR_SHADOW_NO_PAGE;
	/* The allocation may sleep: before the lock. */
	if (x->may_exec && b3pr_dcbz_traps(vcpu)) {
		copy = b3pr_dcbz_copy(vcpu, page, x->gpa);
		if (IS_ERR(copy)) {
			b3pr_memslot_unpin(page, false);
			return B3PR_SHADOW_ERROR;
		}
	}
	spin_lock(&sh->lock);
	if (b3pr_invalidate_retry(vm, seq)) {
		res = B3PR_SHADOW_RETRY;
	} else {
		seg = b3pr_shadow_seg_for(vcpu, ea, fetch, fault);
		if (seg < 0) {
			res = B3PR_SHADOW_GUEST_FAULT;
		} else {
			res = b3pr_shadow_map(vcpu, seg, ea, x, access, ms,
					      page, copy) ?
			      B3PR_SHADOW_ERROR : B3PR_SHADOW_MAPPED;
			copy = NULL;	/* the mapping's now */
		}
	}
	spin_unlock(&sh->lock);
	b3pr_kfree(copy);
	if (res != B3PR_SHADOW_MAPPED)
		b3pr_memslot_unpin(page, false);
	return res;
}

enum b3pr_shadow_result b3pr_shadow_page_fault(struct b3pr_vcpu *vcpu,
					       u64 ea, enum b3pr_access access,
					       u64 *gpa,
					       struct b3pr_interrupt *fault)
{
	enum b3pr_shadow_result ret;
	enum b3pr_xlate_result res;
	struct b3pr_guest_mem mem;
	struct b3pr_xlate x;
	int idx;

	b3pr_vm_guest_mem(vcpu->vm, &mem);
	res = b3pr_xlate(&vcpu->g, &mem, ea, access, &x, fault);
	if (res == B3PR_XLATE_FAULT)
		return B3PR_SHADOW_GUEST_FAULT;
	if (res != B3PR_XLATE_OK)
		return B3PR_SHADOW_ERROR;
	*gpa = x.gpa;
	idx = srcu_read_lock(&vcpu->vm->srcu);
	ret = b3pr_fault_in_slot(vcpu, ea, access, &x, fault);
	srcu_read_unlock(&vcpu->vm->srcu, idx);
	return ret;
}

/*
 * The guest page the PC is in under translation: the host PTE the guest
 * just executed through names it, unless the host evicted it since; else
 * the walk. Apart from b3pr_pc_gpa, so that a real-mode PC does not pay
 * for its locals on every exit.
 */
static noinline int b3pr_pc_gpa_translated(struct b3pr_vcpu *vcpu, u64 pc,
					   u64 *gpa,
					   struct b3pr_interrupt *fault)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	struct b3pr_guest_state *g = &vcpu->g;
	struct b3pr_guest_mem mem;
	struct b3pr_seg_desc d;
	struct b3pr_xlate x;
	struct b3pr_spte *s = NULL;
	int seg;

	spin_lock(&sh->lock);
	if (b3pr_seg_describe(g, pc, true, &d, fault)) {
		seg = b3pr_sseg_find(&sh->t->segs, d.key);
		if (seg >= 0)
			s = b3pr_spte_find_vpn(&sh->t->cache,
					       hpt_vpn(pc,
						       b3pr_shadow_vsid(sh, seg),
						       MMU_SEGSIZE_256M));
	}
	if (s)
		*gpa = (s->gfn << 12) | (pc & 0xfff);
	spin_unlock(&sh->lock);
	if (s)
		return 0;
	b3pr_vm_guest_mem(vcpu->vm, &mem);
	switch (b3pr_xlate(g, &mem, pc, B3PR_ACCESS_FETCH, &x, fault)) {
	case B3PR_XLATE_OK:
		*gpa = x.gpa;
		return 0;
	case B3PR_XLATE_FAULT:
		return 1;
	default:
		return -EFAULT;
	}
}

/* The guest page the PC is in. */
static int b3pr_pc_gpa(struct b3pr_vcpu *vcpu, u64 *gpa,
		       struct b3pr_interrupt *fault)
{
	struct b3pr_guest_state *g = &vcpu->g;
	u64 pc = b3pr_seg_host_ea(g, g->pc);

	if (!(g->msr & B3PR_MSR_IR)) {
		*gpa = b3pr_real_address(g, pc);
		return 0;
	}
	return b3pr_pc_gpa_translated(vcpu, pc, gpa, fault);
}

/*
 * Under sh->lock: the word at @gpa, if its page is the one we hold, and
 * with @before the one before it (in the same page when @gpa is not the
 * first word of a 4K page; the caller says whether it is).
 */
static bool b3pr_insn_from_page(struct b3pr_shadow *sh, u64 gpa, u32 *raw,
				u32 *before)
{
	const u8 *word;

	if (!sh->insn_page || sh->insn_gpa != (gpa & PAGE_MASK))
		return false;
	word = page_address(sh->insn_page) + (gpa & ~PAGE_MASK);
	memcpy(raw, word, sizeof(*raw));
	if (before)
		memcpy(before, word - sizeof(*before), sizeof(*before));
	return true;
}

/*
 * The page of @gpa is not the one held: pin it and hold it, then read as
 * b3pr_shadow_read_insn does, retrying when an invalidation got in
 * between. Apart, so that the usual exit does not pay for its locals.
 */
static noinline int b3pr_insn_page_take(struct b3pr_vcpu *vcpu, u64 gpa,
					u32 *raw, u32 *before)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	struct page *page, *old;
	unsigned long seq;
	bool done;

	for (;;) {
		seq = b3pr_invalidate_seq(vcpu->vm);
		if (b3pr_memslot_pin(vcpu->vm, gpa & PAGE_MASK, &page))
			return -EFAULT;
		spin_lock(&sh->lock);
		old = NULL;
		if (!b3pr_invalidate_retry(vcpu->vm, seq)) {
			old = sh->insn_page;
			sh->insn_page = page;
			sh->insn_gpa = gpa & PAGE_MASK;
			page = NULL;
		}
		done = b3pr_insn_from_page(sh, gpa, raw, before);
		spin_unlock(&sh->lock);
		if (old)
			b3pr_memslot_unpin(old, false);
		if (page)
			b3pr_memslot_unpin(page, false);
		if (done)
			return 0;
		/* An invalidation is running: let it finish. */
		cond_resched();
		spin_lock(&sh->lock);
		done = b3pr_insn_from_page(sh, gpa, raw, before);
		spin_unlock(&sh->lock);
		if (done)
			return 0;
	}
}

/*
 * Instructions are read through the kernel's own mapping of the pinned
 * page rather than through the VMM's address space: that keeps the exit
 * path clear of user segment misses, and a guest traps again and again
 * in the same page. The page is held like a shadow PTE's, so the MMU
 * notifier drops it too, and taking a new one retries when an
 * invalidation got in between. 1: *fault is for the guest (its PTE
 * went away); -EFAULT: the VMM maps nothing there.
 */
int b3pr_shadow_read_insn(struct b3pr_vcpu *vcpu, u32 *raw, u32 *before,
			  bool *has_before, struct b3pr_interrupt *fault)
{
	struct b3pr_shadow *sh = &vcpu->run_state.shadow;
	bool done;
	u64 gpa;
	int ret;

	ret = b3pr_pc_gpa(vcpu, &gpa, fault);
	if (ret)
		return ret;
	gpa &= ~3ULL;	/* an aligned word never crosses a page */
	/* Guest pages are 4K or more, so PC - 4 is in the PC's page. */
	if (before) {
		*has_before = (vcpu->g.pc & 0xffc) && (gpa & 0xffc);
		if (!*has_before)
			before = NULL;
	}
	spin_lock(&sh->lock);
	done = b3pr_insn_from_page(sh, gpa, raw, before);
	spin_unlock(&sh->lock);
	return done ? 0 : b3pr_insn_page_take(vcpu, gpa, raw, before);
}
