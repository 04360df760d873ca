# SPDX-License-Identifier: GPL-2.0
#
# Guest programs (tests/guest/*.S): each is built little-endian and
# big-endian into build/guest/NAME-le.elf and NAME-be.elf, plus
# NAME.expect (its "# expect..." lines); hello is also built as a 32-bit
# big-endian ELF. Programs for 32-bit CPUs (tests/guest/32/*.S) are built
# only as 32-bit big-endian ELFs, NAME-be.elf. For the emulated host they
# are copied flat into $(E2E_BIN) as guest-*.elf / guest-*.expect, next
# to b3pr-guest-check.

GUEST_DIR := build/guest
GUEST_CC := powerpc64le-linux-gnu-gcc
GUEST_FLAGS := -nostdlib -static -Wa,-mregnames -Itests/guest \
	-Wl,-N -Wl,-T,tests/guest/guest.lds -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments
GUEST_SRCS := $(wildcard tests/guest/*.S)
GUEST_NAMES := $(basename $(notdir $(GUEST_SRCS)))
GUEST32_SRCS := $(wildcard tests/guest/32/*.S)
GUEST32_NAMES := $(basename $(notdir $(GUEST32_SRCS)))
# Programs that need qemu -icount (tests/guest/icount/): icount-NAME-*.elf,
# run only by the *_icount scenarios.
GUESTIC_NAMES := $(addprefix icount-,$(basename $(notdir $(wildcard tests/guest/icount/*.S))))
GUEST_DEPS := tests/guest/guest.h tests/guest/dec.inc tests/guest/guest.lds tests/guest/guest.mk \
	tests/guest/mmu64.inc tests/guest/mmu32.inc

GUEST_ELFS := $(foreach n,$(GUEST_NAMES),$(GUEST_DIR)/$(n)-le.elf $(GUEST_DIR)/$(n)-be.elf) \
	$(GUEST_DIR)/hello32-be.elf $(foreach n,$(GUEST32_NAMES),$(GUEST_DIR)/$(n)-be.elf)
GUEST_EXPECTS := $(foreach n,$(GUEST_NAMES),$(GUEST_DIR)/$(n).expect) \
	$(GUEST_DIR)/hello32.expect $(foreach n,$(GUEST32_NAMES),$(GUEST_DIR)/$(n).expect)
GUESTIC_FILES := $(foreach n,$(GUESTIC_NAMES),$(GUEST_DIR)/$(n)-le.elf \
	$(GUEST_DIR)/$(n)-be.elf $(GUEST_DIR)/$(n).expect)

$(GUEST_DIR)/%-le.elf: tests/guest/%.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mlittle-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/%-be.elf: tests/guest/%.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mbig-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/hello32-be.elf: tests/guest/hello.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -m32 -mbig-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/%-be.elf: tests/guest/32/%.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -m32 -mbig-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/%.expect: tests/guest/32/%.S
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^# \(expect\|run-args\|kvm-pr-diverges\|host-limited\|volatile\)/\1/p' $< >$@

$(GUEST_DIR)/icount-%-le.elf: tests/guest/icount/%.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mlittle-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/icount-%-be.elf: tests/guest/icount/%.S $(GUEST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) -mbig-endian $(GUEST_FLAGS) -o $@ $<

$(GUEST_DIR)/icount-%.expect: tests/guest/icount/%.S
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^# \(expect\|run-args\|kvm-pr-diverges\|host-limited\|volatile\)/\1/p' $< >$@

$(GUEST_DIR)/%.expect: tests/guest/%.S
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^# \(expect\|run-args\|kvm-pr-diverges\|host-limited\|volatile\)/\1/p' $< >$@

# hello32 also runs in 32-bit mode (MSR[SF]=0), big-endian.
$(GUEST_DIR)/hello32.expect: $(GUEST_DIR)/hello.expect
	$(Q){ cat $<; echo 'run-args: --msr 0x1000'; } >$@

.SECONDARY: $(GUEST_ELFS) $(GUEST_EXPECTS) $(GUESTIC_FILES)
.PHONY: guest
guest: $(GUEST_ELFS) $(GUEST_EXPECTS) $(GUESTIC_FILES)

# Flat copies for the emulated host's /bin.
GUEST_E2E := $(patsubst $(GUEST_DIR)/%,$(E2E_BIN)/guest-%,$(GUEST_ELFS) $(GUEST_EXPECTS)) \
	$(patsubst $(GUEST_DIR)/%,$(E2E_BIN)/%,$(GUESTIC_FILES)) \
	$(E2E_BIN)/b3pr-guest-check

$(E2E_BIN)/guest-%: $(GUEST_DIR)/%
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(E2E_BIN)/icount-%: $(GUEST_DIR)/icount-%
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(E2E_BIN)/b3pr-guest-check: tests/guest/check.sh
	@mkdir -p $(dir $@)
	$(Q)install -m 755 $< $@

e2e-binaries: $(GUEST_E2E)
