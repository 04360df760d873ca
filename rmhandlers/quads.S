/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The blob's data: quads filled in by reloc/install.c from runtime
 * addresses, then the per-CPU table of running vcpus, which the installer
 * sizes for nr_cpu_ids and zeroes (0: the CPU runs no guest).
 */
	.balign	8
	.globl	b3pr_rmq_exit_landing
b3pr_rmq_exit_landing:
	.quad	0			/* b3pr_exit_landing, module text */
	.globl	b3pr_rmq_l1d_flush
b3pr_rmq_l1d_flush:
	.quad	0			/* enum b3pr_l1d_flush: the host's own */

	.globl	b3pr_rm_end
b3pr_rm_end:
	.globl	b3pr_rm_cpu_vcpu
b3pr_rm_cpu_vcpu:			/* nr_cpu_ids quads follow at install */
