# SPDX-License-Identifier: GPL-2.0
#
# Benchmark guests (tests/bench/*.S, little-endian) into build/bench/,
# copied flat into $(E2E_BIN) as bench-NAME.elf for the emulated host,
# with bench-NAME.runs (its "# bench-run:" lines).

BENCH_DIR := build/bench
BENCH_NAMES := $(basename $(notdir $(wildcard tests/bench/*.S)))
BENCH_ELFS := $(addprefix $(BENCH_DIR)/,$(addsuffix .elf,$(BENCH_NAMES)))

$(BENCH_DIR)/%.elf: tests/bench/%.S tests/bench/bench.h $(GUEST_DEPS) \
		    $(wildcard tests/bench/*.inc tests/guest/*.inc)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mlittle-endian $(GUEST_FLAGS) -Itests/bench -o $@ $<

$(E2E_BIN)/bench-%.elf: $(BENCH_DIR)/%.elf
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

# "# bench-run: NAME ARGS" lines: the runs of a guest, when not just one.
$(E2E_BIN)/bench-%.runs: tests/bench/%.S
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^# bench-run: *//p' $< >$@

e2e-binaries: $(patsubst $(BENCH_DIR)/%,$(E2E_BIN)/bench-%,$(BENCH_ELFS)) \
	$(patsubst %,$(E2E_BIN)/bench-%.runs,$(BENCH_NAMES))
.SECONDARY: $(BENCH_ELFS)
