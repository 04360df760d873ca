/* SPDX-License-Identifier: GPL-2.0 */
/* priv-mtmsrd: a trapped and emulated mtmsrd L=1 (RI only) per iteration. */
#include "bench.h"
	.macro	bench_body
	mtmsrd	r6, 1
	.endm
	bench_loop 100000
