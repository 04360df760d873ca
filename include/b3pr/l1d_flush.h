/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the guest entry flushes the L1D, the way the host does on its own
 * return to problem state (book3s_64/host_flush.c chooses, the entry
 * stub reads it). Plain numbers: the real-mode assembly includes this.
 */
#ifndef B3PR_L1D_FLUSH_H
#define B3PR_L1D_FLUSH_H

/* Bits; none set: not needed, or mitigations off. */
#define B3PR_L1D_FLUSH_ORI30		1	/* ori 30,30,0 (patched firmware) */
#define B3PR_L1D_FLUSH_MTTRIG		2	/* mtspr TRIG2 */
#define B3PR_L1D_FLUSH_DISPLACEMENT	4	/* read the PACA's flush area */

#endif /* B3PR_L1D_FLUSH_H */
