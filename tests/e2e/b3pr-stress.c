// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-stress: running guests against the host's robustness, checked
 * inside the emulated host. The guests are a few big-endian words of raw
 * code at guest physical 0x100, run in real mode (MSR = SF|ME):
 *
 *   b3pr-stress loop DEVICE   a "b ." loop and a loop of trapping mfmsr:
 *                             SIGALRM (no SA_RESTART) ends KVM_RUN with
 *                             EINTR / KVM_EXIT_INTR, and another task on
 *                             the same CPU keeps running meanwhile
 *   b3pr-stress kill DEVICE   SIGKILL of a VMM inside KVM_RUN tears its VM
 *                             down: nothing of b3pr is left after waitpid
 *   b3pr-stress fresh DEVICE  KVM_RUN of a vcpu whose registers were never
 *                             set, over a slot of zeroes: bounded by an
 *                             alarm, and what the guest did is reported
 *   b3pr-stress run DEVICE    run a looping guest until killed, after
 *                             saying "run-ready" (for the scenario's rmmod)
 *   b3pr-stress idle DEVICE   nothing of b3pr is alive
 *   b3pr-stress smp DEVICE S  one VM per online CPU, each pinned there,
 *                             all running a guest of trapping mfmsr and
 *                             mftb for S seconds at once; then one guest
 *                             moved between the CPUs every 50 ms while it
 *                             runs; then one VM with a vcpu thread pinned
 *                             to each CPU; every guest's registers are
 *                             checked
 *   b3pr-stress ext DEVICE    external interrupts (ISA 6.5.7) raised by
 *                             KVM_INTERRUPT from another thread: held off
 *                             while MSR[EE]=0, taken once EE=1 with SRR0,
 *                             SRR1 and the handler's MSR by the ISA, not
 *                             again after KVM_INTERRUPT_UNSET, reaching a
 *                             vcpu inside KVM_RUN promptly; SET is one-shot
 *                             and SET_LEVEL stays raised, as in kvm-pr
 *   b3pr-stress pow DEVICE    a 970 guest in a power-saving mode (MSR[POW])
 *                             sleeps inside KVM_RUN until its decrementer
 *                             or KVM_INTERRUPT wakes it, a signal ends
 *                             the KVM_RUN but not the sleep; and
 *                             kvm_run->immediate_exit
 *   b3pr-stress slots DEVICE  memory slot changes reach a VM between runs:
 *                             host writes seen by the guest and back, a
 *                             deleted slot's loads and stores become MMIO
 *                             exits, a re-created one reads its new memory
 *   b3pr-stress sigwin DEVICE a signal that comes while the hypervisor goes
 *                             back into the guest still ends KVM_RUN at
 *                             once (run under qemu -icount: exact time)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <endian.h>
#include <linux/kvm.h>

#include "e2e.h"
#include "guest_insn.h"
#include "uapi/b3pr/b3pr.h"

int e2e_failures;

static char name[128];
static const char *device;

#define N(...)	(snprintf(name, sizeof(name), __VA_ARGS__), name)

#define MSR_SF		0x8000000000000000ull
#define MSR_ME		0x1000ull
#define GUEST_MSR	(MSR_SF | MSR_ME)
#define ENTRY		0x100
#define MEM_SIZE	0x10000
#define EXIT_REG	0xf0000008ull	/* outside the slot: an MMIO exit */
#define SRR1_ILLEGAL	0x80000ull	/* SRR1 bit 44, ISA 6.5.9 */

/* b . */
static const uint32_t code_loop[] = { 0x48000000 };

/* 0x100: mfmsr r3; b .-4 */
static const uint32_t code_trap_loop[] = { 0x7c6000a6, 0x4bfffffc };

/*
 * The SMP guest: r3 counts trapping mfmsr (into r5) until the time base
 * has advanced r8 ticks from r4, then stores r3 to EXIT_REG (r9) and
 * loops. It writes r3-r7 and cr0 only; every other register is a
 * pattern the test set and checks afterwards.
 */
static const uint32_t code_spin[] = {
	0x38600000,	/* 0x100 li	r3,0 */
	0x7c8c42a6,	/* 0x104 mftb	r4 */
	0x7ca000a6,	/* 0x108 mfmsr	r5 */
	0x38630001,	/* 0x10c addi	r3,r3,1 */
	0x7ccc42a6,	/* 0x110 mftb	r6 */
	0x7ce43050,	/* 0x114 subf	r7,r4,r6 */
	0x7c274040,	/* 0x118 cmpld	r7,r8 */
	0x4180ffec,	/* 0x11c blt	0x108 */
	0x90690000,	/* 0x120 stw	r3,0(r9) */
	0x48000000,	/* 0x124 b	. */
};

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct guest {
	int vm;
	int vcpu;
	struct kvm_run *run;
	uint8_t *mem;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int open_dev(void)
{
	int fd = open(device, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		e2e_fail("stress-open", "%s: %s", device, strerror(errno));
		exit(1);
	}
	return fd;
}

static void die(const char *what)
{
	e2e_fail(what, "%s", strerror(errno));
	exit(1);
}

/*
 * A VM with a MEM_SIZE slot at 0 holding code at ENTRY (none: zeroes)
 * and one vcpu; its registers are set only when set_regs is true.
 */
static void guest_create(int dev, struct guest *g, const uint32_t *code,
			 unsigned int words, bool set_regs)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0, .guest_phys_addr = 0, .memory_size = MEM_SIZE,
	};
	struct kvm_regs regs;
	unsigned int i;
	long size;

	g->vm = ioctl(dev, KVM_CREATE_VM, KVM_VM_PPC_PR);
	if (g->vm < 0)
		die("stress-create-vm");
	g->mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (g->mem == MAP_FAILED)
		die("stress-mmap-mem");
	for (i = 0; i < words; i++) {
		uint32_t be = htobe32(code[i]);

		memcpy(g->mem + ENTRY + 4 * i, &be, 4);
	}
	region.userspace_addr = (uintptr_t)g->mem;
	if (ioctl(g->vm, KVM_SET_USER_MEMORY_REGION, &region))
		die("stress-set-memory-region");
	g->vcpu = ioctl(g->vm, KVM_CREATE_VCPU, 0);
	if (g->vcpu < 0)
		die("stress-create-vcpu");
	size = ioctl(dev, KVM_GET_VCPU_MMAP_SIZE, 0);
	g->run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
		      g->vcpu, 0);
	if (g->run == MAP_FAILED)
		die("stress-mmap-run");
	if (!set_regs)
		return;
	memset(&regs, 0, sizeof(regs));
	regs.pc = ENTRY;
	regs.msr = GUEST_MSR;
	if (ioctl(g->vcpu, KVM_SET_REGS, &regs))
		die("stress-set-regs");
}

static void guest_destroy(struct guest *g)
{
	munmap(g->run, sysconf(_SC_PAGESIZE));
	close(g->vcpu);
	close(g->vm);
	munmap(g->mem, MEM_SIZE);
}

static struct kvm_regs get_regs(struct guest *g)
{
	struct kvm_regs regs;

	memset(&regs, 0xff, sizeof(regs));
	if (ioctl(g->vcpu, KVM_GET_REGS, &regs))
		e2e_fail("stress-get-regs", "%s", strerror(errno));
	return regs;
}

static struct b3pr_module_stats module_stats(int dev)
{
	return e2e_module_stats(dev, "stress/get-module-stats");
}

static bool stats_are(const struct b3pr_module_stats *st, uint64_t vms,
		      uint64_t vcpus)
{
	return st->vms == vms && st->vcpus == vcpus &&
	       (vms || !st->live_objects);
}

/*
 * The last reference to a reaped child's VM can be dropped a little after
 * waitpid() (whoever held its mm last closes the kvm_run mapping's file):
 * a count that should reach zero gets up to two seconds to do so.
 */
static void expect_stats(int dev, const char *n, uint64_t vms, uint64_t vcpus)
{
	struct b3pr_module_stats st = module_stats(dev);
	int tries;

	for (tries = 0; !vms && !stats_are(&st, vms, vcpus) && tries < 20;
	     tries++) {
		usleep(100000);
		st = module_stats(dev);
	}
	if (stats_are(&st, vms, vcpus))
		e2e_pass(n);
	else
		e2e_fail(n, "expected %llu VMs, %llu vcpus%s; got %llu VMs, %llu vcpus, %llu objects",
			 (unsigned long long)vms, (unsigned long long)vcpus,
			 vms ? "" : ", 0 objects",
			 (unsigned long long)st.vms, (unsigned long long)st.vcpus,
			 (unsigned long long)st.live_objects);
}

/*
 * At least @vms VMs and @vcpus vcpus alive: the smp checks run beside
 * other streams of guests (scenario debian_smp), whose VMs count too.
 */
static void expect_stats_at_least(int dev, const char *n, uint64_t vms,
				  uint64_t vcpus)
{
	struct b3pr_module_stats st = module_stats(dev);

	if (st.vms >= vms && st.vcpus >= vcpus)
		e2e_pass(n);
	else
		e2e_fail(n, "expected at least %llu VMs, %llu vcpus; got %llu VMs, %llu vcpus",
			 (unsigned long long)vms, (unsigned long long)vcpus,
			 (unsigned long long)st.vms, (unsigned long long)st.vcpus);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* SIGALRM without SA_RESTART: it interrupts the KVM_RUN in progress. */
static void install_alarm(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		e2e_fail(N("stress/affinity-cpu%d", cpu), "%s", strerror(errno));
}

/* KVM_RUN, stopped by a SIGALRM after ms milliseconds: -errno or 0. */
static long run_alarm(struct guest *g, unsigned int ms, double *secs)
{
	struct itimerval it = { .it_value = { ms / 1000, (ms % 1000) * 1000 } };
	struct itimerval off = { };
	double t0 = now();
	long ret;

	setitimer(ITIMER_REAL, &it, NULL);
	ret = e2e_ret(ioctl(g->vcpu, KVM_RUN, 0));
	*secs = now() - t0;
	setitimer(ITIMER_REAL, &off, NULL);
	return ret;
}

/*
 * A task that counts as fast as it can on the same CPU as the guest:
 * the host must keep scheduling it while the guest loops.
 */
static pid_t spinner_start(unsigned long *count)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("stress-fork");
	if (!pid) {
		for (;;)
			__atomic_fetch_add(count, 1, __ATOMIC_RELAXED);
	}
	while (!__atomic_load_n(count, __ATOMIC_RELAXED))
		sched_yield();
	return pid;
}

static void spinner_stop(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/*
 * One looping guest: KVM_RUN ends with EINTR at a 1 s alarm, the vcpu
 * is where the loop is, another task ran meanwhile, and the vcpu runs
 * again after it.
 */
static void check_loop(int dev, const char *what, const uint32_t *code,
		       unsigned int words)
{
	unsigned long *count;
	unsigned long before, after;
	struct kvm_regs regs;
	struct guest g;
	double secs;
	pid_t spinner;
	long ret;

	count = mmap(NULL, sizeof(*count), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (count == MAP_FAILED)
		die("stress-mmap-count");
	*count = 0;
	pin(0);
	spinner = spinner_start(count);
	guest_create(dev, &g, code, words, true);
	before = __atomic_load_n(count, __ATOMIC_RELAXED);
	g.run->exit_reason = ~0u;
	ret = run_alarm(&g, 1000, &secs);
	after = __atomic_load_n(count, __ATOMIC_RELAXED);
	spinner_stop(spinner);

	e2e_expect_ret(N("stress/%s-run-eintr", what), -EINTR, ret);
	if (g.run->exit_reason == KVM_EXIT_INTR)
		e2e_pass(N("stress/%s-exit-intr", what));
	else
		e2e_fail(N("stress/%s-exit-intr", what),
			 "expected exit reason %d (KVM_EXIT_INTR), got %u",
			 KVM_EXIT_INTR, g.run->exit_reason);
	if (secs >= 0.9 && secs < 5)
		e2e_pass(N("stress/%s-returns-at-alarm", what));
	else
		e2e_fail(N("stress/%s-returns-at-alarm", what),
			 "expected KVM_RUN to return 1 s after entry, took %.3f s", secs);
	/* The spinner gets a fair share: far more than a few iterations. */
	if (after - before > 1000)
		e2e_pass(N("stress/%s-host-not-stalled", what));
	else
		e2e_fail(N("stress/%s-host-not-stalled", what),
			 "expected a task on the same CPU to run during KVM_RUN, it counted %lu",
			 after - before);
	regs = get_regs(&g);
	if (regs.pc >= ENTRY && regs.pc < ENTRY + 4 * words && regs.msr == GUEST_MSR)
		e2e_pass(N("stress/%s-pc-in-loop", what));
	else
		e2e_fail(N("stress/%s-pc-in-loop", what),
			 "expected pc in 0x%x-0x%x and msr 0x%llx, got pc 0x%llx msr 0x%llx",
			 ENTRY, ENTRY + 4 * words - 4, GUEST_MSR,
			 (unsigned long long)regs.pc, (unsigned long long)regs.msr);
	if (code == code_trap_loop) {
		/* mfmsr, emulated: the guest's own MSR */
		if (regs.gpr[3] == GUEST_MSR)
			e2e_pass(N("stress/%s-mfmsr-value", what));
		else
			e2e_fail(N("stress/%s-mfmsr-value", what),
				 "expected r3 0x%llx, got 0x%llx", GUEST_MSR,
				 (unsigned long long)regs.gpr[3]);
	}
	/* And it runs again, stopped the same way. */
	ret = run_alarm(&g, 200, &secs);
	e2e_expect_ret(N("stress/%s-rerun-eintr", what), -EINTR, ret);
	guest_destroy(&g);
	munmap(count, sizeof(*count));
	expect_stats(dev, N("stress/%s-nothing-left", what), 0, 0);
}

static int cmd_loop(int dev)
{
	install_alarm();
	check_loop(dev, "loop", code_loop, ARRAY_SIZE(code_loop));
	check_loop(dev, "trap-loop", code_trap_loop, ARRAY_SIZE(code_trap_loop));
	return 0;
}

/* The state letter of /proc/PID/stat: R, S, D ... */
static char proc_state(pid_t pid)
{
	char path[64], buf[256], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return '?';
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] && p[2] ? p[2] : '?';
}

/* A child VMM inside KVM_RUN of a looping guest, killed with SIGKILL. */
static void check_kill(int dev, const char *what, const uint32_t *code,
		       unsigned int words)
{
	int ready[2], status;
	double t0, secs;
	struct guest g;
	pid_t pid, got;
	char c, state;

	if (pipe(ready))
		die("stress-pipe");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("stress-fork");
	if (!pid) {
		guest_create(dev, &g, code, words, true);
		close(dev);
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			ioctl(g.vcpu, KVM_RUN, 0);
	}
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1) {
		e2e_fail(N("stress/kill-%s-child-ready", what), "the child died");
		waitpid(pid, NULL, 0);
		close(ready[0]);
		return;
	}
	close(ready[0]);
	usleep(1000000);
	expect_stats(dev, N("stress/kill-%s-vm-alive-while-running", what), 1, 1);
	state = proc_state(pid);
	if (state == 'R')
		e2e_pass(N("stress/kill-%s-child-running", what));
	else
		e2e_fail(N("stress/kill-%s-child-running", what),
			 "expected state R in KVM_RUN, got %c", state);
	t0 = now();
	kill(pid, SIGKILL);
	got = waitpid(pid, &status, 0);
	secs = now() - t0;
	if (got == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		e2e_pass(N("stress/kill-%s-child-killed", what));
	else
		e2e_fail(N("stress/kill-%s-child-killed", what),
			 "expected death by SIGKILL, got pid %d status 0x%x", got, status);
	if (secs < 2)
		e2e_pass(N("stress/kill-%s-dies-promptly", what));
	else
		e2e_fail(N("stress/kill-%s-dies-promptly", what),
			 "expected waitpid within 2 s of SIGKILL, took %.3f s", secs);
	expect_stats(dev, N("stress/kill-%s-nothing-left", what), 0, 0);
}

static int cmd_kill(int dev)
{
	check_kill(dev, "loop", code_loop, ARRAY_SIZE(code_loop));
	check_kill(dev, "trap-loop", code_trap_loop, ARRAY_SIZE(code_trap_loop));
	return 0;
}

/*
 * KVM_RUN before any register was set: pc 0 and the reset MSR, over
 * zeroes. Word 0 is an illegal instruction (ISA 6.5.9), so the guest
 * takes a program interrupt to 0x700, which is zero again: it loops
 * there, each round trip through the hypervisor, until the alarm.
 */
static int cmd_fresh(int dev)
{
	struct kvm_regs regs;
	struct guest g;
	double secs;
	long ret;

	install_alarm();
	guest_create(dev, &g, NULL, 0, false);
	regs = get_regs(&g);
	printf("E2E-INFO fresh vcpu before KVM_RUN: pc 0x%llx msr 0x%llx\n",
	       (unsigned long long)regs.pc, (unsigned long long)regs.msr);
	if (regs.pc == 0)
		e2e_pass("stress/fresh-pc-0");
	else
		e2e_fail("stress/fresh-pc-0", "expected pc 0 on a new vcpu, got 0x%llx",
			 (unsigned long long)regs.pc);
	g.run->exit_reason = ~0u;
	ret = run_alarm(&g, 1000, &secs);
	regs = get_regs(&g);
	printf("E2E-INFO fresh vcpu KVM_RUN: %ld (%s), exit reason %u, %.3f s; pc 0x%llx msr 0x%llx srr0 0x%llx srr1 0x%llx\n",
	       ret, ret < 0 ? strerror(-ret) : "ok", g.run->exit_reason, secs,
	       (unsigned long long)regs.pc, (unsigned long long)regs.msr,
	       (unsigned long long)regs.srr0, (unsigned long long)regs.srr1);
	if ((ret == -EINTR && g.run->exit_reason == KVM_EXIT_INTR) ||
	    (ret == 0 && g.run->exit_reason != ~0u))
		e2e_pass("stress/fresh-run-defined-end");
	else
		e2e_fail("stress/fresh-run-defined-end",
			 "expected EINTR/KVM_EXIT_INTR or an exit, got %ld (%s) reason %u",
			 ret, ret < 0 ? strerror(-ret) : "ok", g.run->exit_reason);
	if (secs < 5)
		e2e_pass("stress/fresh-run-bounded");
	else
		e2e_fail("stress/fresh-run-bounded",
			 "expected KVM_RUN to end within 5 s, took %.3f s", secs);
	if (regs.pc == 0x700 && regs.srr0 == 0x700 && (regs.srr1 & SRR1_ILLEGAL))
		e2e_pass("stress/fresh-illegal-loops-at-0x700");
	else
		e2e_fail("stress/fresh-illegal-loops-at-0x700",
			 "expected pc 0x700, srr0 0x700, srr1 bit 44 (illegal); got pc 0x%llx srr0 0x%llx srr1 0x%llx",
			 (unsigned long long)regs.pc, (unsigned long long)regs.srr0,
			 (unsigned long long)regs.srr1);
	guest_destroy(&g);
	expect_stats(dev, "stress/fresh-nothing-left", 0, 0);
	return 0;
}

static void cmd_run(int dev)
{
	struct guest g;

	guest_create(dev, &g, code_trap_loop, ARRAY_SIZE(code_trap_loop), true);
	close(dev);
	printf("run-ready\n");
	for (;;)
		ioctl(g.vcpu, KVM_RUN, 0);
}

/* The time base frequency, from /proc/cpuinfo ("timebase : N"). */
static uint64_t tb_freq(void)
{
	unsigned long long f = 512000000;
	char line[256];
	FILE *fp = fopen("/proc/cpuinfo", "r");

	if (!fp)
		return f;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "timebase : %llu", &f) == 1)
			break;
	fclose(fp);
	return f;
}

/* The per-CPU "LOC" (timer) interrupt counts of /proc/interrupts. */
static int timer_irqs(unsigned long long *counts, int ncpu)
{
	char line[512], *p, *end;
	FILE *fp = fopen("/proc/interrupts", "r");
	int i, n = 0;

	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp)) {
		p = line;
		while (*p == ' ')
			p++;
		if (strncmp(p, "LOC:", 4))
			continue;
		p += 4;
		for (i = 0; i < ncpu; i++) {
			counts[i] = strtoull(p, &end, 10);
			if (end == p)
				break;
			p = end;
			n++;
		}
		break;
	}
	fclose(fp);
	return n;
}

struct spin_result {
	double t0, t1;
	int cpu_before, cpu_after;
	uint64_t count;
	pthread_t thread;
	long ret;
	unsigned int intr, migrations;
	int failures;
};

static uint64_t pattern(int id, int reg)
{
	return 0x0123456789abcdefull ^ ((uint64_t)id << 56) ^
	       ((uint64_t)reg * 0x0101010101010101ull);
}

/*
 * Set up the spin guest for budget ticks, with every register it does
 * not write set to a pattern unique to id.
 */
static void spin_regs(struct guest *g, int id, uint64_t budget)
{
	struct kvm_regs regs;
	int i;

	regs = get_regs(g);
	for (i = 0; i < 32; i++)
		regs.gpr[i] = pattern(id, i);
	regs.gpr[8] = budget;
	regs.gpr[9] = EXIT_REG;
	regs.lr = pattern(id, 32);
	regs.ctr = pattern(id, 33);
	regs.sprg0 = pattern(id, 34);
	regs.sprg1 = pattern(id, 35);
	regs.sprg2 = pattern(id, 36);
	regs.sprg3 = pattern(id, 37);
	regs.pc = ENTRY;
	regs.msr = GUEST_MSR;
	if (ioctl(g->vcpu, KVM_SET_REGS, &regs))
		die("stress-set-regs");
}

static void spin_setup(int dev, struct guest *g, int id, uint64_t budget)
{
	guest_create(dev, g, code_spin, ARRAY_SIZE(code_spin), true);
	spin_regs(g, id, budget);
}

/*
 * Run the spin guest to its MMIO exit, going on after signals; with
 * flip, move to the other CPU at each 50 ms SIGALRM. Then check what
 * it left.
 */
static void spin_enter(struct guest *g, bool flip, struct spin_result *res)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
	struct itimerval off = { };
	int cpu = 0, last = -1;
	long ret;

	res->cpu_before = sched_getcpu();
	if (flip) {
		pin(cpu);
		setitimer(ITIMER_REAL, &it, NULL);
	}
	res->t0 = now();
	for (;;) {
		ret = e2e_ret(ioctl(g->vcpu, KVM_RUN, 0));
		if (flip && sched_getcpu() != last) {
			res->migrations += last >= 0;
			last = sched_getcpu();
		}
		if (ret != -EINTR)
			break;
		res->intr++;
		if (flip) {
			cpu ^= 1;
			pin(cpu);
		}
	}
	res->t1 = now();
	if (flip)
		setitimer(ITIMER_REAL, &off, NULL);
	res->cpu_after = sched_getcpu();
	res->ret = ret;
}

/* What the spin guest left: its exit, its count, every register. */
static void spin_check(struct guest *g, const char *who, int id,
		       uint64_t budget, bool flip, struct spin_result *res)
{
	long ret = res->ret;
	struct kvm_regs regs;
	uint32_t data;
	int i, bad = 0;

	if (ret == 0 && g->run->exit_reason == KVM_EXIT_MMIO &&
	    g->run->mmio.phys_addr == EXIT_REG && g->run->mmio.len == 4 &&
	    g->run->mmio.is_write) {
		e2e_pass(N("stress/%s-mmio-exit", who));
	} else {
		e2e_fail(N("stress/%s-mmio-exit", who),
			 "expected a 4-byte MMIO write to 0x%llx, got ret %ld reason %u addr 0x%llx len %u",
			 EXIT_REG, ret, g->run->exit_reason,
			 (unsigned long long)g->run->mmio.phys_addr, g->run->mmio.len);
		res->failures++;
		return;
	}
	memcpy(&data, g->run->mmio.data, 4);
	data = be32toh(data);
	regs = get_regs(g);
	res->count = regs.gpr[3];
	if (regs.gpr[3] >= 1000 && (uint32_t)regs.gpr[3] == data)
		e2e_pass(N("stress/%s-trapped-mfmsr-count", who));
	else
		e2e_fail(N("stress/%s-trapped-mfmsr-count", who),
			 "expected r3 >= 1000 and equal to the stored 0x%x, got 0x%llx",
			 data, (unsigned long long)regs.gpr[3]);
	if (regs.gpr[5] == GUEST_MSR && regs.msr == GUEST_MSR && regs.pc == 0x124 &&
	    regs.gpr[7] >= budget)
		e2e_pass(N("stress/%s-final-state", who));
	else
		e2e_fail(N("stress/%s-final-state", who),
			 "expected r5 = msr = 0x%llx, pc 0x124, r7 >= 0x%llx; got r5 0x%llx msr 0x%llx pc 0x%llx r7 0x%llx",
			 GUEST_MSR, (unsigned long long)budget,
			 (unsigned long long)regs.gpr[5], (unsigned long long)regs.msr,
			 (unsigned long long)regs.pc, (unsigned long long)regs.gpr[7]);
	for (i = 0; i < 32; i++) {
		if (i >= 3 && i <= 9)
			continue;
		if (regs.gpr[i] != pattern(id, i)) {
			if (!bad++)
				e2e_fail(N("stress/%s-registers-kept", who),
					 "r%d expected 0x%llx got 0x%llx", i,
					 (unsigned long long)pattern(id, i),
					 (unsigned long long)regs.gpr[i]);
		}
	}
	if (regs.gpr[8] != budget || regs.gpr[9] != EXIT_REG ||
	    regs.lr != pattern(id, 32) || regs.ctr != pattern(id, 33) ||
	    regs.sprg0 != pattern(id, 34) || regs.sprg1 != pattern(id, 35) ||
	    regs.sprg2 != pattern(id, 36) || regs.sprg3 != pattern(id, 37)) {
		if (!bad++)
			e2e_fail(N("stress/%s-registers-kept", who),
				 "r8/r9/lr/ctr/sprg0-3 changed: 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx",
				 (unsigned long long)regs.gpr[8], (unsigned long long)regs.gpr[9],
				 (unsigned long long)regs.lr, (unsigned long long)regs.ctr,
				 (unsigned long long)regs.sprg0, (unsigned long long)regs.sprg1,
				 (unsigned long long)regs.sprg2, (unsigned long long)regs.sprg3);
	}
	if (!bad)
		e2e_pass(N("stress/%s-registers-kept", who));
	printf("E2E-INFO %s: cpu %d..%d, %.3f s, %llu trapped mfmsr, %u signal exits, %u migrations\n",
	       who, res->cpu_before, res->cpu_after, res->t1 - res->t0,
	       (unsigned long long)res->count, res->intr, res->migrations);
	if (flip) {
		if (res->migrations >= 2)
			e2e_pass(N("stress/%s-moved-between-cpus", who));
		else
			e2e_fail(N("stress/%s-moved-between-cpus", who),
				 "expected the vcpu to run on both CPUs, it moved %u times",
				 res->migrations);
	}
	res->failures = e2e_failures;
}

struct vcpu_thread {
	struct guest g;
	int cpu;
	pthread_barrier_t *go;
	struct spin_result res;
};

static void *vcpu_thread(void *arg)
{
	struct vcpu_thread *t = arg;

	pin(t->cpu);
	pthread_barrier_wait(t->go);
	spin_enter(&t->g, false, &t->res);
	return NULL;
}

/*
 * One VM with a vcpu per CPU, each on its own thread pinned there, all
 * running at once over the same memory slot.
 */
static void smp_one_vm(int dev, int ncpu, unsigned int seconds,
		       uint64_t budget)
{
	struct vcpu_thread t[64];
	pthread_barrier_t go;
	double start_max = 0, end_min = 1e30;
	long size = ioctl(dev, KVM_GET_VCPU_MMAP_SIZE, 0);
	char who[32];
	int i;

	memset(t, 0, sizeof(t));
	spin_setup(dev, &t[0].g, 16, budget);
	for (i = 1; i < ncpu; i++) {
		t[i].g = t[0].g;
		t[i].g.vcpu = ioctl(t[0].g.vm, KVM_CREATE_VCPU, i);
		if (t[i].g.vcpu < 0)
			die("stress/smp-vm-create-vcpu");
		t[i].g.run = mmap(NULL, size, PROT_READ | PROT_WRITE,
				  MAP_SHARED, t[i].g.vcpu, 0);
		if (t[i].g.run == MAP_FAILED)
			die("stress/smp-vm-mmap-run");
		spin_regs(&t[i].g, 16 + i, budget);
	}
	expect_stats_at_least(dev, "stress/smp-vm-vcpus-alive", 1, ncpu);
	pthread_barrier_init(&go, NULL, ncpu);
	for (i = 0; i < ncpu; i++) {
		t[i].cpu = i;
		t[i].go = &go;
		if (pthread_create(&t[i].res.thread, NULL, vcpu_thread, &t[i]))
			die("stress/smp-vm-thread");
	}
	for (i = 0; i < ncpu; i++)
		pthread_join(t[i].res.thread, NULL);
	pthread_barrier_destroy(&go);
	for (i = 0; i < ncpu; i++) {
		snprintf(who, sizeof(who), "smp-vm-vcpu%d", i);
		spin_check(&t[i].g, who, 16 + i, budget, false, &t[i].res);
		if (t[i].res.cpu_after == i)
			e2e_pass(N("stress/smp-vm-vcpu%d-ran-there", i));
		else
			e2e_fail(N("stress/smp-vm-vcpu%d-ran-there", i),
				 "expected CPU %d, ran on %d..%d", i,
				 t[i].res.cpu_before, t[i].res.cpu_after);
		if (t[i].res.t0 > start_max)
			start_max = t[i].res.t0;
		if (t[i].res.t1 < end_min)
			end_min = t[i].res.t1;
	}
	if (end_min - start_max > seconds / 2.0)
		e2e_pass("stress/smp-vm-vcpus-ran-at-once");
	else
		e2e_fail("stress/smp-vm-vcpus-ran-at-once",
			 "expected the vcpus to overlap over %.1f s, they overlapped %.3f s",
			 seconds / 2.0, end_min - start_max);
	for (i = 1; i < ncpu; i++) {
		munmap(t[i].g.run, size);
		close(t[i].g.vcpu);
	}
	guest_destroy(&t[0].g);
	expect_stats(dev, "stress/smp-vm-nothing-left", 0, 0);
}

static int cmd_smp(int dev, unsigned int seconds)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long long irq0[64], irq1[64];
	uint64_t budget = seconds * tb_freq();
	struct spin_result *res;
	int ready[2], go[2], status, i, nirq;
	double start_max = 0, end_min = 1e30;
	struct guest g;
	char who[32], c;
	pid_t pid[64];

	install_alarm();
	if (ncpu >= 2)
		e2e_pass("stress/smp-cpus-online");
	else
		e2e_fail("stress/smp-cpus-online", "expected 2 or more CPUs, got %ld", ncpu);
	if (ncpu > 64)
		ncpu = 64;
	res = mmap(NULL, ncpu * sizeof(*res), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED || pipe(ready) || pipe(go))
		die("stress-smp-setup");
	memset(res, 0, ncpu * sizeof(*res));
	nirq = timer_irqs(irq0, ncpu);

	/* One VM per CPU, each child pinned there, released together. */
	fflush(stdout);
	for (i = 0; i < ncpu; i++) {
		pid[i] = fork();
		if (pid[i] < 0)
			die("stress-fork");
		if (pid[i])
			continue;
		close(ready[0]);
		close(go[1]);
		pin(i);
		spin_setup(dev, &g, i, budget);
		if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 0)
			_exit(1);
		snprintf(who, sizeof(who), "smp-cpu%d", i);
		spin_enter(&g, false, &res[i]);
		spin_check(&g, who, i, budget, false, &res[i]);
		guest_destroy(&g);
		_exit(res[i].failures != 0);
	}
	close(ready[1]);
	close(go[0]);
	alarm(30);	/* a child that died early never says ready */
	for (i = 0; i < ncpu; i++)
		if (read(ready[0], &c, 1) != 1)
			break;
	alarm(0);
	if (i == ncpu) {
		e2e_pass("stress/smp-vms-ready");
		expect_stats_at_least(dev, "stress/smp-vms-alive", ncpu, ncpu);
	} else {
		e2e_fail("stress/smp-vms-ready", "only %d of %ld children got ready", i, ncpu);
	}
	close(go[1]);
	for (i = 0; i < ncpu; i++) {
		waitpid(pid[i], &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			e2e_pass(N("stress/smp-cpu%d-child-ok", i));
		else
			e2e_fail(N("stress/smp-cpu%d-child-ok", i), "status 0x%x", status);
		if (res[i].cpu_before == i && res[i].cpu_after == i)
			e2e_pass(N("stress/smp-cpu%d-ran-there", i));
		else
			e2e_fail(N("stress/smp-cpu%d-ran-there", i),
				 "expected CPU %d, ran on %d..%d", i,
				 res[i].cpu_before, res[i].cpu_after);
		if (res[i].t0 > start_max)
			start_max = res[i].t0;
		if (res[i].t1 < end_min)
			end_min = res[i].t1;
	}
	close(ready[0]);
	if (end_min - start_max > seconds / 2.0)
		e2e_pass("stress/smp-guests-ran-at-once");
	else
		e2e_fail("stress/smp-guests-ran-at-once",
			 "expected the guests to overlap over %.1f s, they overlapped %.3f s",
			 seconds / 2.0, end_min - start_max);
	if (nirq == ncpu && timer_irqs(irq1, ncpu) == ncpu) {
		for (i = 0; i < ncpu; i++) {
			printf("E2E-INFO smp: CPU %d took %llu timer interrupts\n",
			       i, irq1[i] - irq0[i]);
			if (irq1[i] - irq0[i] >= seconds * 10ull)
				e2e_pass(N("stress/smp-cpu%d-host-timer-interrupts", i));
			else
				e2e_fail(N("stress/smp-cpu%d-host-timer-interrupts", i),
					 "expected >= %u timer interrupts, got %llu",
					 seconds * 10, irq1[i] - irq0[i]);
		}
	} else {
		e2e_fail("stress/smp-host-timer-interrupts",
			 "no LOC line for %ld CPUs in /proc/interrupts", ncpu);
	}
	expect_stats(dev, "stress/smp-nothing-left", 0, 0);

	/* One guest moved between CPU 0 and 1 while it runs. */
	if (ncpu >= 2) {
		memset(res, 0, sizeof(*res));
		spin_setup(dev, &g, 7, budget);
		spin_enter(&g, true, res);
		spin_check(&g, "smp-migrate", 7, budget, true, res);
		guest_destroy(&g);
		expect_stats(dev, "stress/smp-migrate-nothing-left", 0, 0);
		smp_one_vm(dev, ncpu, seconds, budget);
	}
	munmap(res, ncpu * sizeof(*res));
	return 0;
}

#define MSR_EE		0x8000ull
#define MMIO_BASE	0xf0000000ull	/* r9 of the guests below */
#define RUN_WATCHDOG_MS	10000

/* Write words of big-endian code at guest physical addr. */
static void poke(struct guest *g, uint64_t addr, const uint32_t *code,
		 unsigned int words)
{
	unsigned int i;

	for (i = 0; i < words; i++) {
		uint32_t be = htobe32(code[i]);

		memcpy(g->mem + addr + 4 * i, &be, 4);
	}
}

static bool on_b3pr(void)
{
	return strstr(device, "b3pr") != NULL;
}

/*
 * One KVM_RUN, bounded by a watchdog SIGALRM; the time it returned in
 * *t (may be NULL).
 */
static long run_once(struct guest *g, double *t)
{
	struct itimerval it = { .it_value = { RUN_WATCHDOG_MS / 1000, 0 } };
	struct itimerval off = { };
	long ret;

	g->run->exit_reason = ~0u;
	setitimer(ITIMER_REAL, &it, NULL);
	ret = e2e_ret(ioctl(g->vcpu, KVM_RUN, 0));
	if (t)
		*t = now();
	setitimer(ITIMER_REAL, &off, NULL);
	return ret;
}

static uint32_t mmio_word(struct guest *g)
{
	uint32_t v;

	memcpy(&v, g->run->mmio.data, 4);
	return be32toh(v);
}

/*
 * The exit of KVM_RUN (ret) must be a 4-byte MMIO access of addr in
 * direction write; for a store with want_data, carrying data too.
 */
static bool expect_mmio(const char *n, struct guest *g, long ret, uint64_t addr,
			bool write, bool want_data, uint32_t data)
{
	struct kvm_run *r = g->run;

	if (ret == 0 && r->exit_reason == KVM_EXIT_MMIO && r->mmio.phys_addr == addr &&
	    r->mmio.len == 4 && !!r->mmio.is_write == write &&
	    (!want_data || mmio_word(g) == data)) {
		e2e_pass(n);
		return true;
	}
	if (ret == 0 && r->exit_reason == KVM_EXIT_MMIO)
		e2e_fail(n, "expected a 4-byte MMIO %s of 0x%llx%s (data 0x%x), got a %u-byte MMIO %s of 0x%llx data 0x%x",
			 write ? "write" : "read", (unsigned long long)addr,
			 want_data ? "" : " any", data, r->mmio.len,
			 r->mmio.is_write ? "write" : "read",
			 (unsigned long long)r->mmio.phys_addr, mmio_word(g));
	else
		e2e_fail(n, "expected a 4-byte MMIO %s of 0x%llx, got ret %ld (%s) exit reason %u",
			 write ? "write" : "read", (unsigned long long)addr,
			 ret, ret < 0 ? strerror(-ret) : "ok", r->exit_reason);
	return false;
}

static void expect_u64(const char *n, uint64_t expected, uint64_t got)
{
	if (expected == got)
		e2e_pass(n);
	else
		e2e_fail(n, "expected 0x%llx, got 0x%llx",
			 (unsigned long long)expected, (unsigned long long)got);
}

/*
 * The external interrupt guest. r8: timebase ticks to spin with EE=0
 * (counting in r3), then report r20 (the handler's count) by a store to
 * MMIO_BASE+0x100, set EE with mtmsrd r11,1 and spin r10 ticks with
 * EE=1 (counting in r5), then store r20 to MMIO_BASE+8 and stop. The
 * 0x500 handler saves SRR0, SRR1 and its MSR in r21-r23, counts in r20,
 * acks by a store of r20 to MMIO_BASE+0x200 and returns with rfid.
 * The 0x900 handler loads DEC with r12 (0x7fffffff) and counts in r24:
 * a decrementer that ran out meanwhile, pending once EE=1 (ISA 6.5.11;
 * kvm-pr raises none before the guest's first mtdec), does not disturb it.
 */
#define EXT_ENTRY	0x1000
#define EXT_LOOP	0x102c	/* the next instruction: EE=1 from here */
#define EXT_LOOP_END	0x1044
#define EXT_REPORT_EE	(MMIO_BASE + 0x100)
#define EXT_ACK		(MMIO_BASE + 0x200)
#define EXT_END		(MMIO_BASE + 8)

static const uint32_t code_ext[] = {
	I_LI(3, 0),		/* 0x1000 */
	I_MFTB(4),		/* 0x1004 */
	I_ADDI(3, 3, 1),	/* 0x1008 */
	I_MFTB(6),		/* 0x100c */
	I_SUBF(7, 4, 6),	/* 0x1010 */
	I_CMPLD(7, 8),		/* 0x1014 */
	I_BLT(-0x10),		/* 0x1018 blt 0x1008 */
	I_STW(20, 0x100, 9),	/* 0x101c report: EE goes on now */
	I_LI(11, 0),		/* 0x1020 */
	I_ORI(11, 11, 0x8000),	/* 0x1024 */
	I_MTMSRD_L1(11),	/* 0x1028 EE=1 */
	I_LI(5, 0),		/* 0x102c */
	I_MFTB(4),		/* 0x1030 */
	I_ADDI(5, 5, 1),	/* 0x1034 */
	I_MFTB(6),		/* 0x1038 */
	I_SUBF(7, 4, 6),	/* 0x103c */
	I_CMPLD(7, 10),		/* 0x1040 */
	I_BLT(-0x10),		/* 0x1044 blt 0x1034 */
	I_STW(20, 8, 9),	/* 0x1048 the end */
	I_B(0),			/* 0x104c */
};

static const uint32_t code_ext_handler[] = {
	I_MFSPR(21, 26),	/* 0x500 mfsrr0 r21 */
	I_MFSPR(22, 27),	/* 0x504 mfsrr1 r22 */
	I_MFMSR(23),		/* 0x508 */
	I_ADDI(20, 20, 1),	/* 0x50c */
	I_STW(20, 0x200, 9),	/* 0x510 ack */
	I_RFID,			/* 0x514 */
};

static const uint32_t code_dec_handler[] = {
	I_MTDEC(12),		/* 0x900 */
	I_ADDI(24, 24, 1),	/* 0x904 */
	I_RFID,			/* 0x908 */
};

/*
 * kvm-pr puts the vectors at HIOR, 0xfff00000 on a 64-bit vcpu unless
 * told otherwise (book3s_pr.c kvmppc_set_pvr_pr), as b3pr-run does: 0
 * where the device has HIOR. Only the 970 has HIOR in b3pr.
 */
static void vectors_at_zero(int dev, struct guest *g)
{
	uint64_t hior = 0;
	struct kvm_one_reg reg = {
		.id = KVM_REG_PPC_HIOR, .addr = (uintptr_t)&hior,
	};

	if (ioctl(dev, KVM_CHECK_EXTENSION, KVM_CAP_PPC_HIOR) > 0 &&
	    ioctl(g->vcpu, KVM_SET_ONE_REG, &reg) && errno != EINVAL)
		die("stress-set-hior");
}

static void ext_setup(int dev, struct guest *g, double ee0_s, double ee1_s)
{
	struct kvm_regs regs;

	guest_create(dev, g, NULL, 0, true);
	poke(g, EXT_ENTRY, code_ext, ARRAY_SIZE(code_ext));
	poke(g, 0x500, code_ext_handler, ARRAY_SIZE(code_ext_handler));
	poke(g, 0x900, code_dec_handler, ARRAY_SIZE(code_dec_handler));
	regs = get_regs(g);
	memset(regs.gpr, 0, sizeof(regs.gpr));
	/*
	 * kvm-pr holds interrupts back while r1 equals its paravirtual
	 * "critical" word, 0 here (book3s.c kvmppc_critical_section).
	 */
	regs.gpr[1] = 0xe000;
	regs.gpr[8] = ee0_s * tb_freq();
	regs.gpr[9] = MMIO_BASE;
	regs.gpr[10] = ee1_s * tb_freq();
	regs.gpr[12] = 0x7fffffff;
	regs.pc = EXT_ENTRY;
	regs.msr = GUEST_MSR;
	if (ioctl(g->vcpu, KVM_SET_REGS, &regs))
		die("stress-set-regs");
	vectors_at_zero(dev, g);
}

/* KVM_INTERRUPT from a second thread, after a delay. */
struct irq_thread {
	pthread_t thread;
	int vcpu;
	unsigned int delay_ms;
	uint32_t irq;
	double t_set;
	long ret;
};

static void *irq_thread_fn(void *arg)
{
	struct irq_thread *t = arg;
	struct timespec ts = { t->delay_ms / 1000, (t->delay_ms % 1000) * 1000000L };
	struct kvm_interrupt irq = { .irq = t->irq };
	sigset_t set;

	/* The watchdog's SIGALRM is for the vcpu thread. */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	while (nanosleep(&ts, &ts))
		;
	t->t_set = now();
	t->ret = e2e_ret(ioctl(t->vcpu, KVM_INTERRUPT, &irq));
	return NULL;
}

static void irq_thread_start(struct irq_thread *t, struct guest *g,
			     unsigned int delay_ms, uint32_t irq)
{
	memset(t, 0, sizeof(*t));
	t->vcpu = g->vcpu;
	t->delay_ms = delay_ms;
	t->irq = irq;
	if (pthread_create(&t->thread, NULL, irq_thread_fn, t))
		die("stress-irq-thread");
}

static long ext_irq(struct guest *g, uint32_t irq)
{
	struct kvm_interrupt i = { .irq = irq };

	return e2e_ret(ioctl(g->vcpu, KVM_INTERRUPT, &i));
}

/* The interrupt's ack exit and what the handler saw there. */
/* How many times the guest's 0x900 handler ran (a DEC that ran out). */
static void ext_dec_info(struct guest *g, const char *what)
{
	printf("E2E-INFO ext-%s: %llu decrementer interrupts\n", what,
	       (unsigned long long)get_regs(g).gpr[24]);
}

static void ext_check_handler(struct guest *g, const char *what,
			      uint64_t srr0_lo, uint64_t srr0_hi)
{
	struct kvm_regs regs = get_regs(g);

	if (regs.gpr[21] >= srr0_lo && regs.gpr[21] <= srr0_hi)
		e2e_pass(N("stress/ext-%s-srr0", what));
	else
		e2e_fail(N("stress/ext-%s-srr0", what),
			 "expected SRR0 0x%llx..0x%llx (the next instruction, EE=1 loop), got 0x%llx",
			 (unsigned long long)srr0_lo, (unsigned long long)srr0_hi,
			 (unsigned long long)regs.gpr[21]);
	/* ISA 6.5.7: SRR1 is the MSR; bits 33:36 and 42:47 are 0. */
	expect_u64(N("stress/ext-%s-srr1-is-msr-with-ee", what), GUEST_MSR | MSR_EE,
		   regs.gpr[22]);
	/* ISA 6.5: EE=0, problem state and translation off, SF=1 ... */
	if ((regs.gpr[23] & (MSR_EE | 0x4000 | 0x30)) == 0 && (regs.gpr[23] & MSR_SF))
		e2e_pass(N("stress/ext-%s-handler-msr-ee-off", what));
	else
		e2e_fail(N("stress/ext-%s-handler-msr-ee-off", what),
			 "expected EE, PR, IR, DR 0 and SF 1 in the handler's MSR, got 0x%llx",
			 (unsigned long long)regs.gpr[23]);
	/* ... and ME kept, LE=ILE=0: nothing else (kvm-pr clears ME). */
	expect_u64(N("stress/ext-%s-handler-msr-me-kept", what), GUEST_MSR, regs.gpr[23]);
}

/*
 * Raised while EE=0 (at 100 ms of a 500 ms spin): held off until the
 * mtmsrd that sets EE, taken right after it, once; lowered at the
 * handler's ack, never again.
 */
static void ext_held_off(int dev)
{
	struct irq_thread t;
	struct kvm_regs regs;
	struct guest g;
	double t0, t1;
	long ret;

	ext_setup(dev, &g, 0.5, 0.5);
	irq_thread_start(&t, &g, 100, KVM_INTERRUPT_SET);
	t0 = now();
	ret = run_once(&g, &t1);
	pthread_join(t.thread, NULL);
	e2e_expect_ret("stress/ext-set-from-thread", 0, t.ret);
	if (expect_mmio("stress/ext-ee0-phase-exit", &g, ret, EXT_REPORT_EE, true, false, 0)) {
		regs = get_regs(&g);
		if (mmio_word(&g) == 0 && t.t_set < t1 && regs.gpr[3] > 0)
			e2e_pass("stress/ext-not-taken-while-ee0");
		else
			e2e_fail("stress/ext-not-taken-while-ee0",
				 "expected no interrupt (count 0) though raised %.3f s into %.3f s of EE=0 (r3 %llu spins), got count %u",
				 t.t_set - t0, t1 - t0, (unsigned long long)regs.gpr[3],
				 mmio_word(&g));
	}
	ret = run_once(&g, NULL);
	if (expect_mmio("stress/ext-taken-after-ee-set", &g, ret, EXT_ACK, true, true, 1))
		ext_check_handler(&g, "ee-set", EXT_LOOP, EXT_LOOP);
	e2e_expect_ret("stress/ext-unset", 0, ext_irq(&g, KVM_INTERRUPT_UNSET));
	ret = run_once(&g, NULL);
	/* The end of the 0.5 s EE=1 spin, the handler count still 1. */
	expect_mmio("stress/ext-taken-once-after-unset", &g, ret, EXT_END, true, true, 1);
	regs = get_regs(&g);
	if (regs.msr == (GUEST_MSR | MSR_EE) && regs.gpr[5] > 0)
		e2e_pass("stress/ext-ee-stays-on");
	else
		e2e_fail("stress/ext-ee-stays-on", "expected msr 0x%llx and r5 > 0, got msr 0x%llx r5 %llu (pc 0x%llx srr0 0x%llx srr1 0x%llx)",
			 GUEST_MSR | MSR_EE, (unsigned long long)regs.msr,
			 (unsigned long long)regs.gpr[5], (unsigned long long)regs.pc,
			 (unsigned long long)regs.srr0, (unsigned long long)regs.srr1);
	ext_dec_info(&g, "held-off");
	guest_destroy(&g);
}

/*
 * Raised from another thread 100 ms into an EE=1 spin of 3 s: KVM_RUN
 * must come back with the ack well within 1 s.
 */
static void ext_prompt(int dev)
{
	struct irq_thread t;
	struct guest g;
	double t1;
	long ret;

	ext_setup(dev, &g, 0, 3);
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-prompt-ee-on", &g, ret, EXT_REPORT_EE, true, true, 0);
	irq_thread_start(&t, &g, 100, KVM_INTERRUPT_SET);
	ret = run_once(&g, &t1);
	pthread_join(t.thread, NULL);
	e2e_expect_ret("stress/ext-prompt-set-from-thread", 0, t.ret);
	if (expect_mmio("stress/ext-prompt-taken", &g, ret, EXT_ACK, true, true, 1)) {
		printf("E2E-INFO ext: KVM_INTERRUPT to the handler's ack: %.3f s\n", t1 - t.t_set);
		if (t1 - t.t_set < 1 && t1 > t.t_set)
			e2e_pass("stress/ext-prompt-within-1s");
		else
			e2e_fail("stress/ext-prompt-within-1s",
				 "expected the ack < 1 s after KVM_INTERRUPT, took %.3f s",
				 t1 - t.t_set);
		ext_check_handler(&g, "prompt", EXT_LOOP, EXT_LOOP_END);
	}
	ext_irq(&g, KVM_INTERRUPT_UNSET);
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-prompt-once", &g, ret, EXT_END, true, true, 1);
	ext_dec_info(&g, "prompt");
	guest_destroy(&g);
}

/*
 * Nobody lowers the line. KVM_INTERRUPT_SET is one-shot in kvm-pr
 * (book3s.c kvmppc_core_queue_external: external_oneshot, cleared at
 * delivery): one interrupt. KVM_INTERRUPT_SET_LEVEL stays raised until
 * KVM_INTERRUPT_UNSET: taken again at the rfid, with the same SRR0.
 */
static void ext_no_unset(int dev)
{
	struct kvm_regs regs;
	struct guest g;
	uint64_t srr0;
	long ret;

	ext_setup(dev, &g, 0, 0.3);
	e2e_expect_ret("stress/ext-oneshot-set", 0, ext_irq(&g, KVM_INTERRUPT_SET));
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-oneshot-ee-on", &g, ret, EXT_REPORT_EE, true, true, 0);
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-oneshot-taken", &g, ret, EXT_ACK, true, true, 1);
	ret = run_once(&g, NULL);
	if (!expect_mmio("stress/ext-set-is-oneshot", &g, ret, EXT_END, true, true, 1)) {
		/* Do not leave it looping through the handler. */
		ext_irq(&g, KVM_INTERRUPT_UNSET);
	}
	guest_destroy(&g);

	ext_setup(dev, &g, 0, 0.3);
	e2e_expect_ret("stress/ext-level-set", 0, ext_irq(&g, KVM_INTERRUPT_SET_LEVEL));
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-level-ee-on", &g, ret, EXT_REPORT_EE, true, true, 0);
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-level-taken", &g, ret, EXT_ACK, true, true, 1);
	srr0 = get_regs(&g).gpr[21];
	ret = run_once(&g, NULL);
	if (expect_mmio("stress/ext-level-taken-again", &g, ret, EXT_ACK, true, true, 2)) {
		regs = get_regs(&g);
		/* Taken at the rfid's target, before it ran. */
		expect_u64("stress/ext-level-again-srr0", srr0, regs.gpr[21]);
	}
	ext_irq(&g, KVM_INTERRUPT_UNSET);
	ret = run_once(&g, NULL);
	expect_mmio("stress/ext-level-stops-at-unset", &g, ret, EXT_END, true, true, 2);
	ext_dec_info(&g, "level");
	guest_destroy(&g);
}

static int cmd_ext(int dev)
{
	install_alarm();
	ext_held_off(dev);
	ext_prompt(dev);
	ext_no_unset(dev);
	if (on_b3pr())
		expect_stats(dev, "stress/ext-nothing-left", 0, 0);
	return 0;
}

/*
 * The power-saving guest, a 970 (MSR[POW], 970 User's Manual): at 0x1000
 * it loads DEC with r12, sets MSR = r11 (EE and POW on) and, once an
 * interrupt woke it, stores r20 (the external handler's count) to
 * MMIO_BASE+8. The 0x500 handler counts in r20 and acks by a store to
 * MMIO_BASE+0x200; the 0x900 one counts in r24 and loads DEC with r13.
 */
#define PVR_970		0x00390202u
#define MSR_POW		0x40000ull
#define POW_ENTRY	0x1000
#define POW_WOKEN	0x1008	/* SRR0 of the interrupt that wakes it */

static const uint32_t code_pow[] = {
	I_MTDEC(12),		/* 0x1000 */
	I_MTMSRD_L0(11),	/* 0x1004 POW */
	I_STW(20, 8, 9),	/* 0x1008 woken */
	I_B(0),			/* 0x100c */
};

static const uint32_t code_pow_ext_handler[] = {
	I_ADDI(20, 20, 1),	/* 0x500 */
	I_STW(20, 0x200, 9),	/* 0x504 ack */
	I_RFID,			/* 0x508 */
};

static const uint32_t code_pow_dec_handler[] = {
	I_ADDI(24, 24, 1),	/* 0x900 */
	I_MTDEC(13),		/* 0x904 */
	I_RFID,			/* 0x908 */
};

static void pow_setup(int dev, struct guest *g, double dec_s)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	guest_create(dev, g, NULL, 0, false);
	if (ioctl(g->vcpu, KVM_GET_SREGS, &sregs))
		die("stress-pow-get-sregs");
	sregs.pvr = PVR_970;
	if (ioctl(g->vcpu, KVM_SET_SREGS, &sregs))
		die("stress-pow-set-sregs-970");
	poke(g, POW_ENTRY, code_pow, ARRAY_SIZE(code_pow));
	poke(g, 0x500, code_pow_ext_handler, ARRAY_SIZE(code_pow_ext_handler));
	poke(g, 0x900, code_pow_dec_handler, ARRAY_SIZE(code_pow_dec_handler));
	memset(&regs, 0, sizeof(regs));
	regs.gpr[1] = 0xe000;	/* not kvm-pr's critical word, 0 */
	regs.gpr[9] = MMIO_BASE;
	regs.gpr[11] = GUEST_MSR | MSR_EE | MSR_POW;
	/* DEC is 32 bits: at most 0x7fffffff ticks, about 4 s here. */
	regs.gpr[12] = dec_s * tb_freq() < 0x7fffffff ? dec_s * tb_freq() :
							 0x7fffffff;
	regs.gpr[13] = 0x7fffffff;
	regs.pc = POW_ENTRY;
	regs.msr = GUEST_MSR;
	if (ioctl(g->vcpu, KVM_SET_REGS, &regs))
		die("stress-pow-set-regs");
	vectors_at_zero(dev, g);
}

static double thread_cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * A KVM_RUN that sleeps: it must last about @want_s and the vcpu thread
 * must spend little CPU meanwhile (a spinning hypervisor spends it all).
 */
static long pow_run(struct guest *g, const char *what, double want_s)
{
	double t0 = now(), c0 = thread_cpu_s(), t1, cpu;
	long ret = run_once(g, &t1);

	cpu = thread_cpu_s() - c0;
	printf("E2E-INFO pow-%s: KVM_RUN %.3f s, vcpu thread CPU %.3f s\n",
	       what, t1 - t0, cpu);
	if (t1 - t0 >= want_s * 0.8 && t1 - t0 < want_s + 2)
		e2e_pass(N("stress/pow-%s-lasts", what));
	else
		e2e_fail(N("stress/pow-%s-lasts", what),
			 "expected KVM_RUN to last about %.3f s, took %.3f s",
			 want_s, t1 - t0);
	if (cpu < (t1 - t0) / 2)
		e2e_pass(N("stress/pow-%s-sleeps", what));
	else
		e2e_fail(N("stress/pow-%s-sleeps", what),
			 "expected the idle vcpu to sleep, it used %.3f s of CPU in %.3f s",
			 cpu, t1 - t0);
	return ret;
}

/* Woken by its decrementer 0.5 s later, at the instruction after POW. */
static void pow_dec(int dev)
{
	struct kvm_regs regs;
	struct guest g;
	long ret;

	pow_setup(dev, &g, 0.5);
	ret = pow_run(&g, "dec", 0.5);
	if (expect_mmio("stress/pow-dec-woken", &g, ret, EXT_END, true, true, 0)) {
		regs = get_regs(&g);
		expect_u64("stress/pow-dec-one-interrupt", 1, regs.gpr[24]);
		/* The interrupt saved an MSR without POW (970 UM, MSR). */
		expect_u64("stress/pow-dec-srr0-after-pow", POW_WOKEN, regs.srr0);
		expect_u64("stress/pow-dec-srr1-ee-no-pow", GUEST_MSR | MSR_EE,
			   regs.srr1);
	}
	guest_destroy(&g);
}

/* Woken by KVM_INTERRUPT from another thread 0.4 s into its sleep. */
static void pow_ext(int dev)
{
	struct irq_thread t;
	struct guest g;
	long ret;

	pow_setup(dev, &g, 100);
	irq_thread_start(&t, &g, 400, KVM_INTERRUPT_SET);
	ret = pow_run(&g, "ext", 0.4);
	pthread_join(t.thread, NULL);
	e2e_expect_ret("stress/pow-ext-set-from-thread", 0, t.ret);
	expect_mmio("stress/pow-ext-taken", &g, ret, EXT_ACK, true, true, 1);
	ret = run_once(&g, NULL);
	expect_mmio("stress/pow-ext-then-woken", &g, ret, EXT_END, true, true, 1);
	guest_destroy(&g);
}

/*
 * A signal ends the sleeping KVM_RUN with EINTR, and the guest sleeps on
 * in the next one: nothing but an interrupt wakes it.
 */
static void pow_signal(int dev)
{
	struct itimerval it = { .it_value = { 0, 300000 } };
	struct irq_thread t;
	struct guest g;
	double t0, t1;
	long ret;

	pow_setup(dev, &g, 100);
	t0 = now();
	setitimer(ITIMER_REAL, &it, NULL);
	g.run->exit_reason = ~0u;
	ret = e2e_ret(ioctl(g.vcpu, KVM_RUN, 0));
	t1 = now();
	if (ret == -EINTR && g.run->exit_reason == KVM_EXIT_INTR && t1 - t0 < 2)
		e2e_pass("stress/pow-signal-eintr");
	else
		e2e_fail("stress/pow-signal-eintr",
			 "expected EINTR / KVM_EXIT_INTR within 2 s of the alarm, got %ld exit %u after %.3f s",
			 ret, g.run->exit_reason, t1 - t0);
	irq_thread_start(&t, &g, 300, KVM_INTERRUPT_SET);
	ret = pow_run(&g, "after-signal", 0.3);
	pthread_join(t.thread, NULL);
	expect_mmio("stress/pow-after-signal-ext", &g, ret, EXT_ACK, true, true, 1);
	guest_destroy(&g);
}

/*
 * kvm_run->immediate_exit (KVM_CAP_IMMEDIATE_EXIT, where offered):
 * KVM_RUN ends with EINTR before the guest's first instruction.
 */
static void immediate_exit(int dev)
{
	struct guest g;
	long ret;

	if (ioctl(dev, KVM_CHECK_EXTENSION, KVM_CAP_IMMEDIATE_EXIT) <= 0) {
		printf("E2E-INFO immediate-exit: not offered\n");
		return;
	}
	pow_setup(dev, &g, 100);
	g.run->immediate_exit = 1;
	ret = run_once(&g, NULL);
	e2e_expect_ret("stress/immediate-exit-eintr", -EINTR, ret);
	expect_u64("stress/immediate-exit-no-instruction", POW_ENTRY,
		   get_regs(&g).pc);
	g.run->immediate_exit = 0;
	/* Cleared, the run goes on: POW with an interrupt already raised. */
	e2e_expect_ret("stress/immediate-exit-raise", 0,
		       ext_irq(&g, KVM_INTERRUPT_SET));
	ret = run_once(&g, NULL);
	expect_mmio("stress/immediate-exit-cleared-runs", &g, ret, EXT_ACK,
		    true, true, 1);
	guest_destroy(&g);
}

static int cmd_pow(int dev)
{
	install_alarm();
	pow_dec(dev);
	pow_ext(dev);
	pow_signal(dev);
	immediate_exit(dev);
	if (on_b3pr())
		expect_stats(dev, "stress/pow-nothing-left", 0, 0);
	return 0;
}

/*
 * The slot guest at 0x100: r3 = the word at r10 (0x10000, slot 1),
 * reported by a store to MMIO_BASE+0x10, then r3+1 stored at r10+4,
 * and around again.
 */
#define SLOT1_GPA	0x10000ull
#define SLOT1_SIZE	0x10000ull
#define SLOT_REPORT	(MMIO_BASE + 0x10)

static const uint32_t code_slot[] = {
	I_LWZ(3, 0, 10),	/* 0x100 */
	I_STW(3, 0x10, 9),	/* 0x104 report */
	I_ADDI(4, 3, 1),	/* 0x108 */
	I_STW(4, 4, 10),	/* 0x10c */
	I_B(-0x10),		/* 0x110 b 0x100 */
};

static long set_slot1(struct guest *g, void *mem, uint64_t size)
{
	struct kvm_userspace_memory_region region = {
		.slot = 1, .guest_phys_addr = SLOT1_GPA, .memory_size = size,
		.userspace_addr = (uintptr_t)mem,
	};

	return e2e_ret(ioctl(g->vm, KVM_SET_USER_MEMORY_REGION, &region));
}

static uint32_t word_at(const uint8_t *mem, unsigned int off)
{
	uint32_t v;

	memcpy(&v, mem + off, 4);
	return be32toh(v);
}

static void word_set(uint8_t *mem, unsigned int off, uint32_t val)
{
	val = htobe32(val);
	memcpy(mem + off, &val, 4);
}

static int cmd_slots(int dev)
{
	struct kvm_regs regs;
	uint8_t *a, *b;
	struct guest g;
	uint32_t be;
	long ret;

	install_alarm();
	a = mmap(NULL, SLOT1_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	b = mmap(NULL, SLOT1_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a == MAP_FAILED || b == MAP_FAILED)
		die("stress-mmap-slot");
	word_set(a, 0, 0x11111111);
	word_set(b, 0, 0x44444444);
	guest_create(dev, &g, code_slot, ARRAY_SIZE(code_slot), true);
	regs = get_regs(&g);
	regs.gpr[9] = MMIO_BASE;
	regs.gpr[10] = SLOT1_GPA;
	if (ioctl(g.vcpu, KVM_SET_REGS, &regs))
		die("stress-set-regs");
	e2e_expect_ret("stress/slot-create", 0, set_slot1(&g, a, SLOT1_SIZE));

	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-guest-reads-slot", &g, ret, SLOT_REPORT, true, true, 0x11111111);

	/* The VMM writes the page the guest reads: no copy in between. */
	word_set(a, 0, 0x22222222);
	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-guest-sees-host-write", &g, ret, SLOT_REPORT, true, true,
		    0x22222222);
	expect_u64("stress/slot-host-sees-guest-write", 0x11111112, word_at(a, 4));

	/* Slot 1 deleted: its addresses are MMIO now, the old page untouched. */
	e2e_expect_ret("stress/slot-delete", 0, set_slot1(&g, a, 0));
	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-deleted-store-is-mmio", &g, ret, SLOT1_GPA + 4, true, true,
		    0x22222223);
	expect_u64("stress/slot-deleted-old-page-unwritten", 0x11111112, word_at(a, 4));
	ret = run_once(&g, NULL);
	if (expect_mmio("stress/slot-deleted-load-is-mmio", &g, ret, SLOT1_GPA, false, false, 0)) {
		be = htobe32(0x33333333);
		memcpy(g.run->mmio.data, &be, 4);
	}
	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-deleted-load-gets-mmio-data", &g, ret, SLOT_REPORT, true, true,
		    0x33333333);

	/* Re-created over other host memory: the guest sees that. */
	e2e_expect_ret("stress/slot-recreate", 0, set_slot1(&g, b, SLOT1_SIZE));
	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-recreated-store-done", &g, ret, SLOT_REPORT, true, true,
		    0x44444444);
	expect_u64("stress/slot-recreated-new-page-written", 0x33333334, word_at(b, 4));
	expect_u64("stress/slot-recreated-old-page-unwritten", 0x11111112, word_at(a, 4));
	word_set(b, 0, 0x55555555);
	ret = run_once(&g, NULL);
	expect_mmio("stress/slot-recreated-sees-host-write", &g, ret, SLOT_REPORT, true, true,
		    0x55555555);
	guest_destroy(&g);
	munmap(a, SLOT1_SIZE);
	munmap(b, SLOT1_SIZE);
	if (on_b3pr())
		expect_stats(dev, "stress/slot-nothing-left", 0, 0);
	return 0;
}

/*
 * The signal-window guest at 0x100: a trapping mfmsr, then r8 ticks of
 * spinning without an exit, and around again. A signal that arrives
 * after the hypervisor last looked for one and before it entered the
 * guest would wait for the next trap, up to r8 ticks.
 */
static const uint32_t code_sigwin[] = {
	I_MFMSR(3),		/* 0x100 trap */
	I_MFTB(4),		/* 0x104 */
	I_MFTB(5),		/* 0x108 */
	I_SUBF(6, 4, 5),	/* 0x10c */
	I_CMPLD(6, 8),		/* 0x110 */
	I_BLT(-0xc),		/* 0x114 blt 0x108 */
	I_B(-0x18),		/* 0x118 b 0x100 */
};

#define SIGWIN_TRIALS	2000
#define SIGWIN_SPIN_US	500	/* the guest's stretch without an exit */
#define SIGWIN_LATE_US	250
#define SIGWIN_WATCHDOG_US 5000

/*
 * SIGWIN_TRIALS KVM_RUNs from PC 0x100, each ended by a timer signal
 * 2 us + 5 ns * trial after it was armed. Under -icount time is the
 * instruction count, so the signal walks in 5 ns steps over the same
 * path every time: KVM_RUN's first look for a signal, the way into the
 * guest, the trapping mfmsr and the way back in. Each run must end with
 * EINTR, none 250 us or more after its signal: a signal that came after
 * the hypervisor's last look and before the guest ran waits for the next
 * trap, 500 us later. A signal that lands between the two system calls
 * is handled in user space before KVM_RUN starts, which then ends at the
 * 5 ms watchdog: that is the test's own gap of a few instructions,
 * allowed for up to 8 of the 5 ns steps.
 */
static int cmd_sigwin(int dev)
{
	struct sigevent sev = {
		.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM,
	};
	struct itimerval watchdog = { .it_value = { 0, SIGWIN_WATCHDOG_US } };
	struct itimerval off = { };
	unsigned int i, late = 0, not_eintr = 0, gap = 0;
	double worst = 0, t0, t1, lat;
	long ns, late_ns = 0;
	struct kvm_regs regs;
	struct guest g;
	timer_t timer;
	long ret;

	install_alarm();
	pin(0);
	guest_create(dev, &g, code_sigwin, ARRAY_SIZE(code_sigwin), true);
	regs = get_regs(&g);
	regs.gpr[8] = SIGWIN_SPIN_US * tb_freq() / 1000000;
	if (timer_create(CLOCK_MONOTONIC, &sev, &timer))
		die("stress-sigwin-timer");
	for (i = 0; i < SIGWIN_TRIALS; i++) {
		struct itimerspec its = { };

		ns = 2000 + 5 * i;
		its.it_value.tv_nsec = ns;
		regs.pc = ENTRY;
		if (ioctl(g.vcpu, KVM_SET_REGS, &regs))
			die("stress-sigwin-set-regs");
		setitimer(ITIMER_REAL, &watchdog, NULL);
		t0 = now();
		timer_settime(timer, 0, &its, NULL);
		ret = e2e_ret(ioctl(g.vcpu, KVM_RUN, 0));
		t1 = now();
		setitimer(ITIMER_REAL, &off, NULL);
		if (ret != -EINTR) {
			not_eintr++;
			continue;
		}
		lat = t1 - t0 - ns / 1e9;
		if (lat >= (SIGWIN_WATCHDOG_US - SIGWIN_SPIN_US) / 1e6) {
			gap++;
			continue;
		}
		if (lat > worst)
			worst = lat;
		if (lat >= SIGWIN_LATE_US / 1e6 && !late++)
			late_ns = ns;
	}
	timer_delete(timer);
	printf("E2E-INFO sigwin: %u signals, %u ended KVM_RUN %d us or more late (the first at %ld ns), the latest after %.1f us; %u before KVM_RUN\n",
	       SIGWIN_TRIALS, late, SIGWIN_LATE_US, late_ns, worst * 1e6, gap);
	if (gap <= 8)
		e2e_pass("stress/sigwin-signals-reach-kvm-run");
	else
		e2e_fail("stress/sigwin-signals-reach-kvm-run",
			 "%u of %u KVM_RUNs ran to the %d us watchdog", gap,
			 SIGWIN_TRIALS, SIGWIN_WATCHDOG_US);
	if (!not_eintr)
		e2e_pass("stress/sigwin-every-run-eintr");
	else
		e2e_fail("stress/sigwin-every-run-eintr",
			 "%u of %u KVM_RUNs ended otherwise", not_eintr,
			 SIGWIN_TRIALS);
	if (!late)
		e2e_pass("stress/sigwin-signal-ends-run-at-once");
	else
		e2e_fail("stress/sigwin-signal-ends-run-at-once",
			 "%u of %u signals ended KVM_RUN %d us or more late (the first armed at %ld ns, the latest after %.1f us)",
			 late, SIGWIN_TRIALS, SIGWIN_LATE_US, late_ns,
			 worst * 1e6);
	guest_destroy(&g);
	return 0;
}

int main(int argc, char **argv)
{
	int dev;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3 || (!strcmp(argv[1], "smp") && argc != 4)) {
		fprintf(stderr, "usage: b3pr-stress loop|kill|fresh|run|idle|ext|pow|slots|sigwin DEVICE\n"
			"       b3pr-stress smp DEVICE SECONDS\n");
		return 2;
	}
	device = argv[2];
	dev = open_dev();
	if (!strcmp(argv[1], "loop"))
		cmd_loop(dev);
	else if (!strcmp(argv[1], "kill"))
		cmd_kill(dev);
	else if (!strcmp(argv[1], "fresh"))
		cmd_fresh(dev);
	else if (!strcmp(argv[1], "run"))
		cmd_run(dev);
	else if (!strcmp(argv[1], "idle"))
		expect_stats(dev, "stress/idle-nothing-alive", 0, 0);
	else if (!strcmp(argv[1], "smp"))
		cmd_smp(dev, atoi(argv[3]));
	else if (!strcmp(argv[1], "ext"))
		cmd_ext(dev);
	else if (!strcmp(argv[1], "pow"))
		cmd_pow(dev);
	else if (!strcmp(argv[1], "slots"))
		cmd_slots(dev);
	else if (!strcmp(argv[1], "sigwin"))
		cmd_sigwin(dev);
	else {
		fprintf(stderr, "unknown mode %s\n", argv[1]);
		return 2;
	}
	close(dev);
	return e2e_failures != 0;
}
