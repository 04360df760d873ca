# SPDX-License-Identifier: GPL-2.0
#
# Native unit tests of the portable core; included by the top Makefile.

UNIT_OUT := build/unit
UNIT_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-missing-field-initializers -Iinclude -Itests/unit \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined
UNIT_SRCS := $(B3PR_CORE) $(wildcard tests/unit/*.c)
UNIT_OBJS := $(patsubst %.c,$(UNIT_OUT)/%.o,$(UNIT_SRCS))

$(UNIT_OUT)/%.o: %.c $(wildcard include/b3pr/*.h tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -c -o $@ $<

$(UNIT_OUT)/b3pr-unit: $(UNIT_OBJS)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -o $@ $^

.PHONY: unit
unit: $(UNIT_OUT)/b3pr-unit
	$(UNIT_OUT)/b3pr-unit
