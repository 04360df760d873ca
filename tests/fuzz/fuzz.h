/* SPDX-License-Identifier: GPL-2.0 */
/*
 * b3pr-fuzz: what the ioctl fuzzer and the hostile-guest fuzzer share.
 * A small seeded random generator (each thread its own stream, so a seed
 * replays every thread's sequence; the threads' interleaving is the
 * scheduler's), KVM_RUN cut by a per-thread timer signal with the time
 * from the signal to the return measured, and the module's end state.
 */
#ifndef B3PR_FUZZ_H
#define B3PR_FUZZ_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "../e2e/e2e.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * A KVM_RUN must end this long after the signal at the latest. Inside
 * the emulated host (TCG, two CPUs shared with the other boots of the
 * build machine) a scheduling tick is 4 ms and a busy host's vCPU can
 * stall for tens of ms; a vcpu that ignores signals never returns.
 */
#define FUZZ_RUN_BOUND_S	2.0

struct fuzz_rng {
	uint64_t s;
};

/* splitmix64: a seed of any value gives a full-period stream. */
static inline uint64_t fuzz_rand(struct fuzz_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static inline uint64_t fuzz_below(struct fuzz_rng *r, uint64_t n)
{
	return n ? fuzz_rand(r) % n : 0;
}

/* true with probability pct / 100 */
static inline bool fuzz_chance(struct fuzz_rng *r, unsigned int pct)
{
	return fuzz_below(r, 100) < pct;
}

/*
 * kvm-pr halts the caller of a KVM_SET_REGS whose MSR has POW set (in
 * kvmppc_set_msr_pr) until an interrupt comes, with no signal due: the
 * ioctl hangs. Found by this fuzzer, recorded; pointed at kvm-pr the
 * fuzzers keep POW out of the MSRs they set, to get further.
 */
#define FUZZ_MSR_POW		0x40000ull

void fuzz_fill(struct fuzz_rng *r, void *buf, size_t len);

/* A value a hostile VMM or guest likes: edges, kernel addresses, noise. */
uint64_t fuzz_value(struct fuzz_rng *r);

double fuzz_now(void);

/*
 * A call that has not returned after this long is stuck: the watchdog
 * reports it with the kernel stacks of the process's threads and ends
 * the run (a hang, not a slow call: see FUZZ_RUN_BOUND_S).
 */
#define FUZZ_STUCK_S		30.0

/* KVM_RUN's under one thread's timer, and how late they ended. */
struct fuzz_runner {
	timer_t timer;
	bool have_timer;
	unsigned long runs, interrupted, late;
	unsigned long fprs_lost;	/* runs that changed the VMM's f14-f31 */
	double max_late_s;
	uint64_t busy_since_ms;	/* when the call in progress began, or 0 */
	unsigned long busy_req;	/* its ioctl number */
};

void fuzz_signals_init(void);
void fuzz_runner_init(struct fuzz_runner *fr);
void fuzz_runner_fini(struct fuzz_runner *fr);
/*
 * KVM_RUN on vcpu with the thread's timer signal due after 0..max_us
 * microseconds and again every millisecond after (a signal taken before
 * the entry must not leave the guest running): -errno or the result.
 */
/* An ioctl the watchdog keeps an eye on: -errno or the result. */
long fuzz_ioctl(struct fuzz_runner *fr, int fd, unsigned long req, void *arg);
/* The watchdog over every runner; FUZZER names the checks. */
void fuzz_watchdog_start(const char *fuzzer);
long fuzz_kvm_run(struct fuzz_runner *fr, struct fuzz_rng *r, int vcpu,
		  unsigned int max_us);
void fuzz_runner_add(struct fuzz_runner *sum, const struct fuzz_runner *fr);
/*
 * One check: every KVM_RUN ended within FUZZ_RUN_BOUND_S of a signal and
 * gave the VMM's floating-point registers back as they were.
 */
void fuzz_runner_judge(const char *check, const struct fuzz_runner *fr);

int fuzz_ioctl_main(const char *device, bool on_b3pr, uint64_t seed,
		    unsigned long calls, unsigned int threads);
int fuzz_guest_main(const char *device, bool on_b3pr, uint64_t seed,
		    double seconds, unsigned int threads);

#endif /* B3PR_FUZZ_H */
