# SPDX-License-Identifier: GPL-2.0
#
# The portable core: plain C that includes no kernel header directly,
# built into b3pr.ko by Kbuild and natively into the unit tests.

# Decoding, MSR rules, system call, traps, caches
B3PR_CORE := book3s_64/decode.c book3s_64/cpu_models.c
B3PR_CORE += book3s_64/msr_rules.c book3s_64/emul_msr.c book3s_64/emul_sc.c
B3PR_CORE += book3s_64/emul_cache.c book3s_64/emul_doorbell.c

# Register facilities (FP, VMX, VSX, FSCR)
B3PR_CORE += book3s_64/facility.c

# CPU models, SPRs, time
B3PR_CORE += book3s_64/spr_table.c book3s_64/emul_spr.c

# MMIO: loads and stores that reach no memory slot
B3PR_CORE += book3s_64/mmio_decode.c

# Interrupt delivery
B3PR_CORE += exceptions/deliver.c exceptions/pending.c

# 64-bit guest MMU
B3PR_CORE += book3s_64/xlate.c book3s_64/mmu64.c book3s_64/emul_mmu64.c

# 32-bit guest MMU
B3PR_CORE += book3s_32_guest/mmu32.c book3s_32_guest/emul_sr.c
