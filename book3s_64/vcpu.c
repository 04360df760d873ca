// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CREATE_VCPU and the vcpu fd: the mmap'ed kvm_run page and the vcpu
 * ioctls (linux/kvm.h "vcpu ioctl") but the run loop itself.
 *
 * Errors follow virt/kvm/kvm_main.c kvm_vm_ioctl_create_vcpu and
 * kvm_vcpu_ioctl, and arch/powerpc/kvm/powerpc.c kvm_arch_vcpu_ioctl.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/anon_inodes.h>
#include <linux/bitops.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kvm.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <asm/reg.h>

#include "b3pr/cpu.h"
#include "b3pr/interrupt.h"
#include "b3pr/module.h"
#include "b3pr/msr.h"
#include "b3pr/run.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/* kvm-pr's guest CPU where the host's own is not one it can model. */
#define B3PR_FALLBACK_PVR	0x003c0301	/* PPC970FX */

static atomic_long_t b3pr_vcpus_alive = ATOMIC_LONG_INIT(0);

long b3pr_nr_vcpus(void)
{
	return atomic_long_read(&b3pr_vcpus_alive);
}

/* A fresh vcpu: the host's CPU where the core models it, as kvm-pr. */
static void b3pr_vcpu_reset(struct b3pr_vcpu *vcpu)
{
	struct b3pr_guest_state *g = &vcpu->g;

	if (b3pr_guest_set_pvr(g, mfspr(SPRN_PVR)))
		b3pr_guest_set_pvr(g, B3PR_FALLBACK_PVR);
	/* 64-bit CPUs come out of reset in 64-bit mode. */
	g->msr = g->cpu->is_64bit ? B3PR_MSR_SF : 0;
	/* Threads start at medium priority (Book II 3.2, PPR[PRI] = 0b100) */
	g->ppr = 4ULL << 50;
}

/* Fold the KVM_INTERRUPT requests into the guest state; hold ->mutex. */
void b3pr_vcpu_apply_irq_requests(struct b3pr_vcpu *vcpu)
{
	if (!test_and_clear_bit(B3PR_IRQREQ_EXT_CHANGED, &vcpu->irq_requests))
		return;
	if (!test_bit(B3PR_IRQREQ_EXT_LEVEL, &vcpu->irq_requests))
		b3pr_irq_lower(&vcpu->g, B3PR_IRQ_EXTERNAL);
	else if (test_bit(B3PR_IRQREQ_EXT_ONCE, &vcpu->irq_requests))
		b3pr_irq_raise_once(&vcpu->g, B3PR_IRQ_EXTERNAL);
	else
		b3pr_irq_raise(&vcpu->g, B3PR_IRQ_EXTERNAL);
}

/*
 * KVM_INTERRUPT, which may race with KVM_RUN on another thread, so it
 * does not wait for ->mutex. As kvm-pr (book3s.c, external_oneshot):
 * KVM_INTERRUPT_UNSET lowers the external line, KVM_INTERRUPT_SET raises
 * it for one delivery, any other value (KVM_INTERRUPT_SET_LEVEL) raises
 * it until unset (level-triggered).
 */
static long b3pr_vcpu_interrupt(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_interrupt irq;

	if (copy_from_user(&irq, argp, sizeof(irq)))
		return -EFAULT;
	if (irq.irq == KVM_INTERRUPT_SET)
		set_bit(B3PR_IRQREQ_EXT_ONCE, &vcpu->irq_requests);
	else
		clear_bit(B3PR_IRQREQ_EXT_ONCE, &vcpu->irq_requests);
	if (irq.irq == KVM_INTERRUPT_UNSET)
		clear_bit(B3PR_IRQREQ_EXT_LEVEL, &vcpu->irq_requests);
	else
		set_bit(B3PR_IRQREQ_EXT_LEVEL, &vcpu->irq_requests);
	/* The level must be visible before whoever sees CHANGED reads it. */
	smp_mb__before_atomic();
	set_bit(B3PR_IRQREQ_EXT_CHANGED, &vcpu->irq_requests);
	/* A running vcpu picks it up before its next guest entry. */
	if (mutex_trylock(&vcpu->mutex)) {
		b3pr_vcpu_apply_irq_requests(vcpu);
		mutex_unlock(&vcpu->mutex);
	} else {
		b3pr_vcpu_kick(vcpu);
	}
	return 0;
}

static long b3pr_vcpu_get_regs(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_regs regs = {};

	b3pr_get_regs(&vcpu->g, &regs);
	if (copy_to_user(argp, &regs, sizeof(regs)))
		return -EFAULT;
	return 0;
}

static long b3pr_vcpu_set_regs(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_regs regs;

	if (copy_from_user(&regs, argp, sizeof(regs)))
		return -EFAULT;
	b3pr_set_regs(&vcpu->g, &regs);
	return 0;
}

/* struct kvm_sregs is 1.5 KB: too big for the stack. */
static long b3pr_vcpu_get_sregs(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_sregs *sregs = b3pr_kzalloc(sizeof(*sregs), GFP_KERNEL);
	long ret = 0;

	if (!sregs)
		return -ENOMEM;
	b3pr_get_sregs(&vcpu->g, sregs);
	if (copy_to_user(argp, sregs, sizeof(*sregs)))
		ret = -EFAULT;
	b3pr_kfree(sregs);
	return ret;
}

static long b3pr_vcpu_set_sregs(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_sregs *sregs = b3pr_kzalloc(sizeof(*sregs), GFP_KERNEL);
	long ret = -EFAULT;

	if (!sregs)
		return -ENOMEM;
	if (!copy_from_user(sregs, argp, sizeof(*sregs))) {
		ret = b3pr_set_sregs(&vcpu->g, sregs);
		if (!ret)
			vcpu->mmu_reset = true;
	}
	b3pr_kfree(sregs);
	return ret;
}

static long b3pr_vcpu_one_reg(struct b3pr_vcpu *vcpu, unsigned int ioctl,
			      void __user *argp)
{
	struct kvm_one_reg reg;

	if (copy_from_user(&reg, argp, sizeof(reg)))
		return -EFAULT;
	if (ioctl == KVM_SET_ONE_REG)
		return b3pr_set_one_reg(vcpu, &reg);
	return b3pr_get_one_reg(vcpu, &reg);
}

/*
 * No vcpu capability can be enabled yet: KVM_CAP_PPC_PAPR waits for the
 * run loop's hypercall exits. powerpc.c kvm_vcpu_ioctl_enable_cap
 * answers -EINVAL for flags and for unknown capabilities.
 */
static long b3pr_vcpu_enable_cap(struct b3pr_vcpu *vcpu, void __user *argp)
{
	struct kvm_enable_cap cap;

	if (copy_from_user(&cap, argp, sizeof(cap)))
		return -EFAULT;
	return -EINVAL;
}

static long b3pr_vcpu_run_ioctl(struct b3pr_vcpu *vcpu, unsigned long arg)
{
	if (arg)
		return -EINVAL;
	b3pr_vcpu_apply_irq_requests(vcpu);
	return b3pr_vcpu_run(vcpu);
}

static long b3pr_vcpu_ioctl_locked(struct b3pr_vcpu *vcpu, unsigned int ioctl,
				   unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (ioctl) {
	case KVM_RUN:
		return b3pr_vcpu_run_ioctl(vcpu, arg);
	case KVM_GET_REGS:
		return b3pr_vcpu_get_regs(vcpu, argp);
	case KVM_SET_REGS:
		return b3pr_vcpu_set_regs(vcpu, argp);
	case KVM_GET_SREGS:
		return b3pr_vcpu_get_sregs(vcpu, argp);
	case KVM_SET_SREGS:
		return b3pr_vcpu_set_sregs(vcpu, argp);
	case KVM_GET_ONE_REG:
	case KVM_SET_ONE_REG:
		return b3pr_vcpu_one_reg(vcpu, ioctl, argp);
	case KVM_ENABLE_CAP:
		return b3pr_vcpu_enable_cap(vcpu, argp);
	default:
		/* powerpc.c kvm_arch_vcpu_ioctl: unknown -> -EINVAL */
		return -EINVAL;
	}
}

static long b3pr_vcpu_ioctl(struct file *filp, unsigned int ioctl,
			    unsigned long arg)
{
	struct b3pr_vcpu *vcpu = filp->private_data;
	long ret;

	/* kvm_vcpu_ioctl: another address space gets -EIO ... */
	if (vcpu->vm->mm != current->mm)
		return -EIO;
	/* ... and a foreign ioctl type -EINVAL. */
	if (_IOC_TYPE(ioctl) != KVMIO)
		return -EINVAL;
	if (ioctl == KVM_INTERRUPT)
		return b3pr_vcpu_interrupt(vcpu, (void __user *)arg);
	if (mutex_lock_killable(&vcpu->mutex))
		return -EINTR;
	ret = b3pr_vcpu_ioctl_locked(vcpu, ioctl, arg);
	mutex_unlock(&vcpu->mutex);
	return ret;
}

/* Page 0 of the vcpu fd is kvm_run; beyond it, SIGBUS as KVM. */
static vm_fault_t b3pr_vcpu_fault(struct vm_fault *vmf)
{
	struct b3pr_vcpu *vcpu = vmf->vma->vm_file->private_data;
	struct page *page;

	if (vmf->pgoff)
		return VM_FAULT_SIGBUS;
	page = virt_to_page(vcpu->run);
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct b3pr_vcpu_vm_ops = {
	.fault = b3pr_vcpu_fault,
};

/* The mapping holds the file, so the page outlives no vcpu. */
static int b3pr_vcpu_mmap(struct file *filp, struct vm_area_struct *vma)
{
	vma->vm_ops = &b3pr_vcpu_vm_ops;
	return 0;
}

static int b3pr_vcpu_release(struct inode *inode, struct file *filp)
{
	struct b3pr_vcpu *vcpu = filp->private_data;

	/* The vcpu itself lives until the VM dies, as in KVM. */
	b3pr_vm_put(vcpu->vm);
	return 0;
}

static const struct file_operations b3pr_vcpu_fops = {
	.owner = THIS_MODULE,
	.release = b3pr_vcpu_release,
	.unlocked_ioctl = b3pr_vcpu_ioctl,
	.compat_ioctl = b3pr_vcpu_ioctl,
	.mmap = b3pr_vcpu_mmap,
	.llseek = noop_llseek,
};

static struct b3pr_vcpu *b3pr_vcpu_alloc(struct b3pr_vm *vm, u32 id)
{
	struct b3pr_vcpu *vcpu;
	struct page *run;

	vcpu = b3pr_kzalloc(sizeof(*vcpu), GFP_KERNEL_ACCOUNT);
	if (!vcpu)
		return NULL;
	run = b3pr_alloc_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!run) {
		b3pr_kfree(vcpu);
		return NULL;
	}
	BUILD_BUG_ON(sizeof(struct kvm_run) > PAGE_SIZE);
	vcpu->run = page_address(run);
	vcpu->vm = vm;
	vcpu->id = id;
	mutex_init(&vcpu->mutex);
	b3pr_vcpu_reset(vcpu);
	if (b3pr_vcpu_run_init(vcpu)) {
		mutex_destroy(&vcpu->mutex);
		b3pr_free_page(run);
		b3pr_kfree(vcpu);
		return NULL;
	}
	atomic_long_inc(&b3pr_vcpus_alive);
	return vcpu;
}

void b3pr_vcpu_free(struct b3pr_vcpu *vcpu)
{
	b3pr_vcpu_run_destroy(vcpu);
	mutex_destroy(&vcpu->mutex);
	b3pr_free_page(virt_to_page(vcpu->run));
	b3pr_kfree(vcpu);
	atomic_long_dec(&b3pr_vcpus_alive);
}

static bool b3pr_vcpu_id_taken(struct b3pr_vm *vm, u32 id)
{
	unsigned int i;

	for (i = 0; i < vm->nr_vcpus; i++)
		if (vm->vcpus[i]->id == id)
			return true;
	return false;
}

/*
 * The vcpu fd. The vcpu joins vm->vcpus[] before userspace can reach it,
 * so that the MMU notifier sees every vcpu that can map guest memory,
 * and nothing can fail after that. Under vm->lock.
 */
static int b3pr_vcpu_install_fd(struct b3pr_vm *vm, struct b3pr_vcpu *vcpu)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile("b3pr-vcpu", &b3pr_vcpu_fops, vcpu, O_RDWR);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	/* The vcpu fd's reference; our caller's VM fd keeps the VM alive. */
	b3pr_vm_get(vm);
	b3pr_vm_add_vcpu(vm, vcpu);
	fd_install(fd, file);
	return fd;
}

/*
 * KVM_CREATE_VCPU, in kvm_vm_ioctl_create_vcpu's order: an id at or
 * beyond KVM_CAP_MAX_VCPU_ID -EINVAL, more than KVM_CAP_MAX_VCPUS vcpus
 * -EINVAL, an id in use -EEXIST.
 */
int b3pr_create_vcpu(struct b3pr_vm *vm, unsigned long id)
{
	struct b3pr_vcpu *vcpu;
	int ret;

	if (id >= B3PR_MAX_VCPU_IDS)
		return -EINVAL;
	vcpu = b3pr_vcpu_alloc(vm, id);
	if (!vcpu)
		return -ENOMEM;

	mutex_lock(&vm->lock);
	if (vm->nr_vcpus >= B3PR_MAX_VCPUS)
		ret = -EINVAL;
	else if (b3pr_vcpu_id_taken(vm, id))
		ret = -EEXIST;
	else
		ret = 0;
	if (ret) {
		mutex_unlock(&vm->lock);
		b3pr_vcpu_free(vcpu);
		return ret;
	}
	ret = b3pr_vcpu_install_fd(vm, vcpu);
	if (ret < 0) {
		mutex_unlock(&vm->lock);
		b3pr_vcpu_free(vcpu);
		return ret;
	}
	b3pr_vcpu_debugfs_create(vcpu);
	mutex_unlock(&vm->lock);
	return ret;
}
