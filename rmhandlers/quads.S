/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The blob's data: quads filled in by reloc/install.c from runtime
 * addresses.
 */
	.balign	8
	.globl	b3pr_rmq_exit_landing
b3pr_rmq_exit_landing:
	.quad	0			/* b3pr_exit_landing, module text */
	.globl	b3pr_rmq_l1d_flush
b3pr_rmq_l1d_flush:
	.quad	0			/* b3pr/l1d_flush.h: the host's rfi-flush */
	.globl	b3pr_rmq_entry_flush
b3pr_rmq_entry_flush:
	.quad	0			/* ... and its entry-flush */
	/*
	 * The table of running vcpus, one quad per possible CPU (0: the CPU
	 * runs no guest), outside this fixed-size region so that it grows
	 * with nr_cpu_ids; linear-map memory, reached untranslated as the
	 * vcpu areas are (reloc/install.c).
	 */
	.globl	b3pr_rmq_cpu_vcpu
b3pr_rmq_cpu_vcpu:
	.quad	0

	.globl	b3pr_rm_end
b3pr_rm_end:
