// SPDX-License-Identifier: GPL-2.0
/*
 * fp-spin SECONDS: another FP/VMX user on the guest's CPU. It holds a
 * pattern in FPR 31 and VR 31 (non-volatile in the ABI, so no code it
 * calls changes them) and yields the CPU in a loop: every switch to and
 * from a vcpu thread goes through the kernel's FP/VMX save and restore,
 * and the pattern must come back each time, proving the guest's registers
 * never land in another task. Exits 0 when it held for SECONDS seconds.
 */
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const uint64_t want_f = 0x400921fb54442d18ULL;	/* pi */
static const _Alignas(16) uint64_t want_v[2] = {
	0x0f1e2d3c4b5a6978ULL, 0x8796a5b4c3d2e1f0ULL
};

int main(int argc, char **argv)
{
	_Alignas(16) uint64_t got_v[2];
	uint64_t got_f;
	long n = 0;
	time_t end;

	if (argc != 2)
		return 2;
	end = time(NULL) + atoi(argv[1]);
	asm volatile("lfd 31, 0(%0)" : : "b"(&want_f) : "fr31");
	asm volatile("lvx 31, 0, %0" : : "r"(want_v) : "v31");
	printf("fp-spin: ready\n");
	fflush(stdout);
	while (time(NULL) < end) {
		sched_yield();
		asm volatile("stfd 31, 0(%0)" : : "b"(&got_f) : "memory");
		asm volatile("stvx 31, 0, %0" : : "r"(got_v) : "memory");
		n++;
		if (got_f != want_f || memcmp(got_v, want_v, 16)) {
			printf("fp-spin: FPR 31 %016llx VR 31 %016llx%016llx after %ld yields\n",
			       (unsigned long long)got_f,
			       (unsigned long long)got_v[0],
			       (unsigned long long)got_v[1], n);
			return 1;
		}
	}
	printf("fp-spin: held over %ld yields\n", n);
	return 0;
}
