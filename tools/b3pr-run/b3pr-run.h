/* SPDX-License-Identifier: GPL-2.0 */
/*
 * b3pr-run: a small VMM for real-mode PowerPC guest programs on the KVM
 * ABI, on /dev/b3pr or, with --device /dev/kvm, on upstream kvm-pr.
 *
 * Exit status: the guest's own exit value (0-255) when it stores to the
 * exit register; 124 when --timeout stopped it; 125 when the guest did
 * something b3pr-run cannot serve (MMIO outside the devices, an internal
 * error of the hypervisor); 2 for a bad command line; 1 for any other
 * error before or around the run (file, ELF, device, ioctl).
 */
#ifndef B3PR_RUN_H
#define B3PR_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kvm_run;

#define EXIT_USAGE	2
#define EXIT_TIMEOUT	124
#define EXIT_GUEST	125

/* The MMIO devices, at guest physical addresses no memory slot covers. */
#define MMIO_CONSOLE	0xF0000000ULL	/* 1-byte store: write the byte */
#define MMIO_EXIT	0xF0000008ULL	/* 4-byte store: end with the value */
#define MMIO_PATTERN	0xF0000010ULL	/* 8 read-only bytes 0x01 ... 0x08 */
#define MMIO_SCRATCH	0xF0000018ULL	/* 8 bytes that read back as stored */

#define MSR_SF		(1ULL << 63)
#define MSR_ME		(1ULL << 12)
#define MSR_LE		(1ULL << 0)
#define LPCR_ILE	(1ULL << 25)

struct options {
	const char *image;
	const char *device;
	uint64_t mem_size;
	uint64_t load_addr;
	uint64_t entry;
	bool load_set, entry_set;
	uint64_t gpr[32];
	uint64_t msr;
	bool msr_set;
	uint32_t pvr;
	bool pvr_set;
	bool dump_regs;
	bool stats;
	unsigned int timeout;
};

/* What the loader found: where to start, and in which byte order. */
struct image {
	uint64_t entry;
	bool little_endian;
};

struct vm {
	int dev_fd, vm_fd, vcpu_fd;
	uint8_t *mem;
	uint64_t mem_size;
	struct kvm_run *run;
	size_t run_size;
	bool little_endian;	/* the image's byte order, for MMIO values */
};

/* Counts of what the run loop saw, for --stats. */
struct run_stats {
	unsigned long runs;
	unsigned long reasons[64];
	unsigned long console, exits, pattern, scratch;
	int last_console;	/* the last byte written, or -1 */
};

#define __printf(a, b)	__attribute__((format(printf, a, b)))

__printf(1, 2) void err(const char *fmt, ...);

int parse_options(int argc, char **argv, struct options *o);
int load_image(const struct options *o, uint8_t *mem, uint64_t mem_size,
	       struct image *img);
int vm_alloc_mem(struct vm *vm, uint64_t size);
int vm_create(struct vm *vm, const struct options *o);
int get_one_reg(const struct vm *vm, uint64_t id, void *val);
int vm_setup_vcpu(struct vm *vm, const struct options *o,
		  const struct image *img);
void vm_destroy(struct vm *vm);
int run_guest(struct vm *vm, unsigned int timeout, struct run_stats *st);
int dump_regs(const struct vm *vm, bool mid_line);
const char *exit_name(unsigned int reason);
void print_stats(const struct vm *vm, const struct run_stats *st);

#endif /* B3PR_RUN_H */
