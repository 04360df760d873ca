// SPDX-License-Identifier: GPL-2.0
/*
 * --stats: what b3pr-run saw (KVM_RUN calls, exits to userspace by
 * reason, MMIO by device) and, where the device offers KVM_GET_STATS_FD,
 * the vcpu's own non-zero counters (exits handled in the kernel).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "b3pr-run.h"

static void print_kernel_stats(const struct vm *vm)
{
	struct kvm_stats_header h;
	struct kvm_stats_desc *d;
	size_t dsize;
	uint64_t v;
	char *descs;
	unsigned int i;
	int fd = ioctl(vm->vcpu_fd, KVM_GET_STATS_FD, NULL);

	if (fd < 0)
		return;
	if (pread(fd, &h, sizeof(h), 0) != sizeof(h))
		goto out;
	dsize = sizeof(*d) + h.name_size;
	descs = calloc(h.num_desc, dsize);
	if (!descs)
		goto out;
	if (pread(fd, descs, h.num_desc * dsize, h.desc_offset) !=
	    (ssize_t)(h.num_desc * dsize))
		goto free;
	for (i = 0; i < h.num_desc; i++) {
		d = (struct kvm_stats_desc *)(descs + i * dsize);
		if ((d->flags & KVM_STATS_TYPE_MASK) != KVM_STATS_TYPE_CUMULATIVE ||
		    d->size != 1)
			continue;
		if (pread(fd, &v, sizeof(v), h.data_offset + d->offset) != sizeof(v))
			break;
		if (v)
			fprintf(stderr, "stats: vcpu %s %llu\n", d->name,
				(unsigned long long)v);
	}
free:
	free(descs);
out:
	close(fd);
}

void print_stats(const struct vm *vm, const struct run_stats *st)
{
	const char *name;
	unsigned int i;

	fprintf(stderr, "stats: KVM_RUN calls %lu\n", st->runs);
	for (i = 0; i < 64; i++) {
		if (!st->reasons[i])
			continue;
		name = exit_name(i);
		if (name)
			fprintf(stderr, "stats: exit %s %lu\n", name, st->reasons[i]);
		else
			fprintf(stderr, "stats: exit %u %lu\n", i, st->reasons[i]);
	}
	fprintf(stderr, "stats: mmio console %lu exit %lu pattern %lu scratch %lu\n",
		st->console, st->exits, st->pattern, st->scratch);
	print_kernel_stats(vm);
}
