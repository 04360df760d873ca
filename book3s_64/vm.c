// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CREATE_VM and the VM fd: its ioctls (linux/kvm.h "vm ioctl"),
 * reference counting and teardown.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kvm.h>
#include <linux/module.h>
#include <linux/sched/mm.h>
#include <linux/uaccess.h>

#include "b3pr/ail.h"
#include "b3pr/module.h"
#include "b3pr/vm.h"

static atomic_long_t b3pr_vms_alive = ATOMIC_LONG_INIT(0);
static atomic_t b3pr_vm_ids = ATOMIC_INIT(0);

long b3pr_nr_vms(void)
{
	return atomic_long_read(&b3pr_vms_alive);
}

void b3pr_vm_get(struct b3pr_vm *vm)
{
	refcount_inc(&vm->refs);
}

/* Only the last reference frees: no fd can reach the VM any more. */
static void b3pr_vm_destroy(struct b3pr_vm *vm)
{
	unsigned int i;

	/* Waits for debugfs readers, which may look at the vcpus. */
	b3pr_vm_debugfs_remove(vm);
	/* Its callbacks look at the vcpus too: gone before them. */
	b3pr_mmu_notifier_unregister(vm);
	for (i = 0; i < vm->nr_vcpus; i++)
		b3pr_vcpu_free(vm->vcpus[i]);
	b3pr_memslots_destroy(vm);
	mmdrop(vm->mm);
	b3pr_kfree(vm);
	atomic_long_dec(&b3pr_vms_alive);
	b3pr_ail_vm_put();
}

void b3pr_vm_put(struct b3pr_vm *vm)
{
	if (refcount_dec_and_test(&vm->refs))
		b3pr_vm_destroy(vm);
}

static long b3pr_vm_get_dirty_log(struct b3pr_vm *vm, void __user *argp)
{
	struct kvm_dirty_log log;

	if (copy_from_user(&log, argp, sizeof(log)))
		return -EFAULT;
	return b3pr_get_dirty_log(vm, &log);
}

static long b3pr_vm_set_memory_region(struct b3pr_vm *vm, void __user *argp)
{
	struct kvm_userspace_memory_region mem;

	if (copy_from_user(&mem, argp, sizeof(mem)))
		return -EFAULT;
	return b3pr_set_memory_region(vm, &mem);
}

/*
 * No VM capability can be enabled yet. KVM (powerpc.c
 * kvm_vm_ioctl_enable_cap) answers -EINVAL for unknown ones and for any
 * flags.
 */
static long b3pr_vm_enable_cap(struct b3pr_vm *vm, void __user *argp)
{
	struct kvm_enable_cap cap;

	if (copy_from_user(&cap, argp, sizeof(cap)))
		return -EFAULT;
	return -EINVAL;
}

static long b3pr_vm_ioctl(struct file *filp, unsigned int ioctl,
			  unsigned long arg)
{
	struct b3pr_vm *vm = filp->private_data;
	void __user *argp = (void __user *)arg;

	/*
	 * Slots hold addresses of the creator's address space: another
	 * process (a forked child) gets -EIO, as kvm_vm_ioctl gives.
	 */
	if (vm->mm != current->mm)
		return -EIO;
	switch (ioctl) {
	case KVM_CREATE_VCPU:
		return b3pr_create_vcpu(vm, arg);
	case KVM_SET_USER_MEMORY_REGION:
		return b3pr_vm_set_memory_region(vm, argp);
	case KVM_GET_DIRTY_LOG:
		return b3pr_vm_get_dirty_log(vm, argp);
	case KVM_CHECK_EXTENSION:
		return b3pr_check_extension(arg);
	case KVM_ENABLE_CAP:
		return b3pr_vm_enable_cap(vm, argp);
	default:
		/* kvm_arch_vm_ioctl (powerpc.c): unknown -> -ENOTTY */
		return -ENOTTY;
	}
}

static int b3pr_vm_release(struct inode *inode, struct file *filp)
{
	b3pr_vm_put(filp->private_data);
	return 0;
}

static const struct file_operations b3pr_vm_fops = {
	.owner = THIS_MODULE,
	.release = b3pr_vm_release,
	.unlocked_ioctl = b3pr_vm_ioctl,
	.compat_ioctl = b3pr_vm_ioctl,
	.llseek = noop_llseek,
};

/*
 * KVM_CREATE_VM: type 0 (the default, which is PR here since b3pr has no
 * HV mode) or KVM_VM_PPC_PR; anything else -EINVAL as powerpc.c
 * kvm_arch_init_vm answers.
 */
long b3pr_create_vm(unsigned long type)
{
	struct b3pr_vm *vm;
	int fd;

	if (type != 0 && type != KVM_VM_PPC_PR)
		return -EINVAL;
	fd = b3pr_ail_vm_get();
	if (fd)
		return fd;
	vm = b3pr_kzalloc(sizeof(*vm), GFP_KERNEL_ACCOUNT);
	if (!vm) {
		b3pr_ail_vm_put();
		return -ENOMEM;
	}
	refcount_set(&vm->refs, 1);
	mutex_init(&vm->lock);
	mutex_init(&vm->slots_lock);
	fd = b3pr_memslots_init(vm);
	if (fd) {
		b3pr_kfree(vm);
		b3pr_ail_vm_put();
		return fd;
	}
	vm->mm = current->mm;
	mmgrab(vm->mm);
	fd = b3pr_mmu_notifier_register(vm);
	if (fd) {
		mmdrop(vm->mm);
		b3pr_memslots_destroy(vm);
		b3pr_kfree(vm);
		b3pr_ail_vm_put();
		return fd;
	}
	vm->id = atomic_inc_return(&b3pr_vm_ids);
	atomic_long_inc(&b3pr_vms_alive);
	/* Before the fd exists, so no close can race with it. */
	b3pr_vm_debugfs_create(vm);

	fd = anon_inode_getfd("b3pr-vm", &b3pr_vm_fops, vm, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		b3pr_vm_put(vm);
	return fd;
}
