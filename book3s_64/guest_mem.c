// SPDX-License-Identifier: GPL-2.0
/*
 * Guest real memory for the portable core (struct b3pr_guest_mem): reads
 * and writes go through the VM's slots to the VMM's own mapping with
 * copy_from_user/copy_to_user, so they are valid only in the VMM's
 * process context (KVM_RUN, the vcpu ioctls), never in an interrupt.
 * What b3pr writes itself (R/C bits, an emulated dcbz) goes into the
 * slot's dirty log, as a guest store does.
 */
#include <linux/minmax.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/futex.h>

#include "b3pr/guest_mem.h"
#include "b3pr/vm.h"

/*
 * Copy [gpa, gpa + len) piece by piece, since it may span adjacent
 * slots. Returns 0, or -1 when any byte is outside the slots or the VMM
 * has nothing mapped there.
 */
static int b3pr_guest_copy(struct b3pr_vm *vm, u64 gpa, void *buf,
			   unsigned int len, bool write)
{
	const struct b3pr_memslot *s;
	unsigned long left, chunk;
	void __user *hva;
	int idx, ret = 0;

	if (current->mm != vm->mm)
		return -1;
	idx = srcu_read_lock(&vm->srcu);
	while (len) {
		s = b3pr_memslot_find(vm, gpa);
		if (!s) {
			ret = -1;
			break;
		}
		chunk = min_t(u64, len, s->size - (gpa - s->gpa));
		hva = (void __user *)(s->hva + (gpa - s->gpa));
		if (write)
			left = copy_to_user(hva, buf, chunk);
		else
			left = copy_from_user(buf, hva, chunk);
		if (left) {
			ret = -1;
			break;
		}
		if (write)
			b3pr_dirty_log_mark(s, gpa, chunk);
		gpa += chunk;
		buf += chunk;
		len -= chunk;
	}
	srcu_read_unlock(&vm->srcu, idx);
	return ret;
}

static int b3pr_guest_read(void *ctx, u64 gpa, void *buf, unsigned int len)
{
	return b3pr_guest_copy(ctx, gpa, buf, len, false);
}

static int b3pr_guest_write(void *ctx, u64 gpa, const void *buf,
			    unsigned int len)
{
	/* copy_to_user only reads @buf; the cast saves a second loop. */
	return b3pr_guest_copy(ctx, gpa, (void *)buf, len, true);
}

/* Fill @mem so that the core reaches @vm's guest memory. */
/*
 * The guest's stwcx. run here (emul_reserve.c): the VMM's word, compared
 * and swapped as the futex code does it, faulted in writable once if it
 * was not there.
 */
static int b3pr_guest_cmpxchg32(void *ctx, u64 gpa, u32 old, u32 new)
{
	struct b3pr_vm *vm = ctx;
	const struct b3pr_memslot *s;
	u32 __user *hva;
	int idx, ret, tries;
	u32 cur;

	if (current->mm != vm->mm || (gpa & 3))
		return -1;
	idx = srcu_read_lock(&vm->srcu);
	s = b3pr_memslot_find(vm, gpa);
	if (!s) {
		srcu_read_unlock(&vm->srcu, idx);
		return -1;
	}
	hva = (u32 __user *)(s->hva + (gpa - s->gpa));
	for (tries = 0; tries < 2; tries++) {
		pagefault_disable();
		ret = futex_atomic_cmpxchg_inatomic(&cur, hva, old, new);
		pagefault_enable();
		if (ret != -EFAULT || fault_in_writeable((char __user *)hva, 4))
			break;
	}
	if (!ret && cur == old)
		b3pr_dirty_log_mark(s, gpa, 4);
	srcu_read_unlock(&vm->srcu, idx);
	if (ret)
		return -1;
	return cur == old;
}

void b3pr_vm_guest_mem(struct b3pr_vm *vm, struct b3pr_guest_mem *mem)
{
	mem->ctx = vm;
	mem->read = b3pr_guest_read;
	mem->write = b3pr_guest_write;
	mem->cmpxchg32 = b3pr_guest_cmpxchg32;
}
