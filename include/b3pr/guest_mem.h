/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the portable core reaches guest real memory: through the two
 * callbacks of the caller (the module's memory slots, or an array in the
 * unit tests). Guest page tables are always big-endian.
 */
#ifndef B3PR_GUEST_MEM_H
#define B3PR_GUEST_MEM_H

#include "env.h"

struct b3pr_guest_mem {
	void *ctx;
	/* Both return 0, or -1 when [gpa, gpa + len) is not guest memory. */
	int (*read)(void *ctx, u64 gpa, void *buf, unsigned int len);
	int (*write)(void *ctx, u64 gpa, const void *buf, unsigned int len);
	/*
	 * Atomically replace the aligned word at @gpa, in memory order, by
	 * @new if it holds @old: 1 when replaced, 0 when it did not hold
	 * @old, -1 when it is not guest memory.
	 */
	int (*cmpxchg32)(void *ctx, u64 gpa, u32 old, u32 new);
};

static inline int b3pr_read_be32(const struct b3pr_guest_mem *m, u64 gpa,
				 u32 *val)
{
	u32 raw;

	if (m->read(m->ctx, gpa, &raw, sizeof(raw)))
		return -1;
	*val = be32_to_cpu(raw);
	return 0;
}

static inline int b3pr_read_be64(const struct b3pr_guest_mem *m, u64 gpa,
				 u64 *val)
{
	u64 raw;

	if (m->read(m->ctx, gpa, &raw, sizeof(raw)))
		return -1;
	*val = be64_to_cpu(raw);
	return 0;
}

static inline int b3pr_write_be32(const struct b3pr_guest_mem *m, u64 gpa,
				  u32 val)
{
	u32 raw = cpu_to_be32(val);

	return m->write(m->ctx, gpa, &raw, sizeof(raw));
}

static inline int b3pr_write_be64(const struct b3pr_guest_mem *m, u64 gpa,
				  u64 val)
{
	u64 raw = cpu_to_be64(val);

	return m->write(m->ctx, gpa, &raw, sizeof(raw));
}

#endif /* B3PR_GUEST_MEM_H */
