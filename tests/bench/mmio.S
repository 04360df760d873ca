/* SPDX-License-Identifier: GPL-2.0 */
/* mmio: a one-byte store to b3pr-run's scratch device (an exit to
 * userspace and back) per iteration. */
#include "bench.h"
	.macro	bench_body
	stb	r5, 0(r25)
	.endm
	bench_loop 10000
