// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_MEM_LOG_DIRTY_PAGES and KVM_GET_DIRTY_LOG: which host pages of a
 * slot the guest wrote since the last look. A page is marked when the
 * shadow MMU maps it writable (only on a store fault in a logged slot)
 * or when b3pr writes guest memory itself (guest_mem.c: R/C bits, dcbz
 * ...). Handing the log out write-protects the slot again, so that the
 * next store is seen.
 *
 * Bits are host pages (PAGE_SIZE: 64K on Debian's ppc64el kernel), as
 * virt/kvm/kvm_main.c counts, and the errors are kvm_get_dirty_log's
 * (6.1): slot number out of range -EINVAL, no such slot or no log
 * -ENOENT, an unwritable buffer -EFAULT.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/bitmap.h>
#include <linux/kvm.h>
#include <linux/mm.h>
#include <linux/uaccess.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"

static unsigned long b3pr_dirty_longs(const struct b3pr_memslot *slot)
{
	return BITS_TO_LONGS(slot->size >> PAGE_SHIFT);
}

/*
 * The log and, behind it, the snapshot GET_DIRTY_LOG hands out. Its size
 * is the VMM's to choose (up to 512 MB with 64 KB pages): charged to the
 * VMM's memory cgroup as KVM's, and more than the host has fails with
 * -ENOMEM, quietly, rather than calling the OOM killer on the host.
 */
int b3pr_dirty_log_alloc(struct b3pr_memslot *slot)
{
	slot->dirty_bitmap = b3pr_vzalloc(2 * b3pr_dirty_longs(slot) *
					  sizeof(long), GFP_KERNEL_ACCOUNT |
					  __GFP_RETRY_MAYFAIL | __GFP_NOWARN);
	return slot->dirty_bitmap ? 0 : -ENOMEM;
}

void b3pr_dirty_log_free(struct b3pr_memslot *slot)
{
	b3pr_vfree(slot->dirty_bitmap);
	slot->dirty_bitmap = NULL;
}

void b3pr_dirty_log_mark(const struct b3pr_memslot *slot, u64 gpa, u64 len)
{
	u64 page, last;

	if (!slot->dirty_bitmap || !len)
		return;
	page = (gpa - slot->gpa) >> PAGE_SHIFT;
	last = (gpa + len - 1 - slot->gpa) >> PAGE_SHIFT;
	for (; page <= last; page++)
		set_bit(page, slot->dirty_bitmap);
}

/*
 * Take the log and clear it, bit word by bit word against concurrent
 * marks; then write-protect what was dirty. A store between the two went
 * through a mapping the snapshot already reports.
 */
static bool b3pr_dirty_log_take(struct b3pr_memslot *slot)
{
	unsigned long n = b3pr_dirty_longs(slot), i, any = 0;
	unsigned long *snap = slot->dirty_bitmap + n;

	for (i = 0; i < n; i++) {
		snap[i] = xchg(&slot->dirty_bitmap[i], 0);
		any |= snap[i];
	}
	return any;
}

/* The snapshot did not reach the VMM: its pages stay dirty. */
static void b3pr_dirty_log_restore(struct b3pr_memslot *slot)
{
	unsigned long n = b3pr_dirty_longs(slot), bit;
	unsigned long *snap = slot->dirty_bitmap + n;

	for_each_set_bit(bit, snap, slot->size >> PAGE_SHIFT)
		set_bit(bit, slot->dirty_bitmap);
}

static int b3pr_get_dirty_log_locked(struct b3pr_vm *vm,
				     const struct kvm_dirty_log *log)
{
	struct b3pr_memslots *slots;
	struct b3pr_memslot *slot;
	unsigned int nr;

	slots = rcu_dereference_protected(vm->memslots,
					  lockdep_is_held(&vm->slots_lock));
	slot = b3pr_memslot_by_id(slots, (u16)log->slot);
	if (!slot || !slot->dirty_bitmap)
		return -ENOENT;
	if (b3pr_dirty_log_take(slot)) {
		nr = b3pr_invalidate_begin(vm);
		b3pr_invalidate_gpa(vm, nr, slot->gpa, slot->size, true);
		b3pr_invalidate_end(vm);
	}
	if (copy_to_user(log->dirty_bitmap, slot->dirty_bitmap +
			 b3pr_dirty_longs(slot),
			 b3pr_dirty_longs(slot) * sizeof(long))) {
		b3pr_dirty_log_restore(slot);
		return -EFAULT;
	}
	return 0;
}

int b3pr_get_dirty_log(struct b3pr_vm *vm, const struct kvm_dirty_log *log)
{
	int ret;

	/* One address space; slot ids as KVM_SET_USER_MEMORY_REGION's. */
	if (log->slot >> 16 || (u16)log->slot >= B3PR_NR_MEMSLOTS)
		return -EINVAL;
	mutex_lock(&vm->slots_lock);
	ret = b3pr_get_dirty_log_locked(vm, log);
	mutex_unlock(&vm->slots_lock);
	return ret;
}
