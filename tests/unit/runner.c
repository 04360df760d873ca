// SPDX-License-Identifier: GPL-2.0
/*
 * Runs every registered test, or those whose name contains argv[1], and
 * ends with the line "N passed, M failed".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"

static struct unit_test *unit_head, **unit_tail = &unit_head;
static int unit_current_failures;

void unit_register(struct unit_test *t)
{
	*unit_tail = t;
	unit_tail = &t->next;
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	unit_current_failures++;
	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;
	struct unit_test *t;

	for (t = unit_head; t; t = t->next) {
		if (filter && !strstr(t->name, filter))
			continue;
		unit_current_failures = 0;
		t->fn();
		if (unit_current_failures) {
			failed++;
			fprintf(stderr, "FAIL %s (%s)\n", t->name, t->file);
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
