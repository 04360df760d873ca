// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-abi: the KVM ABI for VMs and vcpus, checked inside the emulated
 * host. Every expected errno is upstream KVM's (virt/kvm/kvm_main.c and
 * arch/powerpc/kvm/powerpc.c, book3s.c, book3s_pr.c of Debian's 6.1),
 * and the same program runs against kvm-pr on the reference kernel:
 *
 *   b3pr-abi b3pr /dev/b3pr   every check, b3pr's own ones included
 *   b3pr-abi kvm /dev/kvm     the checks whose answer upstream shares
 *   b3pr-abi hold /dev/b3pr   keep a VM, a vcpu and its mapping open,
 *                             say "hold-ready", wait to be killed
 *   b3pr-abi idle /dev/b3pr   nothing of b3pr is alive any more
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "e2e.h"
#include "uapi/b3pr/b3pr.h"

int e2e_failures;

static bool on_b3pr;		/* b3pr-only checks run */
static long page;
static char name[96];

#define N(...)	(snprintf(name, sizeof(name), __VA_ARGS__), name)

/* A pointer no process maps: copy_{from,to}_user must fail on it. */
#define BAD_PTR		((void *)8)

static long xioctl(int fd, unsigned long req, unsigned long arg)
{
	return e2e_ret(ioctl(fd, req, arg));
}

#define IOC(fd, req, arg)	xioctl(fd, req, (unsigned long)(arg))

static void expect_u64(const char *n, uint64_t want, uint64_t got)
{
	if (want == got)
		e2e_pass(n);
	else
		e2e_fail(n, "expected 0x%llx, got 0x%llx",
			 (unsigned long long)want, (unsigned long long)got);
}

static int create_vm(int dev)
{
	long vm = IOC(dev, KVM_CREATE_VM, 0);

	if (vm < 0) {
		e2e_fail("create-vm", "%s", strerror(-vm));
		exit(1);
	}
	return vm;
}

static struct b3pr_module_stats stats(int dev)
{
	return e2e_module_stats(dev, "stats");
}

/* Nothing of b3pr is left: no VM, no vcpu, no allocation. */
static void expect_nothing_alive(int dev, const char *n)
{
	if (on_b3pr)
		e2e_expect_idle(dev, n, 0);
}

/*
 * KVM_CREATE_VM (powerpc.c kvm_arch_init_vm): 0 and KVM_VM_PPC_PR make a
 * PR VM; KVM_VM_PPC_HV without kvm-hv, and unknown types, -EINVAL.
 */
static void check_vm_types(int dev)
{
	static const struct { const char *n; unsigned long type; long want; }
	types[] = {
		{ "vm-type-0", 0, 0 },
		{ "vm-type-ppc-pr", KVM_VM_PPC_PR, 0 },
		{ "vm-type-ppc-hv-einval", KVM_VM_PPC_HV, -EINVAL },
		{ "vm-type-99-einval", 99, -EINVAL },
	};
	unsigned int i;
	long fd;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		fd = IOC(dev, KVM_CREATE_VM, types[i].type);
		e2e_expect_ret(types[i].n, types[i].want, fd < 0 ? fd : 0);
		if (fd >= 0)
			close(fd);
	}
	expect_nothing_alive(dev, "vm-types-nothing-left");
}

static void check_vm_ioctls(int dev)
{
	struct kvm_enable_cap cap = { .cap = KVM_CAP_PPC_PAPR };
	struct b3pr_module_stats st;
	int vm = create_vm(dev);

	if (on_b3pr) {
		st = stats(dev);
		expect_u64("stats-one-vm", 1, st.vms);
	}
	e2e_expect_ret("vm-check-extension-user-memory", 1,
		       IOC(vm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY));
	e2e_expect_ret("vm-check-extension-unknown-0", 0,
		       IOC(vm, KVM_CHECK_EXTENSION, 0x7fffffff));
	/* kvm_arch_vm_ioctl: unknown -> -ENOTTY */
	e2e_expect_ret("vm-unknown-ioctl-enotty", -ENOTTY,
		       IOC(vm, _IO(KVMIO, 0x7f), 0));
	/* kvm_vm_ioctl KVM_ENABLE_CAP: copy_from_user fails -> -EFAULT */
	e2e_expect_ret("vm-enable-cap-bad-pointer-efault", -EFAULT,
		       IOC(vm, KVM_ENABLE_CAP, BAD_PTR));
	/* powerpc.c kvm_vm_ioctl_enable_cap: not a VM capability -> -EINVAL */
	e2e_expect_ret("vm-enable-cap-papr-einval", -EINVAL,
		       IOC(vm, KVM_ENABLE_CAP, &cap));
	close(vm);
	expect_nothing_alive(dev, "vm-ioctls-nothing-left");
}

static long set_region(int vm, uint32_t slot, uint32_t flags, uint64_t gpa,
		       uint64_t size, const void *hva)
{
	struct kvm_userspace_memory_region r = {
		.slot = slot, .flags = flags, .guest_phys_addr = gpa,
		.memory_size = size, .userspace_addr = (uintptr_t)hva,
	};

	return IOC(vm, KVM_SET_USER_MEMORY_REGION, &r);
}

/* The debugfs directory of this process's only VM, or "" without one. */
static const char *vm_debugfs_dir(void)
{
	static char dir[300];
	char prefix[32];
	struct dirent *d;
	DIR *root;

	dir[0] = 0;
	snprintf(prefix, sizeof(prefix), "vm-%d-", getpid());
	root = opendir("/sys/kernel/debug/b3pr");
	if (!root)
		return dir;
	while ((d = readdir(root)))
		if (!strncmp(d->d_name, prefix, strlen(prefix)))
			snprintf(dir, sizeof(dir), "/sys/kernel/debug/b3pr/%s",
				 d->d_name);
	closedir(root);
	return dir;
}

/* pread/pwrite of guest memory through the VM's debugfs "mem" file. */
static long guest_mem(bool write, uint64_t gpa, void *buf, size_t len)
{
	char path[320];
	long r;
	int fd;

	snprintf(path, sizeof(path), "%s/mem", vm_debugfs_dir());
	fd = open(path, O_RDWR);
	if (fd < 0)
		return -errno;
	r = write ? pwrite(fd, buf, len, gpa) : pread(fd, buf, len, gpa);
	r = r < 0 ? -errno : r;
	close(fd);
	return r;
}

static void expect_guest_bytes(const char *n, uint64_t gpa, const char *want)
{
	char got[32] = "";
	long r = guest_mem(false, gpa, got, strlen(want));

	if (r == (long)strlen(want) && !memcmp(got, want, r))
		e2e_pass(n);
	else
		e2e_fail(n, "read %ld bytes at gpa 0x%llx: '%.*s', expected '%s'",
			 r, (unsigned long long)gpa, r > 0 ? (int)r : 0, got,
			 want);
}

/*
 * KVM_SET_USER_MEMORY_REGION, kvm_main.c kvm_vm_ioctl_set_memory_region
 * and __kvm_set_memory_region: every malformed request -EINVAL, an
 * overlap -EEXIST, a bad struct pointer -EFAULT.
 */
static void check_memory_regions(int dev)
{
	long nslots = IOC(dev, KVM_CHECK_EXTENSION, KVM_CAP_NR_MEMSLOTS);
	char *mem, *hole;
	char buf[16];
	int vm;

	mem = mmap(NULL, 8 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	hole = mmap(NULL, page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED || hole == MAP_FAILED) {
		e2e_fail("regions-mmap", "%s", strerror(errno));
		return;
	}
	munmap(hole, page);	/* a user address with nothing mapped */
	strcpy(mem, "slot0-data");
	strcpy(mem + 2 * page, "slot1-data");
	strcpy(mem + 4 * page, "slot2-data");

	vm = create_vm(dev);
	e2e_expect_ret("region-slot0", 0, set_region(vm, 0, 0, 0, 2 * page, mem));
	e2e_expect_ret("region-slot1", 0,
		       set_region(vm, 1, 0, 16 * page, 2 * page, mem + 2 * page));
	e2e_expect_ret("region-slot2", 0,
		       set_region(vm, 2, 0, 32 * page, page, mem + 4 * page));
	e2e_expect_ret("region-same-again-ok", 0,
		       set_region(vm, 2, 0, 32 * page, page, mem + 4 * page));
	/* kvm_check_memslot_overlap -> -EEXIST */
	e2e_expect_ret("region-overlap-inside-eexist", -EEXIST,
		       set_region(vm, 3, 0, page, page, mem + 5 * page));
	e2e_expect_ret("region-overlap-straddle-eexist", -EEXIST,
		       set_region(vm, 3, 0, 15 * page, 2 * page, mem + 5 * page));
	/* General sanity checks: alignment to the host page -> -EINVAL */
	e2e_expect_ret("region-unaligned-gpa-einval", -EINVAL,
		       set_region(vm, 3, 0, 40 * page + page / 2, page,
				  mem + 5 * page));
	e2e_expect_ret("region-unaligned-size-einval", -EINVAL,
		       set_region(vm, 3, 0, 40 * page, page / 2, mem + 5 * page));
	e2e_expect_ret("region-unaligned-hva-einval", -EINVAL,
		       set_region(vm, 3, 0, 40 * page, page, mem + 5 * page + 8));
	/* access_ok() on a kernel address fails -> -EINVAL */
	e2e_expect_ret("region-kernel-hva-einval", -EINVAL,
		       set_region(vm, 3, 0, 40 * page, page,
				  (void *)0xc000000000000000ull));
	/* guest_phys_addr + memory_size wraps -> -EINVAL */
	e2e_expect_ret("region-gpa-wraps-einval", -EINVAL,
		       set_region(vm, 3, 0, -(uint64_t)page, 2 * page,
				  mem + 5 * page));
	/* powerpc has no KVM_MEM_READONLY: check_memory_region_flags */
	e2e_expect_ret("region-readonly-flag-einval", -EINVAL,
		       set_region(vm, 3, KVM_MEM_READONLY, 40 * page, page,
				  mem + 5 * page));
	e2e_expect_ret("region-unknown-flag-einval", -EINVAL,
		       set_region(vm, 3, 0x80, 40 * page, page, mem + 5 * page));
	/* (u16)slot >= KVM_USER_MEM_SLOTS, or as_id (slot >> 16) >= 1 */
	e2e_expect_ret("region-slot-nr-memslots-einval", -EINVAL,
		       set_region(vm, nslots, 0, 40 * page, page, mem + 5 * page));
	e2e_expect_ret("region-last-slot-ok", 0,
		       set_region(vm, nslots - 1, 0, 40 * page, page,
				  mem + 5 * page));
	e2e_expect_ret("region-address-space-1-einval", -EINVAL,
		       set_region(vm, 0x10004, 0, 44 * page, page, mem + 6 * page));
	/* Only access_ok, as KVM: an unmapped range is accepted */
	e2e_expect_ret("region-unmapped-hva-accepted", 0,
		       set_region(vm, 4, 0, 64 * page, page, hole));
	/* An existing slot keeps its hva and size: -EINVAL */
	e2e_expect_ret("region-resize-einval", -EINVAL,
		       set_region(vm, 0, 0, 0, page, mem));
	e2e_expect_ret("region-new-hva-einval", -EINVAL,
		       set_region(vm, 0, 0, 0, 2 * page, mem + 6 * page));
	/* KVM_MR_MOVE: a new gpa, checked for overlap like a new slot */
	e2e_expect_ret("region-move-onto-slot1-eexist", -EEXIST,
		       set_region(vm, 2, 0, 17 * page, page, mem + 4 * page));
	e2e_expect_ret("region-move", 0,
		       set_region(vm, 2, 0, 48 * page, page, mem + 4 * page));
	/* KVM_MR_FLAGS_ONLY */
	e2e_expect_ret("region-flags-dirty-log", 0,
		       set_region(vm, 2, KVM_MEM_LOG_DIRTY_PAGES, 48 * page,
				  page, mem + 4 * page));
	e2e_expect_ret("region-bad-pointer-efault", -EFAULT,
		       IOC(vm, KVM_SET_USER_MEMORY_REGION, BAD_PTR));

	if (on_b3pr) {
		/* The slots as the module sees them, via debugfs "mem". */
		expect_guest_bytes("mem-read-slot0", 0, "slot0-data");
		expect_guest_bytes("mem-read-slot1", 16 * page, "slot1-data");
		expect_guest_bytes("mem-read-moved-slot2", 48 * page,
				   "slot2-data");
		e2e_expect_ret("mem-read-old-place-enxio", -ENXIO,
			       guest_mem(false, 32 * page, buf, 4));
		e2e_expect_ret("mem-read-unmapped-hva-efault", -EFAULT,
			       guest_mem(false, 64 * page, buf, 4));
		e2e_expect_ret("mem-write-slot1", 5,
			       guest_mem(true, 16 * page + 6, "DATA!", 5));
		expect_u64("mem-write-lands-in-vmm-memory", 0,
			   memcmp(mem + 2 * page, "slot1-DATA!", 11));
	}

	/* KVM_MR_DELETE: memory_size 0; a slot that is not there -EINVAL */
	e2e_expect_ret("region-delete", 0, set_region(vm, 2, 0, 0, 0, NULL));
	e2e_expect_ret("region-delete-again-einval", -EINVAL,
		       set_region(vm, 2, 0, 0, 0, NULL));
	e2e_expect_ret("region-delete-never-made-einval", -EINVAL,
		       set_region(vm, 5, 0, 0, 0, NULL));
	e2e_expect_ret("region-recreate-after-delete", 0,
		       set_region(vm, 2, 0, 32 * page, page, mem + 4 * page));
	if (on_b3pr) {
		e2e_expect_ret("mem-read-deleted-enxio", -ENXIO,
			       guest_mem(false, 48 * page, buf, 4));
		expect_guest_bytes("mem-read-recreated", 32 * page,
				   "slot2-data");
	}
	close(vm);
	munmap(mem, 8 * page);
	expect_nothing_alive(dev, "regions-nothing-left");
}

/*
 * Dirty logs as large as a slot may be (2^31 - 1 pages: a 512 MB log
 * each with 64 KB pages), more than the host has: the module's
 * allocations fail with -ENOMEM and nothing else; no OOM kill, no
 * allocation-failure splat on the console (the console judge).
 */
static void check_huge_dirty_logs(int dev)
{
	uint64_t size = ((1ull << 31) - 1) * page;
	unsigned int i, made = 0, enomem = 0, other = 0;
	long r;
	int vm = create_vm(dev);

	for (i = 0; i < 8; i++) {
		r = set_region(vm, i, KVM_MEM_LOG_DIRTY_PAGES, i * (1ull << 48),
			       size, (void *)(0x100000000000ull));
		made += r == 0;
		enomem += r == -ENOMEM;
		other += r && r != -ENOMEM;
	}
	printf("E2E-INFO huge dirty logs: %u made, %u -ENOMEM\n", made, enomem);
	if (enomem && !other)
		e2e_pass("region-huge-dirty-logs-enomem");
	else
		e2e_fail("region-huge-dirty-logs-enomem",
			 "%u made, %u -ENOMEM, %u other errors", made, enomem,
			 other);
	close(vm);
	expect_nothing_alive(dev, "region-huge-dirty-logs-nothing-left");
}

static sigjmp_buf sigbus_jmp;

static void on_sigbus(int sig)
{
	siglongjmp(sigbus_jmp, sig);
}

/*
 * kvm_vcpu_fault: page 0 is kvm_run, an unknown page SIGBUS (page 1 is
 * KVM's coalesced MMIO ring on powerpc, which b3pr does not offer, so
 * page 2 is the one both answer alike).
 */
static void check_vcpu_mmap(int vcpu)
{
	volatile char *run, *beyond;
	unsigned long i, nonzero = 0;

	run = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED) {
		e2e_fail("vcpu-mmap-run", "%s", strerror(errno));
		return;
	}
	e2e_pass("vcpu-mmap-run");
	for (i = 0; i < (unsigned long)page; i++)
		nonzero += run[i] != 0;
	if (on_b3pr)
		expect_u64("vcpu-run-page-zeroed", 0, nonzero);
	run[page - 1] = 0x5a;
	munmap((void *)run, page);
	run = mmap(NULL, page, PROT_READ, MAP_SHARED, vcpu, 0);
	expect_u64("vcpu-run-page-shared", 0x5a, run[page - 1]);
	munmap((void *)run, page);

	beyond = mmap(NULL, page, PROT_READ, MAP_SHARED, vcpu, 2 * page);
	if (beyond == MAP_FAILED) {
		e2e_fail("vcpu-mmap-page2-sigbus", "mmap: %s", strerror(errno));
		return;
	}
	signal(SIGBUS, on_sigbus);
	if (sigsetjmp(sigbus_jmp, 1) == 0) {
		(void)beyond[0];
		e2e_fail("vcpu-mmap-page2-sigbus", "read succeeded");
	} else {
		e2e_pass("vcpu-mmap-page2-sigbus");
	}
	signal(SIGBUS, SIG_DFL);
	munmap((void *)beyond, page);
}

/* kvm_vm_ioctl_create_vcpu: id range -EINVAL, count -EINVAL, dup -EEXIST */
static void check_vcpu_create(int dev)
{
	long max_id = IOC(dev, KVM_CHECK_EXTENSION, KVM_CAP_MAX_VCPU_ID);
	long max = IOC(dev, KVM_CHECK_EXTENSION, KVM_CAP_MAX_VCPUS);
	int vm = create_vm(dev), fds[256], n = 0;
	long fd;

	fd = IOC(vm, KVM_CREATE_VCPU, 0);
	e2e_expect_ret("vcpu-create-0", 0, fd < 0 ? fd : 0);
	if (fd >= 0)
		fds[n++] = fd;
	e2e_expect_ret("vcpu-create-duplicate-eexist", -EEXIST,
		       IOC(vm, KVM_CREATE_VCPU, 0));
	e2e_expect_ret("vcpu-create-id-max-einval", -EINVAL,
		       IOC(vm, KVM_CREATE_VCPU, max_id));
	e2e_expect_ret("vcpu-create-id-huge-einval", -EINVAL,
		       IOC(vm, KVM_CREATE_VCPU, 0xffffffffful));
	fd = IOC(vm, KVM_CREATE_VCPU, max_id - 1);
	e2e_expect_ret("vcpu-create-id-max-minus-1", 0, fd < 0 ? fd : 0);
	if (fd >= 0)
		fds[n++] = fd;
	if (fd >= 0)
		check_vcpu_mmap(fd);
	/* kvm->created_vcpus >= kvm->max_vcpus -> -EINVAL */
	if (on_b3pr && max <= 256) {
		while (n < max) {
			fd = IOC(vm, KVM_CREATE_VCPU, n + 1);
			if (fd < 0)
				break;
			fds[n++] = fd;
		}
		expect_u64("vcpu-create-up-to-max", max, n);
		e2e_expect_ret("vcpu-create-beyond-max-einval", -EINVAL,
			       IOC(vm, KVM_CREATE_VCPU, max + 10));
	}
	while (n)
		close(fds[--n]);
	close(vm);
	expect_nothing_alive(dev, "vcpu-create-nothing-left");
}

static void check_regs(int vcpu)
{
	struct kvm_regs r, got;
	unsigned int i;
	bool same;

	memset(&got, 0xff, sizeof(got));
	e2e_expect_ret("regs-get", 0, IOC(vcpu, KVM_GET_REGS, &got));
	for (same = true, i = 0; i < 32; i++)
		same &= got.gpr[i] == 0;
	expect_u64("regs-fresh-gprs-zero", 1, same && got.pc == 0);

	memset(&r, 0, sizeof(r));
	for (i = 0; i < 32; i++)
		r.gpr[i] = 0x0101010101010101ull * i ^ 0xfedcba9876543210ull;
	r.pc = 0x1000;
	r.cr = 0x12345678;
	r.ctr = 0xc0c0c0c0c0c0c0c0ull;
	r.lr = 0x4242424242424242ull;
	r.xer = 0x20000000;
	r.msr = 0x8000000000001000ull;		/* SF | ME */
	r.srr0 = 0x700;
	r.srr1 = 0x8000000000081000ull;
	r.sprg0 = 0x1111;
	r.sprg1 = 0x2222;
	r.sprg2 = 0x3333;
	r.sprg3 = 0x4444;
	e2e_expect_ret("regs-set", 0, IOC(vcpu, KVM_SET_REGS, &r));
	memset(&got, 0, sizeof(got));
	IOC(vcpu, KVM_GET_REGS, &got);
	expect_u64("regs-round-trip", 0, memcmp(&r, &got, sizeof(r)));
	expect_u64("regs-msr", r.msr, got.msr);
	expect_u64("regs-gpr31", r.gpr[31], got.gpr[31]);
	/* CR is a 32-bit register: kvmppc_set_cr takes a u32 */
	r.cr = 0xffffffff87654321ull;
	IOC(vcpu, KVM_SET_REGS, &r);
	IOC(vcpu, KVM_GET_REGS, &got);
	expect_u64("regs-cr-32-bits", 0x87654321, got.cr);
	/* kvm_vcpu_ioctl: copy_{to,from}_user failures -> -EFAULT */
	e2e_expect_ret("regs-get-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_GET_REGS, BAD_PTR));
	e2e_expect_ret("regs-set-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_SET_REGS, BAD_PTR));
}

static uint32_t host_pvr(void)
{
	unsigned long pvr;

	/* Linux emulates mfpvr for user space */
	asm volatile("mfpvr %0" : "=r"(pvr));
	return pvr;
}

#define SLB_V		0x08000000ull		/* slbmte RB bit 36 */

static uint64_t swap_halves(uint64_t v)
{
	return v << 32 | v >> 32;
}

/* kvm_sregs.u.s as book3s_pr.c kvm_arch_vcpu_ioctl_{get,set}_sregs_pr */
static void check_sregs(int vcpu)
{
	static struct kvm_sregs s, got;
	unsigned int i;
	bool ok;

	memset(&got, 0, sizeof(got));
	e2e_expect_ret("sregs-get", 0, IOC(vcpu, KVM_GET_SREGS, &got));
	expect_u64("sregs-fresh-pvr-is-host", host_pvr(), got.pvr);

	memset(&s, 0, sizeof(s));
	s.pvr = host_pvr();
	s.u.s.sdr1 = 0x10000002;
	/* EA 0xc000..., VSID 0x123456, Kp */
	s.u.s.ppc64.slb[0].slbe = 0xc000000000000000ull | SLB_V | 0;
	s.u.s.ppc64.slb[0].slbv = 0x0000000123456400ull;
	/* EA 0x10000000, 1T segment, L with LP=01 (64K) */
	s.u.s.ppc64.slb[1].slbe = 0x0000000010000000ull | SLB_V | 1;
	s.u.s.ppc64.slb[1].slbv = 0x4000000000abc110ull;
	/* array slot 2 names SLB entry 5: the index in slbe wins */
	s.u.s.ppc64.slb[2].slbe = 0x0000000050000000ull | SLB_V | 5;
	s.u.s.ppc64.slb[2].slbv = 0x0000000000777000ull;
	e2e_expect_ret("sregs-set-slb", 0, IOC(vcpu, KVM_SET_SREGS, &s));
	memset(&got, 0, sizeof(got));
	IOC(vcpu, KVM_GET_SREGS, &got);
	expect_u64("sregs-sdr1", s.u.s.sdr1, got.u.s.sdr1);
	expect_u64("sregs-slb0-esid", s.u.s.ppc64.slb[0].slbe,
		   got.u.s.ppc64.slb[0].slbe);
	expect_u64("sregs-slb0-vsid", s.u.s.ppc64.slb[0].slbv,
		   got.u.s.ppc64.slb[0].slbv);
	expect_u64("sregs-slb1-esid", s.u.s.ppc64.slb[1].slbe,
		   got.u.s.ppc64.slb[1].slbe);
	expect_u64("sregs-slb1-vsid-1t-64k", s.u.s.ppc64.slb[1].slbv,
		   got.u.s.ppc64.slb[1].slbv);
	expect_u64("sregs-slb5-by-index", s.u.s.ppc64.slb[2].slbe,
		   got.u.s.ppc64.slb[5].slbe);
	expect_u64("sregs-slb5-vsid", s.u.s.ppc64.slb[2].slbv,
		   got.u.s.ppc64.slb[5].slbv);
	/* an invalid entry reads back as its index alone */
	expect_u64("sregs-slb2-invalid-is-index", 2, got.u.s.ppc64.slb[2].slbe);
	expect_u64("sregs-slb2-invalid-vsid-0", 0, got.u.s.ppc64.slb[2].slbv);

	/* SET_SREGS replaces the whole SLB */
	s.u.s.ppc64.slb[1].slbe = 0;
	IOC(vcpu, KVM_SET_SREGS, &s);
	IOC(vcpu, KVM_GET_SREGS, &got);
	expect_u64("sregs-slb1-cleared", 1, got.u.s.ppc64.slb[1].slbe);
	expect_u64("sregs-slb0-kept", s.u.s.ppc64.slb[0].slbe,
		   got.u.s.ppc64.slb[0].slbe);

	/* A 32-bit CPU: segment registers and BATs instead (PVR 750) */
	memset(&s, 0, sizeof(s));
	s.pvr = 0x00080200;
	s.u.s.sdr1 = 0x00ff0003;
	for (i = 0; i < 16; i++)
		s.u.s.ppc32.sr[i] = 0x20000000 | (i * 0x111);
	for (i = 0; i < 4; i++) {
		s.u.s.ppc32.ibat[i] = (0x00001ffeull + (i << 28)) << 32 | 0x12;
		s.u.s.ppc32.dbat[i] = (0x80001ffeull - (i << 28)) << 32 | 0x2a;
	}
	e2e_expect_ret("sregs-set-750", 0, IOC(vcpu, KVM_SET_SREGS, &s));
	memset(&got, 0, sizeof(got));
	IOC(vcpu, KVM_GET_SREGS, &got);
	expect_u64("sregs-750-pvr", s.pvr, got.pvr);
	for (ok = true, i = 0; i < 16; i++)
		ok &= got.u.s.ppc32.sr[i] == s.u.s.ppc32.sr[i];
	expect_u64("sregs-750-srs", 1, ok);
	/*
	 * SET takes upper << 32 | lower; GET gives kvmppc_bat.raw, which
	 * kvmppc_set_bat fills as lower << 32 | upper.
	 */
	for (ok = true, i = 0; i < 4; i++)
		ok &= got.u.s.ppc32.ibat[i] == swap_halves(s.u.s.ppc32.ibat[i]) &&
		      got.u.s.ppc32.dbat[i] == swap_halves(s.u.s.ppc32.dbat[i]);
	expect_u64("sregs-750-bats-get-swapped-as-kvm-pr", 1, ok);

	memset(&s, 0, sizeof(s));
	s.pvr = host_pvr();
	e2e_expect_ret("sregs-back-to-host-cpu", 0, IOC(vcpu, KVM_SET_SREGS, &s));

	if (on_b3pr) {
		/* b3pr refuses what it cannot model; nothing changes then */
		s.pvr = 0x12340000;
		e2e_expect_ret("sregs-unknown-pvr-einval", -EINVAL,
			       IOC(vcpu, KVM_SET_SREGS, &s));
		s.pvr = host_pvr();
		s.u.s.ppc64.slb[0].slbe = 0x10000000ull | SLB_V | 40;
		e2e_expect_ret("sregs-slb-index-beyond-cpu-einval", -EINVAL,
			       IOC(vcpu, KVM_SET_SREGS, &s));
		IOC(vcpu, KVM_GET_SREGS, &got);
		expect_u64("sregs-refused-left-pvr", host_pvr(), got.pvr);
	}
	e2e_expect_ret("sregs-get-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_GET_SREGS, BAD_PTR));
	e2e_expect_ret("sregs-set-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_SET_SREGS, BAD_PTR));
}

static long one_reg(int vcpu, bool set, uint64_t id, void *addr)
{
	struct kvm_one_reg r = { .id = id, .addr = (uintptr_t)addr };

	return IOC(vcpu, set ? KVM_SET_ONE_REG : KVM_GET_ONE_REG, &r);
}

/* Set @val through ONE_REG @id and read back what KVM keeps of it. */
static void one_reg_round_trip(int vcpu, const char *n, uint64_t id,
			       uint64_t val, uint64_t want)
{
	uint64_t v64 = val, g64 = 0;
	uint32_t v32 = val, g32 = 0;
	bool is32 = (id & KVM_REG_SIZE_MASK) == KVM_REG_SIZE_U32;
	long r;

	r = one_reg(vcpu, true, id, is32 ? (void *)&v32 : (void *)&v64);
	if (r) {
		e2e_fail(n, "set: %s", strerror(-r));
		return;
	}
	r = one_reg(vcpu, false, id, is32 ? (void *)&g32 : (void *)&g64);
	if (r)
		e2e_fail(n, "get: %s", strerror(-r));
	else
		expect_u64(n, want, is32 ? g32 : g64);
}

#define LPCR_ILE	0x02000000ull

/*
 * powerpc.c kvm_vcpu_ioctl_{get,set}_one_reg: the size is in the id,
 * so a wrong size is an unknown id (-EINVAL); > 16 bytes -EINVAL; a bad
 * addr -EFAULT (SET copies before it looks at the id).
 */
static void check_one_reg(int vcpu)
{
	uint64_t v = 0;

	one_reg_round_trip(vcpu, "one-reg-dar", KVM_REG_PPC_DAR,
			   0x123456789abcdef0ull, 0x123456789abcdef0ull);
	one_reg_round_trip(vcpu, "one-reg-dsisr-u32", KVM_REG_PPC_DSISR,
			   0x42000000, 0x42000000);
	one_reg_round_trip(vcpu, "one-reg-tar", KVM_REG_PPC_TAR, 0x4000, 0x4000);
	one_reg_round_trip(vcpu, "one-reg-fscr", KVM_REG_PPC_FSCR, 0x100, 0x100);
	one_reg_round_trip(vcpu, "one-reg-vrsave-u32", KVM_REG_PPC_VRSAVE,
			   0xdeadbeef, 0xdeadbeef);
	one_reg_round_trip(vcpu, "one-reg-hior-0", KVM_REG_PPC_HIOR, 0, 0);
	/* kvm-pr keeps only LPCR[ILE] */
	one_reg_round_trip(vcpu, "one-reg-lpcr64-ile-only", KVM_REG_PPC_LPCR_64,
			   LPCR_ILE | 0x4000, LPCR_ILE);
	one_reg_round_trip(vcpu, "one-reg-lpcr32-ile-clear", KVM_REG_PPC_LPCR,
			   0, 0);
	if (on_b3pr) {
		one_reg_round_trip(vcpu, "one-reg-pmc1-u32", KVM_REG_PPC_PMC1,
				   0x7ffffff0, 0x7ffffff0);
		one_reg_round_trip(vcpu, "one-reg-mmcr0", KVM_REG_PPC_MMCR0,
				   0x80000000, 0x80000000);
		one_reg_round_trip(vcpu, "one-reg-dec-expiry",
				   KVM_REG_PPC_DEC_EXPIRY, 0x123456789ull,
				   0x123456789ull);
		one_reg_round_trip(vcpu, "one-reg-tb-offset-0",
				   KVM_REG_PPC_TB_OFFSET, 0, 0);
		v = 1ull << 24;
		e2e_expect_ret("one-reg-tb-offset-nonzero-einval", -EINVAL,
			       one_reg(vcpu, true, KVM_REG_PPC_TB_OFFSET, &v));
		v = 0x100000;
		e2e_expect_ret("one-reg-hior-on-power8-einval", -EINVAL,
			       one_reg(vcpu, true, KVM_REG_PPC_HIOR, &v));
		/* POWER8 has 6 PMCs: PMC7 is not a register of this CPU */
		e2e_expect_ret("one-reg-pmc7-not-on-power8-einval", -EINVAL,
			       one_reg(vcpu, false, KVM_REG_PPC_PMC7, &v));
	}
	e2e_expect_ret("one-reg-wrong-size-einval", -EINVAL,
		       one_reg(vcpu, false, (KVM_REG_PPC_DAR & ~KVM_REG_SIZE_MASK) |
			       KVM_REG_SIZE_U32, &v));
	e2e_expect_ret("one-reg-unknown-id-einval", -EINVAL,
		       one_reg(vcpu, false, KVM_REG_PPC | KVM_REG_SIZE_U64 | 0x7ff,
			       &v));
	e2e_expect_ret("one-reg-set-unknown-id-einval", -EINVAL,
		       one_reg(vcpu, true, KVM_REG_PPC | KVM_REG_SIZE_U64 | 0x7ff,
			       &v));
	e2e_expect_ret("one-reg-size-2048-einval", -EINVAL,
		       one_reg(vcpu, false, KVM_REG_PPC | KVM_REG_SIZE_U2048 |
			       0x1, &v));
	e2e_expect_ret("one-reg-get-bad-addr-efault", -EFAULT,
		       one_reg(vcpu, false, KVM_REG_PPC_DAR, BAD_PTR));
	e2e_expect_ret("one-reg-set-bad-addr-efault", -EFAULT,
		       one_reg(vcpu, true, KVM_REG_PPC_DAR, BAD_PTR));
	e2e_expect_ret("one-reg-bad-struct-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_GET_ONE_REG, BAD_PTR));
}

/* "pending_irqs 0x.." from the vcpu's debugfs file */
static long pending_irqs(unsigned int id)
{
	char path[320], line[64];
	long val = -1;
	FILE *f;

	snprintf(path, sizeof(path), "%s/vcpu%u", vm_debugfs_dir(), id);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "pending_irqs ", 13))
			val = strtol(line + 13, NULL, 16);
	fclose(f);
	return val;
}

#define EXTERNAL_PENDING	0x4	/* 1 << B3PR_IRQ_EXTERNAL */

/* powerpc.c kvm_vcpu_ioctl_interrupt: UNSET lowers, anything else raises */
static void check_interrupt(int vcpu, unsigned int id)
{
	static const struct { const char *n; uint32_t irq; long pending; }
	steps[] = {
		{ "interrupt-set", KVM_INTERRUPT_SET, EXTERNAL_PENDING },
		{ "interrupt-unset", KVM_INTERRUPT_UNSET, 0 },
		{ "interrupt-set-level", KVM_INTERRUPT_SET_LEVEL,
		  EXTERNAL_PENDING },
		{ "interrupt-set-level-twice", KVM_INTERRUPT_SET_LEVEL,
		  EXTERNAL_PENDING },
		{ "interrupt-unset-again", KVM_INTERRUPT_UNSET, 0 },
		{ "interrupt-other-value-raises", 5, EXTERNAL_PENDING },
		{ "interrupt-unset-last", KVM_INTERRUPT_UNSET, 0 },
	};
	struct kvm_interrupt irq;
	unsigned int i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		irq.irq = steps[i].irq;
		e2e_expect_ret(steps[i].n, 0, IOC(vcpu, KVM_INTERRUPT, &irq));
		if (on_b3pr)
			e2e_expect_ret(N("%s-pending", steps[i].n),
				       steps[i].pending, pending_irqs(id));
	}
	e2e_expect_ret("interrupt-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_INTERRUPT, BAD_PTR));
}

static void check_exits_file(unsigned int id)
{
	char path[320], line[64];
	unsigned int lines = 0, zero = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/vcpu%u", vm_debugfs_dir(), id);
	f = fopen(path, "r");
	if (!f) {
		e2e_fail("debugfs-vcpu-exits", "%s: %s", path, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "pending_irqs", 12))
			continue;
		lines++;
		zero += !!strstr(line, " 0\n");
	}
	fclose(f);
	if (lines >= 10 && zero == lines)
		e2e_pass("debugfs-vcpu-exits");
	else
		e2e_fail("debugfs-vcpu-exits", "%u lines, %u zero", lines, zero);
}

static void check_vcpu_misc(int vcpu)
{
	struct kvm_enable_cap cap = { .cap = KVM_CAP_PPC_PAPR };

	/* kvm_vcpu_ioctl: a foreign type; kvm_arch_vcpu_ioctl: unknown */
	e2e_expect_ret("vcpu-foreign-ioctl-einval", -EINVAL,
		       IOC(vcpu, _IO('x', 1), 0));
	e2e_expect_ret("vcpu-unknown-ioctl-einval", -EINVAL,
		       IOC(vcpu, _IO(KVMIO, 0x7f), 0));
	e2e_expect_ret("vcpu-run-nonzero-arg-einval", -EINVAL,
		       IOC(vcpu, KVM_RUN, 1));
	e2e_expect_ret("vcpu-enable-cap-bad-pointer-efault", -EFAULT,
		       IOC(vcpu, KVM_ENABLE_CAP, BAD_PTR));
	if (on_b3pr)
		/* PAPR waits for the run loop's hypercall exits */
		e2e_expect_ret("vcpu-enable-cap-papr-not-yet-einval", -EINVAL,
			       IOC(vcpu, KVM_ENABLE_CAP, &cap));
	cap.cap = 0x7fffffff;
	e2e_expect_ret("vcpu-enable-cap-unknown-einval", -EINVAL,
		       IOC(vcpu, KVM_ENABLE_CAP, &cap));
}

static void check_vcpu_state(int dev)
{
	int vm = create_vm(dev);
	long vcpu = IOC(vm, KVM_CREATE_VCPU, 3);

	if (vcpu < 0) {
		e2e_fail("vcpu-state-create", "%s", strerror(-vcpu));
		close(vm);
		return;
	}
	check_regs(vcpu);
	check_sregs(vcpu);
	check_one_reg(vcpu);
	check_interrupt(vcpu, 3);
	check_vcpu_misc(vcpu);
	if (on_b3pr)
		check_exits_file(3);
	close(vcpu);
	close(vm);
	expect_nothing_alive(dev, "vcpu-state-nothing-left");
}

/* kvm_vm_ioctl / kvm_vcpu_ioctl: kvm->mm != current->mm -> -EIO */
static void check_fork(int dev)
{
	int vm = create_vm(dev), status = 0;
	long vcpu = IOC(vm, KVM_CREATE_VCPU, 0);
	struct kvm_regs regs;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		int bad = 0;

		bad |= IOC(vcpu, KVM_GET_REGS, &regs) != -EIO;
		bad |= (IOC(vcpu, KVM_RUN, 0) != -EIO) << 1;
		bad |= (IOC(vm, KVM_CREATE_VCPU, 1) != -EIO) << 2;
		bad |= (IOC(vm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) !=
			-EIO) << 3;
		_exit(bad);
	}
	waitpid(pid, &status, 0);
	expect_u64("fork-child-vcpu-and-vm-ioctls-eio", 0,
		   WIFEXITED(status) ? WEXITSTATUS(status) : 0xff);
	e2e_expect_ret("fork-parent-still-works", 0,
		       IOC(vcpu, KVM_GET_REGS, &regs));
	close(vcpu);
	close(vm);
	expect_nothing_alive(dev, "fork-nothing-left");
}

/* The fds (and a kvm_run mapping) closed in each order free everything. */
static void check_close_orders(int dev)
{
	static const char *orders[] = {
		"vm-then-vcpus", "vcpus-then-vm", "vcpu-vm-vcpu",
		"vm-vcpus-then-munmap",
	};
	unsigned int o;
	long a, b;
	void *run;
	int vm;

	for (o = 0; o < sizeof(orders) / sizeof(orders[0]); o++) {
		vm = create_vm(dev);
		a = IOC(vm, KVM_CREATE_VCPU, 0);
		b = IOC(vm, KVM_CREATE_VCPU, 1);
		run = mmap(NULL, page, PROT_READ, MAP_SHARED, b, 0);
		if (a < 0 || b < 0 || run == MAP_FAILED) {
			e2e_fail(N("close-%s", orders[o]), "setup failed");
			continue;
		}
		if (o != 3)
			munmap(run, page);
		switch (o) {
		case 0:
			close(vm);
			close(a);
			close(b);
			break;
		case 1:
			close(b);
			close(a);
			close(vm);
			break;
		case 2:
			close(a);
			close(vm);
			close(b);
			break;
		case 3:
			close(vm);
			close(a);
			close(b);
			/* the mapping still holds vcpu 1 and its VM */
			if (on_b3pr)
				expect_u64("close-mapping-keeps-vm", 1,
					   stats(dev).vms);
			munmap(run, page);
			break;
		}
		expect_nothing_alive(dev, N("close-%s-frees-all", orders[o]));
		if (on_b3pr)
			expect_u64(N("close-%s-debugfs-gone", orders[o]), 0,
				   strlen(vm_debugfs_dir()));
	}
}

static int open_dev(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		e2e_fail("abi-open", "%s: %s", path, strerror(errno));
		exit(1);
	}
	return fd;
}

/* Keep a VM alive for the scenario's rmmod check, until killed. */
static int cmd_hold(int dev)
{
	int vm = create_vm(dev);
	long vcpu = IOC(vm, KVM_CREATE_VCPU, 0);
	void *run = mmap(NULL, page, PROT_READ, MAP_SHARED, vcpu, 0);

	if (vcpu < 0 || run == MAP_FAILED) {
		e2e_fail("hold", "vcpu: %s", strerror(errno));
		return 1;
	}
	close(dev);
	printf("hold-ready\n");
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	int dev;

	setvbuf(stdout, NULL, _IOLBF, 0);
	page = sysconf(_SC_PAGESIZE);
	if (argc != 3) {
		fprintf(stderr, "usage: b3pr-abi b3pr|kvm|hold|idle DEVICE\n");
		return 2;
	}
	dev = open_dev(argv[2]);
	if (!strcmp(argv[1], "hold"))
		return cmd_hold(dev);
	on_b3pr = !strcmp(argv[1], "b3pr") || !strcmp(argv[1], "idle");
	if (!strcmp(argv[1], "idle")) {
		expect_nothing_alive(dev, "abi-idle-nothing-alive");
		return e2e_failures != 0;
	}
	if (!on_b3pr && strcmp(argv[1], "kvm")) {
		fprintf(stderr, "unknown mode %s\n", argv[1]);
		return 2;
	}
	expect_nothing_alive(dev, "abi-start-nothing-alive");
	check_vm_types(dev);
	check_vm_ioctls(dev);
	check_memory_regions(dev);
	if (on_b3pr)
		check_huge_dirty_logs(dev);
	check_vcpu_create(dev);
	check_vcpu_state(dev);
	check_fork(dev);
	check_close_orders(dev);
	close(dev);
	return e2e_failures != 0;
}
