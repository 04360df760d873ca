/* SPDX-License-Identifier: GPL-2.0 */
/* Guest real memory for unit tests: a zeroed array at guest physical 0. */
#ifndef B3PR_UNIT_GUEST_MEM_ARRAY_H
#define B3PR_UNIT_GUEST_MEM_ARRAY_H

#include "b3pr/guest_mem.h"

#define TEST_MEM_SIZE	(64u << 20)

/* Returns a fresh, zeroed 64 MiB guest memory each call. */
const struct b3pr_guest_mem *test_mem_new(void);
/* Host pointer to guest real address @gpa of the last test_mem_new(). */
void *test_mem_ptr(u64 gpa);

#endif
