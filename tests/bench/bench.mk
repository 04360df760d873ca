# SPDX-License-Identifier: GPL-2.0
#
# Benchmark guests (tests/bench/*.S, little-endian) into build/bench/,
# copied flat into $(E2E_BIN) as bench-NAME.elf for the emulated host.

BENCH_DIR := build/bench
BENCH_NAMES := $(basename $(notdir $(wildcard tests/bench/*.S)))
BENCH_ELFS := $(addprefix $(BENCH_DIR)/,$(addsuffix .elf,$(BENCH_NAMES)))

$(BENCH_DIR)/%.elf: tests/bench/%.S tests/bench/bench.h $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mlittle-endian $(GUEST_FLAGS) -Itests/bench -o $@ $<

$(E2E_BIN)/bench-%.elf: $(BENCH_DIR)/%.elf
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

e2e-binaries: $(patsubst $(BENCH_DIR)/%,$(E2E_BIN)/bench-%,$(BENCH_ELFS))
.SECONDARY: $(BENCH_ELFS)
