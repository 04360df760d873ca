/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hello: the smallest guest. Prints one line through the console device
 * (one stb per byte, each an MMIO exit to b3pr-run) and ends with exit
 * value 7 through a 4-byte store to the exit register, which b3pr-run
 * reads in the image's byte order. Built little-endian, big-endian and as
 * a 32-bit big-endian ELF (hello32), which exercises b3pr-run's loader.
 *
 * Power ISA v2.07B Book I 3.3.2-3.3.3 (stb, stw): a store of a byte
 * writes just that byte; stw writes the word in the order MSR[LE] says.
 * Only r3 and the macros' scratch registers are touched.
 */
# expect-console: hello from the guest
# expect-exit: 7
# expect: r3=0x0000000000000007
#include "guest.h"

	GUEST_START
	println	"hello from the guest"
	li	r3, 7
	exit_reg r3
