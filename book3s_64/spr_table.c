// SPDX-License-Identifier: GPL-2.0
/*
 * The SPR table: one row per SPR (per group of CPUs where the SPR differs),
 * saying which guest CPUs have it, who may read and write it and where its
 * value lives. Sources: Power ISA v2.07 Book III-S Figure 18 (64-bit), the
 * 970, POWER7 and POWER8 user's manuals, and for the 32-bit CPUs the PEM
 * (Table 2-1) with the 750/7400/7450 user's manuals.
 */
#include "b3pr/spr.h"
#include "b3pr/cpu.h"

#define F970	B3PR_CPU_BIT(B3PR_CPU_970)
#define FP7	B3PR_CPU_BIT(B3PR_CPU_POWER7)
#define FP8	B3PR_CPU_BIT(B3PR_CPU_POWER8)
#define F750	B3PR_CPU_BIT(B3PR_CPU_750)
#define F7400	B3PR_CPU_BIT(B3PR_CPU_7400)
#define F7450	B3PR_CPU_BIT(B3PR_CPU_7450)
#define C64	B3PR_CPUS_64
#define C32	B3PR_CPUS_32
#define ALL	(C64 | C32)
#define P7P8	(FP7 | FP8)
#define VMX	(F970 | P7P8 | F7400 | F7450)

#define N	B3PR_SPR_NONE
#define U	B3PR_SPR_USER
#define P	B3PR_SPR_PRIV
#define H	B3PR_SPR_HYP

#define FSIZE(f)	sizeof(((struct b3pr_guest_state *)0)->f)

/* An SPR held in guest state field @f. */
#define S(n, nm, c, r, w, f, fl, nt) {					\
	.sprn = (n), .name = (nm), .cpus = (c), .read = (r), .write = (w), \
	.kind = B3PR_SPR_K_STORE, .flags = (fl), .notify = (nt),	\
	.offset = offsetof(struct b3pr_guest_state, f),			\
	.size = FSIZE(f) }
#define S64(n, nm, c, r, w, f)	S(n, nm, c, r, w, f, 0, B3PR_SPR_N_NONE)
#define S32(n, nm, c, r, w, f)	S(n, nm, c, r, w, f, B3PR_SPR_F_32, \
				  B3PR_SPR_N_NONE)
/* A computed SPR. */
#define K(n, nm, c, r, w, k, fl, nt) {					\
	.sprn = (n), .name = (nm), .cpus = (c), .read = (r), .write = (w), \
	.kind = (k), .flags = (fl), .notify = (nt) }
/* An SPR the CPU has but b3pr does not model. */
#define Z(n, nm, c, r, w)	K(n, nm, c, r, w, B3PR_SPR_K_ZERO, 0, \
				  B3PR_SPR_N_NONE)
/* Implementation registers the host may need to act on. */
#define HID(n, nm, c, r, w, f)	S(n, nm, c, r, w, f, 0, B3PR_SPR_N_SPR)
/* BAT halves: a write changes translation. */
#define BAT(n, nm, f, fl)	S(n, nm, C32, P, P, f, B3PR_SPR_F_32 | (fl), \
				  B3PR_SPR_N_BAT)
#define B8	B3PR_SPR_F_8BATS

static const struct b3pr_spr b3pr_spr_table[] = {
	/* User registers (Book I) */
	S64(1, "XER", ALL, U, U, xer),
	S64(8, "LR", ALL, U, U, lr),
	S64(9, "CTR", ALL, U, U, ctr),
	S32(256, "VRSAVE", VMX, U, U, vrsave),

	/* Interrupt state and storage control */
	S32(18, "DSISR", ALL, P, P, dsisr),
	S64(19, "DAR", ALL, P, P, dar),
	K(22, "DEC", ALL, P, P, B3PR_SPR_K_DEC, B3PR_SPR_F_32,
	  B3PR_SPR_N_DEC),
	/* SDR1 is a hypervisor resource since ISA 2.01 */
	S(25, "SDR1", C64, H, H, sdr1, 0, B3PR_SPR_N_SDR1),
	S(25, "SDR1", C32, P, P, sdr1, B3PR_SPR_F_32, B3PR_SPR_N_SDR1),
	S64(26, "SRR0", ALL, P, P, srr0),
	S64(27, "SRR1", ALL, P, P, srr1),
	S64(272, "SPRG0", ALL, P, P, sprg[0]),
	S64(273, "SPRG1", ALL, P, P, sprg[1]),
	S64(274, "SPRG2", ALL, P, P, sprg[2]),
	S64(275, "SPRG3", ALL, P, P, sprg[3]),
	S64(259, "SPRG3", P7P8, U, N, sprg[3]),	/* user read-only alias */
	S64(276, "SPRG4", F7450, P, P, sprg[4]),
	S64(277, "SPRG5", F7450, P, P, sprg[5]),
	S64(278, "SPRG6", F7450, P, P, sprg[6]),
	S64(279, "SPRG7", F7450, P, P, sprg[7]),
	S32(282, "EAR", C32, P, P, ear),

	/* Time base: read at 268/269, written at 284/285 */
	K(268, "TB", C64, U, N, B3PR_SPR_K_TB, 0, B3PR_SPR_N_NONE),
	K(269, "TBU", C64, U, N, B3PR_SPR_K_TBU, B3PR_SPR_F_32,
	  B3PR_SPR_N_NONE),
	K(284, "TBL", C64, N, H, B3PR_SPR_K_TBL_W, 0, B3PR_SPR_N_NONE),
	K(285, "TBU", C64, N, H, B3PR_SPR_K_TBU_W, 0, B3PR_SPR_N_NONE),
	K(284, "TBL", C32, N, P, B3PR_SPR_K_TBL_W, 0, B3PR_SPR_N_NONE),
	K(285, "TBU", C32, N, P, B3PR_SPR_K_TBU_W, 0, B3PR_SPR_N_NONE),

	/* Identification */
	S32(287, "PVR", ALL, P, N, pvr),
	S32(1023, "PIR", C64, P, N, pir),
	/* MPC7400 and MPC7450 RMs: PIR for multiprocessor systems */
	S32(1023, "PIR", F7400 | F7450, P, P, pir),

	/* Later 64-bit CPUs */
	S64(3, "DSCR", FP8, U, U, dscr),		/* problem-state alias */
	S64(17, "DSCR", P7P8, P, P, dscr),
	S(13, "AMR", P7P8, U, U, amr, B3PR_SPR_F_UAMOR, B3PR_SPR_N_NONE),
	S64(29, "AMR", P7P8, P, P, amr),
	S64(157, "UAMOR", P7P8, P, P, uamor),
	S64(61, "IAMR", FP8, P, P, iamr),
	S64(28, "CFAR", P7P8, P, P, cfar),
	S32(136, "CTRL", C64, U, N, ctrl),		/* CTRLF */
	S32(152, "CTRL", C64, N, P, ctrl),		/* CTRLT */
	S64(153, "FSCR", FP8, P, P, fscr),
	S32(159, "PSPB", FP8, P, P, pspb),
	S64(308, "SPURR", P7P8, P, H, spurr),
	S64(309, "PURR", P7P8, P, H, purr),
	S64(351, "VTB", FP8, P, H, vtb),
	S64(848, "IC", FP8, P, H, ic),
	S64(804, "EBBHR", FP8, U, U, ebbhr),
	S64(805, "EBBRR", FP8, U, U, ebbrr),
	S64(806, "BESCR", FP8, U, U, bescr),
	S64(815, "TAR", FP8, U, U, tar),
	S64(896, "PPR", P7P8, U, U, ppr),

	/* Hypervisor resources */
	HID(311, "HIOR", F970, H, H, hior),
	HID(318, "LPCR", P7P8, H, H, lpcr),
	Z(304, "HSPRG0", C64, H, H),
	Z(305, "HSPRG1", C64, H, H),
	Z(306, "HDSISR", P7P8, H, H),
	Z(307, "HDAR", P7P8, H, H),
	Z(310, "HDEC", C64, H, H),
	Z(313, "HRMOR", P7P8, H, H),
	Z(314, "HSRR0", C64, H, H),
	Z(315, "HSRR1", C64, H, H),
	Z(319, "LPIDR", P7P8, H, H),
	Z(349, "AMOR", P7P8, H, H),
	S64(1013, "DABR", C64, H, H, dabr),
	S64(1015, "DABRX", P7P8, H, H, dabrx),
	HID(1008, "HID0", F970, H, H, hid[0]),
	HID(1009, "HID1", F970, H, H, hid[1]),
	HID(1012, "HID4", F970, H, H, hid[4]),
	HID(1014, "HID5", F970, H, H, hid[5]),

	/* 64-bit performance monitor; 769-782 are problem-state mirrors */
	S64(769, "UMMCR2", FP8, U, N, mmcr[2]),
	S64(770, "UMMCRA", C64, U, N, mmcra),
	S32(771, "UPMC1", C64, U, N, pmc[0]),
	S32(772, "UPMC2", C64, U, N, pmc[1]),
	S32(773, "UPMC3", C64, U, N, pmc[2]),
	S32(774, "UPMC4", C64, U, N, pmc[3]),
	S32(775, "UPMC5", C64, U, N, pmc[4]),
	S32(776, "UPMC6", C64, U, N, pmc[5]),
	S32(777, "UPMC7", F970, U, N, pmc[6]),
	S32(778, "UPMC8", F970, U, N, pmc[7]),
	S64(779, "UMMCR0", C64, U, N, mmcr[0]),
	S64(780, "USIAR", C64, U, N, siar),
	S64(781, "USDAR", C64, U, N, sdar),
	S64(782, "UMMCR1", C64, U, N, mmcr[1]),
	S64(785, "MMCR2", FP8, P, P, mmcr[2]),
	S64(786, "MMCRA", C64, P, P, mmcra),
	S32(787, "PMC1", C64, P, P, pmc[0]),
	S32(788, "PMC2", C64, P, P, pmc[1]),
	S32(789, "PMC3", C64, P, P, pmc[2]),
	S32(790, "PMC4", C64, P, P, pmc[3]),
	S32(791, "PMC5", C64, P, P, pmc[4]),
	S32(792, "PMC6", C64, P, P, pmc[5]),
	S32(793, "PMC7", F970, P, P, pmc[6]),
	S32(794, "PMC8", F970, P, P, pmc[7]),
	S64(795, "MMCR0", C64, P, P, mmcr[0]),
	S64(796, "SIAR", C64, P, P, siar),
	S64(797, "SDAR", C64, P, P, sdar),
	S64(798, "MMCR1", C64, P, P, mmcr[1]),

	/* 32-bit BATs (PEM 7.4.1); 4-7 on 750FX/GX and 7455 and later */
	BAT(528, "IBAT0U", ibat[0].upper, 0),
	BAT(529, "IBAT0L", ibat[0].lower, 0),
	BAT(530, "IBAT1U", ibat[1].upper, 0),
	BAT(531, "IBAT1L", ibat[1].lower, 0),
	BAT(532, "IBAT2U", ibat[2].upper, 0),
	BAT(533, "IBAT2L", ibat[2].lower, 0),
	BAT(534, "IBAT3U", ibat[3].upper, 0),
	BAT(535, "IBAT3L", ibat[3].lower, 0),
	BAT(560, "IBAT4U", ibat[4].upper, B8),
	BAT(561, "IBAT4L", ibat[4].lower, B8),
	BAT(562, "IBAT5U", ibat[5].upper, B8),
	BAT(563, "IBAT5L", ibat[5].lower, B8),
	BAT(564, "IBAT6U", ibat[6].upper, B8),
	BAT(565, "IBAT6L", ibat[6].lower, B8),
	BAT(566, "IBAT7U", ibat[7].upper, B8),
	BAT(567, "IBAT7L", ibat[7].lower, B8),
	BAT(536, "DBAT0U", dbat[0].upper, 0),
	BAT(537, "DBAT0L", dbat[0].lower, 0),
	BAT(538, "DBAT1U", dbat[1].upper, 0),
	BAT(539, "DBAT1L", dbat[1].lower, 0),
	BAT(540, "DBAT2U", dbat[2].upper, 0),
	BAT(541, "DBAT2L", dbat[2].lower, 0),
	BAT(542, "DBAT3U", dbat[3].upper, 0),
	BAT(543, "DBAT3L", dbat[3].lower, 0),
	BAT(568, "DBAT4U", dbat[4].upper, B8),
	BAT(569, "DBAT4L", dbat[4].lower, B8),
	BAT(570, "DBAT5U", dbat[5].upper, B8),
	BAT(571, "DBAT5L", dbat[5].lower, B8),
	BAT(572, "DBAT6U", dbat[6].upper, B8),
	BAT(573, "DBAT6L", dbat[6].lower, B8),
	BAT(574, "DBAT7U", dbat[7].upper, B8),
	BAT(575, "DBAT7L", dbat[7].lower, B8),

	/* 32-bit implementation registers */
	HID(1008, "HID0", C32, P, P, hid[0]),
	HID(1009, "HID1", F750, P, N, hid[1]),	/* PLL config, read-only */
	HID(1009, "HID1", F7400 | F7450, P, P, hid[1]),
	HID(920, "HID2", F750, P, P, hid[2]),	/* 750CL/Gekko */
	HID(1016, "HID2", F750, P, P, hid[2]),	/* 750FX/GX */
	HID(1011, "HID4", F750, P, P, hid[4]),	/* 750CL/Gekko */
	S32(912, "GQR0", F750, P, P, gqr[0]),
	S32(913, "GQR1", F750, P, P, gqr[1]),
	S32(914, "GQR2", F750, P, P, gqr[2]),
	S32(915, "GQR3", F750, P, P, gqr[3]),
	S32(916, "GQR4", F750, P, P, gqr[4]),
	S32(917, "GQR5", F750, P, P, gqr[5]),
	S32(918, "GQR6", F750, P, P, gqr[6]),
	S32(919, "GQR7", F750, P, P, gqr[7]),
	S32(1010, "IABR", C32, P, P, iabr),
	S32(1013, "DABR", C32, P, P, dabr),
	S32(1017, "L2CR", C32, P, P, l2cr),
	S32(1018, "L3CR", F7450, P, P, l3cr),
	S32(1019, "ICTC", C32, P, P, ictc),
	S32(1020, "THRM1", F750 | F7400, P, P, thrm[0]),
	S32(1021, "THRM2", F750 | F7400, P, P, thrm[1]),
	S32(1022, "THRM3", F750 | F7400, P, P, thrm[2]),
	Z(1014, "MSSCR0", F7400 | F7450, P, P),
	Z(1015, "MSSSR0", F7400 | F7450, P, P),
	Z(1016, "LDSTCR", F7450, P, P),

	/* 32-bit performance monitor; 928-943 are user-mode mirrors */
	S32(928, "UMMCR2", F7450, U, N, mmcr[2]),
	S32(929, "UPMC5", F7450, U, N, pmc[4]),
	S32(930, "UPMC6", F7450, U, N, pmc[5]),
	S32(936, "UMMCR0", C32, U, N, mmcr[0]),
	S32(937, "UPMC1", C32, U, N, pmc[0]),
	S32(938, "UPMC2", C32, U, N, pmc[1]),
	S32(939, "USIAR", C32, U, N, siar),
	S32(940, "UMMCR1", C32, U, N, mmcr[1]),
	S32(941, "UPMC3", C32, U, N, pmc[2]),
	S32(942, "UPMC4", C32, U, N, pmc[3]),
	S32(943, "USDAR", F750 | F7400, U, N, sdar),
	S32(944, "MMCR2", F7450, P, P, mmcr[2]),
	S32(945, "PMC5", F7450, P, P, pmc[4]),
	S32(946, "PMC6", F7450, P, P, pmc[5]),
	S32(952, "MMCR0", C32, P, P, mmcr[0]),
	S32(953, "PMC1", C32, P, P, pmc[0]),
	S32(954, "PMC2", C32, P, P, pmc[1]),
	S32(955, "SIAR", C32, P, P, siar),
	S32(956, "MMCR1", C32, P, P, mmcr[1]),
	S32(957, "PMC3", C32, P, P, pmc[2]),
	S32(958, "PMC4", C32, P, P, pmc[3]),
	S32(959, "SDAR", F750 | F7400, P, P, sdar),
};

const struct b3pr_spr *b3pr_spr_lookup(const struct b3pr_cpu_model *cpu,
				       unsigned int sprn)
{
	const struct b3pr_spr *spr;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_spr_table); i++) {
		spr = &b3pr_spr_table[i];
		if (spr->sprn != sprn || !b3pr_cpu_is(cpu, spr->cpus))
			continue;
		if ((spr->flags & B3PR_SPR_F_8BATS) && cpu->nr_bats != 8)
			return NULL;
		return spr;
	}
	return NULL;
}

/* Every SPR of a 32-bit CPU, and any architected 32-bit one, is a word. */
static u64 b3pr_spr_mask(const struct b3pr_guest_state *g,
			 const struct b3pr_spr *spr)
{
	if (!g->cpu->is_64bit || (spr->flags & B3PR_SPR_F_32) ||
	    spr->size == 4)
		return 0xffffffffull;
	return ~0ull;
}

u64 b3pr_spr_read(const struct b3pr_guest_state *g,
		  const struct b3pr_spr *spr, u64 host_tb)
{
	const u8 *base = (const u8 *)g + spr->offset;
	u64 tb = b3pr_guest_tb(g, host_tb);
	u64 val = 0;
	u32 v32;

	switch (spr->kind) {
	case B3PR_SPR_K_STORE:
		if (spr->size == 4) {
			memcpy(&v32, base, 4);
			val = v32;
		} else {
			memcpy(&val, base, 8);
		}
		break;
	case B3PR_SPR_K_TB:
		val = tb;
		/* 32-bit mode reads the low word; mftbu gives the rest */
		if (!(g->msr & B3PR_MSR_SF))
			val &= 0xffffffffull;
		break;
	case B3PR_SPR_K_TBU:
		val = tb >> 32;
		break;
	case B3PR_SPR_K_DEC:
		val = b3pr_guest_dec(g, host_tb);
		break;
	default:	/* ZERO and the write-only kinds */
		break;
	}
	return val & b3pr_spr_mask(g, spr);
}

/*
 * Move the guest TB to @tb. DEC counts on its own, so its expiry moves
 * with the TB and the host's timer, set in host TB, stays valid.
 */
static void b3pr_set_guest_tb(struct b3pr_guest_state *g, u64 host_tb, u64 tb)
{
	u64 delta = tb - b3pr_guest_tb(g, host_tb);

	g->tb_offset = (s64)(tb - host_tb);
	g->dec_expires += delta;
}

void b3pr_spr_write(struct b3pr_guest_state *g, const struct b3pr_spr *spr,
		    u64 host_tb, u64 val)
{
	u8 *base = (u8 *)g + spr->offset;
	u64 tb = b3pr_guest_tb(g, host_tb);
	u32 v32;

	val &= b3pr_spr_mask(g, spr);
	switch (spr->kind) {
	case B3PR_SPR_K_STORE:
		if (spr->size == 4) {
			v32 = (u32)val;
			memcpy(base, &v32, 4);
		} else {
			memcpy(base, &val, 8);
		}
		break;
	case B3PR_SPR_K_TBL_W:
		b3pr_set_guest_tb(g, host_tb,
				  (tb & ~0xffffffffull) | (u32)val);
		break;
	case B3PR_SPR_K_TBU_W:
		b3pr_set_guest_tb(g, host_tb,
				  ((u64)(u32)val << 32) | (u32)tb);
		break;
	case B3PR_SPR_K_DEC:
		/* DEC bits 32:63 of RS, a signed count of ticks to go */
		g->dec_expires = tb + (u64)(s64)(s32)(u32)val;
		break;
	default:	/* ZERO and the read-only kinds */
		break;
	}
}

enum b3pr_spr_result b3pr_spr_get(const struct b3pr_guest_state *g,
				  unsigned int sprn, u64 host_tb, u64 *val)
{
	const struct b3pr_spr *spr = b3pr_spr_lookup(g->cpu, sprn);

	if (!spr)
		return B3PR_SPR_NO_SUCH;
	if (spr->read == B3PR_SPR_NONE)
		return B3PR_SPR_NOT_READABLE;
	*val = b3pr_spr_read(g, spr, host_tb);
	return B3PR_SPR_OK;
}

enum b3pr_spr_result b3pr_spr_set(struct b3pr_guest_state *g,
				  unsigned int sprn, u64 host_tb, u64 val)
{
	const struct b3pr_spr *spr = b3pr_spr_lookup(g->cpu, sprn);

	if (!spr)
		return B3PR_SPR_NO_SUCH;
	if (spr->write == B3PR_SPR_NONE)
		return B3PR_SPR_NOT_WRITABLE;
	b3pr_spr_write(g, spr, host_tb, val);
	return B3PR_SPR_OK;
}
