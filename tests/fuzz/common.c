// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-fuzz's shared pieces: random values, the timer-cut KVM_RUN and
 * its verdict, the module's idle check.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "fuzz.h"

#define FUZZ_SIG	SIGRTMIN

void fuzz_fill(struct fuzz_rng *r, void *buf, size_t len)
{
	uint8_t *p = buf;
	uint64_t v;
	size_t n;

	while (len) {
		v = fuzz_rand(r);
		n = len < 8 ? len : 8;
		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

uint64_t fuzz_value(struct fuzz_rng *r)
{
	static const uint64_t edges[] = {
		0, 1, 0x7f, 0x80, 0xff, 0xfff, 0x1000, 0x7fffffff, 0x80000000,
		0xffffffff, 0x100000000ull, 0x7fffffffffffffffull,
		0x8000000000000000ull, ~0ull, 0xc000000000000000ull,
		0xc000000000010000ull, 0xd000000000000000ull,
		0xf000000000000000ull, 0xf0000000ull, 0xfff00000ull,
	};
	unsigned int bit;

	switch (fuzz_below(r, 4)) {
	case 0:
		return edges[fuzz_below(r, ARRAY_SIZE(edges))];
	case 1:
		return fuzz_below(r, 0x20000);
	case 2:
		bit = fuzz_below(r, 64);
		return (1ull << bit) ^ (fuzz_chance(r, 50) ? ~0ull : 0);
	default:
		return fuzz_rand(r);
	}
}

double fuzz_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_fuzz_signal(int sig)
{
	(void)sig;
}

/* The timer's signal interrupts without SA_RESTART: KVM_RUN ends. */
void fuzz_signals_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fuzz_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(FUZZ_SIG, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

#define FUZZ_MAX_RUNNERS	64

static struct fuzz_runner *runners[FUZZ_MAX_RUNNERS];
static unsigned int nr_runners;
static pthread_mutex_t runners_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *watched;

static void begin_call(struct fuzz_runner *fr, unsigned long req)
{
	__atomic_store_n(&fr->busy_req, req, __ATOMIC_RELAXED);
	__atomic_store_n(&fr->busy_since_ms, (uint64_t)(fuzz_now() * 1000), __ATOMIC_RELEASE);
}

static void end_call(struct fuzz_runner *fr)
{
	__atomic_store_n(&fr->busy_since_ms, 0, __ATOMIC_RELEASE);
}

long fuzz_ioctl(struct fuzz_runner *fr, int fd, unsigned long req, void *arg)
{
	long ret;

	begin_call(fr, req);
	ret = e2e_ret(ioctl(fd, req, arg));
	end_call(fr);
	return ret;
}

/* Each thread's kernel stack, from /proc/self/task/TID/stack. */
static void dump_stacks(void)
{
	char path[300], line[256];
	struct dirent *d;
	DIR *tasks = opendir("/proc/self/task");
	FILE *f;

	while (tasks && (d = readdir(tasks))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/stack", d->d_name);
		f = fopen(path, "r");
		while (f && fgets(line, sizeof(line), f))
			printf("E2E-INFO %s stuck: task %s %s", watched, d->d_name, line);
		if (f)
			fclose(f);
	}
	if (tasks)
		closedir(tasks);
}

static void *watchdog(void *arg)
{
	unsigned int i;
	double since;

	(void)arg;
	for (;;) {
		sleep(1);
		for (i = 0; i < __atomic_load_n(&nr_runners, __ATOMIC_ACQUIRE); i++) {
			since = __atomic_load_n(&runners[i]->busy_since_ms, __ATOMIC_ACQUIRE) / 1000.0;
			if (!since || fuzz_now() - since < FUZZ_STUCK_S)
				continue;
			printf("E2E-FAIL %s/no-call-stuck: ioctl 0x%lx has not returned for %.0f s\n",
			       watched, runners[i]->busy_req, fuzz_now() - since);
			dump_stacks();
			fflush(stdout);
			_exit(3);
		}
	}
	return NULL;
}

void fuzz_watchdog_start(const char *fuzzer)
{
	pthread_t tid;

	watched = fuzzer;
	pthread_create(&tid, NULL, watchdog, NULL);
}

/* A timer that signals this thread only (SIGEV_THREAD_ID). */
void fuzz_runner_init(struct fuzz_runner *fr)
{
	struct sigevent sev;

	memset(fr, 0, sizeof(*fr));
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = FUZZ_SIG;
	sev._sigev_un._tid = syscall(SYS_gettid);
	if (timer_create(CLOCK_MONOTONIC, &sev, &fr->timer)) {
		e2e_fail("fuzz/timer-create", "%s", strerror(errno));
		exit(1);
	}
	fr->have_timer = true;
	pthread_mutex_lock(&runners_lock);
	if (nr_runners < FUZZ_MAX_RUNNERS) {
		runners[nr_runners] = fr;
		__atomic_store_n(&nr_runners, nr_runners + 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&runners_lock);
}

void fuzz_runner_fini(struct fuzz_runner *fr)
{
	if (fr->have_timer)
		timer_delete(fr->timer);
	fr->have_timer = false;
}

#define NV_FPRS		18	/* f14-f31, which a call preserves */

/*
 * KVM_RUN as a bare system call with known values in f14-f31 that the
 * kernel must hand back untouched (the VMM's FP state is its own, the
 * guest's lives in the vcpu): -errno or the result; *kept says whether
 * they came back.
 */
static long kvm_run_fprs_checked(int vcpu, struct fuzz_rng *r, bool *kept)
{
	double in[NV_FPRS], out[NV_FPRS];
	register long r0 asm("r0") = SYS_ioctl;
	register long r3 asm("r3") = vcpu;
	register long r4 asm("r4") = KVM_RUN;
	register long r5 asm("r5") = 0;
	register double *r6 asm("r6") = in;
	register double *r14 asm("r14") = out;
	unsigned long cr;
	unsigned int i;
	long ret;

	for (i = 0; i < NV_FPRS; i++)
		in[i] = (double)(fuzz_rand(r) >> 11) / (1 + i);
	asm volatile("lfd 14,0(6)\n lfd 15,8(6)\n lfd 16,16(6)\n lfd 17,24(6)\n"
		     "lfd 18,32(6)\n lfd 19,40(6)\n lfd 20,48(6)\n lfd 21,56(6)\n"
		     "lfd 22,64(6)\n lfd 23,72(6)\n lfd 24,80(6)\n lfd 25,88(6)\n"
		     "lfd 26,96(6)\n lfd 27,104(6)\n lfd 28,112(6)\n lfd 29,120(6)\n"
		     "lfd 30,128(6)\n lfd 31,136(6)\n"
		     "sc\n"
		     "mfcr %1\n"
		     "stfd 14,0(14)\n stfd 15,8(14)\n stfd 16,16(14)\n stfd 17,24(14)\n"
		     "stfd 18,32(14)\n stfd 19,40(14)\n stfd 20,48(14)\n stfd 21,56(14)\n"
		     "stfd 22,64(14)\n stfd 23,72(14)\n stfd 24,80(14)\n stfd 25,88(14)\n"
		     "stfd 26,96(14)\n stfd 27,104(14)\n stfd 28,112(14)\n stfd 29,120(14)\n"
		     "stfd 30,128(14)\n stfd 31,136(14)\n"
		     : "+r"(r3), "=&r"(cr), "+r"(r0), "+r"(r4), "+r"(r5), "+r"(r6)
		     : "r"(r14)
		     : "r7", "r8", "r9", "r10", "r11", "r12", "ctr", "xer", "cr0",
		       "cr1", "cr5", "cr6", "cr7", "memory", "fr14", "fr15", "fr16",
		       "fr17", "fr18", "fr19", "fr20", "fr21", "fr22", "fr23", "fr24",
		       "fr25", "fr26", "fr27", "fr28", "fr29", "fr30", "fr31");
	/* before any call: a register variable does not outlive one */
	ret = cr & 0x10000000 ? -r3 : r3;	/* cr0[SO]: r3 is an errno */
	*kept = !memcmp(in, out, sizeof(in));
	return ret;
}

long fuzz_kvm_run(struct fuzz_runner *fr, struct fuzz_rng *r, int vcpu,
		  unsigned int max_us)
{
	unsigned int us = fuzz_below(r, max_us + 1);
	struct itimerspec it = {
		.it_value = { us / 1000000, (us % 1000000) * 1000 + 1 },
		.it_interval = { 0, 1000000 },
	};
	struct itimerspec off = { };
	double t0, late;
	bool kept;
	long ret;

	t0 = fuzz_now();
	timer_settime(fr->timer, 0, &it, NULL);
	begin_call(fr, KVM_RUN);
	ret = kvm_run_fprs_checked(vcpu, r, &kept);
	end_call(fr);
	if (!kept)
		fr->fprs_lost++;
	late = fuzz_now() - t0 - us / 1e6;
	timer_settime(fr->timer, 0, &off, NULL);
	fr->runs++;
	if (ret == -EINTR)
		fr->interrupted++;
	if (late > fr->max_late_s)
		fr->max_late_s = late;
	if (late > FUZZ_RUN_BOUND_S)
		fr->late++;
	return ret;
}

void fuzz_runner_add(struct fuzz_runner *sum, const struct fuzz_runner *fr)
{
	sum->runs += fr->runs;
	sum->interrupted += fr->interrupted;
	sum->late += fr->late;
	sum->fprs_lost += fr->fprs_lost;
	if (fr->max_late_s > sum->max_late_s)
		sum->max_late_s = fr->max_late_s;
}

void fuzz_runner_judge(const char *check, const struct fuzz_runner *fr)
{
	printf("E2E-INFO %s: %lu KVM_RUN, %lu ended by the signal, latest %.3f s after it\n",
	       check, fr->runs, fr->interrupted, fr->max_late_s);
	if (fr->fprs_lost)
		e2e_fail(check, "%lu of %lu KVM_RUN did not give back the VMM's f14-f31",
			 fr->fprs_lost, fr->runs);
	else if (!fr->late && fr->runs)
		e2e_pass(check);
	else
		e2e_fail(check, "%lu of %lu KVM_RUN ended more than %.1f s after the signal (latest %.3f s)",
			 fr->late, fr->runs, FUZZ_RUN_BOUND_S, fr->max_late_s);
}
