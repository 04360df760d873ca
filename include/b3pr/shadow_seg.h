/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow segments: which host 256 MB segment (host VSID) serves a guest
 * effective address under the guest's current translation mode.
 *
 * A host segment is named by a key: the guest's segment identity plus the
 * mode (MSR[PR], [IR], [DR]) its mappings were made under. Three kinds:
 *  - real: guest real mode (IR=DR=0), named by the real address;
 *  - virt: IR=DR=1 through a guest segment, named by the guest virtual
 *    address, so guest aliases of one segment share host PTEs, which stay
 *    valid across slbie/mtsr (the guest's TLB is by VA too);
 *  - ea: named by the effective address, where one host page may hold a
 *    mapping that is not the guest segment's alone: IR and DR differ
 *    (real fetch, translated data or the reverse), or a 32-bit guest's BAT
 *    covers part of the segment. Their host PTEs depend on the guest's
 *    SLB, segment registers and BATs and go when those change.
 *
 * Portable core: the table only hands out indexes; index i is the host's
 * VSID number i of the vcpu's MMU context.
 */
#ifndef B3PR_SHADOW_SEG_H
#define B3PR_SHADOW_SEG_H

#include "env.h"
#include "interrupt.h"
#include "spte_cache.h"

struct b3pr_guest_state;

enum b3pr_seg_kind {
	B3PR_SEG_REAL,
	B3PR_SEG_VIRT,
	B3PR_SEG_EA,
};

/* What the guest makes of the host segment at an EA, for one mode. */
struct b3pr_seg_desc {
	u64 key;
	enum b3pr_seg_kind kind;
	u64 esid;		/* EA >> 28, as the host SLB entry names it */
};

/*
 * Describe the segment of @ea under @g's MSR. Returns false when the
 * guest has no segment there (64-bit, IR=DR=1, no SLB entry): *fault is
 * then the instruction (@fetch) or data segment interrupt to deliver.
 */
bool b3pr_seg_describe(const struct b3pr_guest_state *g, u64 ea, bool fetch,
		       struct b3pr_seg_desc *d, struct b3pr_interrupt *fault);

/* The keys of the ea-kind segments @esid can have, in every mode. */
#define B3PR_SEG_EA_MODES	6
void b3pr_seg_ea_keys(u64 esid, u64 keys[B3PR_SEG_EA_MODES]);

/* 32-bit guests (book3s_32_guest/shadow_seg32.c) */
/* The segment register @sr's identity at privilege @pr. */
u64 b3pr_seg32_id(u32 sr, bool pr);
/* Does a BAT valid at privilege @pr map any of segment @esid? */
bool b3pr_seg32_has_bat(const struct b3pr_guest_state *g, u32 esid, bool pr);

/* The EA the host uses for @ea under @g's MSR (32 bits when SF=0). */
u64 b3pr_seg_host_ea(const struct b3pr_guest_state *g, u64 ea);

/* Segments one vcpu keeps; the least recently loaded goes first. */
#define B3PR_SHADOW_SEGS	512

struct b3pr_sseg {
	u64 key;
	u64 esid;		/* for ea-kind segments */
	bool used;
	enum b3pr_seg_kind kind;
	struct b3pr_link by_key;
	struct b3pr_link lru;
	struct b3pr_link ea_kind;	/* on ->ea_segs when kind is ea */
};

#define B3PR_SSEG_HASH_BITS	8
#define B3PR_SSEG_HASH_SIZE	(1U << B3PR_SSEG_HASH_BITS)

struct b3pr_sseg_table {
	struct b3pr_sseg seg[B3PR_SHADOW_SEGS];
	struct b3pr_link key_heads[B3PR_SSEG_HASH_SIZE];
	struct b3pr_link lru;		/* used segments, oldest first */
	struct b3pr_link free;		/* unused segments, through ->lru */
	struct b3pr_link ea_segs;
	/*
	 * A segment index is being reused: its host PTEs must go and no
	 * shadow SLB entry may keep naming it.
	 */
	void (*retire)(void *ctx, u32 index);
	void *ctx;
};

void b3pr_sseg_init(struct b3pr_sseg_table *t,
		    void (*retire)(void *ctx, u32 index), void *ctx);
/* The index of the segment for @d, made (and marked recent) if needed. */
u32 b3pr_sseg_get(struct b3pr_sseg_table *t, const struct b3pr_seg_desc *d);
/* The index of the segment named @key, or -1. */
int b3pr_sseg_find(struct b3pr_sseg_table *t, u64 key);
/* Forget segment @index (after its PTEs are gone). */
void b3pr_sseg_drop(struct b3pr_sseg_table *t, u32 index);
/* Retire and forget every ea-kind segment with an ESID in [first, last]. */
void b3pr_sseg_drop_ea(struct b3pr_sseg_table *t, u64 first, u64 last);

#endif /* B3PR_SHADOW_SEG_H */
