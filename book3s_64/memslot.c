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
 * the readers of the old set before freeing it. A reader that must notice
 * a change later (the shadow MMU) compares ->generation.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kvm.h>
#include <linux/mm.h>
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
	cleanup_srcu_struct(&vm->srcu);
	b3pr_kfree(rcu_dereference_protected(vm->memslots, true));
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

static struct b3pr_memslot *b3pr_slot_by_id(struct b3pr_memslots *slots,
					    u32 id)
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

/* Publish @new and free the old set once no reader can see it. */
static void b3pr_slots_replace(struct b3pr_vm *vm, struct b3pr_memslots *old,
			       struct b3pr_memslots *new)
{
	new->generation = old->generation + 1;
	b3pr_slots_sort(new);
	rcu_assign_pointer(vm->memslots, new);
	synchronize_srcu(&vm->srcu);
	b3pr_kfree(old);
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

static int b3pr_set_region_locked(struct b3pr_vm *vm,
				  const struct kvm_userspace_memory_region *mem)
{
	struct b3pr_memslots *cur, *new;
	struct b3pr_memslot *old, *slot;
	u32 id = (u16)mem->slot;
	int ret;

	cur = rcu_dereference_protected(vm->memslots,
					lockdep_is_held(&vm->slots_lock));
	old = b3pr_slot_by_id(cur, id);
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
	slot = b3pr_slot_by_id(new, id);
	if (!mem->memory_size) {
		*slot = new->slot[--new->nr];
	} else {
		if (!slot)
			slot = &new->slot[new->nr++];
		slot->id = id;
		slot->flags = mem->flags;
		slot->gpa = mem->guest_phys_addr;
		slot->size = mem->memory_size;
		slot->hva = mem->userspace_addr;
	}
	b3pr_slots_replace(vm, cur, new);
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

/* -ENOENT when no slot holds @gpa: for the run loop, an MMIO access. */
int b3pr_memslot_gpa_to_hva(struct b3pr_vm *vm, u64 gpa, unsigned long *hva)
{
	const struct b3pr_memslot *s;
	int idx, ret = -ENOENT;

	idx = srcu_read_lock(&vm->srcu);
	s = b3pr_memslot_find(vm, gpa);
	if (s) {
		*hva = s->hva + (gpa - s->gpa);
		ret = 0;
	}
	srcu_read_unlock(&vm->srcu, idx);
	return ret;
}

/*
 * Pin the host page behind @gpa (writable if @write) until
 * b3pr_memslot_unpin. Runs in the VMM's context: the hva means nothing
 * in another address space. Pinning inside the SRCU section makes a slot
 * change wait for it, so a later generation check cannot miss the page.
 * -ENOENT outside every slot, -EFAULT where the VMM maps nothing.
 */
int b3pr_memslot_pin(struct b3pr_vm *vm, u64 gpa, bool write,
		     struct page **page)
{
	unsigned int flags = FOLL_LONGTERM | (write ? FOLL_WRITE : 0);
	const struct b3pr_memslot *s;
	int idx, ret = -ENOENT;
	unsigned long hva;

	if (current->mm != vm->mm)
		return -EIO;
	idx = srcu_read_lock(&vm->srcu);
	s = b3pr_memslot_find(vm, gpa);
	if (s) {
		hva = s->hva + (gpa - s->gpa);
		ret = pin_user_pages_fast(hva & PAGE_MASK, 1, flags, page);
		if (ret == 1)
			ret = 0;
		else if (ret >= 0)
			ret = -EFAULT;
	}
	srcu_read_unlock(&vm->srcu, idx);
	return ret;
}

void b3pr_memslot_unpin(struct page *page, bool dirty)
{
	unpin_user_pages_dirty_lock(&page, 1, dirty);
}

/* Bumped on every slot change: shadow translations older than it go. */
u64 b3pr_memslots_generation(struct b3pr_vm *vm)
{
	u64 gen;
	int idx;

	idx = srcu_read_lock(&vm->srcu);
	gen = srcu_dereference(vm->memslots, &vm->srcu)->generation;
	srcu_read_unlock(&vm->srcu, idx);
	return gen;
}
