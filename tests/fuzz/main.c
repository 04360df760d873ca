// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-fuzz: fuzzers of the KVM ABI, run inside the emulated host.
 *
 *   b3pr-fuzz ioctl b3pr|kvm DEVICE SEED CALLS THREADS
 *       random ioctl sequences with hostile arguments on the system,
 *       VM and vcpu fds (tests/fuzz/ioctl.c)
 *   b3pr-fuzz guest b3pr|kvm DEVICE SEED SECONDS THREADS
 *       hostile guests run under signals (tests/fuzz/guest.c)
 *
 * "b3pr" adds the module's own checks (its live-object counter); "kvm"
 * points the same fuzzer at kvm-pr. A seed of 0 picks one from the
 * clock; the seed used is printed first, and replays the run.
 */
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

int e2e_failures;

int main(int argc, char **argv)
{
	uint64_t seed;
	bool on_b3pr;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 7 || (strcmp(argv[2], "b3pr") && strcmp(argv[2], "kvm"))) {
		fprintf(stderr, "usage: b3pr-fuzz ioctl|guest b3pr|kvm DEVICE SEED CALLS|SECONDS THREADS\n");
		return 2;
	}
	on_b3pr = !strcmp(argv[2], "b3pr");
	seed = strtoull(argv[4], NULL, 0);
	if (!seed)
		seed = (uint64_t)fuzz_now() * 1000003 ^ getpid();
	printf("E2E-INFO fuzz-%s seed %llu\n", argv[1], (unsigned long long)seed);
	fuzz_signals_init();
	if (!strcmp(argv[1], "ioctl"))
		return fuzz_ioctl_main(argv[3], on_b3pr, seed,
				       strtoul(argv[5], NULL, 0), atoi(argv[6]));
	if (!strcmp(argv[1], "guest"))
		return fuzz_guest_main(argv[3], on_b3pr, seed,
				       strtod(argv[5], NULL), atoi(argv[6]));
	fprintf(stderr, "unknown fuzzer %s\n", argv[1]);
	return 2;
}
