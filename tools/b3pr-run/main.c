// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-run: load a guest image, run it to its exit store, report.
 * Every bad input ends here with one "b3pr-run: ..." line and a non-zero
 * status (see b3pr-run.h for the status values).
 */
#include <stdarg.h>
#include <stdio.h>

#include "b3pr-run.h"

void err(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("b3pr-run: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	struct run_stats st = { .last_console = -1 };
	struct options o;
	struct image img;
	struct vm vm;
	int ret;

	ret = parse_options(argc, argv, &o);
	if (ret)
		return ret > 0 ? 0 : EXIT_USAGE;
	if (vm_alloc_mem(&vm, o.mem_size))
		return 1;
	if (load_image(&o, vm.mem, vm.mem_size, &img) ||
	    vm_create(&vm, &o) || vm_setup_vcpu(&vm, &o, &img)) {
		vm_destroy(&vm);
		return 1;
	}
	ret = run_guest(&vm, o.timeout, &st);
	if (ret == EXIT_TIMEOUT)
		err("timeout: the guest ran for %u s", o.timeout);
	if (o.dump_regs && dump_regs(&vm, st.last_console >= 0 &&
				     st.last_console != '\n'))
		ret = 1;
	fflush(stdout);
	if (o.stats)
		print_stats(&vm, &st);
	vm_destroy(&vm);
	return ret;
}
