// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-mem: guest memory against the VMM's address space, checked inside
 * the emulated host. The guest is a load and a store at guest physical
 * 0x100 and 0x200, run in real mode (MSR = SF|ME), one access per
 * KVM_RUN: r10 the address, r12 the value to store; each reports by a
 * store to MMIO (the loaded value, or the stored one).
 *
 *   b3pr-mem unmap DEVICE      KVM_CAP_SYNC_MMU, and what it promises: the
 *                              VMM changes guest RAM under the guest:
 *                              after MADV_DONTNEED the guest reads fresh
 *                              zeroes; a mapping put over the slot's
 *                              memory (MAP_FIXED) is what the guest sees
 *                              and the old page is never written again;
 *                              after munmap or mremap away an access
 *                              makes KVM_RUN fail with EFAULT (as KVM on
 *                              x86 and arm64), and runs again once the
 *                              memory is back
 *   b3pr-mem dirty DEVICE      KVM_GET_DIRTY_LOG of a KVM_MEM_LOG_DIRTY_PAGES
 *                              slot reports exactly the host pages the
 *                              guest stored to since the last call; a
 *                              slot whose log starts late logs stores
 *                              through mappings made before; b3pr's own
 *                              writes to guest memory are logged too
 *   b3pr-mem dirty-args DEVICE bad KVM_GET_DIRTY_LOG arguments get
 *                              kvm_main.c's errno, and a failed copy-out
 *                              loses no dirty page
 *   b3pr-mem dirty-race DEVICE S  a guest storing to every page of a
 *                              logged slot in turn for S seconds while the
 *                              VMM copies the pages KVM_GET_DIRTY_LOG
 *                              reports, as a migration does: at the end
 *                              the copy equals guest memory
 *   b3pr-mem race DEVICE S     a guest storing a count in a loop for S
 *                              seconds while the VMM swaps the page under
 *                              it between two pages of a file, over and
 *                              over: each page it left stops changing, the
 *                              one it got starts (on an SMP host faults and
 *                              invalidations run at once)
 */
#define _GNU_SOURCE
#include <endian.h>
#include <fcntl.h>
#include <glob.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "e2e.h"
#include "guest_insn.h"

int e2e_failures;

static const char *device;
static size_t pagesz;

#define MSR_SF		0x8000000000000000ull
#define MSR_ME		0x1000ull
#define GUEST_MSR	(MSR_SF | MSR_ME)
#define MMIO_BASE	0xf0000000ull
#define LOAD_PC		0x100
#define STORE_PC	0x200
#define COUNT_PC	0x300
#define SWEEP_PC	0x400
#define LOAD_REPORT	(MMIO_BASE + 0x10)
#define STORE_REPORT	(MMIO_BASE + 0x20)
#define DATA_GPA	0x1000000ull	/* slot 1 */
#define DATA_PAGES	8
#define VIEW_GPA	0x2000000ull	/* slot 2 */
#define WATCHDOG_MS	5000

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* 0x100: load the word at r10 and report it at LOAD_REPORT. */
static const uint32_t code_load[] = {
	I_LWZ(3, 0, 10),
	I_STW(3, 0x10, 9),
	I_B(0),
};

/* 0x200: store r12 at r10 and report it at STORE_REPORT. */
static const uint32_t code_store[] = {
	I_STW(12, 0, 10),
	I_STW(12, 0x20, 9),
	I_B(0),
};

/* 0x300: store r12 + 1, r12 + 2 ... at r10, for ever. */
static const uint32_t code_count[] = {
	I_ADDI(12, 12, 1),
	I_STW(12, 0, 10),
	I_B(-8),
};

/*
 * 0x400: store r12 + 1, r12 + 2 ... at r10, r10 + r13 ... up to r14,
 * then from r15 again, for ever.
 */
static const uint32_t code_sweep[] = {
	I_ADDI(12, 12, 1),
	I_STW(12, 0, 10),
	I_ADD(10, 10, 13),
	I_CMPLD(10, 14),
	I_BLT(-0x10),
	I_MR(10, 15),
	I_B(-0x18),
};

struct guest {
	int vm, vcpu;
	struct kvm_run *run;
	uint8_t *code;		/* slot 0: one host page at gpa 0 */
};

static void die(const char *what)
{
	e2e_fail(what, "%s", strerror(errno));
	exit(1);
}

static bool on_b3pr(void)
{
	return strstr(device, "b3pr") != NULL;
}

static void *map_anon(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("mem/mmap");
	return p;
}

static void put_code(uint8_t *mem, unsigned int off, const uint32_t *code,
		     unsigned int words)
{
	unsigned int i;

	for (i = 0; i < words; i++) {
		uint32_t be = htobe32(code[i]);

		memcpy(mem + off + 4 * i, &be, 4);
	}
}

static uint32_t word_at(const void *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return be32toh(v);
}

static void word_set(void *p, uint32_t val)
{
	val = htobe32(val);
	memcpy(p, &val, 4);
}

static long set_slot(struct guest *g, unsigned int slot, uint64_t gpa,
		     void *mem, uint64_t size, uint32_t flags)
{
	struct kvm_userspace_memory_region r = {
		.slot = slot, .flags = flags, .guest_phys_addr = gpa,
		.memory_size = size, .userspace_addr = (uintptr_t)mem,
	};

	return e2e_ret(ioctl(g->vm, KVM_SET_USER_MEMORY_REGION, &r));
}

static void guest_create(int dev, struct guest *g)
{
	long size;

	g->vm = ioctl(dev, KVM_CREATE_VM, KVM_VM_PPC_PR);
	if (g->vm < 0)
		die("mem/create-vm");
	g->code = map_anon(pagesz);
	put_code(g->code, LOAD_PC, code_load, ARRAY_SIZE(code_load));
	put_code(g->code, STORE_PC, code_store, ARRAY_SIZE(code_store));
	put_code(g->code, COUNT_PC, code_count, ARRAY_SIZE(code_count));
	put_code(g->code, SWEEP_PC, code_sweep, ARRAY_SIZE(code_sweep));
	if (set_slot(g, 0, 0, g->code, pagesz, 0))
		die("mem/set-code-slot");
	g->vcpu = ioctl(g->vm, KVM_CREATE_VCPU, 0);
	if (g->vcpu < 0)
		die("mem/create-vcpu");
	size = ioctl(dev, KVM_GET_VCPU_MMAP_SIZE, 0);
	g->run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
		      g->vcpu, 0);
	if (g->run == MAP_FAILED)
		die("mem/mmap-run");
}

static void guest_destroy(struct guest *g)
{
	munmap(g->run, pagesz);
	close(g->vcpu);
	close(g->vm);
	munmap(g->code, pagesz);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* KVM_RUN bounded by a SIGALRM after ms: its result, or -errno. */
static long run_for(struct guest *g, unsigned int ms)
{
	struct itimerval it = { .it_value = { ms / 1000, (ms % 1000) * 1000 } };
	struct itimerval off = { };
	long ret;

	g->run->exit_reason = ~0u;
	setitimer(ITIMER_REAL, &it, NULL);
	ret = e2e_ret(ioctl(g->vcpu, KVM_RUN, 0));
	setitimer(ITIMER_REAL, &off, NULL);
	return ret;
}

static struct kvm_regs get_regs(struct guest *g)
{
	struct kvm_regs regs;

	memset(&regs, 0xff, sizeof(regs));
	if (ioctl(g->vcpu, KVM_GET_REGS, &regs))
		e2e_fail("mem/get-regs", "%s", strerror(errno));
	return regs;
}

/* Point the vcpu at the load (or store) of gpa, and run it. */
static long access_run(struct guest *g, bool store, uint64_t gpa,
		       uint32_t val, unsigned int ms)
{
	struct kvm_regs regs = get_regs(g);

	regs.pc = store ? STORE_PC : LOAD_PC;
	regs.msr = GUEST_MSR;
	regs.gpr[9] = MMIO_BASE;
	regs.gpr[10] = gpa;
	regs.gpr[12] = val;
	if (ioctl(g->vcpu, KVM_SET_REGS, &regs))
		die("mem/set-regs");
	return run_for(g, ms);
}

/* The report of a finished access: 0 and the value, or why not. */
static bool access_done(const char *n, struct guest *g, long ret, bool store,
			uint32_t *val)
{
	uint64_t addr = store ? STORE_REPORT : LOAD_REPORT;
	struct kvm_run *r = g->run;

	if (ret == 0 && r->exit_reason == KVM_EXIT_MMIO &&
	    r->mmio.phys_addr == addr && r->mmio.len == 4 && r->mmio.is_write) {
		*val = word_at(r->mmio.data);
		return true;
	}
	e2e_fail(n, "expected the %s's report (MMIO write of 0x%llx), got ret %ld (%s) exit reason %u addr 0x%llx",
		 store ? "store" : "load", (unsigned long long)addr, ret,
		 ret < 0 ? strerror(-ret) : "ok", r->exit_reason,
		 (unsigned long long)r->mmio.phys_addr);
	return false;
}

/* The guest loads gpa and must see want. */
static void expect_load(const char *n, struct guest *g, uint64_t gpa,
			uint32_t want)
{
	uint32_t got;

	if (!access_done(n, g, access_run(g, false, gpa, 0, WATCHDOG_MS), false,
			 &got))
		return;
	if (got == want)
		e2e_pass(n);
	else
		e2e_fail(n, "expected the guest to load 0x%x at 0x%llx, got 0x%x",
			 want, (unsigned long long)gpa, got);
}

static void guest_store(const char *n, struct guest *g, uint64_t gpa,
			uint32_t val)
{
	uint32_t got;

	if (access_done(n, g, access_run(g, true, gpa, val, WATCHDOG_MS), true,
			&got))
		e2e_pass(n);
}

static void expect_u32(const char *n, uint32_t want, uint32_t got)
{
	if (want == got)
		e2e_pass(n);
	else
		e2e_fail(n, "expected 0x%x, got 0x%x", want, got);
}

/* KVM_RUN came back with EFAULT, the PC still at the access. */
static void expect_efault(const char *n, struct guest *g, long ret,
			  uint64_t pc)
{
	struct kvm_regs regs = get_regs(g);

	if (ret == -EFAULT && regs.pc == pc)
		e2e_pass(n);
	else
		e2e_fail(n, "expected KVM_RUN to fail with EFAULT at pc 0x%llx, got %ld (%s) exit reason %u pc 0x%llx",
			 (unsigned long long)pc, ret,
			 ret < 0 ? strerror(-ret) : "ok", g->run->exit_reason,
			 (unsigned long long)regs.pc);
}

static void expect_nothing_left(int dev, const char *n)
{
	struct b3pr_module_stats st = e2e_module_stats(dev, n);

	if (!st.vms && !st.vcpus && !st.live_objects)
		e2e_pass(n);
	else
		e2e_fail(n, "expected no VM, vcpu or object (pinned pages count), got %llu VMs, %llu vcpus, %llu objects",
			 (unsigned long long)st.vms, (unsigned long long)st.vcpus,
			 (unsigned long long)st.live_objects);
}

/* Private anonymous guest RAM: MADV_DONTNEED and MAP_FIXED over it. */
static void unmap_private(struct guest *g, uint8_t *data)
{
	uint64_t gpa = DATA_GPA;
	void *p;

	word_set(data, 0x11111111);
	expect_load("mem/load-slot-page", g, gpa, 0x11111111);
	guest_store("mem/store-slot-page", g, gpa, 0x22222222);
	expect_u32("mem/host-sees-guest-store", 0x22222222, word_at(data));

	/* The guest had the page mapped writable: it must see a new one. */
	if (madvise(data, pagesz, MADV_DONTNEED))
		die("mem/madvise");
	expect_load("mem/dontneed-guest-loads-zero", g, gpa, 0);
	guest_store("mem/dontneed-store", g, gpa, 0x33333333);
	expect_u32("mem/dontneed-host-sees-store", 0x33333333, word_at(data));

	/* A new mapping put over the old one, without munmap first. */
	p = mmap(data, pagesz, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != data)
		die("mem/mmap-fixed");
	word_set(data, 0x44444444);
	expect_load("mem/mapped-over-guest-loads-new-page", g, gpa, 0x44444444);
}

/*
 * munmap: the guest's next access to the page fails KVM_RUN (kvm-pr's
 * guest retries it forever instead); memory mapped there again is what
 * it then gets. mremap away: the same.
 */
static void unmap_gone(struct guest *g, uint8_t *data)
{
	uint64_t gpa = DATA_GPA;
	uint8_t *moved;
	uint32_t got;
	void *p;
	long ret;

	guest_store("mem/store-before-munmap", g, gpa, 0x55555555);
	if (munmap(data, pagesz))
		die("mem/munmap");
	ret = access_run(g, false, gpa, 0, on_b3pr() ? WATCHDOG_MS : 1000);
	expect_efault("mem/munmapped-load-efault", g, ret, LOAD_PC);
	p = mmap(data, pagesz, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != data)
		die("mem/mmap-again");
	word_set(data, 0x66666666);
	/* KVM_RUN again, the vcpu untouched: the load goes through now. */
	if (access_done("mem/remapped-load-done", g, run_for(g, WATCHDOG_MS),
			false, &got))
		expect_u32("mem/remapped-load-sees-new-page", 0x66666666, got);

	/* mremap the second page away: its old address maps nothing. */
	guest_store("mem/store-before-mremap", g, gpa + pagesz, 0x77777777);
	moved = mmap(NULL, pagesz, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		     -1, 0);
	if (moved == MAP_FAILED ||
	    mremap(data + pagesz, pagesz, pagesz, MREMAP_MAYMOVE | MREMAP_FIXED,
		   moved) != moved)
		die("mem/mremap");
	expect_u32("mem/store-before-mremap-reached-memory", 0x77777777, word_at(moved));
	ret = access_run(g, true, gpa + pagesz, 0x88888888,
			 on_b3pr() ? WATCHDOG_MS : 1000);
	expect_efault("mem/mremapped-store-efault", g, ret, STORE_PC);
	expect_u32("mem/mremapped-page-unwritten", 0x77777777, word_at(moved));
	munmap(moved, pagesz);
	if (mmap(data + pagesz, pagesz, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
		die("mem/mmap-after-mremap");
}

/*
 * Shared memory seen through a second mapping: once the slot's mapping
 * is replaced, the guest's stores must never reach the old page.
 */
static void unmap_shared(struct guest *g)
{
	uint8_t *slot, *view;
	void *p;
	int fd;

	fd = memfd_create("b3pr-mem", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, pagesz))
		die("mem/memfd");
	slot = mmap(NULL, pagesz, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	view = mmap(NULL, pagesz, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (slot == MAP_FAILED || view == MAP_FAILED)
		die("mem/mmap-memfd");
	if (set_slot(g, 2, VIEW_GPA, slot, pagesz, 0))
		die("mem/set-shared-slot");
	guest_store("mem/shared-store", g, VIEW_GPA, 0x12345678);
	expect_u32("mem/shared-store-in-file", 0x12345678, word_at(view));
	p = mmap(slot, pagesz, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != slot)
		die("mem/mmap-over-shared");
	guest_store("mem/shared-replaced-store", g, VIEW_GPA, 0x9abcdef0);
	expect_u32("mem/shared-old-page-untouched", 0x12345678, word_at(view));
	expect_u32("mem/shared-new-page-written", 0x9abcdef0, word_at(slot));
	munmap(slot, pagesz);
	munmap(view, pagesz);
	close(fd);
}

/*
 * What the checks below prove, a VMM learns from KVM_CAP_SYNC_MMU
 * (api.rst 4.35). kvm-pr answers 1 too, unless kvm-hv is built in
 * (powerpc.c: then hv_enabled decides).
 */
static void check_sync_mmu(int dev, struct guest *g)
{
	e2e_expect_ret("mem/check-extension-sync-mmu", 1,
		       e2e_ret(ioctl(dev, KVM_CHECK_EXTENSION, KVM_CAP_SYNC_MMU)));
	e2e_expect_ret("mem/vm-check-extension-sync-mmu", 1,
		       e2e_ret(ioctl(g->vm, KVM_CHECK_EXTENSION,
				     KVM_CAP_SYNC_MMU)));
}

static int cmd_unmap(int dev)
{
	uint8_t *data = map_anon(DATA_PAGES * pagesz);
	struct guest g;

	guest_create(dev, &g);
	check_sync_mmu(dev, &g);
	if (set_slot(&g, 1, DATA_GPA, data, DATA_PAGES * pagesz, 0))
		die("mem/set-data-slot");
	unmap_private(&g, data);
	unmap_gone(&g, data);
	unmap_shared(&g);
	guest_destroy(&g);
	munmap(data, DATA_PAGES * pagesz);
	if (on_b3pr())
		expect_nothing_left(dev, "mem/unmap-nothing-left");
	return 0;
}

static long get_log(struct guest *g, uint32_t slot, void *bitmap)
{
	struct kvm_dirty_log log = { .slot = slot };

	log.dirty_bitmap = bitmap;
	return e2e_ret(ioctl(g->vm, KVM_GET_DIRTY_LOG, &log));
}

/* The log of slot 1 must be exactly the pages of want (a bit mask). */
static void expect_log(const char *n, struct guest *g, uint32_t slot,
		       uint64_t want)
{
	uint64_t bitmap[4];
	long ret;

	memset(bitmap, 0xa5, sizeof(bitmap));
	ret = get_log(g, slot, bitmap);
	if (ret) {
		e2e_fail(n, "KVM_GET_DIRTY_LOG: %ld (%s)", ret, strerror(-ret));
		return;
	}
	/* DATA_PAGES bits: one long; the rest of the buffer untouched. */
	if ((bitmap[0] & ((1ull << DATA_PAGES) - 1)) == want &&
	    !(bitmap[0] >> DATA_PAGES) && bitmap[1] == 0xa5a5a5a5a5a5a5a5ull)
		e2e_pass(n);
	else
		e2e_fail(n, "expected dirty pages 0x%llx, got 0x%llx (next word 0x%llx)",
			 (unsigned long long)want, (unsigned long long)bitmap[0],
			 (unsigned long long)bitmap[1]);
}

static uint64_t page_gpa(unsigned int page, size_t off)
{
	return DATA_GPA + page * pagesz + off;
}

/*
 * What b3pr writes into guest memory itself (the guest's R/C bits, an
 * emulated store) is logged like a guest store. The VM's debugfs mem
 * file writes through the same accessor.
 */
static void dirty_by_b3pr(struct guest *g, uint8_t *data)
{
	const uint32_t word = 0x600dcafe;
	char pattern[64];
	glob_t gl;
	int fd;

	snprintf(pattern, sizeof(pattern), "/sys/kernel/debug/b3pr/vm-%d-*/mem",
		 getpid());
	if (glob(pattern, 0, NULL, &gl) || gl.gl_pathc != 1) {
		e2e_fail("mem/dirty-b3pr-write", "expected one %s", pattern);
		return;
	}
	fd = open(gl.gl_pathv[0], O_RDWR | O_CLOEXEC);
	globfree(&gl);
	if (fd < 0 || pwrite(fd, &word, 4, page_gpa(2, 16)) != 4) {
		e2e_fail("mem/dirty-b3pr-write", "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	if (!memcmp(data + 2 * pagesz + 16, &word, 4))
		e2e_pass("mem/dirty-b3pr-write");
	else
		e2e_fail("mem/dirty-b3pr-write", "the word did not reach memory");
	expect_log("mem/dirty-log-b3pr-write-logged", g, 1, 1 << 2);
}

static int cmd_dirty(int dev)
{
	uint8_t *data = map_anon(DATA_PAGES * pagesz);
	uint8_t *late = map_anon(pagesz);
	struct guest g;

	guest_create(dev, &g);
	e2e_expect_ret("mem/dirty-slot-create", 0,
		       set_slot(&g, 1, DATA_GPA, data, DATA_PAGES * pagesz,
				KVM_MEM_LOG_DIRTY_PAGES));
	expect_log("mem/dirty-log-starts-clean", &g, 1, 0);

	/* Round 1: stores to pages 1, 3 (twice), 4 and 5 (its last word). */
	guest_store("mem/dirty-store-1", &g, page_gpa(1, 0), 1);
	guest_store("mem/dirty-store-3", &g, page_gpa(3, pagesz / 2), 3);
	guest_store("mem/dirty-store-3-again", &g, page_gpa(3, 8), 3);
	guest_store("mem/dirty-store-4", &g, page_gpa(4, 0), 4);
	guest_store("mem/dirty-store-5", &g, page_gpa(5, pagesz - 4), 5);
	/* Loads dirty nothing. */
	word_set(data + 6 * pagesz, 0x6666);
	expect_load("mem/dirty-load-6", &g, page_gpa(6, 0), 0x6666);
	expect_load("mem/dirty-load-1", &g, page_gpa(1, 0), 1);
	expect_log("mem/dirty-log-round1-exact", &g, 1,
		   1 << 1 | 1 << 3 | 1 << 4 | 1 << 5);
	expect_log("mem/dirty-log-cleared-by-get", &g, 1, 0);

	/*
	 * Round 2: page 3 again (mapped writable in round 1: the log must
	 * have write-protected it) and 7; a load of 4.
	 */
	guest_store("mem/dirty-store-3-round2", &g, page_gpa(3, 0), 33);
	guest_store("mem/dirty-store-7", &g, page_gpa(7, 0), 7);
	expect_load("mem/dirty-load-4-round2", &g, page_gpa(4, 0), 4);
	expect_log("mem/dirty-log-round2-exact", &g, 1, 1 << 3 | 1 << 7);
	expect_u32("mem/dirty-store-reached-memory", 33, word_at(data + 3 * pagesz));
	if (on_b3pr())
		dirty_by_b3pr(&g, data);

	/*
	 * A slot whose log starts after the guest stored to it: a store
	 * through the mapping made before must be logged.
	 */
	e2e_expect_ret("mem/late-slot-create", 0,
		       set_slot(&g, 2, VIEW_GPA, late, pagesz, 0));
	guest_store("mem/late-store-before-log", &g, VIEW_GPA, 1);
	e2e_expect_ret("mem/late-log-start", 0,
		       set_slot(&g, 2, VIEW_GPA, late, pagesz,
				KVM_MEM_LOG_DIRTY_PAGES));
	expect_log("mem/late-log-starts-clean", &g, 2, 0);
	guest_store("mem/late-store-after-log", &g, VIEW_GPA, 2);
	expect_log("mem/late-log-sees-store", &g, 2, 1);
	e2e_expect_ret("mem/late-log-stop", 0,
		       set_slot(&g, 2, VIEW_GPA, late, pagesz, 0));
	e2e_expect_ret("mem/late-log-stopped-enoent", -ENOENT,
		       get_log(&g, 2, data));
	guest_store("mem/late-store-unlogged", &g, VIEW_GPA, 3);
	expect_u32("mem/late-store-reached-memory", 3, word_at(late));

	guest_destroy(&g);
	munmap(data, DATA_PAGES * pagesz);
	munmap(late, pagesz);
	if (on_b3pr())
		expect_nothing_left(dev, "mem/dirty-nothing-left");
	return 0;
}

static int cmd_dirty_args(int dev)
{
	uint8_t *data = map_anon(DATA_PAGES * pagesz);
	uint64_t bitmap[4];
	struct guest g;

	guest_create(dev, &g);
	if (set_slot(&g, 1, DATA_GPA, data, DATA_PAGES * pagesz,
		     KVM_MEM_LOG_DIRTY_PAGES))
		die("mem/set-dirty-slot");
	/*
	 * kvm_get_dirty_log: address space 1, or a slot id past the last
	 * (KVM_CAP_NR_MEMSLOTS: 32 on b3pr, 32767 on 6.1's KVM).
	 */
	e2e_expect_ret("mem/dirty-args-address-space-1", -EINVAL,
		       get_log(&g, 1 << 16 | 1, bitmap));
	e2e_expect_ret("mem/dirty-args-slot-past-nr-memslots", -EINVAL,
		       get_log(&g, ioctl(dev, KVM_CHECK_EXTENSION,
					 KVM_CAP_NR_MEMSLOTS), bitmap));
	/* No such slot; a slot without a log. */
	e2e_expect_ret("mem/dirty-args-no-slot", -ENOENT,
		       get_log(&g, 5, bitmap));
	e2e_expect_ret("mem/dirty-args-slot-without-log", -ENOENT,
		       get_log(&g, 0, bitmap));
	e2e_expect_ret("mem/dirty-args-struct-fault", -EFAULT,
		       e2e_ret(ioctl(g.vm, KVM_GET_DIRTY_LOG, NULL)));
	/* An unwritable bitmap: EFAULT, and the page stays dirty. */
	guest_store("mem/dirty-args-store", &g, page_gpa(2, 0), 2);
	e2e_expect_ret("mem/dirty-args-bitmap-fault", -EFAULT,
		       get_log(&g, 1, (void *)8));
	expect_log("mem/dirty-args-fault-loses-nothing", &g, 1, 1 << 2);
	guest_destroy(&g);
	munmap(data, DATA_PAGES * pagesz);
	if (on_b3pr())
		expect_nothing_left(dev, "mem/dirty-args-nothing-left");
	return 0;
}

struct racer {
	struct guest *g;
	pthread_t thread;
	bool stop;		/* __atomic: the main thread sets it */
	unsigned long runs;
	long ret;
};

/* KVM_RUN of the counting guest until told to stop (by a signal). */
static void *race_vcpu(void *arg)
{
	struct racer *r = arg;

	while (!__atomic_load_n(&r->stop, __ATOMIC_RELAXED)) {
		r->ret = e2e_ret(ioctl(r->g->vcpu, KVM_RUN, 0));
		r->runs++;
		if (r->ret != -EINTR)
			break;
	}
	return NULL;
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts))
		;
}

/* Put file page @page of @fd at @slot, replacing what was there. */
static void race_swap(uint8_t *slot, int fd, unsigned int page)
{
	if (mmap(slot, pagesz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		 fd, page * pagesz) != slot)
		die("mem/race-mmap-fixed");
}

static int cmd_race(int dev, unsigned int seconds)
{
	unsigned int swaps = 0, stale = 0, stuck = 0, i;
	uint32_t left0, left1, got0, got1 = 0;
	struct kvm_regs regs;
	struct racer r = { };
	uint8_t *slot, *view;
	struct guest g;
	int fd;

	fd = memfd_create("b3pr-race", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, 2 * pagesz))
		die("mem/race-memfd");
	view = mmap(NULL, 2 * pagesz, PROT_READ, MAP_SHARED, fd, 0);
	slot = mmap(NULL, pagesz, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (view == MAP_FAILED || slot == MAP_FAILED)
		die("mem/race-mmap");
	guest_create(dev, &g);
	if (set_slot(&g, 1, DATA_GPA, slot, pagesz, 0))
		die("mem/race-set-slot");
	regs = get_regs(&g);
	regs.pc = COUNT_PC;
	regs.msr = GUEST_MSR;
	regs.gpr[10] = DATA_GPA;
	regs.gpr[12] = 0;
	if (ioctl(g.vcpu, KVM_SET_REGS, &regs))
		die("mem/race-set-regs");
	r.g = &g;
	if (pthread_create(&r.thread, NULL, race_vcpu, &r))
		die("mem/race-thread");
	for (i = 0; i < seconds * 20; i++) {
		/* The guest has page i % 2; give it the other one. */
		race_swap(slot, fd, (i + 1) % 2);
		swaps++;
		/*
		 * An emulated CPU may finish the one store it had under way
		 * a little after the host's TLB flush returned; after that
		 * the page left must stay as it is.
		 */
		sleep_ms(10);
		left0 = word_at(view + (i % 2) * pagesz);
		got0 = word_at(view + ((i + 1) % 2) * pagesz);
		sleep_ms(15);
		left1 = word_at(view + (i % 2) * pagesz);
		got1 = word_at(view + ((i + 1) % 2) * pagesz);
		stale += left1 != left0;
		stuck += got1 == got0;
	}
	__atomic_store_n(&r.stop, true, __ATOMIC_RELAXED);
	/* Again until it is out: the first may come before its KVM_RUN. */
	while (pthread_tryjoin_np(r.thread, NULL)) {
		pthread_kill(r.thread, SIGALRM);
		sleep_ms(10);
	}
	printf("E2E-INFO mem: race: %u swaps, %lu KVM_RUN, %u stale, %u stuck; count at %u\n",
	       swaps, r.runs, stale, stuck, got1);
	if (r.ret == -EINTR)
		e2e_pass("mem/race-guest-ran-to-the-end");
	else
		e2e_fail("mem/race-guest-ran-to-the-end",
			 "expected KVM_RUN to end with EINTR at the signal, got %ld (%s) exit reason %u",
			 r.ret, r.ret < 0 ? strerror(-r.ret) : "ok", g.run->exit_reason);
	if (!stale)
		e2e_pass("mem/race-page-left-never-written");
	else
		e2e_fail("mem/race-page-left-never-written",
			 "the guest wrote the page it had left after %u of %u swaps",
			 stale, swaps);
	/* Signals and a busy host may hold the vcpu up a few times. */
	if (stuck <= swaps / 10)
		e2e_pass("mem/race-page-got-written");
	else
		e2e_fail("mem/race-page-got-written",
			 "the page the guest got did not change in 15 ms after %u of %u swaps",
			 stuck, swaps);
	guest_destroy(&g);
	munmap(slot, pagesz);
	munmap(view, 2 * pagesz);
	close(fd);
	if (on_b3pr())
		expect_nothing_left(dev, "mem/race-nothing-left");
	return 0;
}

/*
 * Copy the pages the log of slot 1 reports, some time after it did (as
 * a migration would; a page written meanwhile is in the next log, and an
 * emulated CPU may finish a store it had under way when the log
 * write-protected the page); how many it reported.
 */
static unsigned int dirty_copy(struct guest *g, const uint8_t *mem,
			       uint8_t *copy, bool *bad)
{
	uint64_t bitmap = 0;
	unsigned int p, n = 0;
	long ret = get_log(g, 1, &bitmap);

	if (ret) {
		if (!*bad)
			e2e_fail("mem/dirty-race-get-log", "%ld (%s)", ret,
				 strerror(-ret));
		*bad = true;
		return 0;
	}
	sleep_ms(10);
	for (p = 0; p < DATA_PAGES; p++) {
		if (!(bitmap & 1ull << p))
			continue;
		memcpy(copy + p * pagesz, mem + p * pagesz, pagesz);
		n++;
	}
	return n;
}

static int cmd_dirty_race(int dev, unsigned int seconds)
{
	uint8_t *data = map_anon(DATA_PAGES * pagesz);
	uint8_t *copy = map_anon(DATA_PAGES * pagesz);
	unsigned int rounds = 0, reported = 0, p, bad_pages = 0;
	struct kvm_regs regs;
	struct racer r = { };
	bool bad = false;
	struct guest g;

	guest_create(dev, &g);
	if (set_slot(&g, 1, DATA_GPA, data, DATA_PAGES * pagesz,
		     KVM_MEM_LOG_DIRTY_PAGES))
		die("mem/dirty-race-set-slot");
	regs = get_regs(&g);
	regs.pc = SWEEP_PC;
	regs.msr = GUEST_MSR;
	regs.gpr[10] = DATA_GPA;
	regs.gpr[12] = 0;
	regs.gpr[13] = pagesz;
	regs.gpr[14] = DATA_GPA + DATA_PAGES * pagesz;
	regs.gpr[15] = DATA_GPA;
	if (ioctl(g.vcpu, KVM_SET_REGS, &regs))
		die("mem/dirty-race-set-regs");
	r.g = &g;
	if (pthread_create(&r.thread, NULL, race_vcpu, &r))
		die("mem/dirty-race-thread");
	for (rounds = 0; rounds < seconds * 50; rounds++) {
		reported += dirty_copy(&g, data, copy, &bad);
		sleep_ms(10);
	}
	__atomic_store_n(&r.stop, true, __ATOMIC_RELAXED);
	while (pthread_tryjoin_np(r.thread, NULL)) {
		pthread_kill(r.thread, SIGALRM);
		sleep_ms(10);
	}
	/* The last round, with the guest stopped. */
	reported += dirty_copy(&g, data, copy, &bad);
	for (p = 0; p < DATA_PAGES; p++)
		bad_pages += !!memcmp(copy + p * pagesz, data + p * pagesz,
				      pagesz);
	printf("E2E-INFO mem: dirty-race: %u rounds, %u pages reported, count at %llu\n",
	       rounds, reported, (unsigned long long)get_regs(&g).gpr[12]);
	if (!bad_pages && reported > rounds)
		e2e_pass("mem/dirty-race-copy-equals-memory");
	else
		e2e_fail("mem/dirty-race-copy-equals-memory",
			 "expected the pages copied by the log to equal guest memory (and the log to report pages), %u of %u differ, %u reported in %u rounds",
			 bad_pages, DATA_PAGES, reported, rounds);
	guest_destroy(&g);
	munmap(data, DATA_PAGES * pagesz);
	munmap(copy, DATA_PAGES * pagesz);
	if (on_b3pr())
		expect_nothing_left(dev, "mem/dirty-race-nothing-left");
	return 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int dev, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3 && !(argc == 4 && strstr(argv[1], "race"))) {
		fprintf(stderr, "usage: b3pr-mem unmap|dirty|dirty-args DEVICE\n"
			"       b3pr-mem race|dirty-race DEVICE SECONDS\n");
		return 2;
	}
	device = argv[2];
	pagesz = sysconf(_SC_PAGESIZE);
	/* SIGALRM without SA_RESTART: it ends a KVM_RUN that hangs. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	dev = open(device, O_RDWR | O_CLOEXEC);
	if (dev < 0) {
		e2e_fail("mem/open", "%s: %s", device, strerror(errno));
		return 1;
	}
	printf("E2E-INFO mem: host page size %zu\n", pagesz);
	if (!strcmp(argv[1], "unmap")) {
		ret = cmd_unmap(dev);
	} else if (!strcmp(argv[1], "dirty")) {
		ret = cmd_dirty(dev);
	} else if (!strcmp(argv[1], "dirty-args")) {
		ret = cmd_dirty_args(dev);
	} else if (!strcmp(argv[1], "race")) {
		ret = cmd_race(dev, atoi(argv[3]));
	} else if (!strcmp(argv[1], "dirty-race")) {
		ret = cmd_dirty_race(dev, atoi(argv[3]));
	} else {
		fprintf(stderr, "unknown mode %s\n", argv[1]);
		return 2;
	}
	close(dev);
	return ret || e2e_failures != 0;
}
