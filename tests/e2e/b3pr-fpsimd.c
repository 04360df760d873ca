// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-fpsimd b3pr|kvm DEVICE: the guest's FP/VMX/VSX registers and the
 * SPRs problem state reaches, through the KVM ABI, against b3pr and (on
 * the reference kernel) kvm-pr:
 *  - ONE_REG FPR/VSR/VR/VSCR/FPSCR/VRSAVE set then get, in upstream's
 *    layout (arch/powerpc/include/uapi/asm/kvm.h; powerpc.c and book3s.c
 *    kvmppc_{get,set}_one_reg): FPR n is doubleword 0 of VSR n, a 128-bit
 *    value is copied in the host's byte order, VSCR is 32 bits;
 *  - a guest that copies FPR 1, VR 2 and VSCR into other registers, reads
 *    TAR, DSCR and AMR and writes others: after its MMIO exit ONE_REG
 *    shows its registers, the guest saw what ONE_REG had set (not the
 *    VMM's), and the VMM's own TAR, DSCR and AMR are what they were;
 *  - (b3pr) registers of a facility the guest's CPU lacks are -EINVAL.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "e2e.h"

int e2e_failures;

static bool on_b3pr;
static const char *prefix = "";
static char name[96];

#define N(s)	(snprintf(name, sizeof(name), "%sfpsimd/%s", prefix, s), name)

#define GUEST_ENTRY	0x1000
#define GUEST_MEM	0x10000
#define MMIO_EXIT	0xf0000008ull
#define MSR_SF		0x8000000000000000ull
#define MSR_ME		0x1000ull
#define MSR_LE		0x1ull

/*
 * The guest, little-endian: mfmsr r10; ori r10,r10,MSR_FP;
 * oris r10,r10,(MSR_VEC|MSR_VSX)>>16; mtmsrd r10; fmr f2,f1; vor v3,v2,v2;
 * mfvscr v4; mfspr r3,TAR; mtspr TAR,r6; then (b3pr: kvm-pr has no
 * ONE_REG for them) mfspr r4,DSCR(3); mfspr r5,AMR(29); mtspr DSCR(3),r7;
 * mtspr AMR(29),r8; and stw r9,0(r11) (the MMIO exit); b .
 */
static const uint32_t guest_head[] = {
	0x7d4000a6, 0x614a2000, 0x654a0280, 0x7d400164,
	0xfc400890, 0x10621484, 0x10800604, 0x7c6fcaa6, 0x7ccfcba6,
};
static const uint32_t guest_dscr_amr[] = {
	0x7c8302a6, 0x7cbd02a6, 0x7ce303a6, 0x7d1d03a6,
};
static const uint32_t guest_tail[] = { 0x912b0000, 0x48000000 };
/* Vectors a guest could take by surprise: an MMIO exit each. */
static const uint32_t guest_vectors[] = {
	0x300, 0x400, 0x600, 0x700, 0x800, 0xf20, 0xf40, 0xf60,
};

/* ISA-valid values: TAR and DSCR low bits, AMR keys 1 and 2 only. */
#define VMM_TAR		0x00000000aaaa0000ull
#define VMM_DSCR	0x4ull
#define ONE_REG_TAR	0x0000000012340000ull
#define ONE_REG_DSCR	0x2ull
#define ONE_REG_AMR	0x0c00000000000000ull
#define GUEST_TAR	0x0000000045670000ull
#define GUEST_DSCR	0x5ull
#define GUEST_AMR	0x3000000000000000ull
#define FSCR_TAR_EBB_DSCR	0x184ull	/* FSCR bits 55, 56, 61 */

static long one_reg(int vcpu, bool set, uint64_t id, void *val)
{
	struct kvm_one_reg r = { .id = id, .addr = (uintptr_t)val };

	return e2e_ret(ioctl(vcpu, set ? KVM_SET_ONE_REG : KVM_GET_ONE_REG, &r));
}

static void expect_u64(const char *n, uint64_t want, uint64_t got)
{
	if (want == got)
		e2e_pass(n);
	else
		e2e_fail(n, "expected 0x%llx, got 0x%llx",
			 (unsigned long long)want, (unsigned long long)got);
}

static uint64_t get64(int vcpu, uint64_t id)
{
	uint64_t v = 0xbad;

	one_reg(vcpu, false, id, &v);
	return v;
}

static void set64(int vcpu, uint64_t id, uint64_t v)
{
	if (one_reg(vcpu, true, id, &v))
		e2e_fail(N("set-one-reg"), "id 0x%llx: %s", (unsigned long long)id,
			 strerror(errno));
}

/* A 128-bit register: set, get, compare bytes. */
static void round_trip_128(int vcpu, const char *n, uint64_t id,
			   const uint64_t val[2])
{
	uint64_t got[2] = { 0, 0 };
	uint64_t v[2] = { val[0], val[1] };
	long r = one_reg(vcpu, true, id, v);

	if (!r)
		r = one_reg(vcpu, false, id, got);
	if (r)
		e2e_fail(N(n), "%s", strerror(-r));
	else if (memcmp(got, val, 16))
		e2e_fail(N(n), "got %016llx %016llx", (unsigned long long)got[0],
			 (unsigned long long)got[1]);
	else
		e2e_pass(N(n));
}

/* Which u64 of a host-order 128-bit value is ISA doubleword 0 */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define DW0	0
#define WORD3	3
#else
#define DW0	1
#define WORD3	0
#endif

static void check_one_reg(int vcpu)
{
	static const uint64_t vsr[2] = { 0x0123456789abcdefull,
					 0xfedcba9876543210ull };
	static const uint64_t vr[2] = { 0x1111222233334444ull,
					0x5555666677778888ull };
	uint32_t v32 = 0x00010001, g32 = 0;

	set64(vcpu, KVM_REG_PPC_FPR(3), 0x400921fb54442d18ull);
	expect_u64(N("one-reg-fpr"), 0x400921fb54442d18ull,
		   get64(vcpu, KVM_REG_PPC_FPR(3)));
	round_trip_128(vcpu, "one-reg-vsr", KVM_REG_PPC_VSR(5), vsr);
	/* FPR 5 is VSR 5's doubleword 0 (ISA 7.2.1.1) */
	expect_u64(N("one-reg-fpr-is-vsr-dw0"), vsr[DW0],
		   get64(vcpu, KVM_REG_PPC_FPR(5)));
	set64(vcpu, KVM_REG_PPC_FPR(5), 0x3ff0000000000000ull);
	{
		uint64_t got[2] = { 0, 0 };

		one_reg(vcpu, false, KVM_REG_PPC_VSR(5), got);
		expect_u64(N("one-reg-fpr-set-keeps-vsr-dw1"), vsr[!DW0],
			   got[!DW0]);
	}
	round_trip_128(vcpu, "one-reg-vr", KVM_REG_PPC_VR(7), vr);
	set64(vcpu, KVM_REG_PPC_FPSCR, 0x84005001ull);
	expect_u64(N("one-reg-fpscr"), 0x84005001ull,
		   get64(vcpu, KVM_REG_PPC_FPSCR));
	if (one_reg(vcpu, true, KVM_REG_PPC_VSCR, &v32) ||
	    one_reg(vcpu, false, KVM_REG_PPC_VSCR, &g32))
		e2e_fail(N("one-reg-vscr-u32"), "%s", strerror(errno));
	else
		expect_u64(N("one-reg-vscr-u32"), 0x00010001, g32);
	v32 = 0xa5a5a5a5;
	if (one_reg(vcpu, true, KVM_REG_PPC_VRSAVE, &v32) ||
	    one_reg(vcpu, false, KVM_REG_PPC_VRSAVE, &g32))
		e2e_fail(N("one-reg-vrsave-u32"), "%s", strerror(errno));
	else
		expect_u64(N("one-reg-vrsave-u32"), 0xa5a5a5a5, g32);
}

static uint64_t vmm_tar(void)
{
	uint64_t v;

	asm volatile("mfspr %0, 815" : "=r"(v));
	return v;
}

static uint64_t vmm_dscr(void)
{
	uint64_t v;

	asm volatile("mfspr %0, 3" : "=r"(v));
	return v;
}

static uint64_t vmm_amr(void)
{
	uint64_t v;

	asm volatile("mfspr %0, 13" : "=r"(v));
	return v;
}

static int setup_guest(int vm, int vcpu, void *mem)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0, .memory_size = GUEST_MEM,
		.userspace_addr = (uintptr_t)mem,
	};
	struct kvm_regs regs;
	uint64_t hior = 0, lpcr = 0;

	uint32_t *code = (uint32_t *)((char *)mem + GUEST_ENTRY);
	unsigned int i;

	memcpy(code, guest_head, sizeof(guest_head));
	code += sizeof(guest_head) / 4;
	if (on_b3pr) {
		memcpy(code, guest_dscr_amr, sizeof(guest_dscr_amr));
		code += sizeof(guest_dscr_amr) / 4;
	}
	memcpy(code, guest_tail, sizeof(guest_tail));
	for (i = 0; i < sizeof(guest_vectors) / 4; i++)
		((uint32_t *)mem)[guest_vectors[i] / 4] = guest_tail[0];
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) ||
	    ioctl(vcpu, KVM_GET_REGS, &regs))
		return -1;
	one_reg(vcpu, true, KVM_REG_PPC_HIOR, &hior);
	if (!one_reg(vcpu, false, KVM_REG_PPC_LPCR_64, &lpcr)) {
		lpcr |= 0x02000000;	/* ILE: the guest is little-endian */
		one_reg(vcpu, true, KVM_REG_PPC_LPCR_64, &lpcr);
	}
	regs.pc = GUEST_ENTRY;
	regs.msr = MSR_SF | MSR_ME | MSR_LE;
	regs.gpr[6] = GUEST_TAR;
	regs.gpr[7] = GUEST_DSCR;
	regs.gpr[8] = GUEST_AMR;
	regs.gpr[9] = 1;
	regs.gpr[11] = MMIO_EXIT;
	return ioctl(vcpu, KVM_SET_REGS, &regs);
}

/* The guest's view, then the VMM's own registers, after one run. */
static void check_guest_run(int vm, int vcpu, struct kvm_run *run)
{
	static const uint64_t vr2[2] = { 0x0f1e2d3c4b5a6978ull,
					 0x8796a5b4c3d2e1f0ull };
	uint64_t tar, dscr, amr, got[2] = { 0, 0 };
	void *mem = mmap(NULL, GUEST_MEM, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint32_t vscr = 0x00010000;	/* NJ */
	uint32_t words[4];
	struct kvm_regs regs;
	long r;

	if (mem == MAP_FAILED || setup_guest(vm, vcpu, mem)) {
		e2e_fail(N("guest-setup"), "%s", strerror(errno));
		return;
	}
	set64(vcpu, KVM_REG_PPC_FPR(1), 0xc00921fb54442d18ull);
	{
		uint64_t v[2] = { vr2[0], vr2[1] };

		one_reg(vcpu, true, KVM_REG_PPC_VR(2), v);
	}
	one_reg(vcpu, true, KVM_REG_PPC_VSCR, &vscr);
	set64(vcpu, KVM_REG_PPC_TAR, ONE_REG_TAR);
	/*
	 * FSCR only governs problem state, but kvm-pr applies it to the
	 * guest's supervisor too (KNOWN-DIVERGENCES.md): enable them.
	 */
	set64(vcpu, KVM_REG_PPC_FSCR, FSCR_TAR_EBB_DSCR);
	if (on_b3pr) {
		set64(vcpu, KVM_REG_PPC_DSCR, ONE_REG_DSCR);
		set64(vcpu, KVM_REG_PPC_AMR, ONE_REG_AMR);
	}

	/* The VMM's own values: TAR and DSCR as Linux lets a process set them. */
	asm volatile("mtspr 815, %0" : : "r"(VMM_TAR));
	asm volatile("mtspr 3, %0" : : "r"(VMM_DSCR));
	tar = vmm_tar();
	dscr = vmm_dscr();
	amr = vmm_amr();
	expect_u64(N("vmm-tar-set"), VMM_TAR, tar);
	expect_u64(N("vmm-dscr-set"), VMM_DSCR, dscr);

	alarm(20);
	r = e2e_ret(ioctl(vcpu, KVM_RUN, 0));
	alarm(0);
	if (r || run->exit_reason != KVM_EXIT_MMIO ||
	    run->mmio.phys_addr != MMIO_EXIT) {
		e2e_fail(N("guest-run-mmio-exit"), "ret %ld exit %u addr 0x%llx", r,
			 run->exit_reason, (unsigned long long)run->mmio.phys_addr);
		return;
	}
	if (ioctl(vcpu, KVM_GET_REGS, &regs)) {
		e2e_fail(N("guest-regs"), "%s", strerror(errno));
		return;
	}
	if (regs.pc < GUEST_ENTRY) {
		e2e_fail(N("guest-run-mmio-exit"), "interrupt 0x%llx, srr0 0x%llx, srr1 0x%llx",
			 (unsigned long long)regs.pc & ~0xfull,
			 (unsigned long long)regs.srr0,
			 (unsigned long long)regs.srr1);
		return;
	}
	e2e_pass(N("guest-run-mmio-exit"));
	expect_u64(N("vmm-tar-kept"), tar, vmm_tar());
	expect_u64(N("vmm-dscr-kept"), dscr, vmm_dscr());
	expect_u64(N("vmm-amr-kept"), amr, vmm_amr());

	expect_u64(N("guest-saw-one-reg-tar"), ONE_REG_TAR, regs.gpr[3]);
	expect_u64(N("one-reg-guest-tar"), GUEST_TAR, get64(vcpu, KVM_REG_PPC_TAR));
	if (on_b3pr) {
		expect_u64(N("guest-saw-one-reg-dscr"), ONE_REG_DSCR, regs.gpr[4]);
		expect_u64(N("guest-saw-one-reg-amr"), ONE_REG_AMR, regs.gpr[5]);
		expect_u64(N("one-reg-guest-dscr"), GUEST_DSCR,
			   get64(vcpu, KVM_REG_PPC_DSCR));
		expect_u64(N("one-reg-guest-amr"), GUEST_AMR,
			   get64(vcpu, KVM_REG_PPC_AMR));
	}
	expect_u64(N("one-reg-guest-fmr"), 0xc00921fb54442d18ull,
		   get64(vcpu, KVM_REG_PPC_FPR(2)));
	one_reg(vcpu, false, KVM_REG_PPC_VR(3), got);
	if (memcmp(got, vr2, 16))
		e2e_fail(N("one-reg-guest-vor"), "got %016llx %016llx",
			 (unsigned long long)got[0], (unsigned long long)got[1]);
	else
		e2e_pass(N("one-reg-guest-vor"));
	/* mfvscr: VSCR in word 3 (bits 96:127), 0 elsewhere (ISA 6.3) */
	memset(words, 0xff, sizeof(words));
	one_reg(vcpu, false, KVM_REG_PPC_VR(4), words);
	expect_u64(N("one-reg-guest-mfvscr"), 0x00010000, words[WORD3]);
}

/*
 * A guest CPU without the facility has no such instructions: they are
 * illegal (program interrupt, SRR1[44] = 0x80000, SRR0 the instruction;
 * ISA Book III-S 6.5.9), whatever the host has. Big-endian code at
 * 0x1000 turns FP (and VMX where there is one) on and runs @insn at
 * 0x1010; each vector the guest could take holds an MMIO store, so the
 * PC at the exit tells which it was (the store's address or the next).
 */
static void check_illegal(int dev, const char *n, uint32_t pvr, uint64_t msr,
			  uint32_t mtmsr, uint32_t insn)
{
	const uint32_t code[] = { 0x7d4000a6, 0x614a2000,
				  pvr == 0x003c0301 ? 0x654a0200 : 0x60000000,
				  mtmsr, insn, 0x48000000 };
	static const uint32_t vectors[] = { 0x700, 0x800, 0xf20, 0xf40 };
	struct kvm_userspace_memory_region region = {
		.slot = 0, .memory_size = GUEST_MEM,
	};
	int vm = ioctl(dev, KVM_CREATE_VM, KVM_VM_PPC_PR);
	int vcpu = vm < 0 ? -1 : ioctl(vm, KVM_CREATE_VCPU, 0);
	uint32_t *mem = mmap(NULL, GUEST_MEM, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct kvm_sregs sregs;
	struct kvm_regs regs;
	uint64_t hior = 0;
	unsigned int i;
	long r;

	if (vcpu < 0 || mem == MAP_FAILED) {
		e2e_fail(N(n), "setup: %s", strerror(errno));
		return;
	}
	for (i = 0; i < sizeof(code) / 4; i++)
		mem[GUEST_ENTRY / 4 + i] = __builtin_bswap32(code[i]);
	for (i = 0; i < sizeof(vectors) / 4; i++)
		mem[vectors[i] / 4] = __builtin_bswap32(0x912b0000);
	region.userspace_addr = (uintptr_t)mem;
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) ||
	    ioctl(vcpu, KVM_GET_SREGS, &sregs)) {
		e2e_fail(N(n), "setup: %s", strerror(errno));
		return;
	}
	sregs.pvr = pvr;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) ||
	    ioctl(vcpu, KVM_GET_REGS, &regs)) {
		e2e_fail(N(n), "pvr 0x%x: %s", pvr, strerror(errno));
		return;
	}
	one_reg(vcpu, true, KVM_REG_PPC_HIOR, &hior);
	regs.pc = GUEST_ENTRY;
	regs.msr = msr;
	regs.gpr[11] = MMIO_EXIT;
	ioctl(vcpu, KVM_SET_REGS, &regs);
	alarm(20);
	r = e2e_ret(ioctl(vcpu, KVM_RUN, 0));
	alarm(0);
	if (r || ioctl(vcpu, KVM_GET_REGS, &regs)) {
		e2e_fail(N(n), "run: %s", strerror(-r));
	} else if ((regs.pc & ~4ull) != 0x700 || regs.srr0 != GUEST_ENTRY + 0x10 ||
		   !(regs.srr1 & 0x80000)) {
		e2e_fail(N(n), "vector 0x%llx, srr0 0x%llx, srr1 0x%llx",
			 (unsigned long long)regs.pc,
			 (unsigned long long)regs.srr0,
			 (unsigned long long)regs.srr1);
	} else {
		e2e_pass(N(n));
	}
	close(vcpu);
	close(vm);
	munmap(mem, GUEST_MEM);
}

/* A guest CPU without the facility has none of its registers. */
static void check_missing(int vcpu, uint32_t pvr, uint64_t id, const char *n)
{
	struct kvm_sregs sregs;
	uint64_t v[2];

	if (ioctl(vcpu, KVM_GET_SREGS, &sregs))
		return;
	sregs.pvr = pvr;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs)) {
		e2e_fail(N(n), "SET_SREGS pvr 0x%x: %s", pvr, strerror(errno));
		return;
	}
	e2e_expect_ret(N(n), -EINVAL, one_reg(vcpu, false, id, v));
}

/* A guest that never exits ends its KVM_RUN with -EINTR, not the test. */
static void on_alarm(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct kvm_run *run;
	int dev, vm, vcpu;

	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */

	setvbuf(stdout, NULL, _IOLBF, 0);
	sigaction(SIGALRM, &sa, NULL);
	if (argc != 3 || (strcmp(argv[1], "b3pr") && strcmp(argv[1], "kvm"))) {
		fprintf(stderr, "usage: b3pr-fpsimd b3pr|kvm DEVICE\n");
		return 2;
	}
	on_b3pr = !strcmp(argv[1], "b3pr");
	prefix = on_b3pr ? "" : "kvmpr-";
	dev = open(argv[2], O_RDWR | O_CLOEXEC);
	vm = dev < 0 ? -1 : ioctl(dev, KVM_CREATE_VM, KVM_VM_PPC_PR);
	vcpu = vm < 0 ? -1 : ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0) {
		e2e_fail(N("create-vcpu"), "%s", strerror(errno));
		return 1;
	}
	run = mmap(NULL, ioctl(dev, KVM_GET_VCPU_MMAP_SIZE, 0),
		   PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED) {
		e2e_fail(N("mmap-run"), "%s", strerror(errno));
		return 1;
	}
	check_one_reg(vcpu);
	check_guest_run(vm, vcpu, run);
	/* 970: FP and VMX, no VSX (xxlor vs33,vs1,vs1) */
	check_illegal(dev, "vsx-on-970-illegal", 0x003c0301, MSR_SF | MSR_ME,
		      0x7d400164, 0xf0210c91);
	/* 750: FP only (vspltisw v1,7), 32-bit: mtmsr */
	check_illegal(dev, "vmx-on-750-illegal", 0x00083214, MSR_ME,
		      0x7d400124, 0x1027038c);
	if (on_b3pr) {
		check_missing(vcpu, 0x00390000, KVM_REG_PPC_VSR(0),
			      "one-reg-vsr-on-970-einval");
		check_missing(vcpu, 0x00083214, KVM_REG_PPC_VR(0),
			      "one-reg-vr-on-750-einval");
		check_missing(vcpu, 0x00083214, KVM_REG_PPC_VSCR,
			      "one-reg-vscr-on-750-einval");
		check_missing(vcpu, 0x00083214, KVM_REG_PPC_VRSAVE,
			      "one-reg-vrsave-on-750-einval");
	}
	return e2e_failures != 0;
}
