// SPDX-License-Identifier: GPL-2.0
/*
 * Guest exits, dispatched by the vector the guest left through: one row
 * per vector, one handler per concern (exit_storage.c, exit_program.c,
 * exit_async.c, exit_trace.c).
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kvm.h>

#include "b3pr/exit.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

/*
 * Indexed by vector / B3PR_EXIT_STEP (every vector is a multiple of it):
 * an exit finds its handler at once.
 */
#define B3PR_EXIT_STEP	0x20

static const b3pr_exit_handler b3pr_exit_table[0x1000 / B3PR_EXIT_STEP] = {
	/* system reset, the host's */
	[0x100 / B3PR_EXIT_STEP] = b3pr_exit_host_interrupt,
	[0x200 / B3PR_EXIT_STEP] = b3pr_exit_machine_check,
	[0x300 / B3PR_EXIT_STEP] = b3pr_exit_dsi,
	[0x380 / B3PR_EXIT_STEP] = b3pr_exit_data_segment,
	[0x400 / B3PR_EXIT_STEP] = b3pr_exit_isi,
	[0x480 / B3PR_EXIT_STEP] = b3pr_exit_instruction_segment,
	[0x500 / B3PR_EXIT_STEP] = b3pr_exit_host_interrupt,
	[0x600 / B3PR_EXIT_STEP] = b3pr_exit_alignment,
	[0x700 / B3PR_EXIT_STEP] = b3pr_exit_program,
	[0x800 / B3PR_EXIT_STEP] = b3pr_exit_facility,
	[0x900 / B3PR_EXIT_STEP] = b3pr_exit_host_interrupt,
	[0xa00 / B3PR_EXIT_STEP] = b3pr_exit_host_interrupt,
	[0xc00 / B3PR_EXIT_STEP] = b3pr_exit_syscall,
	[0xd00 / B3PR_EXIT_STEP] = b3pr_exit_trace,
	[0xf00 / B3PR_EXIT_STEP] = b3pr_exit_host_interrupt,
	[0xf20 / B3PR_EXIT_STEP] = b3pr_exit_facility,
	[0xf40 / B3PR_EXIT_STEP] = b3pr_exit_facility,
	[0xf60 / B3PR_EXIT_STEP] = b3pr_exit_facility,
};

int b3pr_handle_exit(struct b3pr_vcpu *vcpu, u32 vector)
{
	u32 i = vector / B3PR_EXIT_STEP;

	if (vector % B3PR_EXIT_STEP == 0 && i < ARRAY_SIZE(b3pr_exit_table) &&
	    b3pr_exit_table[i])
		return b3pr_exit_table[i](vcpu, vector);
	return b3pr_internal_error(vcpu, vector, vcpu->g.pc);
}

/* Something b3pr cannot handle: userspace gets KVM_EXIT_INTERNAL_ERROR. */
int b3pr_internal_error(struct b3pr_vcpu *vcpu, u32 vector, u64 detail)
{
	struct kvm_run *run = vcpu->run;

	run->exit_reason = KVM_EXIT_INTERNAL_ERROR;
	run->internal.suberror = KVM_INTERNAL_ERROR_EMULATION;
	run->internal.ndata = 3;
	run->internal.data[0] = vector;
	run->internal.data[1] = vcpu->g.pc;
	run->internal.data[2] = detail;
	vcpu->exits[B3PR_EXIT_INTERNAL]++;
	return B3PR_TO_USER;
}

/* A word as the guest's byte order stores it, in host order. */
static u32 b3pr_guest_word(const struct b3pr_vcpu *vcpu, u32 raw)
{
	return (vcpu->g.msr & B3PR_MSR_LE) ? le32_to_cpu(raw) :
					     be32_to_cpu(raw);
}

int b3pr_fetch_insn(struct b3pr_vcpu *vcpu, u32 *insn, u32 *before,
		    bool *has_before)
{
	struct b3pr_interrupt fault;
	u32 raw, raw_before;
	int ret;

	ret = b3pr_shadow_read_insn(vcpu, &raw, before ? &raw_before : NULL,
				    has_before, &fault);
	if (ret > 0) {
		/* The guest's own translation of the PC went away. */
		vcpu->exits[B3PR_EXIT_GUEST_FAULT]++;
		b3pr_deliver_interrupt(&vcpu->g, &fault);
		return 1;
	}
	if (ret)
		return ret;
	*insn = b3pr_guest_word(vcpu, raw);
	if (before && *has_before)
		*before = b3pr_guest_word(vcpu, raw_before);
	return 0;
}
