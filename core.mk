# SPDX-License-Identifier: GPL-2.0
#
# The portable core: plain C that includes no kernel header directly,
# built into b3pr.ko by Kbuild and natively into the unit tests.

# Decoding, MSR rules, system call, traps, caches
B3PR_CORE := book3s_64/decode.c book3s_64/cpu_models.c
B3PR_CORE += book3s_64/msr_rules.c book3s_64/emul_msr.c book3s_64/emul_sc.c
B3PR_CORE += book3s_64/emul_cache.c book3s_64/emul_doorbell.c
B3PR_CORE += book3s_64/emul_reserve.c

# Register facilities (FP, VMX, VSX, FSCR)
B3PR_CORE += book3s_64/facility.c

# CPU models, SPRs, time
B3PR_CORE += book3s_64/spr_table.c book3s_64/emul_spr.c

# MMIO: loads and stores that reach no memory slot
B3PR_CORE += book3s_64/mmio_decode.c

# Interrupt delivery
B3PR_CORE += exceptions/deliver.c exceptions/pending.c exceptions/trace.c

# Guest MMU walks (book3s_64/mmu/), the 64-bit MMU instructions
B3PR_CORE += book3s_64/mmu/xlate.c book3s_64/mmu/mmu64.c book3s_64/emul_mmu64.c

# Shadow MMU indexing: host segments, the shadow PTE cache, guest TLB keys
B3PR_CORE += book3s_64/mmu/shadow_seg.c book3s_64/mmu/spte_cache.c \
	book3s_64/mmu/tlb_key.c book3s_64/mmu/dcbz_patch.c

# 32-bit guest MMU
B3PR_CORE += book3s_32_guest/mmu32.c book3s_32_guest/emul_sr.c \
	book3s_32_guest/shadow_seg32.c

# Where the real-mode blob goes in low memory, and its fixups
B3PR_CORE += reloc/lowmem.c
