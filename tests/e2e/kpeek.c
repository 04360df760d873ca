// SPDX-License-Identifier: GPL-2.0
/*
 * kpeek NAME: print the kernel's 64-bit variable NAME as 0x..., read from
 * /proc/kcore (an ELF core file of the running kernel). The tests check
 * b3pr against the kernel's own values with it (ppc64_rma_size, the
 * kernel's RMA). NAME's link-time address comes from /etc/kernel.syms
 * (from the vmlinux; Debian's kernel lists no data in /proc/kallsyms),
 * moved by as much as _stext in /proc/kallsyms says the kernel runs away
 * from its link address (a relocated kdump kernel).
 */
#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The address of NAME in a "NAME ADDR" (or, kallsyms, "ADDR T NAME") file. */
static int lookup(const char *file, const char *name, int kallsyms,
		  uint64_t *addr)
{
	char line[256], sym[128], type;
	unsigned long long a;
	FILE *f = fopen(file, "r");
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f)) {
		if (kallsyms)
			found = sscanf(line, "%llx %c %127s", &a, &type, sym) == 3 &&
				!strcmp(sym, name);
		else
			found = sscanf(line, "%127s %llx", sym, &a) == 2 &&
				!strcmp(sym, name);
	}
	fclose(f);
	*addr = a;
	return found;
}

int main(int argc, char **argv)
{
	uint64_t addr, stext_link, stext_now, word;
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	unsigned int i;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: kpeek NAME\n");
		return 2;
	}
	if (!lookup("/etc/kernel.syms", argv[1], 0, &addr) ||
	    !lookup("/etc/kernel.syms", "_stext", 0, &stext_link) ||
	    !lookup("/proc/kallsyms", "_stext", 1, &stext_now)) {
		fprintf(stderr, "kpeek: no address for %s or _stext\n", argv[1]);
		return 1;
	}
	addr += stext_now - stext_link;
	fd = open("/proc/kcore", O_RDONLY);
	if (fd < 0 || pread(fd, &eh, sizeof(eh), 0) != sizeof(eh)) {
		perror("kpeek: /proc/kcore");
		return 1;
	}
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) != sizeof(ph))
			break;
		if (ph.p_type != PT_LOAD || addr < ph.p_vaddr ||
		    addr + sizeof(word) > ph.p_vaddr + ph.p_filesz)
			continue;
		if (pread(fd, &word, sizeof(word), ph.p_offset + (addr - ph.p_vaddr)) !=
		    sizeof(word)) {
			perror("kpeek: read");
			return 1;
		}
		printf("0x%" PRIx64 "\n", word);
		return 0;
	}
	fprintf(stderr, "kpeek: 0x%" PRIx64 " is in no segment of /proc/kcore\n", addr);
	return 1;
}
