// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "guest_mem_array.h"

static unsigned char *test_mem_bytes;

static int test_mem_read(void *ctx, u64 gpa, void *buf, unsigned int len)
{
	if (gpa >= TEST_MEM_SIZE || len > TEST_MEM_SIZE - gpa)
		return -1;
	memcpy(buf, test_mem_bytes + gpa, len);
	return 0;
}

static int test_mem_write(void *ctx, u64 gpa, const void *buf,
			  unsigned int len)
{
	if (gpa >= TEST_MEM_SIZE || len > TEST_MEM_SIZE - gpa)
		return -1;
	memcpy(test_mem_bytes + gpa, buf, len);
	return 0;
}

static int test_mem_cmpxchg32(void *ctx, u64 gpa, u32 old, u32 new)
{
	u32 cur;

	if (gpa >= TEST_MEM_SIZE || 4 > TEST_MEM_SIZE - gpa || (gpa & 3))
		return -1;
	memcpy(&cur, test_mem_bytes + gpa, 4);
	if (cur != old)
		return 0;
	memcpy(test_mem_bytes + gpa, &new, 4);
	return 1;
}

static const struct b3pr_guest_mem test_mem = {
	.read = test_mem_read,
	.write = test_mem_write,
	.cmpxchg32 = test_mem_cmpxchg32,
};

const struct b3pr_guest_mem *test_mem_new(void)
{
	if (!test_mem_bytes)
		test_mem_bytes = malloc(TEST_MEM_SIZE);
	memset(test_mem_bytes, 0, TEST_MEM_SIZE);
	return &test_mem;
}

void *test_mem_ptr(u64 gpa)
{
	return test_mem_bytes + gpa;
}
