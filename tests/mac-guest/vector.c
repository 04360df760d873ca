// SPDX-License-Identifier: GPL-2.0
/*
 * AltiVec results defined by the architecture: modulo and saturating
 * adds, a permute, and a fused multiply-add on exactly representable
 * floats; then a running vector sum that must survive context switches.
 */
#include <altivec.h>
#include <sched.h>
#include <stdio.h>

#include "vector.h"

union vu32 {
	vector unsigned int v;
	unsigned int w[4];
};

union vf32 {
	vector float v;
	float f[4];
};

union vu8 {
	vector unsigned char v;
	unsigned char b[16];
};

/* The vector in a register, opaque to the optimizer: no folding. */
#define HIDE(x) ({ __asm__ ("" : "+v" (x)); })

int macguest_vector_check(int salt, int rounds, char *why, size_t len)
{
	union vu32 a = { .w = { 1, 2, 3, 0xffffffffu } };
	union vu32 b = { .w = { 10, 20, 30, 2 } };
	union vu32 r, acc = { .w = { 0, 0, 0, 0 } }, step;
	union vf32 x = { .f = { 1.5f, -2.0f, 0.25f, 3.0f } };
	union vf32 y = { .f = { 2.0f, 0.5f, 8.0f, -1.0f } };
	union vf32 z = { .f = { 0.25f, 1.0f, -2.0f, 0.5f } }, fr;
	union vu8 p, q, sel, pr;
	int i;

	HIDE(a.v);
	HIDE(b.v);
	HIDE(x.v);
	HIDE(y.v);
	HIDE(z.v);
	/* vadduwm wraps modulo 2^32: 0xffffffff + 2 = 1. */
	r.v = vec_add(a.v, b.v);
	if (r.w[0] != 11 || r.w[1] != 22 || r.w[2] != 33 || r.w[3] != 1)
		return snprintf(why, len, "vadduwm %u %u %u %u", r.w[0], r.w[1],
				r.w[2], r.w[3]), 1;
	/* vadduws saturates: 0xffffffff + 2 = 0xffffffff. */
	r.v = vec_adds(a.v, b.v);
	if (r.w[3] != 0xffffffffu)
		return snprintf(why, len, "vadduws %#x", r.w[3]), 1;
	/* vmaddfp: x * y + z, every product and sum exact. */
	fr.v = vec_madd(x.v, y.v, z.v);
	if (fr.f[0] != 3.25f || fr.f[1] != 0.0f || fr.f[2] != 0.0f || fr.f[3] != -2.5f)
		return snprintf(why, len, "vmaddfp %g %g %g %g", fr.f[0], fr.f[1],
				fr.f[2], fr.f[3]), 1;
	/* vperm: byte i of the result is byte sel[i] of p:q (32 bytes). */
	for (i = 0; i < 16; i++) {
		p.b[i] = i;
		q.b[i] = 16 + i;
		sel.b[i] = 31 - 2 * i;
	}
	HIDE(p.v);
	HIDE(q.v);
	HIDE(sel.v);
	pr.v = vec_perm(p.v, q.v, sel.v);
	for (i = 0; i < 16; i++)
		if (pr.b[i] != (unsigned char)(31 - 2 * i))
			return snprintf(why, len, "vperm byte %d = %u", i, pr.b[i]), 1;
	/* Held in a vector register across yields: salt * rounds * step. */
	for (i = 0; i < 4; i++)
		step.w[i] = salt * (i + 1);
	for (i = 0; i < rounds; i++) {
		acc.v = vec_add(acc.v, step.v);
		HIDE(acc.v);
		if (i % 256 == 0)
			sched_yield();
	}
	for (i = 0; i < 4; i++)
		if (acc.w[i] != (unsigned int)(salt * rounds * (i + 1)))
			return snprintf(why, len, "vector sum lane %d = %u", i, acc.w[i]), 1;
	return 0;
}
