/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A VM and its vcpus, as the KVM ABI on /dev/b3pr creates them: the VM fd
 * (vm.c), its memory slots (memslot.c), the vcpu fds (vcpu.c) and their
 * register views (regs.c, one_reg.c).
 *
 * Lifetime: the VM fd holds one reference on the VM and every vcpu fd
 * another, so the fds close in any order; the last put frees the vcpus
 * with the VM, as KVM does. An open fd also pins the module (fops .owner).
 */
#ifndef B3PR_VM_H
#define B3PR_VM_H

#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>
#include <linux/types.h>

#include "b3pr/guest_state.h"
#include "b3pr/vcpu_run.h"

struct dentry;
struct mm_struct;
struct page;
struct kvm_run;
struct kvm_userspace_memory_region;
struct kvm_dirty_log;
struct b3pr_guest_mem;

/* Limits, answered through KVM_CHECK_EXTENSION. */
#define B3PR_MAX_VCPUS		64	/* KVM_CAP_MAX_VCPUS */
#define B3PR_MAX_VCPU_IDS	1024	/* KVM_CAP_MAX_VCPU_ID: ids below this */
#define B3PR_NR_MEMSLOTS	32	/* KVM_CAP_NR_MEMSLOTS: slot ids 0..31 */

/*
 * Why a vcpu left the guest, counted per vcpu and shown in debugfs. The
 * run loop fills these; the names are in vm_debugfs.c.
 */
enum b3pr_exit_reason {
	B3PR_EXIT_PRIV_EMUL,	/* privileged instruction emulated in the module */
	B3PR_EXIT_SYSCALL,	/* sc delivered to the guest */
	B3PR_EXIT_HCALL,	/* sc 1 handed to the VMM (KVM_EXIT_PAPR_HCALL) */
	B3PR_EXIT_PROGRAM,	/* program interrupt delivered to the guest */
	B3PR_EXIT_PAGE_FAULT,	/* host HPT miss: shadow PTE inserted */
	B3PR_EXIT_SEGMENT,	/* host SLB miss: shadow segment loaded */
	B3PR_EXIT_GUEST_FAULT,	/* DSI/ISI/segment fault delivered to the guest */
	B3PR_EXIT_MMIO,		/* access outside every slot (KVM_EXIT_MMIO) */
	B3PR_EXIT_DEC,		/* guest decrementer */
	B3PR_EXIT_HOST_IRQ,	/* host interrupt replayed to the host */
	B3PR_EXIT_FAC_UNAVAIL,	/* FP/VMX/VSX/facility unavailable */
	B3PR_EXIT_TRACE,	/* guest MSR[SE]/[BE]: trace after a native insn */
	B3PR_EXIT_TB_WRITE,	/* mttbl/mttbu kept the host TB (emul_spr.c) */
	B3PR_EXIT_SIGNAL,	/* pending signal: KVM_RUN returned -EINTR */
	B3PR_EXIT_IDLE,		/* MSR[POW]: slept until an interrupt was pending */
	B3PR_EXIT_INTERNAL,	/* KVM_EXIT_INTERNAL_ERROR */
	B3PR_EXIT_OTHER,
	B3PR_EXIT_NR_REASONS,
};

struct b3pr_vcpu {
	struct b3pr_vm *vm;
	u32 id;			/* the KVM_CREATE_VCPU argument */
	struct mutex mutex;	/* one ioctl at a time, as KVM's vcpu->mutex */
	struct kvm_run *run;	/* one zeroed page, mmap'ed at offset 0 */

	/* The architected state; only touched under ->mutex. */
	struct b3pr_guest_state g;

	/*
	 * Userspace rewrote MMU state (SREGS, PVR): the run loop must drop
	 * the vcpu's shadow translations before the next entry.
	 */
	bool mmu_reset;

	/*
	 * KVM_INTERRUPT may come from any thread while KVM_RUN holds
	 * ->mutex: it records the external line here, and whoever holds
	 * ->mutex folds it into g.pending (b3pr_vcpu_apply_irq_requests).
	 */
	unsigned long irq_requests;	/* B3PR_IRQREQ_* bits */

	u64 exits[B3PR_EXIT_NR_REASONS];

	/* The world switch and the run loop. */
	struct b3pr_vcpu_run_state run_state;
};

#define B3PR_IRQREQ_EXT_CHANGED	0	/* bit numbers in irq_requests */
#define B3PR_IRQREQ_EXT_LEVEL	1
#define B3PR_IRQREQ_EXT_ONCE	2	/* KVM_INTERRUPT_SET: one delivery */

/* One guest-physical range backed by VMM memory. */
struct b3pr_memslot {
	u32 id;			/* slot number as the VMM named it */
	u32 flags;		/* KVM_MEM_* */
	u64 gpa;
	u64 size;
	unsigned long hva;	/* userspace_addr */
	/*
	 * KVM_MEM_LOG_DIRTY_PAGES: one bit per host page (PAGE_SIZE, as
	 * KVM counts), then as many bits again for GET_DIRTY_LOG's
	 * snapshot (dirty_log.c). Shared by every copy of the slot set.
	 */
	unsigned long *dirty_bitmap;
};

/* An immutable set of slots, sorted by gpa; replaced whole on change. */
struct b3pr_memslots {
	unsigned int nr;
	struct b3pr_memslot slot[B3PR_NR_MEMSLOTS];
};

struct b3pr_vm {
	refcount_t refs;
	unsigned int id;	/* module-wide, names the debugfs directory */
	struct mm_struct *mm;	/* creator's address space (mmgrab'ed) */

	/*
	 * vcpus[] only grows until the VM dies. Adding one takes ->lock
	 * and, to publish nr_vcpus, ->mn_lock: the MMU notifier reads the
	 * vcpus under ->mn_lock alone, since it may not sleep.
	 */
	struct mutex lock;
	struct b3pr_vcpu *vcpus[B3PR_MAX_VCPUS];
	unsigned int nr_vcpus;

	/*
	 * The VMM's address space changes under the guest (mmu/notifier.c):
	 * invalidations in progress and a count of those finished, under
	 * ->mn_lock, read locklessly by the fault path.
	 */
	struct mmu_notifier mn;
	spinlock_t mn_lock;
	long mn_active;
	unsigned long mn_seq;

	/*
	 * Memory slots: readers under srcu_read_lock(&srcu) (they may sleep
	 * in copy_from_user or pin_user_pages); writers serialise on
	 * slots_lock, publish a new copy and wait for readers of the old.
	 */
	struct mutex slots_lock;
	struct srcu_struct srcu;
	struct b3pr_memslots __rcu *memslots;

	struct dentry *debugfs;

	/* The run loop adds its per-VM state below. */
};

/* mmu/notifier.c */
int b3pr_mmu_notifier_register(struct b3pr_vm *vm);
void b3pr_mmu_notifier_unregister(struct b3pr_vm *vm);
/* Put @vcpu into vm->vcpus[]; under vm->lock, with a free entry. */
void b3pr_vm_add_vcpu(struct b3pr_vm *vm, struct b3pr_vcpu *vcpu);
/* An invalidation: the vcpus that may map anything, to pass below. */
unsigned int b3pr_invalidate_begin(struct b3pr_vm *vm);
void b3pr_invalidate_end(struct b3pr_vm *vm);
/* Every vcpu of the first @nr drops its mappings of [gpa, gpa + size). */
void b3pr_invalidate_gpa(struct b3pr_vm *vm, unsigned int nr, u64 gpa,
			 u64 size, bool writable_only);
/*
 * A fault reads the sequence before it looks the page up, and under the
 * vcpu's shadow lock asks whether an invalidation got in between.
 */
unsigned long b3pr_invalidate_seq(struct b3pr_vm *vm);
bool b3pr_invalidate_retry(struct b3pr_vm *vm, unsigned long seq);

/* dirty_log.c */
int b3pr_dirty_log_alloc(struct b3pr_memslot *slot);
void b3pr_dirty_log_free(struct b3pr_memslot *slot);
/* Under the slots' SRCU: [gpa, gpa + len) of @slot was written. */
void b3pr_dirty_log_mark(const struct b3pr_memslot *slot, u64 gpa, u64 len);
int b3pr_get_dirty_log(struct b3pr_vm *vm, const struct kvm_dirty_log *log);

/* vm.c */
long b3pr_create_vm(unsigned long type);
void b3pr_vm_get(struct b3pr_vm *vm);
void b3pr_vm_put(struct b3pr_vm *vm);
long b3pr_nr_vms(void);
long b3pr_nr_vcpus(void);

/* vcpu.c */
int b3pr_create_vcpu(struct b3pr_vm *vm, unsigned long id);
void b3pr_vcpu_free(struct b3pr_vcpu *vcpu);
void b3pr_vcpu_apply_irq_requests(struct b3pr_vcpu *vcpu);

/* memslot.c */
int b3pr_memslots_init(struct b3pr_vm *vm);
void b3pr_memslots_destroy(struct b3pr_vm *vm);
int b3pr_set_memory_region(struct b3pr_vm *vm,
			   const struct kvm_userspace_memory_region *mem);
/* Under vm->slots_lock: slot number @id of @slots, or NULL. */
struct b3pr_memslot *b3pr_memslot_by_id(struct b3pr_memslots *slots, u32 id);
/* Under srcu_read_lock(&vm->srcu): the slot holding @gpa, or NULL. */
const struct b3pr_memslot *b3pr_memslot_find(struct b3pr_vm *vm, u64 gpa);
/* Under the slots' SRCU: the page behind @gpa of @slot, writable. */
int b3pr_memslot_pin_in(struct b3pr_vm *vm, const struct b3pr_memslot *slot,
			u64 gpa, struct page **page);
int b3pr_memslot_pin(struct b3pr_vm *vm, u64 gpa, struct page **page);
/* Never sleeps: the MMU notifier and the shadow lock call it. */
void b3pr_memslot_unpin(struct page *page, bool dirty);

/* guest_mem.c */
void b3pr_vm_guest_mem(struct b3pr_vm *vm, struct b3pr_guest_mem *mem);

/* regs.c */
struct kvm_regs;
struct kvm_sregs;
struct kvm_one_reg;
void b3pr_get_regs(const struct b3pr_guest_state *g, struct kvm_regs *regs);
void b3pr_set_regs(struct b3pr_guest_state *g, const struct kvm_regs *regs);
void b3pr_get_sregs(const struct b3pr_guest_state *g,
		    struct kvm_sregs *sregs);
int b3pr_set_sregs(struct b3pr_guest_state *g,
		   const struct kvm_sregs *sregs);

/* one_reg.c */
int b3pr_get_one_reg(struct b3pr_vcpu *vcpu, const struct kvm_one_reg *reg);
int b3pr_set_one_reg(struct b3pr_vcpu *vcpu, const struct kvm_one_reg *reg);

/* vm_debugfs.c */
void b3pr_debugfs_init(void);
void b3pr_debugfs_exit(void);
void b3pr_vm_debugfs_create(struct b3pr_vm *vm);
void b3pr_vcpu_debugfs_create(struct b3pr_vcpu *vcpu);
void b3pr_vm_debugfs_remove(struct b3pr_vm *vm);

#endif /* B3PR_VM_H */
