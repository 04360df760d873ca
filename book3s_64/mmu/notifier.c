// SPDX-License-Identifier: GPL-2.0
/*
 * Guest memory follows the VMM's address space: an MMU notifier on the
 * VM's mm takes every shadow PTE (on every vcpu) off a host page before
 * the host unmaps, moves or write-protects it (munmap, MADV_DONTNEED,
 * mremap, migration, reclaim, fork's copy-on-write), and a fault racing
 * with such an invalidation tries again instead of installing a
 * translation that was just taken away.
 *
 * The race check: invalidations (and memory slot changes, which are
 * invalidations of the old slot) keep vm->mn_active raised while they
 * run and bump vm->mn_seq when they end. A fault reads mn_seq before it
 * looks the page up and, under the vcpu's shadow lock, gives up if an
 * invalidation is running or one ended meanwhile. Either the
 * invalidation's flush of that vcpu comes after the fault's critical
 * section (and removes what it installed), or the fault sees it.
 *
 * Nothing here sleeps: the shadow locks are spinlocks and dropping a
 * page never takes its lock, so non-blockable invalidations (the OOM
 * reaper's) are served like any other.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/mmu_notifier.h>
#include <linux/sched/mm.h>

#include "b3pr/shadow.h"
#include "b3pr/vm.h"

void b3pr_vm_add_vcpu(struct b3pr_vm *vm, struct b3pr_vcpu *vcpu)
{
	spin_lock(&vm->mn_lock);
	vm->vcpus[vm->nr_vcpus] = vcpu;
	WRITE_ONCE(vm->nr_vcpus, vm->nr_vcpus + 1);
	spin_unlock(&vm->mn_lock);
}

/*
 * A vcpu added after this sees mn_active raised (it took mn_lock after
 * us), so it needs no flush of its own.
 */
unsigned int b3pr_invalidate_begin(struct b3pr_vm *vm)
{
	unsigned int nr;

	spin_lock(&vm->mn_lock);
	WRITE_ONCE(vm->mn_active, vm->mn_active + 1);
	nr = vm->nr_vcpus;
	spin_unlock(&vm->mn_lock);
	return nr;
}

void b3pr_invalidate_end(struct b3pr_vm *vm)
{
	spin_lock(&vm->mn_lock);
	WRITE_ONCE(vm->mn_seq, vm->mn_seq + 1);
	/* Whoever sees the count drop sees the new sequence too. */
	smp_wmb();
	WRITE_ONCE(vm->mn_active, vm->mn_active - 1);
	spin_unlock(&vm->mn_lock);
}

unsigned long b3pr_invalidate_seq(struct b3pr_vm *vm)
{
	unsigned long seq = READ_ONCE(vm->mn_seq);

	/* Read before the fault looks at the slots and the page tables. */
	smp_rmb();
	return seq;
}

bool b3pr_invalidate_retry(struct b3pr_vm *vm, unsigned long seq)
{
	if (READ_ONCE(vm->mn_active))
		return true;
	/* Pairs with the end's smp_wmb: a count seen at 0 is ordered. */
	smp_rmb();
	return READ_ONCE(vm->mn_seq) != seq;
}

void b3pr_invalidate_gpa(struct b3pr_vm *vm, unsigned int nr, u64 gpa,
			 u64 size, bool writable_only)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		b3pr_shadow_drop_gfns(vm->vcpus[i], gpa >> 12,
				      (gpa + size - 1) >> 12, writable_only);
}

static struct b3pr_vm *b3pr_mn_vm(struct mmu_notifier *mn)
{
	return container_of(mn, struct b3pr_vm, mn);
}

/* The guest frames of every slot whose memory overlaps [start, end). */
static int b3pr_mn_invalidate_range_start(struct mmu_notifier *mn,
					  const struct mmu_notifier_range *r)
{
	struct b3pr_vm *vm = b3pr_mn_vm(mn);
	unsigned int nr = b3pr_invalidate_begin(vm);
	const struct b3pr_memslots *slots;
	const struct b3pr_memslot *s;
	unsigned long start, end;
	unsigned int i;
	int idx;

	idx = srcu_read_lock(&vm->srcu);
	slots = srcu_dereference(vm->memslots, &vm->srcu);
	for (i = 0; i < slots->nr; i++) {
		s = &slots->slot[i];
		start = max(r->start, s->hva);
		end = min(r->end, s->hva + s->size);
		if (start < end)
			b3pr_invalidate_gpa(vm, nr, s->gpa + (start - s->hva),
					    end - start, false);
	}
	srcu_read_unlock(&vm->srcu, idx);
	return 0;
}

static void b3pr_mn_invalidate_range_end(struct mmu_notifier *mn,
					 const struct mmu_notifier_range *r)
{
	b3pr_invalidate_end(b3pr_mn_vm(mn));
}

/*
 * The address space is being torn down (the VMM exits, or the VM goes
 * first and unregisters): nothing of it may stay mapped.
 */
static void b3pr_mn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct b3pr_vm *vm = b3pr_mn_vm(mn);
	unsigned int nr = b3pr_invalidate_begin(vm), i;

	for (i = 0; i < nr; i++)
		b3pr_shadow_flush(vm->vcpus[i]);
	b3pr_invalidate_end(vm);
}

static const struct mmu_notifier_ops b3pr_mn_ops = {
	.invalidate_range_start = b3pr_mn_invalidate_range_start,
	.invalidate_range_end = b3pr_mn_invalidate_range_end,
	.release = b3pr_mn_release,
};

/* At VM creation, in the creator's context, before any vcpu exists. */
int b3pr_mmu_notifier_register(struct b3pr_vm *vm)
{
	spin_lock_init(&vm->mn_lock);
	vm->mn.ops = &b3pr_mn_ops;
	return mmu_notifier_register(&vm->mn, vm->mm);
}

/*
 * At VM destruction, before the vcpus go: runs ->release if the mm is
 * still alive and waits for callbacks in flight.
 */
void b3pr_mmu_notifier_unregister(struct b3pr_vm *vm)
{
	mmu_notifier_unregister(&vm->mn, vm->mm);
}
