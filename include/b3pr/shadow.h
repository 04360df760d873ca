/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shadow MMU, as the run loop and the exit handlers see it: guest
 * translations become host SLB entries and host HPTEs, under VSIDs of a
 * host MMU context b3pr allocates per vcpu. Everything of it lives in
 * book3s_64/mmu/; this header is its only way in.
 */
#ifndef B3PR_SHADOW_H
#define B3PR_SHADOW_H

#include <linux/spinlock.h>
#include <linux/types.h>

#include "b3pr/mmu.h"
#include "b3pr/interrupt.h"

struct b3pr_vcpu;
struct b3pr_emul;
struct b3pr_shadow_tables;
struct page;

/* Host PTEs one vcpu keeps; the oldest goes when it needs another. */
#define B3PR_SHADOW_PTES	4096

struct b3pr_shadow {
	int context;		/* host MMU context for our VSIDs */
	/*
	 * The tables: the vcpu's own thread maps, any vcpu of the VM may
	 * invalidate (tlbie is broadcast) and so may the MMU notifier, which
	 * must not sleep: they are under ->lock, a spinlock, and nothing
	 * under it sleeps (no page lock, no user access, no allocation).
	 */
	spinlock_t lock;
	struct b3pr_shadow_tables *t;
	/* MSR[SF|PR|IR|DR] the loaded shadow SLB entries were made under */
	u64 slb_mode;
	unsigned int next_slb;	/* round-robin victim in rm->slb[] */
	unsigned int slb_max;
	/*
	 * The host page the guest last trapped in, pinned, for its
	 * instructions; under ->lock, dropped like a shadow PTE.
	 */
	u64 insn_gpa;		/* host page address, valid when insn_page */
	struct page *insn_page;
	u64 faults, evictions;	/* for debugfs */
};

int b3pr_shadow_init(struct b3pr_vcpu *vcpu);
void b3pr_shadow_destroy(struct b3pr_vcpu *vcpu);
/* Drop every shadow segment and PTE of @vcpu. */
void b3pr_shadow_flush(struct b3pr_vcpu *vcpu);
/*
 * Host memory behind guest frames [first, last] (4K frames) goes away:
 * every mapping of it goes; or, @writable_only, the writable ones (the
 * next store faults again). Takes the shadow lock; never sleeps.
 */
void b3pr_shadow_drop_gfns(struct b3pr_vcpu *vcpu, u64 first, u64 last,
			   bool writable_only);
/* Before an entry: the shadow SLB must match the guest's current MSR. */
void b3pr_shadow_prepare_entry(struct b3pr_vcpu *vcpu);
/* Host PTEs @vcpu holds now. */
unsigned int b3pr_shadow_nr_ptes(struct b3pr_vcpu *vcpu);

enum b3pr_shadow_result {
	B3PR_SHADOW_MAPPED,	/* resume: the access will now go through */
	B3PR_SHADOW_GUEST_FAULT, /* *fault is for the guest */
	B3PR_SHADOW_MMIO,	/* the data access reaches no memory slot */
	B3PR_SHADOW_ERROR,	/* cannot be served: internal error */
	B3PR_SHADOW_RETRY,	/* lost a race with an invalidation: resume */
	B3PR_SHADOW_NO_PAGE,	/* the VMM maps nothing there: -EFAULT */
};

/* A host segment interrupt at @ea. */
enum b3pr_shadow_result b3pr_shadow_segment_fault(struct b3pr_vcpu *vcpu,
						  u64 ea, bool fetch,
						  struct b3pr_interrupt *fault);
/* A host DSI/ISI at @ea; for MMIO *gpa is the guest real address. */
enum b3pr_shadow_result b3pr_shadow_page_fault(struct b3pr_vcpu *vcpu,
					       u64 ea, enum b3pr_access access,
					       u64 *gpa,
					       struct b3pr_interrupt *fault);

/*
 * The guest changed its MMU (an emulated slbmte, slbie, tlbie, mtsr,
 * BAT or SDR1 write, as @e reports it): drop what it invalidates, on
 * every vcpu of the VM where the guest's operation is broadcast.
 */
void b3pr_shadow_guest_mmu_changed(struct b3pr_vcpu *vcpu,
				   const struct b3pr_emul *e);

/*
 * Audits for tests (hpt_audit.c): host HPTEs under @vcpu's VSIDs, and
 * under those of vcpus already destroyed (none may be left). Slow: they
 * read the whole host hash table.
 */
long b3pr_hpt_count_vcpu(struct b3pr_vcpu *vcpu);
long b3pr_hpt_count_released(void);
/* Module unload: contexts still held are given back. */
void b3pr_shadow_exit(void);

/*
 * Execute-only host pages (book3s_64/mmu/xo_key.c) for dcbz copies and
 * split translation: when b3pr_xo_keys_needed(), the world switch
 * brackets the entry with the AMR/IAMR/UAMOR that make them so.
 */
struct b3pr_xo_keys {
	unsigned long amr, iamr, uamor;
};
bool b3pr_xo_keys_needed(struct b3pr_vcpu *vcpu);
void b3pr_xo_keys_enter(struct b3pr_xo_keys *saved);
void b3pr_xo_keys_exit(const struct b3pr_xo_keys *saved, u64 *exit_amr);
/* Does @vcpu's dcbz clear less than the host's (dcbz_copy.c)? */
bool b3pr_dcbz_traps(struct b3pr_vcpu *vcpu);

/*
 * The instruction word at the guest PC, as memory holds it; with @before,
 * *has_before says whether *before holds the word at PC - 4 (read too
 * when it lies in the PC's 4K page, so through the same translation).
 */
int b3pr_shadow_read_insn(struct b3pr_vcpu *vcpu, u32 *raw, u32 *before,
			  bool *has_before, struct b3pr_interrupt *fault);

#endif /* B3PR_SHADOW_H */
