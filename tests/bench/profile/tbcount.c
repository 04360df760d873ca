// SPDX-License-Identifier: GPL-2.0
/*
 * tbcount: a QEMU TCG plugin (QEMU 7.2's plugin API) that counts how
 * often each instruction of the emulated machine runs, for profiles of
 * b3pr's paths in instructions (tests/bench/README.md). At QEMU's exit it
 * writes one line per instruction that ran, "VADDR COUNT HADDR" in hex,
 * decimal and hex, to the file out=PATH names: HADDR (QEMU's host address
 * of the instruction) tells translation-off code at a low address from a
 * guest's at the same one.
 *
 * Build (qemu-plugin.h from the QEMU 7.2 source, no glib needed):
 *   gcc -O2 -shared -fPIC -I DIR_WITH_QEMU_PLUGIN_H -o tbcount.so tbcount.c
 * Use: B3PR_QEMU_EXTRA="-icount shift=0 -plugin file=$PWD/tbcount.so,out=F"
 * for tools/host/boot.sh. Two boots that differ only in how many times
 * the path runs, subtracted, give its instructions per run.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* A translation block as first translated; retranslations find it again. */
struct tb_entry {
	uint64_t vaddr;
	uintptr_t haddr;
	uint64_t ninsns;
	uint64_t *count;	/* one per instruction */
	int used;
};

#define TABLE_BITS	22
#define TABLE_SIZE	(1UL << TABLE_BITS)
static struct tb_entry *table;
static unsigned long nused;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char out_path[512] = "tbcount.txt";

/* Open addressing; NULL once half full (those blocks go uncounted). */
static struct tb_entry *lookup(uint64_t vaddr, uintptr_t haddr, uint64_t n)
{
	uint64_t h = (vaddr * 0x9e3779b97f4a7c15ULL) ^ (haddr * 31) ^ n;
	unsigned long i = (h >> 20) & (TABLE_SIZE - 1);

	for (;;) {
		struct tb_entry *e = &table[i];

		if (!e->used) {
			if (nused > TABLE_SIZE / 2)
				return NULL;
			e->used = 1;
			e->vaddr = vaddr;
			e->haddr = haddr;
			e->ninsns = n;
			e->count = calloc(n, sizeof(uint64_t));
			nused++;
			return e;
		}
		if (e->vaddr == vaddr && e->haddr == haddr && e->ninsns == n)
			return e;
		i = (i + 1) & (TABLE_SIZE - 1);
	}
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t i, n = qemu_plugin_tb_n_insns(tb);
	struct qemu_plugin_insn *first = qemu_plugin_tb_get_insn(tb, 0);
	struct tb_entry *e;

	pthread_mutex_lock(&lock);
	e = lookup(qemu_plugin_tb_vaddr(tb),
		   (uintptr_t)qemu_plugin_insn_haddr(first), n);
	pthread_mutex_unlock(&lock);
	if (!e || !e->count)
		return;
	for (i = 0; i < n; i++)
		qemu_plugin_register_vcpu_insn_exec_inline(
			qemu_plugin_tb_get_insn(tb, i),
			QEMU_PLUGIN_INLINE_ADD_U64, &e->count[i], 1);
}

static void at_exit(qemu_plugin_id_t id, void *unused)
{
	FILE *f = fopen(out_path, "w");
	unsigned long i;
	uint64_t j;

	if (!f)
		return;
	for (i = 0; i < TABLE_SIZE; i++) {
		const struct tb_entry *e = &table[i];

		if (!e->used || !e->count)
			continue;
		for (j = 0; j < e->ninsns; j++)
			if (e->count[j])
				fprintf(f, "%" PRIx64 " %" PRIu64 " %lx\n",
					e->vaddr + 4 * j, e->count[j],
					(unsigned long)e->haddr + 4 * j);
	}
	fclose(f);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info,
					   int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			snprintf(out_path, sizeof(out_path), "%s", argv[i] + 4);
	table = calloc(TABLE_SIZE, sizeof(*table));
	if (!table)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
