// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr-run's command line: every value is checked here, so that the rest
 * of the program only sees sane options.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b3pr-run.h"

#define DEFAULT_MEM	(64ULL << 20)

static const char usage[] =
"usage: b3pr-run [options] IMAGE\n"
"  IMAGE            ELF (32/64-bit, BE/LE, loaded at its physical addresses)\n"
"                   or a raw binary\n"
"  --mem SIZE       guest memory at guest physical 0 (default 64M; K/M/G)\n"
"  --load ADDR      where a raw binary goes (default 0)\n"
"  --entry ADDR     start address (default: the ELF entry, or 0)\n"
"  --set rN=VALUE   initial GPR value (repeatable; all others 0)\n"
"  --msr VALUE      initial MSR (default SF|ME, plus LE for an LE image)\n"
"  --pvr VALUE      guest processor version (default: the device's)\n"
"  --device PATH    hypervisor device (default /dev/b3pr)\n"
"  --dump-regs      print the registers after the run\n"
"  --timeout SEC    stop the guest after SEC seconds (exit 124)\n"
"  --stats          print exit counts by reason to stderr\n"
"MMIO: console 0xF0000000 (1-byte store), exit 0xF0000008 (4-byte store),\n"
"pattern 0xF0000010 (8 bytes 01..08), scratch 0xF0000018 (8 bytes).\n";

static int parse_u64(const char *opt, const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	if (*s == '-' || *s == '\0')
		goto bad;
	*v = strtoull(s, &end, 0);
	if (errno || *end)
		goto bad;
	return 0;
bad:
	err("%s: '%s' is not a number", opt, s);
	return -1;
}

static int parse_size(const char *opt, const char *s, uint64_t *v)
{
	unsigned int shift = 0;
	char buf[64];
	size_t n = strlen(s);

	if (n == 0 || n >= sizeof(buf)) {
		err("%s: '%s' is not a size", opt, s);
		return -1;
	}
	memcpy(buf, s, n + 1);
	switch (buf[n - 1]) {
	case 'K': case 'k':
		shift = 10;
		break;
	case 'M': case 'm':
		shift = 20;
		break;
	case 'G': case 'g':
		shift = 30;
		break;
	}
	if (shift)
		buf[n - 1] = '\0';
	if (parse_u64(opt, buf, v))
		return -1;
	if (*v == 0 || *v > (MMIO_CONSOLE >> shift)) {
		err("%s: '%s' must be above 0 and at most 0x%llx bytes (the MMIO devices start there)",
		    opt, s, MMIO_CONSOLE);
		return -1;
	}
	*v <<= shift;
	return 0;
}

/* "rN=VALUE", N in 0..31. */
static int parse_set(const char *s, struct options *o)
{
	const char *eq = strchr(s, '=');
	uint64_t n, v;
	char reg[8];

	if (s[0] != 'r' || !eq || eq - s < 2 || eq - s > 3)
		goto bad;
	memcpy(reg, s + 1, eq - s - 1);
	reg[eq - s - 1] = '\0';
	if (reg[0] < '0' || reg[0] > '9' || parse_u64("--set", reg, &n) || n > 31)
		goto bad;
	if (parse_u64("--set", eq + 1, &v))
		return -1;
	o->gpr[n] = v;
	return 0;
bad:
	err("--set: '%s' is not rN=VALUE with N in 0..31", s);
	return -1;
}

enum { OPT_MEM = 1, OPT_LOAD, OPT_ENTRY, OPT_SET, OPT_MSR, OPT_PVR,
	OPT_DEVICE, OPT_DUMP, OPT_TIMEOUT, OPT_STATS, OPT_HELP };

static const struct option longopts[] = {
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "load", required_argument, NULL, OPT_LOAD },
	{ "entry", required_argument, NULL, OPT_ENTRY },
	{ "set", required_argument, NULL, OPT_SET },
	{ "msr", required_argument, NULL, OPT_MSR },
	{ "pvr", required_argument, NULL, OPT_PVR },
	{ "device", required_argument, NULL, OPT_DEVICE },
	{ "dump-regs", no_argument, NULL, OPT_DUMP },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static int parse_one(int c, const char *arg, struct options *o)
{
	uint64_t v;

	switch (c) {
	case OPT_MEM:
		return parse_size("--mem", arg, &o->mem_size);
	case OPT_LOAD:
		o->load_set = true;
		return parse_u64("--load", arg, &o->load_addr);
	case OPT_ENTRY:
		o->entry_set = true;
		return parse_u64("--entry", arg, &o->entry);
	case OPT_SET:
		return parse_set(arg, o);
	case OPT_MSR:
		o->msr_set = true;
		return parse_u64("--msr", arg, &o->msr);
	case OPT_PVR:
		if (parse_u64("--pvr", arg, &v))
			return -1;
		if (v > 0xffffffffULL) {
			err("--pvr: '%s' does not fit in 32 bits", arg);
			return -1;
		}
		o->pvr = v;
		o->pvr_set = true;
		return 0;
	case OPT_DEVICE:
		o->device = arg;
		return 0;
	case OPT_DUMP:
		o->dump_regs = true;
		return 0;
	case OPT_TIMEOUT:
		if (parse_u64("--timeout", arg, &v))
			return -1;
		if (v == 0 || v > 86400) {
			err("--timeout: '%s' must be 1 to 86400 seconds", arg);
			return -1;
		}
		o->timeout = v;
		return 0;
	case OPT_STATS:
		o->stats = true;
		return 0;
	}
	return -1;
}

/* 0 to run, 1 after --help, -1 on a bad command line (already said why). */
int parse_options(int argc, char **argv, struct options *o)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->device = "/dev/b3pr";
	o->mem_size = DEFAULT_MEM;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		if (c == OPT_HELP) {
			fputs(usage, stdout);
			return 1;
		}
		if (c == ':') {
			err("option '%s' needs a value (see --help)", argv[optind - 1]);
			return -1;
		}
		if (c == '?') {
			if (optopt > ' ' && optopt < 127)
				err("unknown option '-%c' (see --help)", optopt);
			else
				err("unknown option '%s' (see --help)", argv[optind - 1]);
			return -1;
		}
		if (parse_one(c, optarg, o))
			return -1;
	}
	if (optind != argc - 1) {
		err(optind == argc ? "no IMAGE given (see --help)" :
		    "more than one IMAGE given (see --help)");
		return -1;
	}
	o->image = argv[optind];
	return 0;
}
