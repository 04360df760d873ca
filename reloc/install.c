// SPDX-License-Identifier: GPL-2.0
/*
 * Install the real-mode blob into free space of the host's low-memory
 * interrupt region and hook the vectors a guest exits through.
 *
 * Everything here uses runtime addresses: the place of each of the blob's
 * parts is chosen at load time (a relocated kdump kernel still has its
 * vectors at physical 0, with little room among them), its references to
 * blob labels are fixed up for those places, and the quads are filled
 * from the module's addresses as loaded.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stop_machine.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/cputable.h>
#include <asm/exception-64s.h>
#include <asm/firmware.h>
#include <asm/paca.h>
#include <asm/setup.h>

#include "b3pr/lowmem.h"
#include "b3pr/rm.h"
#include "b3pr/rm_hook.h"
#include "b3pr/rm_mem.h"

#define B3PR_MAX_VECTORS	32

struct b3pr_rm_install {
	struct b3pr_rm_layout layout;	/* where each part of the blob goes */
	size_t len;			/* the blob's length */
	u8 *image;			/* the relocated blob, built in advance */
	u64 *cpu_vcpu;			/* the table of running vcpus */
	unsigned long l1d_flush;	/* what its entry flushes with */
	unsigned long entry_flush;	/* ... and its exit */
	unsigned long enter;		/* b3pr_rm_enter's real address */
	unsigned int nr_vectors;
	u32 vector[B3PR_MAX_VECTORS];	/* the real addresses hooked */
	u32 original[B3PR_MAX_VECTORS];	/* the words the hooks replace */
	u32 hook[B3PR_MAX_VECTORS];
	u8 *alias;			/* writable mapping, only while writing */
	bool installed;
};

static struct b3pr_rm_install b3pr_rm;

static size_t b3pr_rm_offset(const u8 *sym)
{
	return sym - b3pr_rm_start;
}

/* ba target: I-form, AA=1, LK=0. */
static u32 b3pr_ppc_ba(unsigned long target)
{
	return 0x48000002 | (target & 0x03fffffc);
}

/*
 * The kernel's FWNMI entries (pseries: system_reset_fwnmi and
 * machine_check_fwnmi, registered with ibm,nmi-register) sit among its
 * real-mode trampolines and open like the vector they stand for:
 * "mtsprg 2,r13; mfsprg r13,1; std r9,AREA+EX_R9(r13)", AREA the PACA's
 * save area of that NMI. The symbols are not exported: the one place in
 * the trampolines that opens so is the entry; none, or more than one,
 * and the vectors are not what b3pr knows.
 */
#define B3PR_TRAMP_FIRST	0x1900
#define B3PR_TRAMP_LIMIT	0x3000
#define B3PR_PPC_MTSPRG2_R13	0x7db243a6
#define B3PR_PPC_MFSPRG1_R13	0x7db142a6
#define B3PR_PPC_STD_R9_R13(d)	(0xf92d0000 | ((d) & 0xfffc))

static unsigned long b3pr_rm_find_fwnmi(size_t area)
{
	const u32 *low = __va(0);
	unsigned long addr, found = 0;

	for (addr = B3PR_TRAMP_FIRST; addr + 12 <= B3PR_TRAMP_LIMIT; addr += 4) {
		if (low[addr / 4] != B3PR_PPC_MTSPRG2_R13 ||
		    low[addr / 4 + 1] != B3PR_PPC_MFSPRG1_R13 ||
		    low[addr / 4 + 2] != B3PR_PPC_STD_R9_R13(area + EX_R9))
			continue;
		if (found)
			return 0;
		found = addr;
	}
	return found;
}

static unsigned long b3pr_rm_hook_address(const struct b3pr_rm_vector *v)
{
	switch (v->where) {
	case B3PR_RM_AT_VECTOR:
		return v->vector;
	case B3PR_RM_AT_FWNMI_SRESET:
		return b3pr_rm_find_fwnmi(offsetof(struct paca_struct, exnmi));
	case B3PR_RM_AT_FWNMI_MCHECK:
		return b3pr_rm_find_fwnmi(offsetof(struct paca_struct, exmc));
	}
	return 0;
}

/*
 * The kernel's own image of the low region: a relocated (kdump) kernel
 * copied it to real 0 only as far as its vectors go, and the live words
 * past them are the previous kernel's. A kernel at 0 has one view.
 */
static struct b3pr_lowmem b3pr_rm_lowmem(void)
{
	return (struct b3pr_lowmem){ .live = __va(0),
				     .image = __va(PHYSICAL_START) };
}

static void b3pr_rm_build_undo(struct b3pr_rm_install *rm)
{
	b3pr_rm_free_module_page(rm->cpu_vcpu);
	rm->cpu_vcpu = NULL;
	kfree(rm->image);
	rm->image = NULL;
}

static int b3pr_rm_build(struct b3pr_rm_install *rm)
{
	struct b3pr_lowmem lm = b3pr_rm_lowmem();
	struct b3pr_rm_layout *l = &rm->layout;
	const u32 *low = lm.live;
	const struct b3pr_rm_vector *v;
	const u32 *fix;
	size_t blob = b3pr_rm_offset(b3pr_rm_end);
	u32 bad;

	rm->len = blob;
	if (!b3pr_rm_layout_init(l, b3pr_rm_parts,
				 b3pr_rm_parts_end - b3pr_rm_parts, blob) ||
	    !b3pr_rm_branches_local((const u32 *)b3pr_rm_start, l, &bad)) {
		pr_err("real-mode blob is malformed (its parts)\n");
		return -EINVAL;
	}
	if (!b3pr_lowmem_place(&lm, l)) {
		pr_err("no room for the %u parts (%zu bytes) of real-mode code in the low-memory interrupt region\n",
		       l->nr, blob);
		return -ENOSPC;
	}
	rm->image = kzalloc(rm->len, GFP_KERNEL);
	if (!rm->image)
		return -ENOMEM;
	/*
	 * Where real mode reaches it, as the vcpu areas (rm_mem.c); one
	 * page holds a slot for each of thousands of possible CPUs.
	 */
	if (nr_cpu_ids > PAGE_SIZE / sizeof(u64)) {
		pr_err("%u possible CPUs: more than the per-CPU table holds\n",
		       nr_cpu_ids);
		b3pr_rm_build_undo(rm);
		return -ENOSPC;
	}
	rm->cpu_vcpu = b3pr_rm_zalloc_module_page();
	if (!rm->cpu_vcpu) {
		b3pr_rm_build_undo(rm);
		return -ENOMEM;
	}
	memcpy(rm->image, b3pr_rm_start, blob);

	for (fix = b3pr_rm_fixups; fix < b3pr_rm_fixups_end; fix++) {
		u32 insn;

		if (*fix > blob - 4)
			goto bad_blob;
		insn = *(u32 *)(rm->image + *fix);
		if (!b3pr_rm_fixup(&insn, *fix, l))
			goto bad_blob;
		*(u32 *)(rm->image + *fix) = insn;
	}
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_exit_landing)) =
		(unsigned long)b3pr_exit_landing;
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_cpu_vcpu)) =
		(unsigned long)rm->cpu_vcpu;
	rm->l1d_flush = b3pr_host_l1d_flush();
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_l1d_flush)) =
		rm->l1d_flush;
	rm->entry_flush = b3pr_host_entry_flush();
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_entry_flush)) =
		rm->entry_flush;

	rm->nr_vectors = 0;
	for (v = b3pr_rm_vectors; v < b3pr_rm_vectors_end; v++) {
		unsigned long at = b3pr_rm_hook_address(v);
		unsigned long slot = b3pr_rm_addr(l, v->displaced);
		u32 word;

		/* The stub's code and its two-word slot, a .long 0 pair. */
		if (rm->nr_vectors == B3PR_MAX_VECTORS ||
		    v->stub % 4 || !b3pr_rm_addr(l, v->stub) ||
		    v->displaced % 4 || !slot ||
		    b3pr_rm_addr(l, v->displaced + 4) != slot + 4 ||
		    *(u32 *)(rm->image + v->displaced) ||
		    *(u32 *)(rm->image + v->displaced + 4))
			goto bad_blob;
		if (!at) {
			pr_err("host has no single FWNMI entry for vector 0x%x\n",
			       v->vector);
			b3pr_rm_build_undo(rm);
			return -ENODEV;
		}
		if (at % 4 || at < B3PR_LOWMEM_FIRST || at >= B3PR_LOWMEM_LIMIT)
			goto bad_blob;
		word = low[at / 4];
		if (!b3pr_lowmem_displaceable(word)) {
			pr_err("host vector 0x%lx does not begin as expected (0x%08x)\n",
			       at, word);
			b3pr_rm_build_undo(rm);
			return -ENODEV;
		}
		/* The displaced word, then on to the entry's second word. */
		*(u32 *)(rm->image + v->displaced) = word;
		*(u32 *)(rm->image + v->displaced + 4) = b3pr_ppc_ba(at + 4);
		rm->vector[rm->nr_vectors] = at;
		rm->original[rm->nr_vectors] = word;
		rm->hook[rm->nr_vectors] = b3pr_ppc_ba(b3pr_rm_addr(l, v->stub));
		rm->nr_vectors++;
	}
	return 0;

bad_blob:
	pr_err("real-mode blob is malformed\n");
	b3pr_rm_build_undo(rm);
	return -EINVAL;
}

/*
 * Writes go through a writable alias of the low pages: the kernel maps
 * its own vectors read-only. The alias exists only while b3pr writes
 * there (a stray store through it would rewrite the host's vectors). It
 * is made outside stop_machine, since vmap may sleep.
 */
#define B3PR_LOWMEM_PAGES	DIV_ROUND_UP(B3PR_LOWMEM_LIMIT, PAGE_SIZE)

static int b3pr_rm_map_low(struct b3pr_rm_install *rm)
{
	struct page *pages[B3PR_LOWMEM_PAGES];
	unsigned int i;

	for (i = 0; i < B3PR_LOWMEM_PAGES; i++)
		pages[i] = pfn_to_page(i);
	rm->alias = vmap(pages, B3PR_LOWMEM_PAGES, VM_MAP, PAGE_KERNEL);
	return rm->alias ? 0 : -ENOMEM;
}

static void b3pr_rm_unmap_low(struct b3pr_rm_install *rm)
{
	vunmap(rm->alias);
	rm->alias = NULL;
}

static void b3pr_rm_write_low(struct b3pr_rm_install *rm, unsigned long addr,
			      const void *src, size_t len)
{
	memcpy(rm->alias + addr, src, len);
	flush_icache_range((unsigned long)__va(addr),
			   (unsigned long)__va(addr) + len);
}

/* Every part of the blob to its place, from @image (the blob's layout). */
static void b3pr_rm_write_parts(struct b3pr_rm_install *rm, const u8 *image)
{
	const struct b3pr_rm_layout *l = &rm->layout;
	unsigned int i;

	for (i = 0; i < l->nr; i++)
		b3pr_rm_write_low(rm, l->part[i].base, image + l->part[i].start,
				  l->part[i].end - l->part[i].start);
}

struct b3pr_rm_patch {
	struct b3pr_rm_install *rm;
	bool hook;
};

/* Runs with every other CPU held in stop_machine: no vector is mid-way. */
static int b3pr_rm_patch_vectors(void *data)
{
	struct b3pr_rm_patch *p = data;
	struct b3pr_rm_install *rm = p->rm;
	unsigned int i;

	for (i = 0; i < rm->nr_vectors; i++)
		b3pr_rm_write_low(rm, rm->vector[i],
				  p->hook ? &rm->hook[i] : &rm->original[i],
				  sizeof(u32));
	return 0;
}

int b3pr_rm_install(void)
{
	struct b3pr_rm_install *rm = &b3pr_rm;
	struct b3pr_rm_patch patch = { .rm = rm, .hook = true };
	int ret;

	if (!firmware_has_feature(FW_FEATURE_LPAR)) {
		pr_err("only pseries (LPAR) hosts are supported for now\n");
		return -ENODEV;
	}
	ret = b3pr_rm_build(rm);
	if (ret)
		return ret;
	/* Every guest entry asks; the layout is fixed from here. */
	rm->enter = b3pr_rm_addr(&rm->layout, b3pr_rm_offset(b3pr_rm_enter));
	ret = b3pr_rm_map_low(rm);
	if (ret) {
		b3pr_rm_build_undo(rm);
		return ret;
	}
	/* The blob first: nothing branches to it before the hooks exist. */
	b3pr_rm_write_parts(rm, rm->image);
	ret = stop_machine(b3pr_rm_patch_vectors, &patch, NULL);
	if (ret) {
		pr_err("cannot hook the interrupt vectors: %d\n", ret);
		memset(rm->image, 0, rm->len);
		b3pr_rm_write_parts(rm, rm->image);
		b3pr_rm_unmap_low(rm);
		b3pr_rm_build_undo(rm);
		return ret;
	}
	b3pr_rm_unmap_low(rm);
	rm->installed = true;
	pr_debug("real-mode code in %u parts (%zu bytes), %u vectors hooked\n",
		 rm->layout.nr, rm->len, rm->nr_vectors);
	return 0;
}

void b3pr_rm_uninstall(void)
{
	struct b3pr_rm_install *rm = &b3pr_rm;
	struct b3pr_rm_patch patch = { .rm = rm, .hook = false };

	if (!rm->installed)
		return;
	if (b3pr_rm_map_low(rm)) {
		/*
		 * The hooks stay. Their host path reads only the blob and the
		 * table, which stays too (all zero: no CPU runs a guest).
		 */
		pr_err("cannot map the interrupt vectors to unhook them; the hooks and %u bytes stay\n",
		       nr_cpu_ids * (unsigned int)sizeof(u64));
		return;
	}
	stop_machine(b3pr_rm_patch_vectors, &patch, NULL);
	/* The space was zero when we found it. */
	memset(rm->image, 0, rm->len);
	b3pr_rm_write_parts(rm, rm->image);
	b3pr_rm_unmap_low(rm);
	b3pr_rm_build_undo(rm);
	rm->installed = false;
}

unsigned long b3pr_rm_l1d_flush(void)
{
	return b3pr_rm.l1d_flush;
}

unsigned long b3pr_rm_entry_flush(void)
{
	return b3pr_rm.entry_flush;
}

unsigned long b3pr_rm_enter_address(void)
{
	return b3pr_rm.enter;
}

void b3pr_rm_show_parts(struct seq_file *m)
{
	const struct b3pr_rm_layout *l = &b3pr_rm.layout;
	unsigned int i;

	for (i = 0; i < l->nr; i++)
		seq_printf(m, " 0x%lx+%u", l->part[i].base,
			   l->part[i].end - l->part[i].start);
}
