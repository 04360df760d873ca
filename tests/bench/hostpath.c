// SPDX-License-Identifier: GPL-2.0
/*
 * hostpath LABEL [DEVICE]: the cost of interrupts taken by the host
 * itself, timed with the time base from userspace inside the emulated
 * host, so that make bench can compare a host without b3pr, with b3pr
 * loaded (its exit stubs hooked in front of the kernel's real vectors)
 * and after rmmod. Under qemu -icount shift=0 the ticks count emulated
 * host instructions.
 *
 * With DEVICE (/dev/kvm or /dev/b3pr), a VM is created there first and
 * held open while measuring: while any VM exists, kvm-pr and b3pr turn
 * relocation-on interrupts (AIL) off, so the host's interrupts from
 * userspace arrive at the real vectors, where b3pr's stubs are, instead
 * of at the kernel's virtual ones (0xc000000000004000 + vector), which
 * b3pr does not hook.
 *
 * Prints one "HOSTPATH KIND LABEL TICKS ITERS" line per measurement, the
 * best (fewest ticks) of REPS runs, so that a timer interrupt landing in
 * one run does not count:
 *   insn  a loop of exactly INSN_PER_ITER instructions, nothing else
 *         (ITERS counts the instructions): ticks per instruction, the
 *         scale for the others
 *   sc    "sc" of getppid: one system call interrupt (0xc00) and back
 *   slb   a load from the next of SLB_SEGS 256M segments, more than the
 *         SLB holds, round robin: one data segment interrupt (0x380)
 *         per load
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/kvm.h>

#define REPS		3
#define INSN_ITERS	10000000UL
#define INSN_PER_ITER	4		/* 3 addi, 1 bdnz */
#define SC_ITERS	200000UL
#define SLB_ITERS	200000UL
#define SLB_SEGS	64		/* QEMU's POWER8 SLB has 32 entries */
#define SEG_SIZE	(1UL << 28)
/* Below 1T, where userspace gets 256M segments, not 1T ones. */
#define SLB_BASE	(1UL << 36)

static inline uint64_t tb(void)
{
	return __builtin_ppc_get_timebase();
}

static uint64_t insn_loop(unsigned long n)
{
	uint64_t t0, t1;
	unsigned long a = 0;

	t0 = tb();
	asm volatile("mtctr	%1\n"
		     "1:	addi	%0, %0, 1\n"
		     "	addi	%0, %0, 1\n"
		     "	addi	%0, %0, 1\n"
		     "	bdnz	1b\n"
		     : "+r" (a) : "r" (n) : "ctr");
	t1 = tb();
	return t1 - t0;
}

/* The system call interrupt itself, not the scv vector glibc may pick. */
static uint64_t sc_loop(unsigned long n)
{
	uint64_t t0, t1;
	unsigned long i;

	t0 = tb();
	for (i = 0; i < n; i++) {
		register unsigned long r0 asm("r0") = SYS_getppid;
		register unsigned long r3 asm("r3");

		asm volatile("sc"
			     : "+r" (r0), "=r" (r3)
			     :
			     : "r4", "r5", "r6", "r7", "r8", "r9", "r10",
			       "r11", "r12", "cr0", "ctr", "xer", "memory");
	}
	t1 = tb();
	return t1 - t0;
}

/* volatile: every load of the loop must reach memory, none be hoisted. */
static volatile char *segs[SLB_SEGS];

static int slb_setup(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p;
	int i;

	for (i = 0; i < SLB_SEGS; i++) {
		p = mmap((void *)(SLB_BASE + i * SEG_SIZE), page,
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			 -1, 0);
		if (p == MAP_FAILED)
			return -1;
		p[0] = 1;	/* fault the page in now */
		segs[i] = p;
	}
	return 0;
}

static uint64_t slb_loop(unsigned long n)
{
	uint64_t t0, t1;
	unsigned long i;
	unsigned int sum = 0;

	t0 = tb();
	for (i = 0; i < n; i++)
		sum += segs[i % SLB_SEGS][0];
	t1 = tb();
	if (sum != n)
		fprintf(stderr, "hostpath: slb loop read %u, not %lu\n", sum, n);
	return t1 - t0;
}

/* ITERS printed is n * per: instructions for the insn loop. */
static void report(const char *kind, const char *label,
		   uint64_t (*fn)(unsigned long), unsigned long n,
		   unsigned long per)
{
	uint64_t best = UINT64_MAX, t;
	int r;

	for (r = 0; r < REPS; r++) {
		t = fn(n);
		if (t < best)
			best = t;
	}
	printf("HOSTPATH %s %s %llu %lu\n", kind, label,
	       (unsigned long long)best, n * per);
}

int main(int argc, char **argv)
{
	const char *label = argc > 1 ? argv[1] : "host";
	int dev, vm;

	if (argc > 2) {
		dev = open(argv[2], O_RDWR | O_CLOEXEC);
		if (dev < 0) {
			perror(argv[2]);
			return 1;
		}
		vm = ioctl(dev, KVM_CREATE_VM, 0);
		if (vm < 0) {
			perror("hostpath: KVM_CREATE_VM");
			return 1;
		}
	}

	sc_loop(1000);		/* warm up: pages, caches, SLB */
	report("insn", label, insn_loop, INSN_ITERS, INSN_PER_ITER);
	report("sc", label, sc_loop, SC_ITERS, 1);
	if (slb_setup()) {
		perror("hostpath: slb setup");
		return 1;
	}
	slb_loop(SLB_SEGS);
	report("slb", label, slb_loop, SLB_ITERS, 1);
	return 0;
}
