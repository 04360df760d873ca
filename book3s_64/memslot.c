// SPDX-License-Identifier: GPL-2.0
/*
 * Guest memory slots: KVM_SET_USER_MEMORY_REGION (create, delete, move,
 * flags), the gpa -> hva lookup and the pinning of the host page behind
 * a gpa for the shadow MMU.
 *
 * Every bad input gets the errno of virt/kvm/kvm_main.c
 * __kvm_set_memory_region and kvm_vm_ioctl_set_memory_region (6.1).
 *
 * Concurrency: the slot set is an immutable array sorted by gpa, read
 * under SRCU (readers may sleep: copy_from_user, pin_user_pages) and
 * replaced whole by writers, who serialise on vm->slots_lock and wait for
 * the readers of the old set before freeing it. A change that takes
 * memory away from the guest (delete, move) or starts its dirty log is an
 * invalidation of the old slot's frames, as the MMU notifier's are: the
 * shadow MMU drops only those, and a fault racing with it tries again.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kvm.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"

/* kvm_host.h KVM_MEM_MAX_NR_PAGES: the page count must fit in 31 bits. */
#define B3PR_MEM_MAX_NR_PAGES	((1UL << 31) - 1)

/* Flags KVM accepts on powerpc, which has no __KVM_HAVE_READONLY_MEM. */
#define B3PR_MEM_VALID_FLAGS	KVM_MEM_LOG_DIRTY_PAGES

int b3pr_memslots_init(struct b3pr_vm *vm)
{
	struct b3pr_memslots *slots;
	int ret;

	slots = b3pr_kzalloc(sizeof(*slots), GFP_KERNEL_ACCOUNT);
	if (!slots)
		return -ENOMEM;
	ret = init_srcu_struct(&vm->srcu);
	if (ret) {
		b3pr_kfree(slots);
		return ret;
	}
	RCU_INIT_POINTER(vm->memslots, slots);
	return 0;
}

/* The VM is unreachable: no reader is left. */
void b3pr_memslots_destroy(struct b3pr_vm *vm)
{
	struct b3pr_memslots *slots = rcu_dereference_protected(vm->memslots,
								true);
	unsigned int i;

	cleanup_srcu_struct(&vm->srcu);
	for (i = 0; i < slots->nr; i++)
		b3pr_dirty_log_free(&slots->slot[i]);
	b3pr_kfree(slots);
}

/* The checks that need no slot, in kvm_main.c's order; all -EINVAL. */
static int b3pr_region_valid(const struct kvm_userspace_memory_region *mem)
{
	void __user *uaddr = (void __user *)(unsigned long)mem->userspace_addr;

	if ((u16)mem->slot >= B3PR_NR_MEMSLOTS)
		return -EINVAL;
	if (mem->flags & ~B3PR_MEM_VALID_FLAGS)
		return -EINVAL;
	if (!PAGE_ALIGNED(mem->memory_size) ||
	    !PAGE_ALIGNED(mem->guest_phys_addr))
		return -EINVAL;
	/* Guest memory is reached with copy_from_user on these addresses. */
	if (!PAGE_ALIGNED(mem->userspace_addr) ||
	    !access_ok(uaddr, mem->memory_size))
		return -EINVAL;
	/* Address space ids (slot bits 16:31): powerpc has one. */
	if (mem->slot >> 16)
		return -EINVAL;
	if (mem->guest_phys_addr + mem->memory_size < mem->guest_phys_addr)
		return -EINVAL;
	if ((mem->memory_size >> PAGE_SHIFT) > B3PR_MEM_MAX_NR_PAGES)
		return -EINVAL;
	return 0;
}

struct b3pr_memslot *b3pr_memslot_by_id(struct b3pr_memslots *slots, u32 id)
{
	unsigned int i;

	for (i = 0; i < slots->nr; i++)
		if (slots->slot[i].id == id)
			return &slots->slot[i];
	return NULL;
}

/* Would [gpa, gpa + size) overlap a slot other than @id? */
static bool b3pr_slots_overlap(const struct b3pr_memslots *slots, u32 id,
			       u64 gpa, u64 size)
{
	const struct b3pr_memslot *s;
	unsigned int i;

	for (i = 0; i < slots->nr; i++) {
		s = &slots->slot[i];
		if (s->id != id && gpa < s->gpa + s->size && s->gpa < gpa + size)
			return true;
	}
	return false;
}

/* Keep the array sorted by gpa for the binary search in lookups. */
static void b3pr_slots_sort(struct b3pr_memslots *slots)
{
	struct b3pr_memslot tmp;
	unsigned int i, j;

	for (i = 1; i < slots->nr; i++) {
		tmp = slots->slot[i];
		for (j = i; j > 0 && slots->slot[j - 1].gpa > tmp.gpa; j--)
			slots->slot[j] = slots->slot[j - 1];
		slots->slot[j] = tmp;
	}
}

/*
 * Publish @new and free the old set once no reader can see it. What the
 * guest may still map of @gone (the slot before the change, if any) goes
 * on every vcpu: all of it when deleted or moved (@all), its writable
 * pages when its dirty log starts.
 */
static void b3pr_slots_replace(struct b3pr_vm *vm, struct b3pr_memslots *old,
			       struct b3pr_memslots *new,
			       const struct b3pr_memslot *gone, bool all)
{
	unsigned int nr = b3pr_invalidate_begin(vm);

	b3pr_slots_sort(new);
	rcu_assign_pointer(vm->memslots, new);
	synchronize_srcu(&vm->srcu);
	b3pr_kfree(old);
	if (gone)
		b3pr_invalidate_gpa(vm, nr, gone->gpa, gone->size, !all);
	b3pr_invalidate_end(vm);
}

/*
 * What the request does to an existing slot @old, or an errno; 1 when
 * there is nothing to do (kvm_main.c: same gpa, same flags).
 */
static int b3pr_region_change_ok(const struct b3pr_memslots *cur,
				 const struct b3pr_memslot *old,
				 const struct kvm_userspace_memory_region *mem)
{
	/* A slot's backing and size never change in place: delete first. */
	if (mem->userspace_addr != old->hva || mem->memory_size != old->size)
		return -EINVAL;
	if (mem->guest_phys_addr != old->gpa) {
		if (b3pr_slots_overlap(cur, old->id, mem->guest_phys_addr,
				       mem->memory_size))
			return -EEXIST;
		return 0;
	}
	return mem->flags == old->flags ? 1 : 0;
}

/* The new or changed slot @slot as @mem says, its dirty log with it. */
static int b3pr_slot_fill(struct b3pr_memslot *slot, u32 id,
			  const struct kvm_userspace_memory_region *mem)
{
	slot->id = id;
	slot->flags = mem->flags;
	slot->gpa = mem->guest_phys_addr;
	slot->size = mem->memory_size;
	slot->hva = mem->userspace_addr;
	if ((mem->flags & KVM_MEM_LOG_DIRTY_PAGES) && !slot->dirty_bitmap)
		return b3pr_dirty_log_alloc(slot);
	if (!(mem->flags & KVM_MEM_LOG_DIRTY_PAGES))
		slot->dirty_bitmap = NULL;	/* freed after the switch */
	return 0;
}

static int b3pr_set_region_locked(struct b3pr_vm *vm,
				  const struct kvm_userspace_memory_region *mem)
{
	struct b3pr_memslot *old, *slot, before = {};
	struct b3pr_memslots *cur, *new;
	u32 id = (u16)mem->slot;
	bool all;
	int ret;

	cur = rcu_dereference_protected(vm->memslots,
					lockdep_is_held(&vm->slots_lock));
	old = b3pr_memslot_by_id(cur, id);
	if (!mem->memory_size) {
		/* Deleting a slot that does not exist */
		if (!old)
			return -EINVAL;
	} else if (old) {
		ret = b3pr_region_change_ok(cur, old, mem);
		if (ret)
			return ret > 0 ? 0 : ret;
	} else if (b3pr_slots_overlap(cur, id, mem->guest_phys_addr,
				      mem->memory_size)) {
		return -EEXIST;
	}

	new = b3pr_kzalloc(sizeof(*new), GFP_KERNEL_ACCOUNT);
	if (!new)
		return -ENOMEM;
	memcpy(new, cur, sizeof(*new));
	slot = b3pr_memslot_by_id(new, id);
	if (old)
		before = *old;
	if (!mem->memory_size) {
		*slot = new->slot[--new->nr];
	} else {
		if (!slot) {
			/* A deleted slot's leftovers may be there. */
			slot = &new->slot[new->nr++];
			memset(slot, 0, sizeof(*slot));
		}
		ret = b3pr_slot_fill(slot, id, mem);
		if (ret) {
			b3pr_kfree(new);
			return ret;
		}
	}
	/* Frames of the old slot leave the guest, or its log starts. */
	all = !mem->memory_size || mem->guest_phys_addr != before.gpa;
	b3pr_slots_replace(vm, cur, new,
			   old && (all || (mem->flags & ~before.flags &
					   KVM_MEM_LOG_DIRTY_PAGES)) ?
			   &before : NULL, all);
	/* No reader can see the old slot's log any more. */
	if (before.dirty_bitmap && (!mem->memory_size ||
				    !(mem->flags & KVM_MEM_LOG_DIRTY_PAGES)))
		b3pr_dirty_log_free(&before);
	return 0;
}

/*
 * KVM_SET_USER_MEMORY_REGION. Like KVM, the userspace range need not be
 * mapped yet: only access_ok is checked here, and an unmapped page fails
 * when it is first used (pinning gives -EFAULT).
 */
int b3pr_set_memory_region(struct b3pr_vm *vm,
			   const struct kvm_userspace_memory_region *mem)
{
	int ret = b3pr_region_valid(mem);

	if (ret)
		return ret;
	mutex_lock(&vm->slots_lock);
	ret = b3pr_set_region_locked(vm, mem);
	mutex_unlock(&vm->slots_lock);
	return ret;
}

const struct b3pr_memslot *b3pr_memslot_find(struct b3pr_vm *vm, u64 gpa)
{
	const struct b3pr_memslots *slots = srcu_dereference(vm->memslots,
							     &vm->srcu);
	unsigned int lo = 0, hi = slots->nr, mid;
	const struct b3pr_memslot *s;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		s = &slots->slot[mid];
		if (gpa < s->gpa)
			hi = mid;
		else if (gpa - s->gpa >= s->size)
			lo = mid + 1;
		else
			return s;
	}
	return NULL;
}

/*
 * The host page behind @gpa of @slot, pinned writable until
 * b3pr_memslot_unpin (the MMU notifier takes the mappings built on it
 * away first when the VMM's address space changes). Writable even for a
 * guest load, so that every mapping of a guest frame is the same page
 * (no copy-on-write split). Runs in the VMM's context: the hva means
 * nothing in another address space. -EFAULT where the VMM maps nothing.
 */
int b3pr_memslot_pin_in(struct b3pr_vm *vm, const struct b3pr_memslot *slot,
			u64 gpa, struct page **page)
{
	unsigned long hva = slot->hva + (gpa - slot->gpa);
	int ret;

	if (current->mm != vm->mm)
		return -EIO;
	ret = pin_user_pages_fast(hva & PAGE_MASK, 1, FOLL_WRITE, page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	/* Counted like an allocation, so that a leaked pin shows. */
	b3pr_object_get();
	return 0;
}

/* The same outside an SRCU section; -ENOENT outside every slot. */
int b3pr_memslot_pin(struct b3pr_vm *vm, u64 gpa, struct page **page)
{
	const struct b3pr_memslot *s;
	int idx, ret = -ENOENT;

	idx = srcu_read_lock(&vm->srcu);
	s = b3pr_memslot_find(vm, gpa);
	if (s)
		ret = b3pr_memslot_pin_in(vm, s, gpa, page);
	srcu_read_unlock(&vm->srcu, idx);
	return ret;
}

/*
 * No page lock: the notifier may be called with it held (reclaim,
 * migration, writeback's mkclean) and must not sleep. set_page_dirty
 * without it is safe here because the VMM's PTE still maps the page,
 * which it keeps doing until the notifier has dropped our mapping.
 */
void b3pr_memslot_unpin(struct page *page, bool dirty)
{
	if (dirty)
		set_page_dirty(page);
	unpin_user_page(page);
	b3pr_object_put();
}
