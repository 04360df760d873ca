// SPDX-License-Identifier: GPL-2.0
/*
 * The hostile-guest fuzzer: THREADS threads, for SECONDS, each make
 * guests and run them. A guest is a 64-bit (POWER8, POWER7, 970) or
 * 32-bit (750, 7400, 7448) CPU with random registers and MSR (either
 * translation mode, either byte order, problem state or not), a random
 * SLB and hashed page table (64-bit) or segment registers, BATs and
 * table (32-bit), partly valid and partly garbage, and memory of mostly
 * privileged, MMU, storage, synchronisation and facility instructions
 * with random operands, branches, counters and noise. Each KVM_RUN is
 * cut by a signal at a random time; exits are answered as a VMM does
 * (MMIO loads get data, an internal error resets or recreates the
 * guest); between runs registers, SPRs, interrupts and memory change.
 *
 * Every fourth word or so is "addi r31,r31,1", no other generated
 * instruction writes r31: the growth of r31 counts executed counter
 * words, a lower bound of the guest instructions run (the estimate
 * scales it by the counters' share of the words).
 */
#define _GNU_SOURCE
#include <endian.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "fuzz.h"

#define COUNTER_INSN	0x3bff0001u	/* addi r31,r31,1 */
#define COUNTER_PCT	25
#define MMIO_BASE	0xf0000000ull

#define MSR64_SF	0x8000000000000000ull
#define MSR_EE		0x8000ull
#define MSR_PR		0x4000ull
#define MSR_FP		0x2000ull
#define MSR_ME		0x1000ull
#define MSR_SE		0x400ull
#define MSR_IP		0x40ull
#define MSR_IR		0x20ull
#define MSR_DR		0x10ull
#define MSR_RI		0x2ull
#define MSR_LE		0x1ull
#define MSR32_ILE	0x10000ull
#define LPCR_ILE	0x02000000ull

static const char *device;
static bool on_kvm_pr;
static double deadline;

struct hguest {
	int vm, vcpu;
	struct kvm_run *run;
	size_t run_size;
	uint8_t *mem;
	size_t mem_size;
	bool is32, le;
	uint64_t r31;
};

struct gfuzzer {
	struct fuzz_rng r;
	struct fuzz_runner runner;
	int dev;
	unsigned long guests, refused, mmio, internal, other, errors;
	unsigned long counted;		/* counter words executed */
};

static unsigned int reg(struct gfuzzer *f)
{
	return fuzz_below(&f->r, 31);	/* never r31, the counter */
}

static uint32_t spr_insn(uint32_t base, unsigned int rt, unsigned int spr)
{
	return base | rt << 21 | (spr & 31) << 16 | ((spr >> 5) & 31) << 11;
}

static unsigned int random_spr(struct gfuzzer *f)
{
	static const uint16_t sprs[] = {
		1, 8, 9, 17, 18, 19, 22, 25, 26, 27, 29, 136, 152, 153, 256,
		268, 269, 272, 273, 274, 275, 284, 285, 287, 304, 305, 310,
		311, 313, 314, 318, 319, 336, 528, 529, 530, 531, 536, 537,
		538, 539, 560, 561, 568, 569, 768, 779, 795, 798, 815, 896,
		1008, 1009, 1013, 1015, 1017, 1019, 1023,
	};

	return fuzz_chance(&f->r, 85) ? sprs[fuzz_below(&f->r, ARRAY_SIZE(sprs))] :
					fuzz_below(&f->r, 1024);
}

/* One word of hostile guest code. */
static uint32_t gen_word(struct gfuzzer *f)
{
	static const uint32_t fixed[] = {
		0x4c000024,	/* rfid */
		0x4c000064,	/* rfi */
		0x4c000224,	/* hrfid */
		0x44000002,	/* sc */
		0x44000022,	/* sc 1 */
		0x7c0003e4,	/* slbia */
		0x7c00046c,	/* tlbsync */
		0x7c4004ac,	/* ptesync */
		0x7c0004ac,	/* sync */
		0x4c00012c,	/* isync */
		0x7c0006ac,	/* eieio */
		0x4c000364,	/* nap */
		0x4c000324,	/* doze */
		0x4c0002e4,	/* stop */
		0x00000200,	/* attn */
		0x00000000,	/* illegal */
		0x48000000,	/* b . */
		0x7fe00008,	/* trap */
	};
	static const uint32_t rt_ra_rb[] = {
		0x7c0000a6,	/* mfmsr */
		0x7c000124,	/* mtmsr */
		0x7c010124,	/* mtmsr L=1 */
		0x7c000164,	/* mtmsrd */
		0x7c010164,	/* mtmsrd L=1 */
		0x7c000324,	/* slbmte */
		0x7c000364,	/* slbie */
		0x7c000726,	/* slbmfee */
		0x7c0006a6,	/* slbmfev */
		0x7c000264,	/* tlbie */
		0x7c000224,	/* tlbiel */
		0x7c0001e4,	/* mtsrin */
		0x7c000526,	/* mfsrin */
		0x7c0007ec,	/* dcbz */
		0x7c0000ac,	/* dcbf */
		0x7c0007ac,	/* icbi */
		0x7c00006c,	/* dcbst */
		0x7c000028,	/* lwarx */
		0x7c00012d,	/* stwcx. */
		0x7c0000a8,	/* ldarx */
		0x7c0001ad,	/* stdcx. */
		0x7c00062c,	/* lhbrx */
		0x7c00042c,	/* lwbrx */
		0x7c00052c,	/* stwbrx */
		0x7c00002e,	/* lwzx */
		0x7c00012e,	/* stwx */
		0x7c00002a,	/* ldx */
		0x7c00012a,	/* stdx */
		0x7c0000ce,	/* lvx */
		0x7c0001ce,	/* stvx */
		0x7c0004ae,	/* lfdx */
		0x7c0005ae,	/* stfdx */
		0x7c000698,	/* lxvd2x */
		0x10000000,	/* vaddubm */
		0xfc00002a,	/* fadd */
		0xf0000490,	/* xxlor */
		0x7c000008,	/* tw */
		0x7c000026,	/* mfcr */
		0x7c000120,	/* mtcrf */
		0x7c000214,	/* add */
		0x7c0c42a6,	/* mftb */
	};
	static const uint32_t d_form[] = {
		0x80000000,	/* lwz */
		0x90000000,	/* stw */
		0x88000000,	/* lbz */
		0x98000000,	/* stb */
		0xa0000000,	/* lhz */
		0xb0000000,	/* sth */
		0xe8000000,	/* ld */
		0xf8000000,	/* std */
		0xbc000000,	/* stmw */
		0xc8000000,	/* lfd */
		0xd8000000,	/* stfd */
		0x38000000,	/* addi (li with RA 0) */
		0x3c000000,	/* addis (lis) */
		0x60000000,	/* ori */
		0x0c000000,	/* twi */
	};
	unsigned int k = fuzz_below(&f->r, 100);

	if (k < COUNTER_PCT)
		return COUNTER_INSN;
	if (k < 35)
		return fixed[fuzz_below(&f->r, ARRAY_SIZE(fixed))];
	if (k < 55)
		return rt_ra_rb[fuzz_below(&f->r, ARRAY_SIZE(rt_ra_rb))] |
		       reg(f) << 21 | fuzz_below(&f->r, 32) << 16 |
		       fuzz_below(&f->r, 32) << 11;
	if (k < 70)
		/* RA too is never r31: ori writes it */
		return d_form[fuzz_below(&f->r, ARRAY_SIZE(d_form))] |
		       reg(f) << 21 | reg(f) << 16 |
		       (fuzz_rand(&f->r) & 0xffff);
	if (k < 82)
		return spr_insn(fuzz_chance(&f->r, 50) ? 0x7c0002a6 : 0x7c0003a6,
				reg(f), random_spr(f));
	if (k < 84)		/* mtsr / mfsr */
		return (fuzz_chance(&f->r, 50) ? 0x7c0001a4 : 0x7c0004a6) |
		       reg(f) << 21 | fuzz_below(&f->r, 16) << 16;
	if (k < 94)		/* b, bl, bc within +-1 KB */
		return fuzz_chance(&f->r, 60) ?
			0x48000000 | ((fuzz_below(&f->r, 512) * 4 - 1024) & 0x3fffffc) |
				fuzz_below(&f->r, 2) :
			0x40000000 | fuzz_below(&f->r, 1024) << 16 |
				((fuzz_below(&f->r, 512) * 4 - 1024) & 0xfffc);
	return fuzz_rand(&f->r);
}

static void put_word(struct hguest *g, uint64_t off, uint32_t w)
{
	w = g->le ? htole32(w) : htobe32(w);
	if (off + 4 <= g->mem_size)
		memcpy(g->mem + off, &w, 4);
}

static void put_be64(struct hguest *g, uint64_t off, uint64_t v)
{
	v = htobe64(v);
	if (off + 8 <= g->mem_size)
		memcpy(g->mem + off, &v, 8);
}

static void put_be32(struct hguest *g, uint64_t off, uint32_t v)
{
	v = htobe32(v);
	if (off + 4 <= g->mem_size)
		memcpy(g->mem + off, &v, 4);
}

static uint64_t random_msr(struct gfuzzer *f, bool is32, bool le)
{
	uint64_t msr;

	if (fuzz_chance(&f->r, 5))
		return fuzz_rand(&f->r);
	msr = MSR_ME | (is32 ? 0 : MSR64_SF);
	if (fuzz_chance(&f->r, 50))
		msr |= MSR_IR;
	if (fuzz_chance(&f->r, 50))
		msr |= MSR_DR;
	if (le)
		msr |= MSR_LE | (is32 ? MSR32_ILE : 0);
	if (fuzz_chance(&f->r, 30))
		msr |= MSR_EE;
	if (fuzz_chance(&f->r, 15))
		msr |= MSR_PR;
	if (fuzz_chance(&f->r, 20))
		msr |= MSR_FP;
	if (fuzz_chance(&f->r, 5))
		msr |= MSR_SE;
	if (fuzz_chance(&f->r, 10))
		msr |= MSR_IP;
	if (fuzz_chance(&f->r, 50))
		msr |= MSR_RI;
	if (!is32 && fuzz_chance(&f->r, 5))
		msr &= ~MSR64_SF;
	return msr;
}

/*
 * A 256 KB hashed page table at htab (ISA 5.7.7, 256 MB segments, 4 KB
 * pages) mapping the first 64 pages of ESID 0 under vsid one to one,
 * each PTE in a random slot of its primary PTEG; the rest stays noise.
 */
static void htab64(struct gfuzzer *f, struct hguest *g, uint64_t htab,
		   uint64_t vsid)
{
	uint64_t ea, hash, pte;

	for (ea = 0; ea < 64 * 4096; ea += 4096) {
		hash = ((vsid & 0x7fffffffffull) ^ (ea >> 12)) & 0x7ff;
		pte = htab + (hash << 7) + 16 * fuzz_below(&f->r, 8);
		put_be64(g, pte, ((vsid << 28 | ea) >> 23) << 7 | 1);
		put_be64(g, pte + 8, ea | 0x190 | (fuzz_chance(&f->r, 80) ? 2 : fuzz_below(&f->r, 4)));
	}
}

/* The same for a 32-bit CPU: a 64 KB table (HTABMASK 0), SR 0's VSID. */
static void htab32(struct gfuzzer *f, struct hguest *g, uint64_t htab,
		   uint32_t vsid)
{
	uint32_t ea, hash, pte;

	for (ea = 0; ea < 64 * 4096; ea += 4096) {
		hash = ((vsid & 0x7ffff) ^ (ea >> 12)) & 0x3ff;
		pte = htab + (hash << 6) + 8 * fuzz_below(&f->r, 8);
		put_be32(g, pte, 0x80000000u | (vsid & 0xffffff) << 7 | ((ea >> 22) & 0x3f));
		put_be32(g, pte + 4, ea | 0x190 | (fuzz_chance(&f->r, 80) ? 2 : fuzz_below(&f->r, 4)));
	}
}

static void set_sregs(struct gfuzzer *f, struct hguest *g, uint32_t pvr)
{
	struct kvm_sregs local;
	uint64_t htab, vsid;
	unsigned int i;

	memset(&local, 0, sizeof(local));
	local.pvr = pvr;
	if (!g->is32) {
		vsid = fuzz_below(&f->r, 1 << 20);
		htab = g->mem_size >= 0x80000 ? g->mem_size - 0x40000 : 0;
		local.u.s.sdr1 = fuzz_chance(&f->r, 85) ? htab : fuzz_value(&f->r);
		local.u.s.ppc64.slb[0].slbe = 0x08000000ull;
		local.u.s.ppc64.slb[0].slbv = vsid << 12 | (fuzz_chance(&f->r, 70) ? 0 :
						fuzz_below(&f->r, 16) << 8);
		for (i = 1; i < 64; i++) {
			if (fuzz_chance(&f->r, 70))
				continue;
			local.u.s.ppc64.slb[i].slbe = (fuzz_rand(&f->r) & ~0xfffull) |
				(fuzz_chance(&f->r, 80) ? 0x08000000ull : 0) |
				fuzz_below(&f->r, 32);
			local.u.s.ppc64.slb[i].slbv = fuzz_rand(&f->r) & ~0x7full;
		}
		htab64(f, g, htab, vsid);
	} else {
		vsid = fuzz_below(&f->r, 1 << 24);
		htab = g->mem_size >= 0x20000 ? (g->mem_size / 2) & ~0xffffull : 0;
		local.u.s.sdr1 = fuzz_chance(&f->r, 85) ? htab : fuzz_rand(&f->r) & 0xffffffff;
		for (i = 0; i < 16; i++)
			local.u.s.ppc32.sr[i] = fuzz_chance(&f->r, 70) ?
				(vsid + i) | (fuzz_below(&f->r, 8) << 28 & 0x70000000) :
				fuzz_rand(&f->r);
		for (i = 0; i < 8; i++) {
			local.u.s.ppc32.ibat[i] = fuzz_rand(&f->r);
			local.u.s.ppc32.dbat[i] = fuzz_rand(&f->r);
		}
		if (fuzz_chance(&f->r, 50)) {
			/* BAT 0: 0-256 MB one to one, read/write, both modes */
			local.u.s.ppc32.ibat[0] = 0x00001fffull << 32 | 0x12;
			local.u.s.ppc32.dbat[0] = 0x00001fffull << 32 | 0x12;
		}
		htab32(f, g, htab, vsid);
	}
	if (fuzz_ioctl(&f->runner, g->vcpu, KVM_SET_SREGS, &local))
		f->refused++;
}

static void set_random_regs(struct gfuzzer *f, struct hguest *g)
{
	struct kvm_regs regs;
	unsigned int i;

	memset(&regs, 0, sizeof(regs));
	for (i = 0; i < 31; i++)
		regs.gpr[i] = fuzz_chance(&f->r, 30) ?
			MMIO_BASE + 8 * fuzz_below(&f->r, 64) :
			fuzz_chance(&f->r, 50) ? fuzz_below(&f->r, g->mem_size) :
			fuzz_value(&f->r);
	regs.gpr[31] = 0;
	g->r31 = 0;
	regs.pc = fuzz_chance(&f->r, 60) ? 4 * fuzz_below(&f->r, g->mem_size / 4) :
		  fuzz_chance(&f->r, 50) ? 0x100 * fuzz_below(&f->r, 16) : fuzz_value(&f->r);
	regs.msr = random_msr(f, g->is32, g->le);
	if (on_kvm_pr)
		regs.msr &= ~FUZZ_MSR_POW;
	regs.srr0 = fuzz_value(&f->r);
	regs.srr1 = fuzz_value(&f->r);
	regs.sprg0 = fuzz_value(&f->r);
	regs.ctr = fuzz_value(&f->r);
	regs.lr = 4 * fuzz_below(&f->r, g->mem_size / 4);
	regs.cr = fuzz_rand(&f->r);
	regs.xer = fuzz_rand(&f->r);
	if (fuzz_ioctl(&f->runner, g->vcpu, KVM_SET_REGS, &regs))
		f->refused++;
}

static void set_random_one_reg(struct gfuzzer *f, struct hguest *g)
{
	static const uint64_t ids[] = {
		KVM_REG_PPC_DAR, KVM_REG_PPC_DSISR, KVM_REG_PPC_DSCR,
		KVM_REG_PPC_AMR, KVM_REG_PPC_MMCR0, KVM_REG_PPC_PMC1,
		KVM_REG_PPC_FSCR, KVM_REG_PPC_TAR, KVM_REG_PPC_DABR,
		KVM_REG_PPC_DEC_EXPIRY, KVM_REG_PPC_LPCR_64, KVM_REG_PPC_HIOR,
		KVM_REG_PPC_FPSCR, KVM_REG_PPC_FPR(3), KVM_REG_PPC_VRSAVE,
		KVM_REG_PPC_PPR, KVM_REG_PPC_IAMR, KVM_REG_PPC_EBBHR,
	};
	uint64_t val[2] = { fuzz_value(&f->r), fuzz_value(&f->r) };
	struct kvm_one_reg one = {
		.id = ids[fuzz_below(&f->r, ARRAY_SIZE(ids))],
		.addr = (uintptr_t)val,
	};

	if ((one.id & KVM_REG_SIZE_MASK) == KVM_REG_SIZE_U32)
		val[0] = fuzz_rand(&f->r);
	if (fuzz_ioctl(&f->runner, g->vcpu, KVM_SET_ONE_REG, &one))
		f->refused++;
}

static void guest_destroy(struct hguest *g)
{
	if (g->run)
		munmap(g->run, g->run_size);
	if (g->vcpu >= 0)
		close(g->vcpu);
	if (g->vm >= 0)
		close(g->vm);
	if (g->mem)
		munmap(g->mem, g->mem_size);
	memset(g, 0, sizeof(*g));
	g->vm = g->vcpu = -1;
}

static bool guest_create(struct gfuzzer *f, struct hguest *g)
{
	static const uint32_t pvr64[] = { 0, 0x004d0200, 0x003f0201, 0x00390202 };
	static const uint32_t pvr32[] = { 0x000c0209, 0x00080200, 0x80040202, 0x70000100 };
	static const size_t sizes[] = { 0x10000, 0x40000, 0x100000 };
	struct kvm_userspace_memory_region m = { };
	struct kvm_sregs s;
	uint64_t lpcr, off;
	struct kvm_one_reg one = { .id = KVM_REG_PPC_LPCR_64, .addr = (uintptr_t)&lpcr };
	uint32_t pvr;

	memset(g, 0, sizeof(*g));
	g->vm = g->vcpu = -1;
	g->is32 = fuzz_chance(&f->r, 40);
	g->le = fuzz_chance(&f->r, 50);
	g->mem_size = sizes[fuzz_below(&f->r, ARRAY_SIZE(sizes))];
	g->mem = mmap(NULL, g->mem_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (g->mem == MAP_FAILED) {
		g->mem = NULL;
		return false;
	}
	for (off = 0; off < g->mem_size; off += 4)
		put_word(g, off, gen_word(f));
	/* the other byte order now and then: the guest's own mistake */
	if (fuzz_chance(&f->r, 15))
		g->le = !g->le;
	g->vm = ioctl(f->dev, KVM_CREATE_VM, 0);
	if (g->vm < 0)
		goto fail;
	m.memory_size = g->mem_size;
	m.userspace_addr = (uintptr_t)g->mem;
	if (ioctl(g->vm, KVM_SET_USER_MEMORY_REGION, &m))
		goto fail;
	g->vcpu = ioctl(g->vm, KVM_CREATE_VCPU, 0);
	if (g->vcpu < 0)
		goto fail;
	g->run_size = ioctl(f->dev, KVM_GET_VCPU_MMAP_SIZE, 0);
	g->run = mmap(NULL, g->run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		      g->vcpu, 0);
	if (g->run == MAP_FAILED) {
		g->run = NULL;
		goto fail;
	}
	pvr = g->is32 ? pvr32[fuzz_below(&f->r, ARRAY_SIZE(pvr32))] :
			pvr64[fuzz_below(&f->r, ARRAY_SIZE(pvr64))];
	if (!pvr && !fuzz_ioctl(&f->runner, g->vcpu, KVM_GET_SREGS, &s))
		pvr = s.pvr;		/* the host's own */
	set_sregs(f, g, pvr);
	if (!g->is32) {
		lpcr = g->le ? LPCR_ILE : 0;
		fuzz_ioctl(&f->runner, g->vcpu, KVM_SET_ONE_REG, &one);
	}
	set_random_regs(f, g);
	f->guests++;
	return true;
fail:
	f->errors++;
	guest_destroy(g);
	return false;
}

/* What a VMM does between runs, now and then. */
static void mutate(struct gfuzzer *f, struct hguest *g)
{
	struct kvm_interrupt irq;
	unsigned int i;

	switch (fuzz_below(&f->r, 8)) {
	case 0:
		set_random_regs(f, g);
		break;
	case 1:
		set_random_one_reg(f, g);
		break;
	case 2:
		irq.irq = fuzz_chance(&f->r, 70) ? KVM_INTERRUPT_SET :
			  fuzz_chance(&f->r, 50) ? KVM_INTERRUPT_UNSET :
						  KVM_INTERRUPT_SET_LEVEL;
		fuzz_ioctl(&f->runner, g->vcpu, KVM_INTERRUPT, &irq);
		break;
	case 3:
		for (i = 0; i < 16; i++)
			put_word(g, 4 * fuzz_below(&f->r, g->mem_size / 4), gen_word(f));
		break;
	case 4:
		set_sregs(f, g, 0);	/* PVR 0 is no CPU: refused */
		break;
	default:
		break;
	}
}

/* Counter words executed since the last look, when r31 is believable. */
static void count_insns(struct gfuzzer *f, struct hguest *g)
{
	struct kvm_regs regs;
	uint64_t delta;

	if (fuzz_ioctl(&f->runner, g->vcpu, KVM_GET_REGS, &regs))
		return;
	delta = regs.gpr[31] - g->r31;
	if (delta < 50000000)	/* else r31 was overwritten */
		f->counted += delta;
	g->r31 = regs.gpr[31];
}

/* One guest's life: runs, exits answered, until it ends or is recreated. */
static void guest_life(struct gfuzzer *f)
{
	unsigned int runs = 1 + fuzz_below(&f->r, 40), i;
	struct hguest g;
	long ret;

	if (!guest_create(f, &g))
		return;
	for (i = 0; i < runs && fuzz_now() < deadline; i++) {
		if (fuzz_chance(&f->r, 20))
			mutate(f, &g);
		ret = fuzz_kvm_run(&f->runner, &f->r, g.vcpu, 20000);
		count_insns(f, &g);
		if (ret == -EINTR)
			continue;
		if (ret < 0) {
			f->errors++;
			break;
		}
		switch (g.run->exit_reason) {
		case KVM_EXIT_MMIO:
			f->mmio++;
			if (!g.run->mmio.is_write)
				fuzz_fill(&f->r, g.run->mmio.data, sizeof(g.run->mmio.data));
			break;
		case KVM_EXIT_INTERNAL_ERROR:
			f->internal++;
			if (fuzz_chance(&f->r, 50))
				goto out;	/* recreate */
			set_random_regs(f, &g);	/* reset */
			break;
		default:
			f->other++;
			set_random_regs(f, &g);
			break;
		}
	}
out:
	guest_destroy(&g);
}

static void *guest_thread(void *arg)
{
	struct gfuzzer *f = arg;

	fuzz_runner_init(&f->runner);
	while (fuzz_now() < deadline)
		guest_life(f);
	fuzz_runner_fini(&f->runner);
	return NULL;
}

int fuzz_guest_main(const char *dev_path, bool on_b3pr, uint64_t seed,
		    double seconds, unsigned int threads)
{
	struct gfuzzer *gf, sum = { };
	pthread_t *tid;
	unsigned int i;
	double t0, secs;
	int dev;

	device = dev_path;
	on_kvm_pr = !on_b3pr;
	if (!threads)
		threads = 1;
	dev = open(device, O_RDWR | O_CLOEXEC);
	if (dev < 0) {
		e2e_fail("fuzz-guest/open", "%s: %s", device, strerror(errno));
		return 1;
	}
	gf = calloc(threads, sizeof(*gf));
	tid = calloc(threads, sizeof(*tid));
	fuzz_watchdog_start("fuzz-guest");
	t0 = fuzz_now();
	deadline = t0 + seconds;
	for (i = 0; i < threads; i++) {
		gf[i].r.s = seed + i;
		gf[i].dev = dev;
		pthread_create(&tid[i], NULL, guest_thread, &gf[i]);
	}
	for (i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		sum.guests += gf[i].guests;
		sum.refused += gf[i].refused;
		sum.mmio += gf[i].mmio;
		sum.internal += gf[i].internal;
		sum.other += gf[i].other;
		sum.errors += gf[i].errors;
		sum.counted += gf[i].counted;
		fuzz_runner_add(&sum.runner, &gf[i].runner);
	}
	secs = fuzz_now() - t0;
	printf("E2E-INFO fuzz-guest: %lu guests in %.1f s, %u threads; exits: %lu mmio, %lu internal error, %lu other; %lu refused set-ups, %lu failed calls\n",
	       sum.guests, secs, threads, sum.mmio, sum.internal, sum.other,
	       sum.refused, sum.errors);
	printf("E2E-INFO fuzz-guest: %lu counter instructions executed (at least that many guest instructions; about %lu in all, %.0f/s)\n",
	       sum.counted, sum.counted * 100 / COUNTER_PCT,
	       sum.counted * 100 / COUNTER_PCT / secs);
	if (sum.guests)
		e2e_pass("fuzz-guest/guests-made");
	else
		e2e_fail("fuzz-guest/guests-made", "no guest could be made");
	fuzz_runner_judge("fuzz-guest/kvm-run-ends-after-signal", &sum.runner);
	if (on_b3pr)
		e2e_expect_idle(dev, "fuzz-guest/nothing-left", 20);
	close(dev);
	return e2e_failures != 0;
}
