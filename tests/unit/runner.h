/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small native test runner for the portable core. A test is a function
 * declared with TEST(name); EXPECT_* record a failure with what was
 * expected and what came, and the test goes on.
 */
#ifndef B3PR_UNIT_RUNNER_H
#define B3PR_UNIT_RUNNER_H

#include <stdio.h>
#include <stdint.h>

struct unit_test {
	const char *name;
	const char *file;
	void (*fn)(void);
	struct unit_test *next;
};

void unit_register(struct unit_test *t);
void unit_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define TEST(name)							\
	static void test_##name(void);					\
	static struct unit_test unit_##name = {				\
		#name, __FILE__, test_##name, NULL			\
	};								\
	__attribute__((constructor)) static void reg_##name(void)	\
	{								\
		unit_register(&unit_##name);				\
	}								\
	static void test_##name(void)

#define EXPECT_EQ(expected, got)					\
	do {								\
		unsigned long long e_ = (unsigned long long)(expected);	\
		unsigned long long g_ = (unsigned long long)(got);	\
		if (e_ != g_)						\
			unit_fail(__FILE__, __LINE__,			\
				  "%s: expected 0x%llx, got 0x%llx",	\
				  #got, e_, g_);			\
	} while (0)

#define EXPECT_TRUE(cond)						\
	do {								\
		if (!(cond))						\
			unit_fail(__FILE__, __LINE__,			\
				  "expected %s", #cond);		\
	} while (0)

#define EXPECT_FALSE(cond)	EXPECT_TRUE(!(cond))

#endif /* B3PR_UNIT_RUNNER_H */
