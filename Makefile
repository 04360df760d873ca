# SPDX-License-Identifier: GPL-2.0
#
# b3pr: out-of-tree module build and developer targets.
#
#   make                 b3pr.ko for the running kernel (KDIR= to choose)
#   make modules_install install it for modprobe
#   make unit            native unit tests of the portable core
#   make e2e             tests inside the emulated POWER8 host
#   make check           all of the above, ending "N passed, M failed"
#   make demo            boot the emulated host and show b3pr at work
#   make fuzz            long runs of the ioctl and hostile-guest fuzzers

KDIR ?= /lib/modules/$(shell uname -r)/build
HOSTCC ?= cc
Q ?= @

include core.mk

.PHONY: all modules modules_install clean
all: modules

modules modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) $@

clean:
	rm -rf build
	$(if $(wildcard $(KDIR)),$(MAKE) -C $(KDIR) M=$(CURDIR) clean)

include tests/unit/unit.mk

# Static ppc64el programs for the emulated host: NAME in E2E_PROGS is
# built from NAME_SRCS into build/e2e/bin/NAME.
E2E_BIN := build/e2e/bin
E2E_CC := powerpc64le-linux-gnu-gcc
E2E_CFLAGS := -static -O2 -Wall -Wextra -Werror -Iinclude

E2E_PROGS := b3pr-e2e b3pr-run
b3pr-e2e_SRCS := tests/e2e/b3pr-e2e.c
E2E_PROGS += b3pr-abi
b3pr-abi_SRCS := tests/e2e/b3pr-abi.c
E2E_PROGS += b3pr-stress
b3pr-stress_SRCS := tests/e2e/b3pr-stress.c
E2E_PROGS += b3pr-mem
b3pr-mem_SRCS := tests/e2e/b3pr-mem.c
E2E_PROGS += b3pr-fpsimd
b3pr-fpsimd_SRCS := tests/e2e/b3pr-fpsimd.c
E2E_PROGS += fp-spin
fp-spin_SRCS := tests/e2e/fp-spin.c
E2E_PROGS += kpeek
kpeek_SRCS := tests/e2e/kpeek.c
E2E_PROGS += b3pr-fuzz
b3pr-fuzz_SRCS := $(wildcard tests/fuzz/*.c)
E2E_PROGS += hostpath
hostpath_SRCS := tests/bench/hostpath.c
b3pr-run_SRCS := $(wildcard tools/b3pr-run/*.c)

define e2e_prog
$(E2E_BIN)/$(1): $$($(1)_SRCS) $$(wildcard include/uapi/b3pr/*.h tests/e2e/*.h)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(E2E_CC) $$(E2E_CFLAGS) -o $$@ $$($(1)_SRCS)
endef
$(foreach p,$(E2E_PROGS),$(eval $(call e2e_prog,$(p))))
$(E2E_BIN)/b3pr-run: $(wildcard tools/b3pr-run/*.h)
$(E2E_BIN)/b3pr-fuzz: $(wildcard tests/fuzz/*.h)
include tests/guest/guest.mk
include tests/bench/bench.mk

.PHONY: e2e-binaries e2e
e2e-binaries: $(addprefix $(E2E_BIN)/,$(E2E_PROGS))

e2e:
	tests/e2e/run.sh

# Guest loops on kvm-pr (and b3pr) under -icount: ticks per iteration.
.PHONY: bench
bench:
	tests/bench/bench.sh

.PHONY: fuzz
fuzz:
	tests/fuzz/run.sh

.PHONY: check demo
check:
	tests/check.sh

demo:
	tools/host/demo.sh
