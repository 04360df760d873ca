// SPDX-License-Identifier: GPL-2.0
/*
 * Image loading: an ELF (32- or 64-bit, either byte order) is loaded by
 * its PT_LOAD program headers at their physical addresses (p_paddr) and
 * started at e_entry, taken as a code address (the guest programs have no
 * ELFv1 function descriptors); anything without the ELF magic is a raw
 * binary placed at --load. Every offset and size is checked against the
 * file and against guest memory before anything is copied.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "b3pr-run.h"

struct elf_file {
	const uint8_t *data;
	uint64_t size;
	bool is64, le;
};

static uint64_t rd(const struct elf_file *f, uint64_t off, unsigned int len)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < len; i++) {
		unsigned int k = f->le ? len - 1 - i : i;

		v = (v << 8) | f->data[off + k];
	}
	return v;
}

/* Field offsets and sizes of Elf32/Elf64 headers, chosen by class. */
#define EH(f, f32, f64)	((f)->is64 ? offsetof(Elf64_Ehdr, f64) : offsetof(Elf32_Ehdr, f32))
#define PH(f, f32, f64)	((f)->is64 ? offsetof(Elf64_Phdr, f64) : offsetof(Elf32_Phdr, f32))
#define WORD(f)		((f)->is64 ? 8 : 4)

static bool fits(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static int load_segment(const struct elf_file *f, const char *name,
			uint64_t ph, uint8_t *mem, uint64_t mem_size)
{
	uint64_t offset = rd(f, ph + PH(f, p_offset, p_offset), WORD(f));
	uint64_t paddr = rd(f, ph + PH(f, p_paddr, p_paddr), WORD(f));
	uint64_t filesz = rd(f, ph + PH(f, p_filesz, p_filesz), WORD(f));
	uint64_t memsz = rd(f, ph + PH(f, p_memsz, p_memsz), WORD(f));

	if (filesz > memsz || !fits(offset, filesz, f->size)) {
		err("%s: bad ELF: a segment lies outside the file", name);
		return -1;
	}
	if (!fits(paddr, memsz, mem_size)) {
		err("%s: segment at 0x%llx (0x%llx bytes) does not fit in %llu bytes of guest memory (--mem)",
		    name, (unsigned long long)paddr, (unsigned long long)memsz,
		    (unsigned long long)mem_size);
		return -1;
	}
	memcpy(mem + paddr, f->data + offset, filesz);
	memset(mem + paddr + filesz, 0, memsz - filesz);
	return 0;
}

static int load_elf(const struct elf_file *f, const char *name, uint8_t *mem,
		    uint64_t mem_size, struct image *img)
{
	uint64_t phoff, phentsize, phnum, i, loaded = 0;
	unsigned int machine;

	if (!fits(0, f->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr), f->size)) {
		err("%s: bad ELF: truncated header", name);
		return -1;
	}
	machine = rd(f, EH(f, e_machine, e_machine), 2);
	if (machine != (f->is64 ? EM_PPC64 : EM_PPC)) {
		err("%s: bad ELF: machine %u is not %s", name, machine,
		    f->is64 ? "PowerPC64 (21)" : "PowerPC (20)");
		return -1;
	}
	if (rd(f, EH(f, e_type, e_type), 2) != ET_EXEC) {
		err("%s: bad ELF: not an executable (ET_EXEC)", name);
		return -1;
	}
	phoff = rd(f, EH(f, e_phoff, e_phoff), WORD(f));
	phentsize = rd(f, EH(f, e_phentsize, e_phentsize), 2);
	phnum = rd(f, EH(f, e_phnum, e_phnum), 2);
	if (phentsize != (f->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)) ||
	    phnum == 0 || !fits(phoff, phnum * phentsize, f->size)) {
		err("%s: bad ELF: program headers missing or outside the file", name);
		return -1;
	}
	for (i = 0; i < phnum; i++) {
		uint64_t ph = phoff + i * phentsize;

		if (rd(f, ph + PH(f, p_type, p_type), 4) != PT_LOAD)
			continue;
		if (load_segment(f, name, ph, mem, mem_size))
			return -1;
		loaded++;
	}
	if (!loaded) {
		err("%s: bad ELF: no PT_LOAD segment", name);
		return -1;
	}
	img->entry = rd(f, EH(f, e_entry, e_entry), WORD(f));
	img->little_endian = f->le;
	return 0;
}

static int load_raw(const struct elf_file *f, const struct options *o,
		    uint8_t *mem, uint64_t mem_size, struct image *img)
{
	if (!fits(o->load_addr, f->size, mem_size)) {
		err("%s: %llu bytes at 0x%llx do not fit in %llu bytes of guest memory (--mem)",
		    o->image, (unsigned long long)f->size,
		    (unsigned long long)o->load_addr, (unsigned long long)mem_size);
		return -1;
	}
	memcpy(mem + o->load_addr, f->data, f->size);
	img->entry = 0;
	/* A raw binary has no byte order of its own: the MSR says. */
	img->little_endian = o->msr_set && (o->msr & MSR_LE);
	return 0;
}

static int classify(struct elf_file *f, const char *name)
{
	const uint8_t *id = f->data;

	if (f->size < EI_NIDENT) {
		err("%s: bad ELF: truncated identification", name);
		return -1;
	}
	if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64) {
		err("%s: bad ELF: class %u is neither 32- nor 64-bit", name, id[EI_CLASS]);
		return -1;
	}
	if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB) {
		err("%s: bad ELF: unknown byte order %u", name, id[EI_DATA]);
		return -1;
	}
	f->is64 = id[EI_CLASS] == ELFCLASS64;
	f->le = id[EI_DATA] == ELFDATA2LSB;
	return 0;
}

static void *read_file(const char *name, uint64_t *size)
{
	struct stat st;
	uint8_t *buf;
	ssize_t n;
	size_t done = 0;
	int fd = open(name, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st)) {
		err("%s: %s", name, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		err("%s: not a regular file", name);
		goto fail;
	}
	if (st.st_size == 0) {
		err("%s: image is empty", name);
		goto fail;
	}
	buf = malloc(st.st_size);
	if (!buf) {
		err("%s: no memory for %lld bytes", name, (long long)st.st_size);
		goto fail;
	}
	while (done < (size_t)st.st_size) {
		n = read(fd, buf + done, st.st_size - done);
		if (n <= 0) {
			err("%s: read: %s", name, n ? strerror(errno) : "short file");
			free(buf);
			goto fail;
		}
		done += n;
	}
	close(fd);
	*size = st.st_size;
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	return NULL;
}

int load_image(const struct options *o, uint8_t *mem, uint64_t mem_size,
	       struct image *img)
{
	struct elf_file f;
	void *buf;
	int ret;

	buf = read_file(o->image, &f.size);
	if (!buf)
		return -1;
	f.data = buf;
	if (f.size >= SELFMAG && !memcmp(f.data, ELFMAG, SELFMAG)) {
		if (o->load_set) {
			err("%s: --load applies to raw images, not to an ELF", o->image);
			ret = -1;
		} else {
			ret = classify(&f, o->image);
			if (!ret)
				ret = load_elf(&f, o->image, mem, mem_size, img);
		}
	} else {
		ret = load_raw(&f, o, mem, mem_size, img);
	}
	free(buf);
	if (!ret && o->entry_set)
		img->entry = o->entry;
	return ret;
}
