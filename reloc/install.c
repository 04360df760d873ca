// SPDX-License-Identifier: GPL-2.0
/*
 * Install the real-mode blob into free space of the host's low-memory
 * interrupt region and hook the vectors a guest exits through.
 *
 * Everything here uses runtime addresses: the blob's place is chosen at
 * load time (a relocated kdump kernel still has its vectors at physical
 * 0), its data references are fixed up for that place, and the quads are
 * filled from the module's addresses as loaded.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/stop_machine.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/cputable.h>
#include <asm/firmware.h>
#include <asm/setup.h>

#include "b3pr/lowmem.h"
#include "b3pr/rm.h"

#define B3PR_MAX_VECTORS	32

struct b3pr_rm_install {
	unsigned long base;		/* real address of the blob */
	size_t len;			/* blob + per-CPU table */
	u8 *image;			/* the relocated blob, built in advance */
	unsigned long l1d_flush;	/* what its entry flushes with */
	unsigned int nr_vectors;
	u32 vector[B3PR_MAX_VECTORS];
	u32 original[B3PR_MAX_VECTORS];	/* the words the hooks replace */
	u32 hook[B3PR_MAX_VECTORS];
	u8 *alias;			/* writable mapping of the first page */
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
 * The kernel's own image of the low region: a relocated (kdump) kernel
 * copied it to real 0 only as far as its vectors go, and the live words
 * past them are the previous kernel's. A kernel at 0 has one view.
 */
static struct b3pr_lowmem b3pr_rm_lowmem(void)
{
	return (struct b3pr_lowmem){ .live = __va(0),
				     .image = __va(PHYSICAL_START) };
}

static int b3pr_rm_build(struct b3pr_rm_install *rm)
{
	struct b3pr_lowmem lm = b3pr_rm_lowmem();
	const u32 *low = lm.live;
	const struct b3pr_rm_vector *v;
	const u32 *fix;
	size_t blob = b3pr_rm_offset(b3pr_rm_end);

	rm->len = blob + nr_cpu_ids * sizeof(u64);
	rm->base = b3pr_lowmem_find_space(&lm, rm->len);
	if (!rm->base) {
		pr_err("no room for %zu bytes of real-mode code in the low-memory interrupt region\n",
		       rm->len);
		return -ENOSPC;
	}
	rm->image = kzalloc(rm->len, GFP_KERNEL);
	if (!rm->image)
		return -ENOMEM;
	memcpy(rm->image, b3pr_rm_start, blob);

	for (fix = b3pr_rm_fixups; fix < b3pr_rm_fixups_end; fix++) {
		u32 insn;

		if (*fix > blob - 4)
			goto bad_blob;
		insn = *(u32 *)(rm->image + *fix);
		if (!b3pr_rm_fixup(&insn, *fix, rm->len, rm->base))
			goto bad_blob;
		*(u32 *)(rm->image + *fix) = insn;
	}
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_exit_landing)) =
		(unsigned long)b3pr_exit_landing;
	rm->l1d_flush = b3pr_host_l1d_flush();
	*(u64 *)(rm->image + b3pr_rm_offset(b3pr_rmq_l1d_flush)) =
		rm->l1d_flush;

	rm->nr_vectors = 0;
	for (v = b3pr_rm_vectors; v < b3pr_rm_vectors_end; v++) {
		u32 word;

		if (rm->nr_vectors == B3PR_MAX_VECTORS ||
		    v->vector % 4 || v->vector < B3PR_LOWMEM_FIRST ||
		    v->vector >= B3PR_LOWMEM_LIMIT ||
		    v->stub % 4 || v->stub >= blob ||
		    v->displaced % 4 || v->displaced > blob - 4 ||
		    *(u32 *)(rm->image + v->displaced))	/* the slot is a .long 0 */
			goto bad_blob;
		word = low[v->vector / 4];
		if (!b3pr_lowmem_displaceable(word)) {
			pr_err("host vector 0x%x does not begin as expected (0x%08x)\n",
			       v->vector, word);
			kfree(rm->image);
			return -ENODEV;
		}
		*(u32 *)(rm->image + v->displaced) = word;
		rm->vector[rm->nr_vectors] = v->vector;
		rm->original[rm->nr_vectors] = word;
		rm->hook[rm->nr_vectors] = b3pr_ppc_ba(rm->base + v->stub);
		rm->nr_vectors++;
	}
	return 0;

bad_blob:
	pr_err("real-mode blob is malformed\n");
	kfree(rm->image);
	return -EINVAL;
}

/* Writes go through a writable alias of the low pages: the kernel maps
 * its own vectors read-only. It is made outside stop_machine (vmap may
 * sleep) and kept while b3pr is installed.
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

static void b3pr_rm_write_low(struct b3pr_rm_install *rm, unsigned long addr,
			      const void *src, size_t len)
{
	memcpy(rm->alias + addr, src, len);
	flush_icache_range((unsigned long)__va(addr),
			   (unsigned long)__va(addr) + len);
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
	ret = b3pr_rm_map_low(rm);
	if (ret) {
		kfree(rm->image);
		return ret;
	}
	/* The blob first: nothing branches to it before the hooks exist. */
	b3pr_rm_write_low(rm, rm->base, rm->image, rm->len);
	ret = stop_machine(b3pr_rm_patch_vectors, &patch, NULL);
	if (ret) {
		pr_err("cannot hook the interrupt vectors: %d\n", ret);
		vunmap(rm->alias);
		kfree(rm->image);
		return ret;
	}
	rm->installed = true;
	pr_debug("real-mode code at 0x%lx (%zu bytes), %u vectors hooked\n",
		 rm->base, rm->len, rm->nr_vectors);
	return 0;
}

void b3pr_rm_uninstall(void)
{
	struct b3pr_rm_install *rm = &b3pr_rm;
	struct b3pr_rm_patch patch = { .rm = rm, .hook = false };

	if (!rm->installed)
		return;
	stop_machine(b3pr_rm_patch_vectors, &patch, NULL);
	/* The space was zero when we found it. */
	memset(rm->image, 0, rm->len);
	b3pr_rm_write_low(rm, rm->base, rm->image, rm->len);
	vunmap(rm->alias);
	kfree(rm->image);
	rm->installed = false;
}

static DEFINE_MUTEX(b3pr_rm_vms_lock);
static unsigned int b3pr_rm_vms;
static bool b3pr_rm_ail_was_on;

/*
 * A guest runs with translation on, so with relocation-on interrupts
 * (AIL) its exits would arrive at the kernel's virtual vectors, with the
 * guest's SLB still loaded, instead of at the hooked real ones.
 */
int b3pr_rm_vm_get(void)
{
	/*
	 * With AIL off, scv (ISA 3.0) vectors to real 0x17000, where the
	 * host kernel has no handler: a host that offers scv to its
	 * programs cannot have AIL turned off under them.
	 */
	if (cur_cpu_spec->cpu_user_features2 & PPC_FEATURE2_SCV) {
		pr_warn_once("guests need relocation-on interrupts off, which this host's scv system calls do not allow\n");
		return -EOPNOTSUPP;
	}
	mutex_lock(&b3pr_rm_vms_lock);
	if (!b3pr_rm_vms++) {
		b3pr_rm_ail_was_on = pseries_reloc_on_exception();
		if (b3pr_rm_ail_was_on)
			pseries_disable_reloc_on_exc();
	}
	mutex_unlock(&b3pr_rm_vms_lock);
	return 0;
}

void b3pr_rm_vm_put(void)
{
	mutex_lock(&b3pr_rm_vms_lock);
	if (!--b3pr_rm_vms && b3pr_rm_ail_was_on)
		pseries_enable_reloc_on_exc();
	mutex_unlock(&b3pr_rm_vms_lock);
}

/*
 * kvm-pr keeps its own count and turns AIL back on when its last VM goes,
 * whatever b3pr's VMs need: turn it off again before entering a guest.
 */
void b3pr_rm_check_ail(void)
{
	if (unlikely(pseries_reloc_on_exception()))
		pseries_disable_reloc_on_exc();
}

unsigned long b3pr_rm_l1d_flush(void)
{
	return b3pr_rm.l1d_flush;
}

unsigned long b3pr_rm_base(void)
{
	return b3pr_rm.base;
}

size_t b3pr_rm_len(void)
{
	return b3pr_rm.len;
}

unsigned long b3pr_rm_enter_address(void)
{
	return b3pr_rm.base + b3pr_rm_offset(b3pr_rm_enter);
}
