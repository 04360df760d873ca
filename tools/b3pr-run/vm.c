// SPDX-License-Identifier: GPL-2.0
/*
 * The VM through linux/kvm.h only: a Book3S PR VM with one memory slot at
 * guest physical 0 and one vcpu in real mode, the same on /dev/b3pr and
 * on upstream kvm-pr's /dev/kvm.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "b3pr-run.h"

int vm_alloc_mem(struct vm *vm, uint64_t size)
{
	long page = sysconf(_SC_PAGESIZE);

	memset(vm, 0, sizeof(*vm));
	vm->dev_fd = vm->vm_fd = vm->vcpu_fd = -1;
	if (size % page) {
		err("--mem: %llu bytes is not a multiple of the host page size (%ld)",
		    (unsigned long long)size, page);
		return -1;
	}
	vm->mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm->mem == MAP_FAILED) {
		vm->mem = NULL;
		err("--mem: cannot map %llu bytes: %s", (unsigned long long)size,
		    strerror(errno));
		return -1;
	}
	vm->mem_size = size;
	return 0;
}

static int need_cap(const struct vm *vm, const char *dev, long cap,
		    const char *name)
{
	if (ioctl(vm->dev_fd, KVM_CHECK_EXTENSION, cap) > 0)
		return 0;
	err("%s: the device lacks %s, which b3pr-run needs", dev, name);
	return -1;
}

int vm_create(struct vm *vm, const struct options *o)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0,
		.guest_phys_addr = 0,
		.memory_size = vm->mem_size,
		.userspace_addr = (uintptr_t)vm->mem,
	};
	int ret;

	vm->dev_fd = open(o->device, O_RDWR | O_CLOEXEC);
	if (vm->dev_fd < 0) {
		err("%s: %s", o->device, strerror(errno));
		return -1;
	}
	ret = ioctl(vm->dev_fd, KVM_GET_API_VERSION, 0);
	if (ret != KVM_API_VERSION) {
		err("%s: not a KVM device (API version %d, want %d)", o->device,
		    ret, KVM_API_VERSION);
		return -1;
	}
	if (need_cap(vm, o->device, KVM_CAP_USER_MEMORY, "KVM_CAP_USER_MEMORY") ||
	    need_cap(vm, o->device, KVM_CAP_ONE_REG, "KVM_CAP_ONE_REG"))
		return -1;
	vm->vm_fd = ioctl(vm->dev_fd, KVM_CREATE_VM, KVM_VM_PPC_PR);
	if (vm->vm_fd < 0) {
		err("%s: KVM_CREATE_VM(KVM_VM_PPC_PR): %s", o->device, strerror(errno));
		return -1;
	}
	if (ioctl(vm->vm_fd, KVM_SET_USER_MEMORY_REGION, &region)) {
		err("%s: KVM_SET_USER_MEMORY_REGION: %s", o->device, strerror(errno));
		return -1;
	}
	return 0;
}

static int set_one_reg(const struct vm *vm, uint64_t id, void *val)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)val };

	return ioctl(vm->vcpu_fd, KVM_SET_ONE_REG, &reg);
}

int get_one_reg(const struct vm *vm, uint64_t id, void *val)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)val };

	return ioctl(vm->vcpu_fd, KVM_GET_ONE_REG, &reg);
}

static int set_pvr(const struct vm *vm, const struct options *o)
{
	struct kvm_sregs sregs;

	if (ioctl(vm->vcpu_fd, KVM_GET_SREGS, &sregs)) {
		err("%s: KVM_GET_SREGS: %s", o->device, strerror(errno));
		return -1;
	}
	sregs.pvr = o->pvr;
	if (ioctl(vm->vcpu_fd, KVM_SET_SREGS, &sregs)) {
		err("%s: --pvr 0x%x: KVM_SET_SREGS: %s", o->device, o->pvr,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Interrupts go to guest physical 0 + vector. kvm-pr keeps a PPC970-style
 * HIOR of 0xfff00000 for 64-bit CPUs unless told otherwise (book3s_pr.c,
 * kvmppc_set_pvr_pr); a device that offers HIOR gets it set to 0.
 */
static int set_hior(const struct vm *vm, const struct options *o)
{
	uint64_t hior = 0;

	if (ioctl(vm->dev_fd, KVM_CHECK_EXTENSION, KVM_CAP_PPC_HIOR) <= 0)
		return 0;
	if (set_one_reg(vm, KVM_REG_PPC_HIOR, &hior)) {
		err("%s: KVM_SET_ONE_REG(HIOR=0): %s", o->device, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Interrupts are taken in the image's byte order: LPCR[ILE], which the
 * guest cannot set itself, comes from the VMM as QEMU does it, through
 * ONE_REG (the 64-bit id first, the 32-bit one on older devices).
 */
static int set_ile(const struct vm *vm, const struct options *o, bool le)
{
	uint64_t lpcr = 0;
	uint32_t lpcr32;

	if (!get_one_reg(vm, KVM_REG_PPC_LPCR_64, &lpcr)) {
		lpcr = le ? lpcr | LPCR_ILE : lpcr & ~LPCR_ILE;
		if (!set_one_reg(vm, KVM_REG_PPC_LPCR_64, &lpcr))
			return 0;
	} else if (!get_one_reg(vm, KVM_REG_PPC_LPCR, &lpcr32)) {
		lpcr32 = le ? lpcr32 | LPCR_ILE : lpcr32 & ~LPCR_ILE;
		if (!set_one_reg(vm, KVM_REG_PPC_LPCR, &lpcr32))
			return 0;
	}
	if (!le)
		return 0;	/* big-endian interrupts are every device's default */
	err("%s: cannot set LPCR[ILE] for a little-endian image: %s", o->device,
	    strerror(errno));
	return -1;
}

int vm_setup_vcpu(struct vm *vm, const struct options *o,
		  const struct image *img)
{
	struct kvm_regs regs;
	int size;

	vm->little_endian = img->little_endian;
	if (img->entry >= vm->mem_size) {
		err("entry point 0x%llx is outside guest memory (%llu bytes)",
		    (unsigned long long)img->entry, (unsigned long long)vm->mem_size);
		return -1;
	}
	vm->vcpu_fd = ioctl(vm->vm_fd, KVM_CREATE_VCPU, 0);
	if (vm->vcpu_fd < 0) {
		err("%s: KVM_CREATE_VCPU: %s", o->device, strerror(errno));
		return -1;
	}
	size = ioctl(vm->dev_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (size < (int)sizeof(struct kvm_run)) {
		err("%s: KVM_GET_VCPU_MMAP_SIZE: %s", o->device,
		    size < 0 ? strerror(errno) : "too small");
		return -1;
	}
	vm->run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
		       vm->vcpu_fd, 0);
	if (vm->run == MAP_FAILED) {
		vm->run = NULL;
		err("%s: mmap of kvm_run: %s", o->device, strerror(errno));
		return -1;
	}
	vm->run_size = size;

	if ((o->pvr_set && set_pvr(vm, o)) || set_hior(vm, o) ||
	    set_ile(vm, o, img->little_endian))
		return -1;

	memset(&regs, 0, sizeof(regs));
	memcpy(regs.gpr, o->gpr, sizeof(regs.gpr));
	regs.pc = img->entry;
	regs.msr = o->msr_set ? o->msr :
		   MSR_SF | MSR_ME | (img->little_endian ? MSR_LE : 0);
	if (ioctl(vm->vcpu_fd, KVM_SET_REGS, &regs)) {
		err("%s: KVM_SET_REGS: %s", o->device, strerror(errno));
		return -1;
	}
	return 0;
}

void vm_destroy(struct vm *vm)
{
	if (vm->run)
		munmap(vm->run, vm->run_size);
	if (vm->vcpu_fd >= 0)
		close(vm->vcpu_fd);
	if (vm->vm_fd >= 0)
		close(vm->vm_fd);
	if (vm->dev_fd >= 0)
		close(vm->dev_fd);
	if (vm->mem)
		munmap(vm->mem, vm->mem_size);
}
