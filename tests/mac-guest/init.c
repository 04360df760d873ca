// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the Mac guest kernels (32-bit pmac, 64-bit G5), static and
 * big-endian: prints a marker, checks FP and (where the CPU has it)
 * AltiVec results against IEEE-754 and AltiVec-defined constants, runs
 * a few children that fork and exec this program again (so FP and vector
 * state cross context switches), and powers off. Every line it prints
 * starts with "MACGUEST-"; the last one before power-off is
 * MACGUEST-PASS or MACGUEST-FAIL.
 */
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vector.h"

#define CHILDREN	4
#define ROUNDS		2000

static int failures;

static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

static void expect_bits(const char *what, double got, uint64_t want)
{
	uint64_t bits;

	memcpy(&bits, &got, sizeof(bits));
	if (bits == want)
		return;
	say("MACGUEST-FAIL %s: got %#llx, want %#llx\n", what,
	    (unsigned long long)bits, (unsigned long long)want);
	failures++;
}

/* x, hidden from the optimizer: the arithmetic on it happens at run time. */
static double opaque(double x)
{
	__asm__ ("" : "+d" (x));
	return x;
}

/* Round-to-nearest double results whose bit patterns follow from IEEE 754. */
static void fp_checks(int salt)
{
	double one = opaque(1.0), three = opaque(3.0);
	double tenth = opaque(0.1), fifth = opaque(0.2);
	double big = opaque(9007199254740992.0);	/* 2^53 */
	double k = opaque(salt), sum = 0;
	int i;

	/* 1/3 = 0x1.5555555555555p-2 */
	expect_bits("fp-div", one / three, 0x3fd5555555555555ull);
	/* 0.1 + 0.2 rounds up to 0.30000000000000004 */
	expect_bits("fp-add", tenth + fifth, 0x3fd3333333333334ull);
	/* 2^53 + 1 ties to even: 2^53 */
	expect_bits("fp-round", big + one, 0x4340000000000000ull);
	/* exact: 3 * 7 + 0.5 = 21.5 = 0x1.58p+4 */
	expect_bits("fp-madd", three * 7.0 + 0.5, 0x4035800000000000ull);
	/*
	 * Small integers stay exact through many additions: the sum of
	 * salt over ROUNDS is salt * ROUNDS whatever happens in between.
	 */
	for (i = 0; i < ROUNDS; i++) {
		sum = opaque(sum + k);
		if (i % 256 == 0)
			sched_yield();
	}
	if (sum != (double)salt * ROUNDS) {
		say("MACGUEST-FAIL fp-sum: got %f, want %d\n", sum, salt * ROUNDS);
		failures++;
	}
}

static int has_altivec(void)
{
	return !!(getauxval(AT_HWCAP) & PPC_FEATURE_HAS_ALTIVEC);
}

static void vector_checks(int salt)
{
	char why[128];

	if (!has_altivec())
		return;
	if (macguest_vector_check(salt, ROUNDS, why, sizeof(why))) {
		say("MACGUEST-FAIL altivec: %s\n", why);
		failures++;
	}
}

/* A child: the checks with its own salt, exit status 0 when all held. */
static int child(int salt)
{
	fp_checks(salt);
	vector_checks(salt);
	return failures ? 1 : 0;
}

static void run_children(const char *self)
{
	pid_t pids[CHILDREN];
	int i, status;

	for (i = 0; i < CHILDREN; i++) {
		char salt[16];

		snprintf(salt, sizeof(salt), "%d", i + 2);
		pids[i] = fork();
		if (pids[i] == 0) {
			execl(self, self, "child", salt, (char *)NULL);
			_exit(127);
		}
		if (pids[i] < 0) {
			say("MACGUEST-FAIL fork: %m\n");
			failures++;
		}
	}
	/* The parent keeps its own FP/vector state live meanwhile. */
	fp_checks(1);
	vector_checks(1);
	for (i = 0; i < CHILDREN; i++) {
		if (pids[i] <= 0)
			continue;
		if (waitpid(pids[i], &status, 0) != pids[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			say("MACGUEST-FAIL child-%d: status %#x\n", i, status);
			failures++;
		}
	}
}

static void open_console(void)
{
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "child"))
		return child(atoi(argv[2]));

	open_console();
	say("MACGUEST-INIT altivec=%s\n", has_altivec() ? "yes" : "no");
	run_children("/init");
	say(failures ? "MACGUEST-FAIL %d checks\n" : "MACGUEST-PASS\n", failures);
	sync();
	reboot(RB_POWER_OFF);
	say("MACGUEST-FAIL power-off returned: %m\n");
	for (;;)
		pause();
}
