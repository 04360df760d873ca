// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-e2e: checks run inside the emulated host, one subcommand per
 * group. "dev": the /dev/b3pr system ABI; "kvm-pr": the reference
 * hypervisor answers on /dev/kvm; "stats": no b3pr object is left alive;
 * "load-refused": one finit_module() of a module fails with ENODEV
 * (busybox modprobe retries with init_module, which would load twice).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "e2e.h"
#include "uapi/b3pr/b3pr.h"

int e2e_failures;

static int open_dev(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		e2e_fail("open", "%s: %s", path, strerror(errno));
	else
		e2e_pass("open");
	return fd;
}

/* linux/kvm.h: the system ioctls of API version 12. */
static void check_system_abi(int fd)
{
	long page = sysconf(_SC_PAGESIZE);

	e2e_expect_ret("api-version-12", 12,
		       e2e_ret(ioctl(fd, KVM_GET_API_VERSION, 0)));
	e2e_expect_ret("api-version-nonzero-arg-einval", -EINVAL,
		       e2e_ret(ioctl(fd, KVM_GET_API_VERSION, 1)));
	e2e_expect_ret("vcpu-mmap-size-is-page", page,
		       e2e_ret(ioctl(fd, KVM_GET_VCPU_MMAP_SIZE, 0)));
	e2e_expect_ret("vcpu-mmap-size-nonzero-arg-einval", -EINVAL,
		       e2e_ret(ioctl(fd, KVM_GET_VCPU_MMAP_SIZE, 1)));
	e2e_expect_ret("unknown-ioctl-enotty", -ENOTTY,
		       e2e_ret(ioctl(fd, _IO(KVMIO, 0x7f), 0)));
	e2e_expect_ret("foreign-magic-ioctl-enotty", -ENOTTY,
		       e2e_ret(ioctl(fd, _IO('x', 1), 0)));
	e2e_expect_ret("stats-bad-pointer-efault", -EFAULT,
		       e2e_ret(ioctl(fd, B3PR_GET_MODULE_STATS, (void *)8)));
}

/*
 * Capabilities b3pr does not offer yet must read 0: a VMM decides what
 * to use from these. Each one is removed from this list the day it is
 * implemented and tested.
 */
static const struct {
	const char *name;
	long cap;
} not_yet_caps[] = {
	{ "cap-ppc-papr-0", KVM_CAP_PPC_PAPR },
	{ "cap-ppc-get-pvinfo-0", KVM_CAP_PPC_GET_PVINFO },
	{ "cap-enable-cap-0", KVM_CAP_ENABLE_CAP },
	{ "cap-coalesced-mmio-0", KVM_CAP_COALESCED_MMIO },
	{ "cap-irqchip-0", KVM_CAP_IRQCHIP },
	{ "cap-ppc-htm-0", KVM_CAP_PPC_HTM },
	{ "cap-ppc-mmu-radix-0", KVM_CAP_PPC_MMU_RADIX },
	{ "cap-unknown-0", 0x7fffffff },
};

/*
 * What b3pr claims, with the value it must give; tests/e2e/b3pr-abi.c
 * exercises each (slot and vcpu limits, ONE_REG with HIOR, SREGS segment
 * state, KVM_INTERRUPT unset and level), tests/e2e/b3pr-mem.c SYNC_MMU,
 * b3pr-stress slots the deleted and re-created regions, b3pr-stress pow
 * immediate_exit.
 * NR_VCPUS is the online CPU count.
 */
static const struct {
	const char *name;
	long cap;
	long value;
} claimed_caps[] = {
	{ "cap-user-memory-1", KVM_CAP_USER_MEMORY, 1 },
	{ "cap-nr-memslots-32", KVM_CAP_NR_MEMSLOTS, 32 },
	{ "cap-max-vcpus-64", KVM_CAP_MAX_VCPUS, 64 },
	{ "cap-max-vcpu-id-1024", KVM_CAP_MAX_VCPU_ID, 1024 },
	{ "cap-one-reg-1", KVM_CAP_ONE_REG, 1 },
	{ "cap-ppc-segstate-1", KVM_CAP_PPC_SEGSTATE, 1 },
	{ "cap-ppc-unset-irq-1", KVM_CAP_PPC_UNSET_IRQ, 1 },
	{ "cap-ppc-irq-level-1", KVM_CAP_PPC_IRQ_LEVEL, 1 },
	{ "cap-sync-mmu-1", KVM_CAP_SYNC_MMU, 1 },
	{ "cap-destroy-memory-region-works-1",
	  KVM_CAP_DESTROY_MEMORY_REGION_WORKS, 1 },
	{ "cap-join-memory-regions-works-1",
	  KVM_CAP_JOIN_MEMORY_REGIONS_WORKS, 1 },
	{ "cap-immediate-exit-1", KVM_CAP_IMMEDIATE_EXIT, 1 },
	{ "cap-ppc-hior-1", KVM_CAP_PPC_HIOR, 1 },
};

static void check_capabilities(int fd)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned int i;

	for (i = 0; i < sizeof(not_yet_caps) / sizeof(not_yet_caps[0]); i++)
		e2e_expect_ret(not_yet_caps[i].name, 0,
			       e2e_ret(ioctl(fd, KVM_CHECK_EXTENSION,
					     not_yet_caps[i].cap)));
	for (i = 0; i < sizeof(claimed_caps) / sizeof(claimed_caps[0]); i++)
		e2e_expect_ret(claimed_caps[i].name, claimed_caps[i].value,
			       e2e_ret(ioctl(fd, KVM_CHECK_EXTENSION,
					     claimed_caps[i].cap)));
	e2e_expect_ret("cap-nr-vcpus-online-cpus", online < 64 ? online : 64,
		       e2e_ret(ioctl(fd, KVM_CHECK_EXTENSION,
				     KVM_CAP_NR_VCPUS)));
}

static int cmd_dev(const char *path)
{
	int fd = open_dev(path);

	if (fd < 0)
		return 1;
	check_system_abi(fd);
	check_capabilities(fd);
	close(fd);
	return 0;
}

static int cmd_stats(const char *path)
{
	struct b3pr_module_stats st;
	int fd = open_dev(path);

	if (fd < 0)
		return 1;
	if (ioctl(fd, B3PR_GET_MODULE_STATS, &st))
		e2e_fail("stats", "%s", strerror(errno));
	else if (st.live_objects || st.vms)
		e2e_fail("stats-nothing-alive", "%llu objects, %llu VMs",
			 (unsigned long long)st.live_objects,
			 (unsigned long long)st.vms);
	else
		e2e_pass("stats-nothing-alive");
	close(fd);
	return 0;
}

/* Upstream kvm-pr, the reference: a PR VM can be created on /dev/kvm. */
static int cmd_kvm_pr(const char *path)
{
	int fd = open_dev(path);
	long vm;

	if (fd < 0)
		return 1;
	e2e_expect_ret("kvmpr-api-version-12", 12,
		       e2e_ret(ioctl(fd, KVM_GET_API_VERSION, 0)));
	vm = e2e_ret(ioctl(fd, KVM_CREATE_VM, KVM_VM_PPC_PR));
	if (vm >= 0) {
		e2e_pass("kvmpr-create-vm-ppc-pr");
		close(vm);
	} else {
		e2e_fail("kvmpr-create-vm-ppc-pr", "%s", strerror(-vm));
	}
	close(fd);
	return 0;
}

static int cmd_load_refused(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		e2e_fail("load-refused-enodev", "%s: %s", path, strerror(errno));
		return 1;
	}
	e2e_expect_ret("load-refused-enodev", -ENODEV,
		       e2e_ret(syscall(SYS_finit_module, fd, "", 0)));
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "dev"))
		ret = cmd_dev(argv[2]);
	else if (argc == 3 && !strcmp(argv[1], "stats"))
		ret = cmd_stats(argv[2]);
	else if (argc == 3 && !strcmp(argv[1], "kvm-pr"))
		ret = cmd_kvm_pr(argv[2]);
	else if (argc == 3 && !strcmp(argv[1], "load-refused"))
		ret = cmd_load_refused(argv[2]);
	else {
		fprintf(stderr, "usage: b3pr-e2e dev|stats|kvm-pr DEVICE\n"
			"       b3pr-e2e load-refused MODULE.ko\n");
		return 2;
	}
	return ret || e2e_failures;
}
