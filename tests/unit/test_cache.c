// SPDX-License-Identifier: GPL-2.0
/*
 * Storage control, cache and external control instructions (ISA Book II
 * 4.3 and 4.4, III-S 6.5.3/6.5.8; PEM 8 and 6.4.3/6.4.6). X-form XOs:
 * sync 598, eieio 854, dcbz 1014, dcba 758, dcbi 470, icbi 982, eciwx 310,
 * ecowx 438, mfdcr 323, mtdcr 451.
 */
#include "emul_guest.h"

#define SYNC(l)		EG_X(31, l, 0, 0, 598)
#define EIEIO		EG_X(31, 0, 0, 0, 854)
#define DCBZ(ra, rb)	EG_X(31, 0, ra, rb, 1014)
#define DCBA(ra, rb)	EG_X(31, 0, ra, rb, 758)
#define DCBI(ra, rb)	EG_X(31, 0, ra, rb, 470)
#define ICBI(ra, rb)	EG_X(31, 0, ra, rb, 982)
#define DCBST(ra, rb)	EG_X(31, 0, ra, rb, 54)
#define DCBF(ra, rb)	EG_X(31, 0, ra, rb, 86)
#define DCBT(ra, rb)	EG_X(31, 0, ra, rb, 278)
#define DCBTST(ra, rb)	EG_X(31, 0, ra, rb, 246)
#define ECIWX(rt, ra, rb) EG_X(31, rt, ra, rb, 310)
#define ECOWX(rs, ra, rb) EG_X(31, rs, ra, rb, 438)

/* Real mode kernels: 64-bit SF|ME|RI, 32-bit ME|RI. */
#define REAL64		0x8000000000001002ULL
#define REAL32		0x1002ULL
#define DR		0x10ULL

static void expect_step(struct eg *t, enum b3pr_outcome out)
{
	EXPECT_EQ(B3PR_CONTINUE, out);
	EXPECT_EQ(t->pc0 + 4, t->g.pc);
}

/* Bytes [from, to) are all @byte. */
static bool all_bytes(u64 from, u64 to, u8 byte)
{
	u64 a;

	for (a = from; a < to; a++)
		if (eg_byte(a) != byte)
			return false;
	return true;
}

TEST(cache_sync_steps)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x1000);
	EXPECT_EQ(0x7c0004ac, SYNC(0));		/* sync by hand */
	expect_step(&t, eg_run(&t, SYNC(0)));
}

TEST(cache_ptesync_steps)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x1000);
	expect_step(&t, eg_run(&t, SYNC(2)));	/* sync L=2 = 0x7c4004ac */
}

TEST(cache_eieio_steps)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x1000);
	EXPECT_EQ(0x7c0006ac, EIEIO);
	expect_step(&t, eg_run(&t, EIEIO));
}

/* POWER8: 128-byte blocks; EA 0x1234 is in block 0x1200..0x127f. */
TEST(cache_dcbz_power8_zeroes_128_byte_block)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x100);
	eg_fill(0x1100, 0xaa, 0x300);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0));
	EXPECT_EQ(0xaa, eg_byte(0x11ff));
	EXPECT_EQ(0xaa, eg_byte(0x1280));
}

/* EA = (RA|0) + RB: RA=3 adds r3. */
TEST(cache_dcbz_adds_ra_and_rb)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x100);
	eg_fill(0x3000, 0xaa, 0x400);
	t.g.gpr[3] = 0x3000;
	t.g.gpr[4] = 0x180;			/* block 0x3180..0x31ff */
	expect_step(&t, eg_run(&t, DCBZ(3, 4)));
	EXPECT_TRUE(all_bytes(0x3180, 0x3200, 0));
	EXPECT_EQ(0xaa, eg_byte(0x317f));
	EXPECT_EQ(0xaa, eg_byte(0x3200));
}

/* MSR[SF]=0: the EA is truncated to 32 bits before use. */
TEST(cache_dcbz_32bit_mode_truncates_ea)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x1002, 0x100);
	eg_fill(0x4000, 0xaa, 0x100);
	t.g.gpr[3] = 0xffffffff00000000ULL;
	t.g.gpr[4] = 0x4000;
	expect_step(&t, eg_run(&t, DCBZ(3, 4)));
	EXPECT_TRUE(all_bytes(0x4000, 0x4080, 0));
}

TEST(cache_dcbz_970_zeroes_128_bytes_by_default)
{
	struct eg t;

	eg_init(&t, EG_970, REAL64, 0x100);
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0));
}

/* 970 HID5 bit 56 (0x80): dcbz works on 32 bytes: 0x1220..0x123f. */
TEST(cache_dcbz_970_hid5_dcbz32)
{
	struct eg t;

	eg_init(&t, EG_970, REAL64, 0x100);
	t.g.hid[5] = 0x80;
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1220, 0x1240, 0));
	EXPECT_TRUE(all_bytes(0x1200, 0x1220, 0xaa));
	EXPECT_TRUE(all_bytes(0x1240, 0x1280, 0xaa));
}

/* HID5 is a 970 register: POWER8 keeps its 128-byte block. */
TEST(cache_dcbz_power8_ignores_hid5)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x100);
	t.g.hid[5] = 0x80;
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0));
}

/* 750: 32-byte cache blocks. */
TEST(cache_dcbz_750_zeroes_32_bytes)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1220, 0x1240, 0));
	EXPECT_EQ(0xaa, eg_byte(0x121f));
	EXPECT_EQ(0xaa, eg_byte(0x1240));
}

/* dcbz is not privileged; a 32-bit user may run with DR=0. */
TEST(cache_dcbz_in_problem_state_zeroes)
{
	struct eg t;

	eg_init(&t, EG_7455, 0x4000 | REAL32, 0x100);
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1200;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1220, 0));
}

/*
 * A 750 data BAT for EA 0..128K (BEPI 0, BL 0, Vs=1 = 0x2) onto @brpn
 * with @wimg (BAT lower bits 25:28) and PP=2 (read/write).
 */
static void dbat0(struct eg *t, u32 brpn, u32 wimg)
{
	t->g.dbat[0].upper = 0x2;
	t->g.dbat[0].lower = brpn | (wimg << 3) | 0x2;
}

TEST(cache_dcbz_through_bat_zeroes_translated_block)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32 | DR, 0x100);
	dbat0(&t, 0x100000, 0x2);		/* M */
	eg_fill(0x101200, 0xaa, 0x80);
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[4] = 0x1234;
	expect_step(&t, eg_run(&t, DCBZ(0, 4)));
	EXPECT_TRUE(all_bytes(0x101220, 0x101240, 0));
	EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0xaa));
}

/*
 * Caching-inhibited block: alignment interrupt (III-S 6.5.8, PEM 6.4.6).
 * DAR = EA; DSISR for dcbz r3,r4 = 0x7c0327ec: 15:16 <- insn 29:30 = 10,
 * 17 <- insn 25 = 1, 18:21 <- insn 21:24 = 1111, 22:26 <- RT = 0,
 * 27:31 <- RA = 3: 0x10000 | 0x4000 | 0x3c00 | 3 = 0x17c03.
 */
TEST(cache_dcbz_caching_inhibited_is_alignment)
{
	struct eg t;
	enum b3pr_outcome out;

	eg_init(&t, EG_750, REAL32 | DR, 0x100);
	dbat0(&t, 0, 0x4);			/* I */
	eg_fill(0x1200, 0xaa, 0x80);
	t.g.gpr[3] = 0x1000;
	t.g.gpr[4] = 0x234;
	EXPECT_EQ(0x7c0327ec, DCBZ(3, 4));
	out = eg_run(&t, DCBZ(3, 4));
	EXPECT_EQ(B3PR_DELIVER, out);
	EXPECT_EQ(0x600, t.e.irq.vector);
	EXPECT_TRUE(t.e.irq.set_dar);
	EXPECT_EQ(0x1234, t.e.irq.dar);
	EXPECT_EQ(0x17c03, t.e.irq.dsisr);
	EXPECT_EQ(0x100, t.g.pc);
	EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0xaa));
}

TEST(cache_dcbz_write_through_is_alignment)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32 | DR, 0x100);
	dbat0(&t, 0, 0x8);			/* W */
	t.g.gpr[4] = 0x1234;
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, DCBZ(0, 4)));
	EXPECT_EQ(0x600, t.e.irq.vector);
}

/*
 * No BAT, SR0 = 0, SDR1 = 0: the 64 KiB HTAB at 0 is all zeroes, so no
 * PTE matches and the store gets a DSI: DSISR[1] (no translation,
 * 0x40000000) | DSISR[6] (store, 0x02000000), DAR = EA.
 */
TEST(cache_dcbz_translation_fault_is_dsi)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32 | DR, 0x100);
	t.g.gpr[4] = 0x20000;
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, DCBZ(0, 4)));
	EXPECT_EQ(0x300, t.e.irq.vector);
	EXPECT_EQ(0x20000, t.e.irq.dar);
	EXPECT_EQ(0x42000000, t.e.irq.dsisr);
	EXPECT_EQ(0x100, t.g.pc);
}

/* dcba is a hint (Book II 4.3.2): no store happens. */
TEST(cache_dcba_is_a_no_op)
{
	struct eg t;

	eg_init(&t, EG_7400, REAL32, 0x100);
	eg_fill(0x1200, 0xaa, 0x20);
	t.g.gpr[4] = 0x1200;
	expect_step(&t, eg_run(&t, DCBA(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1220, 0xaa));
}

/*
 * dcbst, dcbf (write back) and dcbt, dcbtst (hints), Book II 4.3: none
 * changes storage or a register; each completes in problem state.
 */
TEST(cache_block_flush_and_touch_change_nothing)
{
	const u32 insns[] = { DCBST(0, 4), DCBF(0, 4), DCBT(0, 4),
			      DCBTST(0, 4) };
	unsigned int i;
	struct eg t;

	for (i = 0; i < ARRAY_SIZE(insns); i++) {
		eg_init(&t, EG_POWER8, 0x800000000000d032ULL, 0x100);
		eg_fill(0x1200, 0xaa, 0x80);
		t.g.gpr[4] = 0x1200;
		expect_step(&t, eg_run(&t, insns[i]));
		EXPECT_TRUE(all_bytes(0x1200, 0x1280, 0xaa));
		EXPECT_EQ(0x1200, t.g.gpr[4]);
	}
}

/* dcbi is privileged (PEM 8, dcbi). */
TEST(cache_dcbi_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_750, 0x4000 | REAL32, 0x100);
	eg_expect_program(&t, eg_run(&t, DCBI(0, 4)), B3PR_SRR1_PROG_PRIV);
}

TEST(cache_dcbi_in_supervisor_state_keeps_data)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	eg_fill(0x1200, 0xaa, 0x20);
	t.g.gpr[4] = 0x1200;
	expect_step(&t, eg_run(&t, DCBI(0, 4)));
	EXPECT_TRUE(all_bytes(0x1200, 0x1220, 0xaa));
}

TEST(cache_icbi_steps_in_problem_state)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x800000000000d032ULL, 0x100);
	expect_step(&t, eg_run(&t, ICBI(0, 4)));
}

/* PEM 6.4.3: EAR[E]=0 -> DSI with DSISR[11] (0x00100000), DAR = EA. */
TEST(cache_eciwx_ear_disabled_is_dsi)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	t.g.gpr[4] = 0x2000;
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, ECIWX(5, 0, 4)));
	EXPECT_EQ(0x300, t.e.irq.vector);
	EXPECT_EQ(0x2000, t.e.irq.dar);
	EXPECT_EQ(0x00100000, t.e.irq.dsisr);
	EXPECT_EQ(0x100, t.g.pc);
}

/* ecowx adds DSISR[6], store (0x02000000). */
TEST(cache_ecowx_ear_disabled_is_dsi_with_store)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	t.g.gpr[4] = 0x2000;
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, ECOWX(5, 0, 4)));
	EXPECT_EQ(0x300, t.e.irq.vector);
	EXPECT_EQ(0x02100000, t.e.irq.dsisr);
}

/* EAR[E] = bit 0 = 0x80000000: the word is read like lwz. */
TEST(cache_eciwx_loads_word)
{
	struct eg t;
	u8 *p;

	eg_init(&t, EG_7400, REAL32, 0x100);
	t.g.ear = 0x80000000;
	p = test_mem_ptr(0x2000);
	p[0] = 0x12;
	p[1] = 0x34;
	p[2] = 0x56;
	p[3] = 0x78;
	t.g.gpr[4] = 0x2000;
	expect_step(&t, eg_run(&t, ECIWX(5, 0, 4)));
	EXPECT_EQ(0x12345678, t.g.gpr[5]);
}

TEST(cache_ecowx_stores_word)
{
	struct eg t;
	u8 *p = NULL;

	eg_init(&t, EG_7455, REAL32, 0x100);
	t.g.ear = 0x80000000;
	t.g.gpr[3] = 0x2000;
	t.g.gpr[4] = 0x10;
	t.g.gpr[5] = 0xcafef00d;
	expect_step(&t, eg_run(&t, ECOWX(5, 3, 4)));
	p = test_mem_ptr(0x2010);
	EXPECT_EQ(0xca, p[0]);
	EXPECT_EQ(0xfe, p[1]);
	EXPECT_EQ(0xf0, p[2]);
	EXPECT_EQ(0x0d, p[3]);
}

/* Not privileged: EAR alone controls it. */
TEST(cache_eciwx_in_problem_state_loads)
{
	struct eg t;

	eg_init(&t, EG_750, 0x4000 | REAL32, 0x100);
	t.g.ear = 0x80000000;
	*(u8 *)test_mem_ptr(0x2003) = 0x42;
	t.g.gpr[4] = 0x2000;
	expect_step(&t, eg_run(&t, ECIWX(5, 0, 4)));
	EXPECT_EQ(0x42, t.g.gpr[5]);
}

/* PEM 6.4.6: eciwx/ecowx need a word-aligned EA. */
TEST(cache_eciwx_unaligned_is_alignment)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	t.g.ear = 0x80000000;
	t.g.gpr[4] = 0x2002;
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, ECIWX(5, 0, 4)));
	EXPECT_EQ(0x600, t.e.irq.vector);
	EXPECT_EQ(0x2002, t.e.irq.dar);
}

/* eciwx/ecowx are not in the 64-bit server architecture. */
TEST(cache_eciwx_on_power8_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x100);
	t.g.ear = 0x80000000;
	eg_expect_program(&t, eg_run(&t, ECIWX(5, 0, 4)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

TEST(cache_ecowx_on_970_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_970, REAL64, 0x100);
	eg_expect_program(&t, eg_run(&t, ECOWX(5, 0, 4)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

/* Device control registers are Book E: illegal on every Book3S CPU. */
TEST(cache_mfdcr_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	eg_expect_program(&t, eg_run(&t, EG_X(31, 3, 0, 0, 323)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

TEST(cache_mtdcr_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_POWER8, REAL64, 0x100);
	eg_expect_program(&t, eg_run(&t, EG_X(31, 3, 0, 0, 451)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

/*
 * The dcbz loop of Linux's clear_page and memset: "dcbz RA,RB;
 * addi RX,RX,32; bdnz .-8". Its result must be what running it would
 * give: every block of the loop zeroed, RX and CTR stepped, the PC past
 * the bdnz when CTR ran out, or back at the dcbz where the next block is
 * in another page (each page is translated by its own dcbz).
 */
#define ADDI(rt, ra, si)	EG_D(14, rt, ra, si)
#define BDNZ_BACK_8		0x4200fff8u

static void dcbz_loop_code(u64 pc, u32 dcbz, u32 addi)
{
	eg_put_be32(pc, dcbz);
	eg_put_be32(pc + 4, addi);
	eg_put_be32(pc + 8, BDNZ_BACK_8);
}

TEST(cache_dcbz_loop_clear_page_750)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	dcbz_loop_code(0x100, DCBZ(0, 3), ADDI(3, 3, 32));
	eg_fill(0x2000, 0xaa, 0x1100);
	t.g.gpr[3] = 0x2000;
	t.g.ctr = 128;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, DCBZ(0, 3)));
	EXPECT_TRUE(all_bytes(0x2000, 0x3000, 0));
	EXPECT_TRUE(all_bytes(0x3000, 0x3100, 0xaa));
	EXPECT_TRUE(all_bytes(0x1f00, 0x2000, 0));	/* never filled */
	EXPECT_EQ(0x3000, t.g.gpr[3]);
	EXPECT_EQ(0, t.g.ctr);
	EXPECT_EQ(0x10c, t.g.pc);
}

/* memset's form, EA = r7 + r6 with r7 = 4: it stops at the page's end. */
TEST(cache_dcbz_loop_stops_at_page_end)
{
	struct eg t;

	eg_init(&t, EG_7400, REAL32, 0x100);
	dcbz_loop_code(0x100, DCBZ(7, 6), ADDI(6, 6, 32));
	eg_fill(0x2e00, 0xaa, 0x400);
	t.g.gpr[6] = 0x2f00;
	t.g.gpr[7] = 4;
	t.g.ctr = 16;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, DCBZ(7, 6)));
	EXPECT_TRUE(all_bytes(0x2f00, 0x3000, 0));
	EXPECT_TRUE(all_bytes(0x2e00, 0x2f00, 0xaa));
	EXPECT_TRUE(all_bytes(0x3000, 0x3200, 0xaa));
	/* 8 blocks done, 8 to go from 0x3000 + 4, in the next page. */
	EXPECT_EQ(0x3000, t.g.gpr[6]);
	EXPECT_EQ(8, t.g.ctr);
	EXPECT_EQ(0x100, t.g.pc);
}

/* 32-bit mode: bdnz tests CTR[32:63] (ISA Book I 2.4). */
TEST(cache_dcbz_loop_32bit_ctr)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	dcbz_loop_code(0x100, DCBZ(0, 3), ADDI(3, 3, 32));
	eg_fill(0x2000, 0xaa, 0x100);
	t.g.gpr[3] = 0x2000;
	t.g.ctr = 0x100000001ULL;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, DCBZ(0, 3)));
	EXPECT_TRUE(all_bytes(0x2000, 0x2020, 0));
	EXPECT_TRUE(all_bytes(0x2020, 0x2100, 0xaa));
	EXPECT_EQ(0x100000000ULL, t.g.ctr);
	EXPECT_EQ(0x10c, t.g.pc);
}

/* Anything else is one dcbz: another stride, or trace on. */
TEST(cache_dcbz_not_a_loop_steps_once)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32, 0x100);
	dcbz_loop_code(0x100, DCBZ(0, 3), ADDI(3, 3, 64));
	eg_fill(0x2000, 0xaa, 0x100);
	t.g.gpr[3] = 0x2000;
	t.g.ctr = 4;
	expect_step(&t, eg_run(&t, DCBZ(0, 3)));
	EXPECT_TRUE(all_bytes(0x2020, 0x2100, 0xaa));
	EXPECT_EQ(4, t.g.ctr);
}

TEST(cache_dcbz_loop_under_trace_steps_once)
{
	struct eg t;

	eg_init(&t, EG_750, REAL32 | 0x400, 0x100);	/* MSR[SE] */
	dcbz_loop_code(0x100, DCBZ(0, 3), ADDI(3, 3, 32));
	eg_fill(0x2000, 0xaa, 0x100);
	t.g.gpr[3] = 0x2000;
	t.g.ctr = 4;
	eg_run(&t, DCBZ(0, 3));
	/* The trace interrupt comes after the dcbz alone (PEM 6.4.11). */
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x104, t.g.srr0);
	EXPECT_EQ(4, t.g.ctr);
	EXPECT_TRUE(all_bytes(0x2020, 0x2100, 0xaa));
	EXPECT_EQ(0x2000, t.g.gpr[3]);
}
