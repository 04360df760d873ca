/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MACGUEST_VECTOR_H
#define MACGUEST_VECTOR_H

#include <stddef.h>

/*
 * The AltiVec checks, in their own file built with -maltivec so that no
 * vector instruction reaches the rest of init (which runs on the 750 too).
 * Returns 0 when every result held, else 1 with the reason in why.
 */
int macguest_vector_check(int salt, int rounds, char *why, size_t len);

#endif
