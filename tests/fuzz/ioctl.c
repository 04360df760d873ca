// SPDX-License-Identifier: GPL-2.0
/*
 * The ioctl fuzzer: THREADS threads make CALLS calls in all, each a
 * random ioctl on one of the system, VM and vcpu fds the threads share
 * (the KVM ioctls b3pr implements with hostile arguments, and random
 * ioctl numbers), or a change under them: an fd closed, the memory
 * behind a slot remapped, made read-only, inaccessible, unmapped or
 * truncated, a forked VMM killed inside KVM_RUN. Every KVM_RUN is cut by
 * a signal and must end within FUZZ_RUN_BOUND_S of it; afterwards
 * nothing of the module may be left alive.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "fuzz.h"

#define NVMS		4
#define NVCPUS		4
#define NAREAS		6
#define AREA_PAGES	16
#define MEMFD_AREA	(NAREAS - 1)	/* shared file memory: truncatable */
#define FUZZ_MSR	0x8000000000001000ull	/* SF | ME */

static const char *device;
static bool on_kvm_pr;
static long page;
static int dev_fd;
static int vm_fd[NVMS];
static int vcpu_fd[NVMS][NVCPUS];
static void *run_map[NVMS][NVCPUS];
/*
 * NAREAS areas of AREA_PAGES pages at the start of RESERVE_PAGES of
 * address space kept for them (inaccessible beyond): a slot the fuzzer
 * makes covers only memory of the areas or nothing, never the fuzzer's
 * own heap or stacks (which its guests would write to).
 */
#define RESERVE_PAGES	4096
static uint8_t *areas;
static pthread_mutex_t area_lock[NAREAS];
static int memfd;
static uint8_t *ro_page;	/* readable only */
static uint8_t *edge;		/* a writable page, then an inaccessible one */
static uint8_t *hole;		/* an inaccessible page, kept reserved */
static uint64_t *bitmap;	/* BITMAP_PAGES for dirty logs, then nothing */
#define BITMAP_PAGES	4
static long calls_left;

struct fuzzer {
	struct fuzz_rng r;
	struct fuzz_runner runner;
	unsigned long calls;
	uint64_t buf[1024] __attribute__((aligned(64)));
};

static int load_fd(int *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

/* Take an fd out of its table slot (-1 after): only one closer wins. */
static int take_fd(int *p)
{
	return __atomic_exchange_n(p, -1, __ATOMIC_ACQ_REL);
}

/* Put fd in an empty slot, or close it when the slot is taken. */
static void put_fd(int *p, long fd)
{
	int empty = -1;

	if (fd < 0)
		return;
	if (!__atomic_compare_exchange_n(p, &empty, fd, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		close(fd);
}

static long do_ioctl(struct fuzzer *f, int fd, unsigned long req, void *arg)
{
	f->calls++;
	return fuzz_ioctl(&f->runner, fd, req, arg);
}

static uint8_t *area(unsigned int i)
{
	return areas + (size_t)i * AREA_PAGES * page;
}

/*
 * Where an argument of size bytes points: nowhere, into the kernel,
 * at nothing mapped, read-only memory, the very end of a page before an
 * inaccessible one (or across it), an area in whatever state it is, or
 * the thread's buffer holding what fill put there.
 */
static void *arg_ptr(struct fuzzer *f, size_t size)
{
	size_t fit = size < (size_t)page ? size : (size_t)page;

	switch (fuzz_below(&f->r, 12)) {
	case 0:
		return NULL;
	case 1:
		return (void *)8;
	case 2:
		return (void *)(0xc000000000000000ull + 8 * fuzz_below(&f->r, 1 << 20));
	case 3:
		return hole + fuzz_below(&f->r, page);
	case 4:
		return ro_page + (page - fit);
	case 5:
		return edge + (page - fit);
	case 6:
		return edge + (page - fit) + 1 + fuzz_below(&f->r, fit);
	case 7:
		return area(fuzz_below(&f->r, NAREAS)) +
		       8 * fuzz_below(&f->r, AREA_PAGES * page / 8 - 64);
	default:
		return f->buf;
	}
}

static int pick_vm(struct fuzzer *f)
{
	return load_fd(&vm_fd[fuzz_below(&f->r, NVMS)]);
}

static int pick_vcpu(struct fuzzer *f)
{
	return load_fd(&vcpu_fd[fuzz_below(&f->r, NVMS)][fuzz_below(&f->r, NVCPUS)]);
}

static unsigned long random_ioctl(struct fuzzer *f)
{
	static const unsigned int types[] = { KVMIO, KVMIO, KVMIO, B3PR_IOC_MAGIC, 0x42 };

	return _IOC(fuzz_below(&f->r, 4), types[fuzz_below(&f->r, ARRAY_SIZE(types))],
		    fuzz_below(&f->r, 256), fuzz_below(&f->r, 1 << 14));
}

static int random_fd(struct fuzzer *f)
{
	switch (fuzz_below(&f->r, 3)) {
	case 0:
		return dev_fd;
	case 1:
		return pick_vm(f);
	default:
		return pick_vcpu(f);
	}
}

static void op_random_ioctl(struct fuzzer *f)
{
	void *arg = fuzz_chance(&f->r, 70) ? arg_ptr(f, 256) :
					     (void *)fuzz_value(&f->r);

	fuzz_fill(&f->r, f->buf, 256);
	do_ioctl(f, random_fd(f), random_ioctl(f), arg);
}

static void op_system(struct fuzzer *f)
{
	static const unsigned long types[] = {
		0, 0, 0, KVM_VM_PPC_PR, KVM_VM_PPC_HV, 3, ~0ul,
	};
	unsigned long type;
	long fd;

	switch (fuzz_below(&f->r, 5)) {
	case 0:
		type = types[fuzz_below(&f->r, ARRAY_SIZE(types))];
		fd = do_ioctl(f, dev_fd, KVM_CREATE_VM, (void *)type);
		put_fd(&vm_fd[fuzz_below(&f->r, NVMS)], fd);
		break;
	case 1:
		do_ioctl(f, fuzz_chance(&f->r, 50) ? dev_fd : pick_vm(f),
			 KVM_CHECK_EXTENSION,
			 (void *)(fuzz_chance(&f->r, 80) ? fuzz_below(&f->r, 300) :
							   fuzz_value(&f->r)));
		break;
	case 2:
		do_ioctl(f, dev_fd, KVM_GET_API_VERSION, (void *)fuzz_value(&f->r));
		break;
	case 3:
		do_ioctl(f, dev_fd, KVM_GET_VCPU_MMAP_SIZE, (void *)fuzz_value(&f->r));
		break;
	default:
		do_ioctl(f, dev_fd, B3PR_GET_MODULE_STATS,
			 arg_ptr(f, sizeof(struct b3pr_module_stats)));
		break;
	}
}

/* A memory region request, mostly near-valid: areas, slots 0-33. */
static void fill_region(struct fuzzer *f, struct kvm_userspace_memory_region *m)
{
	static const uint32_t flags[] = {
		0, 0, 0, KVM_MEM_LOG_DIRTY_PAGES, KVM_MEM_READONLY, 0x80,
	};
	unsigned int a = fuzz_below(&f->r, NAREAS);
	unsigned int first = fuzz_below(&f->r, AREA_PAGES);

	m->slot = fuzz_below(&f->r, 34) | (fuzz_chance(&f->r, 5) ? 1u << 16 : 0);
	m->flags = flags[fuzz_below(&f->r, ARRAY_SIZE(flags))];
	m->guest_phys_addr = fuzz_chance(&f->r, 90) ?
		fuzz_below(&f->r, 4 * AREA_PAGES) * page : fuzz_value(&f->r);
	if (fuzz_chance(&f->r, 20))
		m->memory_size = 0;
	else if (fuzz_chance(&f->r, 85))
		m->memory_size = (1 + fuzz_below(&f->r, AREA_PAGES - first)) * page;
	else if (fuzz_chance(&f->r, 60))	/* into the reserved range */
		m->memory_size = (1 + fuzz_below(&f->r, RESERVE_PAGES / 2)) * page;
	else if (fuzz_chance(&f->r, 50))	/* more pages than a slot has */
		m->memory_size = (1ull << 31) * page;
	else
		m->memory_size = fuzz_value(&f->r) | 8;	/* unaligned */
	switch (fuzz_below(&f->r, 10)) {
	case 0:
		m->userspace_addr = (uintptr_t)hole;
		m->memory_size = page;
		break;
	case 1:
		m->userspace_addr = (uintptr_t)ro_page;
		m->memory_size = page;
		break;
	case 2:	/* the kernel's, or beyond any user address */
		m->userspace_addr = fuzz_value(&f->r) | 1ull << 63;
		break;
	default:
		m->userspace_addr = (uintptr_t)(area(a) + first * page);
		break;
	}
}

static void op_vm(struct fuzzer *f)
{
	struct kvm_userspace_memory_region *m = (void *)f->buf;
	struct kvm_dirty_log *log = (void *)f->buf;
	struct kvm_enable_cap *cap = (void *)f->buf;
	int v = fuzz_below(&f->r, NVMS);
	int vm = load_fd(&vm_fd[v]);
	uint64_t id;
	long fd;

	switch (fuzz_below(&f->r, 5)) {
	case 0:
		id = fuzz_chance(&f->r, 80) ? fuzz_below(&f->r, NVCPUS) :
		     fuzz_chance(&f->r, 50) ? fuzz_below(&f->r, 1100) : fuzz_value(&f->r);
		fd = do_ioctl(f, vm, KVM_CREATE_VCPU, (void *)id);
		put_fd(&vcpu_fd[v][id % NVCPUS], fd);
		break;
	case 1:
	case 2:
		fill_region(f, m);
		do_ioctl(f, vm, KVM_SET_USER_MEMORY_REGION,
			 fuzz_chance(&f->r, 85) ? (void *)m : arg_ptr(f, sizeof(*m)));
		break;
	case 3:
		memset(log, 0, sizeof(*log));
		log->slot = fuzz_below(&f->r, 34);
		log->dirty_bitmap = fuzz_chance(&f->r, 50) ? bitmap :
				    arg_ptr(f, AREA_PAGES / 8);
		do_ioctl(f, vm, KVM_GET_DIRTY_LOG,
			 fuzz_chance(&f->r, 90) ? (void *)log : arg_ptr(f, sizeof(*log)));
		break;
	default:
		fuzz_fill(&f->r, cap, sizeof(*cap));
		if (fuzz_chance(&f->r, 70))
			cap->cap = fuzz_below(&f->r, 240);
		if (fuzz_chance(&f->r, 50))
			cap->flags = 0;
		do_ioctl(f, fuzz_chance(&f->r, 70) ? vm : pick_vcpu(f),
			 KVM_ENABLE_CAP, fuzz_chance(&f->r, 80) ? (void *)cap :
					 arg_ptr(f, sizeof(*cap)));
		break;
	}
}

/* PVRs: b3pr's models (64- and 32-bit), the host's, and unknown ones. */
static uint32_t random_pvr(struct fuzzer *f)
{
	static const uint32_t pvrs[] = {
		0x004d0200, 0x004b0201, 0x003f0201, 0x00390202, 0x00440101,
		0x00080200, 0x000c0209, 0x70000100, 0x80000201, 0x80040202,
		0x004e1200, 0x00800200, 0x12340000,
	};

	return fuzz_chance(&f->r, 90) ? pvrs[fuzz_below(&f->r, ARRAY_SIZE(pvrs))] :
					fuzz_rand(&f->r);
}

static uint64_t random_one_reg_id(struct fuzzer *f)
{
	static const uint64_t ids[] = {
		KVM_REG_PPC_HIOR, KVM_REG_PPC_DAR, KVM_REG_PPC_DSISR,
		KVM_REG_PPC_DABR, KVM_REG_PPC_DSCR, KVM_REG_PPC_PURR,
		KVM_REG_PPC_MMCR0, KVM_REG_PPC_PMC1, KVM_REG_PPC_PMC8,
		KVM_REG_PPC_FPR(0), KVM_REG_PPC_FPR(31), KVM_REG_PPC_VR(0),
		KVM_REG_PPC_VR(31), KVM_REG_PPC_VSR(5), KVM_REG_PPC_FPSCR,
		KVM_REG_PPC_VSCR, KVM_REG_PPC_LPCR, KVM_REG_PPC_LPCR_64,
		KVM_REG_PPC_DEC_EXPIRY, KVM_REG_PPC_TB_OFFSET, KVM_REG_PPC_TAR,
		KVM_REG_PPC_FSCR, KVM_REG_PPC_EBBHR, KVM_REG_PPC_BESCR,
		KVM_REG_PPC_IC, KVM_REG_PPC_VTB, KVM_REG_PPC_PPR,
		KVM_REG_PPC_VRSAVE, KVM_REG_PPC_ARCH_COMPAT, KVM_REG_PPC_DABRX,
		KVM_REG_PPC_TFHAR, KVM_REG_PPC_ICP_STATE, KVM_REG_PPC_PSSCR,
	};
	uint64_t id;

	if (fuzz_chance(&f->r, 10))
		return fuzz_rand(&f->r);
	id = ids[fuzz_below(&f->r, ARRAY_SIZE(ids))];
	if (fuzz_chance(&f->r, 10))	/* the right id, any size */
		id = (id & ~KVM_REG_SIZE_MASK) | fuzz_below(&f->r, 16) << KVM_REG_SIZE_SHIFT;
	return id;
}

static void fill_sregs(struct fuzzer *f, struct kvm_sregs *s)
{
	unsigned int i;

	fuzz_fill(&f->r, s, sizeof(*s));
	s->pvr = random_pvr(f);
	if (fuzz_chance(&f->r, 50))
		return;
	s->u.s.sdr1 = fuzz_value(&f->r);
	for (i = 0; i < 64; i++) {
		s->u.s.ppc64.slb[i].slbe &= fuzz_chance(&f->r, 50) ? ~0xfffull : ~0ull;
		s->u.s.ppc64.slb[i].slbe |= fuzz_below(&f->r, 70);
	}
}

static void fill_regs(struct fuzzer *f, struct kvm_regs *r)
{
	fuzz_fill(&f->r, r, sizeof(*r));
	if (fuzz_chance(&f->r, 70)) {
		r->pc = 4 * fuzz_below(&f->r, AREA_PAGES * page / 4);
		r->msr = fuzz_chance(&f->r, 50) ? FUZZ_MSR : fuzz_value(&f->r);
	}
	if (on_kvm_pr)
		r->msr &= ~FUZZ_MSR_POW;
}

static void op_map_run(struct fuzzer *f, void **slot, int vcpu)
{
	void *p = __atomic_exchange_n(slot, NULL, __ATOMIC_ACQ_REL);

	f->calls++;
	if (p) {
		munmap(p, page);
		return;
	}
	p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu,
		 fuzz_below(&f->r, 4) * page);
	if (p == MAP_FAILED)
		return;
	p = __atomic_exchange_n(slot, p, __ATOMIC_ACQ_REL);
	if (p)
		munmap(p, page);
}

static void op_vcpu(struct fuzzer *f)
{
	int v = fuzz_below(&f->r, NVMS), c = fuzz_below(&f->r, NVCPUS);
	int vcpu = load_fd(&vcpu_fd[v][c]);
	struct kvm_one_reg *reg = (void *)f->buf;
	struct kvm_interrupt *irq = (void *)f->buf;
	bool good = fuzz_chance(&f->r, 80);
	unsigned int op = fuzz_below(&f->r, 11);

	switch (op) {
	case 0:
	case 1:
	case 2:
		f->calls++;
		fuzz_kvm_run(&f->runner, &f->r, vcpu, 3000);
		break;
	case 3:
		do_ioctl(f, vcpu, KVM_GET_REGS, good ? (void *)f->buf :
				arg_ptr(f, sizeof(struct kvm_regs)));
		break;
	case 4:
		fill_regs(f, (void *)f->buf);
		do_ioctl(f, vcpu, KVM_SET_REGS, good ? (void *)f->buf :
				arg_ptr(f, sizeof(struct kvm_regs)));
		break;
	case 5:
		do_ioctl(f, vcpu, KVM_GET_SREGS, good ? (void *)f->buf :
				arg_ptr(f, sizeof(struct kvm_sregs)));
		break;
	case 6:
		fill_sregs(f, (void *)f->buf);
		do_ioctl(f, vcpu, KVM_SET_SREGS, good ? (void *)f->buf :
				arg_ptr(f, sizeof(struct kvm_sregs)));
		break;
	case 7:
	case 8:
		reg->id = random_one_reg_id(f);
		reg->addr = (uintptr_t)(good ? (void *)(f->buf + 8) : arg_ptr(f, 16));
		fuzz_fill(&f->r, f->buf + 8, 16);
		do_ioctl(f, vcpu, op == 7 ? KVM_GET_ONE_REG : KVM_SET_ONE_REG,
			 fuzz_chance(&f->r, 90) ? (void *)reg : arg_ptr(f, sizeof(*reg)));
		break;
	case 9:
		irq->irq = fuzz_chance(&f->r, 80) ? fuzz_below(&f->r, 3) - 2u :
						     fuzz_rand(&f->r);
		do_ioctl(f, vcpu, KVM_INTERRUPT, good ? (void *)irq :
				arg_ptr(f, sizeof(*irq)));
		break;
	default:
		op_map_run(f, &run_map[v][c], vcpu);
		break;
	}
}

/* The memory behind the slots changes under the VMs. */
static void op_memory(struct fuzzer *f)
{
	unsigned int a = fuzz_below(&f->r, NAREAS);
	size_t len = AREA_PAGES * page;
	uint8_t *p = area(a);
	void *q;

	pthread_mutex_lock(&area_lock[a]);
	switch (fuzz_below(&f->r, 6)) {
	case 0:
		if (a == MEMFD_AREA)
			q = mmap(p, len, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_FIXED, memfd, 0);
		else
			q = mmap(p, len, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (q != MAP_FAILED && a != MEMFD_AREA)
			fuzz_fill(&f->r, p, page);
		break;
	case 1:
		mprotect(p, len, PROT_READ);
		break;
	case 2:
		mprotect(p, len, PROT_NONE);
		break;
	case 3:	/* a page unmapped, and the range kept reserved */
		mmap(p + fuzz_below(&f->r, AREA_PAGES) * page, page, PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		break;
	case 4:
		madvise(p, len, MADV_DONTNEED);
		break;
	default:
		if (ftruncate(memfd, fuzz_chance(&f->r, 50) ? 0 : len))
			break;
		break;
	}
	pthread_mutex_unlock(&area_lock[a]);
	f->calls++;
}

static void op_close(struct fuzzer *f)
{
	int v = fuzz_below(&f->r, NVMS), fd;

	if (fuzz_chance(&f->r, 40))
		fd = take_fd(&vm_fd[v]);
	else
		fd = take_fd(&vcpu_fd[v][fuzz_below(&f->r, NVCPUS)]);
	if (fd >= 0)
		close(fd);
	f->calls++;
}

/*
 * A forked VMM: the parent's VM and vcpu fds are not its (-EIO); it
 * makes its own VM and runs it until SIGKILL comes, at a random time.
 */
static void op_fork_kill(struct fuzzer *f)
{
	struct kvm_userspace_memory_region m = {
		.memory_size = AREA_PAGES * page,
		.userspace_addr = (uintptr_t)area(0),
	};
	struct kvm_regs regs = { .msr = FUZZ_MSR };
	pid_t pid;
	int vm, vcpu;

	pid = fork();
	if (pid < 0)
		return;
	if (!pid) {
		ioctl(pick_vcpu(f), KVM_RUN, 0);
		ioctl(pick_vm(f), KVM_CREATE_VCPU, 7);
		vm = ioctl(dev_fd, KVM_CREATE_VM, 0);
		mmap(area(0), m.memory_size, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		memset(area(0), 0, page);	/* zeroes: an illegal-instruction loop */
		ioctl(vm, KVM_SET_USER_MEMORY_REGION, &m);
		vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
		ioctl(vcpu, KVM_SET_REGS, &regs);
		for (;;)
			ioctl(vcpu, KVM_RUN, 0);
	}
	usleep(fuzz_below(&f->r, 20000));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	f->calls += 6;
}

static void fuzz_one(struct fuzzer *f)
{
	unsigned int op = fuzz_below(&f->r, 1000);

	if (op < 100)
		op_system(f);
	else if (op < 300)
		op_vm(f);
	else if (op < 750)
		op_vcpu(f);
	else if (op < 850)
		op_random_ioctl(f);
	else if (op < 920)
		op_memory(f);
	else if (op < 998)
		op_close(f);
	else
		op_fork_kill(f);
}

static void *fuzz_thread(void *arg)
{
	struct fuzzer *f = arg;

	fuzz_runner_init(&f->runner);
	while (__atomic_sub_fetch(&calls_left, 1, __ATOMIC_RELAXED) >= 0)
		fuzz_one(f);
	fuzz_runner_fini(&f->runner);
	return NULL;
}

static void setup_memory(void)
{
	size_t len = AREA_PAGES * page;
	unsigned int i;

	areas = mmap(NULL, RESERVE_PAGES * page, PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ro_page = mmap(NULL, page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	edge = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	hole = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* a larger log than this fails its copy on the inaccessible page */
	bitmap = mmap(NULL, (BITMAP_PAGES + 1) * page, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memfd = memfd_create("b3pr-fuzz", 0);
	if (areas == MAP_FAILED || ro_page == MAP_FAILED || edge == MAP_FAILED ||
	    hole == MAP_FAILED || bitmap == MAP_FAILED || memfd < 0 || ftruncate(memfd, len)) {
		e2e_fail("fuzz-ioctl/setup", "%s", strerror(errno));
		exit(1);
	}
	memset(ro_page, 0x5a, page);
	mprotect(ro_page, page, PROT_READ);
	mprotect(edge + page, page, PROT_NONE);
	mprotect((uint8_t *)bitmap + BITMAP_PAGES * page, page, PROT_NONE);
	mprotect(areas, NAREAS * len, PROT_READ | PROT_WRITE);
	mmap(area(MEMFD_AREA), len, PROT_READ | PROT_WRITE,
	     MAP_SHARED | MAP_FIXED, memfd, 0);
	for (i = 0; i < NAREAS; i++)
		pthread_mutex_init(&area_lock[i], NULL);
}

static void teardown(void)
{
	unsigned int v, c;
	int fd;

	for (v = 0; v < NVMS; v++) {
		for (c = 0; c < NVCPUS; c++) {
			if (run_map[v][c])
				munmap(run_map[v][c], page);
			fd = take_fd(&vcpu_fd[v][c]);
			if (fd >= 0)
				close(fd);
		}
		fd = take_fd(&vm_fd[v]);
		if (fd >= 0)
			close(fd);
	}
	close(dev_fd);
	munmap(areas, RESERVE_PAGES * page);
	close(memfd);
}

int fuzz_ioctl_main(const char *dev_path, bool on_b3pr, uint64_t seed,
		    unsigned long calls, unsigned int threads)
{
	struct fuzzer *fz;
	struct fuzz_runner sum = { };
	pthread_t *tid;
	unsigned long total = 0;
	unsigned int i;
	double t0, secs;

	device = dev_path;
	on_kvm_pr = !on_b3pr;
	page = sysconf(_SC_PAGESIZE);
	if (!threads)
		threads = 1;
	memset(vm_fd, -1, sizeof(vm_fd));
	memset(vcpu_fd, -1, sizeof(vcpu_fd));
	dev_fd = open(device, O_RDWR | O_CLOEXEC);
	if (dev_fd < 0) {
		e2e_fail("fuzz-ioctl/open", "%s: %s", device, strerror(errno));
		return 1;
	}
	setup_memory();
	fz = calloc(threads, sizeof(*fz));
	tid = calloc(threads, sizeof(*tid));
	calls_left = calls;
	fuzz_watchdog_start("fuzz-ioctl");
	t0 = fuzz_now();
	for (i = 0; i < threads; i++) {
		fz[i].r.s = seed + i;
		pthread_create(&tid[i], NULL, fuzz_thread, &fz[i]);
	}
	for (i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		total += fz[i].calls;
		fuzz_runner_add(&sum, &fz[i].runner);
	}
	secs = fuzz_now() - t0;
	teardown();
	printf("E2E-INFO fuzz-ioctl: %lu calls in %.1f s (%.0f/s), %u threads\n",
	       total, secs, total / secs, threads);
	if (total >= calls)
		e2e_pass("fuzz-ioctl/calls-made");
	else
		e2e_fail("fuzz-ioctl/calls-made", "%lu of %lu", total, calls);
	fuzz_runner_judge("fuzz-ioctl/kvm-run-ends-after-signal", &sum);
	if (on_b3pr) {
		dev_fd = open(device, O_RDWR | O_CLOEXEC);
		e2e_expect_idle(dev_fd, "fuzz-ioctl/nothing-left", 20);
		close(dev_fd);
	}
	return e2e_failures != 0;
}
