// SPDX-License-Identifier: GPL-2.0
/*
 * --dump-regs: one "name value" line per register, value as 0x and 16 hex
 * digits, in a fixed order, so that the same deterministic program gives
 * the same text on every device (but for dec, which follows real time).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "b3pr-run.h"

static void line(const char *name, uint64_t v)
{
	printf("%s 0x%016llx\n", name, (unsigned long long)v);
}

/*
 * The guest's DEC: from KVM_REG_PPC_DEC_EXPIRY (the timebase value at
 * which it reaches 0) where the device offers it; kvm-pr has no ONE_REG
 * for DEC, and there the line reads 0.
 */
static uint64_t read_dec(const struct vm *vm)
{
	uint64_t expiry;

	if (get_one_reg(vm, KVM_REG_PPC_DEC_EXPIRY, &expiry))
		return 0;
	return (uint32_t)(expiry - __builtin_ppc_get_timebase());
}

int dump_regs(const struct vm *vm, bool mid_line)
{
	struct kvm_regs regs;
	uint64_t dar = 0;
	uint32_t dsisr = 0;
	char name[8];
	int i;

	if (ioctl(vm->vcpu_fd, KVM_GET_REGS, &regs)) {
		err("KVM_GET_REGS: %s", strerror(errno));
		return -1;
	}
	if (get_one_reg(vm, KVM_REG_PPC_DAR, &dar) ||
	    get_one_reg(vm, KVM_REG_PPC_DSISR, &dsisr)) {
		err("KVM_GET_ONE_REG(DAR/DSISR): %s", strerror(errno));
		return -1;
	}
	/* The console may not have ended its last line. */
	if (mid_line)
		putchar('\n');
	line("pc", regs.pc);
	line("msr", regs.msr);
	line("cr", regs.cr);
	line("lr", regs.lr);
	line("ctr", regs.ctr);
	line("xer", regs.xer);
	for (i = 0; i < 32; i++) {
		snprintf(name, sizeof(name), "r%d", i);
		line(name, regs.gpr[i]);
	}
	line("srr0", regs.srr0);
	line("srr1", regs.srr1);
	line("sprg0", regs.sprg0);
	line("sprg1", regs.sprg1);
	line("sprg2", regs.sprg2);
	line("sprg3", regs.sprg3);
	line("dar", dar);
	line("dsisr", dsisr);
	line("dec", read_dec(vm));
	return 0;
}
