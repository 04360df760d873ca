// SPDX-License-Identifier: GPL-2.0
/*
 * The run loop and the MMIO devices.
 *
 * Byte order of kvm_run->mmio.data: for Book3S, KVM hands the VMM the
 * bytes exactly as the guest's access puts them in (or takes them from)
 * storage, data[0] at the lowest address: kvmppc_handle_store() and
 * kvmppc_complete_mmio_load() in arch/powerpc/kvm/powerpc.c byte-swap
 * between the host's order and the access's order (the guest's MSR[LE],
 * flipped again for the byte-reversed forms such as stwbrx). So a device
 * here is plain storage: the pattern device returns bytes by address, the
 * scratch device keeps bytes by address, and only the two registers that
 * carry a number (exit) read it in the image's byte order, which is the
 * order a plain stw of that guest uses.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "b3pr-run.h"

static int timed_out;	/* set by the SIGALRM handler, atomically */
static struct kvm_run *alarm_run;

static void on_alarm(int sig)
{
	(void)sig;
	__atomic_store_n(&timed_out, 1, __ATOMIC_RELAXED);
	if (alarm_run)
		alarm_run->immediate_exit = 1;
}

static uint8_t scratch[8];

static uint64_t mmio_value(const struct vm *vm, const uint8_t *d,
			   unsigned int len)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < len; i++)
		v = (v << 8) | d[vm->little_endian ? len - 1 - i : i];
	return v;
}

static const char *access_name(const struct kvm_run *r)
{
	return r->mmio.is_write ? "store" : "load";
}

/* >= 0: the guest's exit value; -1: go on; -2: a guest error (said why). */
static int handle_mmio(struct vm *vm, struct run_stats *st)
{
	struct kvm_run *r = vm->run;
	uint64_t a = r->mmio.phys_addr;
	unsigned int len = r->mmio.len;
	uint64_t v;
	unsigned int i;

	if (len == 0 || len > 8)
		goto bad;
	if (a == MMIO_CONSOLE && len == 1 && r->mmio.is_write) {
		st->console++;
		st->last_console = r->mmio.data[0];
		putchar(r->mmio.data[0]);
		return -1;
	}
	if (a == MMIO_EXIT && len == 4 && r->mmio.is_write) {
		st->exits++;
		v = mmio_value(vm, r->mmio.data, 4);
		if (v > 255) {
			err("guest exit value %llu is outside 0-255",
			    (unsigned long long)v);
			return -2;
		}
		return v;
	}
	if (a >= MMIO_PATTERN && a + len <= MMIO_PATTERN + 8 && !r->mmio.is_write) {
		st->pattern++;
		for (i = 0; i < len; i++)
			r->mmio.data[i] = a - MMIO_PATTERN + i + 1;
		return -1;
	}
	if (a >= MMIO_SCRATCH && a + len <= MMIO_SCRATCH + 8) {
		st->scratch++;
		if (r->mmio.is_write)
			memcpy(scratch + (a - MMIO_SCRATCH), r->mmio.data, len);
		else
			memcpy(r->mmio.data, scratch + (a - MMIO_SCRATCH), len);
		return -1;
	}
bad:
	err("guest %u-byte MMIO %s at 0x%llx: no device there", len,
	    access_name(r), (unsigned long long)a);
	return -2;
}

const char *exit_name(unsigned int reason)
{
	switch (reason) {
	case KVM_EXIT_UNKNOWN: return "unknown";
	case KVM_EXIT_DEBUG: return "debug";
	case KVM_EXIT_MMIO: return "mmio";
	case KVM_EXIT_SHUTDOWN: return "shutdown";
	case KVM_EXIT_FAIL_ENTRY: return "fail-entry";
	case KVM_EXIT_INTR: return "intr";
	case KVM_EXIT_INTERNAL_ERROR: return "internal-error";
	case KVM_EXIT_PAPR_HCALL: return "papr-hcall";
	case KVM_EXIT_OSI: return "osi";
	case KVM_EXIT_EPR: return "epr";
	}
	return NULL;
}

/* The guest's exit value, EXIT_TIMEOUT, or EXIT_GUEST / 1 on an error. */
int run_guest(struct vm *vm, unsigned int timeout, struct run_stats *st)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct kvm_run *r = vm->run;
	const char *name;
	int ret;

	alarm_run = r;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: KVM_RUN ends */
	if (timeout)
		alarm(timeout);
	for (;;) {
		if (__atomic_load_n(&timed_out, __ATOMIC_RELAXED))
			return EXIT_TIMEOUT;
		st->runs++;
		if (ioctl(vm->vcpu_fd, KVM_RUN, 0)) {
			if (errno == EINTR) {
				r->immediate_exit = 0;
				continue;
			}
			err("KVM_RUN: %s", strerror(errno));
			return 1;
		}
		if (r->exit_reason < 64)
			st->reasons[r->exit_reason]++;
		switch (r->exit_reason) {
		case KVM_EXIT_MMIO:
			ret = handle_mmio(vm, st);
			if (ret == -2)
				return EXIT_GUEST;
			if (ret >= 0)
				return ret;
			break;
		case KVM_EXIT_INTR:
			break;
		case KVM_EXIT_INTERNAL_ERROR:
			err("the hypervisor could not go on: internal error, suberror %u",
			    r->internal.suberror);
			return EXIT_GUEST;
		default:
			name = exit_name(r->exit_reason);
			if (name)
				err("unexpected exit '%s' (%u)", name, r->exit_reason);
			else
				err("unexpected exit reason %u", r->exit_reason);
			return EXIT_GUEST;
		}
	}
}
