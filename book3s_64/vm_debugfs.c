// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/b3pr/vm-<pid>-<id>/: one directory per VM, named by
 * the creator's pid and the VM's module-wide id, holding
 *   vcpu<N>  the exit counts of vcpu N, one "reason count" line each,
 *            then its pending interrupt sources;
 *   mem      guest physical memory at file offset = gpa, for the VMM's
 *            own process only (it reads through the VMM's mappings);
 *   hpt      per vcpu, its shadow PTEs and the host HPTEs under its VSIDs;
 * and b3pr/hpt_released, host HPTEs left under destroyed vcpus' VSIDs;
 * b3pr/l1d_flush and b3pr/entry_flush, the L1D flushes of a guest entry
 * and of a guest exit.
 * Removing the directory waits for readers, so the VM may then go.
 */
#include <linux/debugfs.h>
#include <linux/highmem.h>
#include <linux/kvm.h>
#include <linux/minmax.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "b3pr/guest_mem.h"
#include "b3pr/rm.h"
#include "b3pr/rm_mem.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/shadow.h"
#include "b3pr/vm.h"

static struct dentry *b3pr_debugfs_root;

static const char * const b3pr_exit_names[B3PR_EXIT_NR_REASONS] = {
	[B3PR_EXIT_PRIV_EMUL] = "priv_emul",
	[B3PR_EXIT_SYSCALL] = "syscall",
	[B3PR_EXIT_HCALL] = "hcall",
	[B3PR_EXIT_PROGRAM] = "program",
	[B3PR_EXIT_PAGE_FAULT] = "page_fault",
	[B3PR_EXIT_SEGMENT] = "segment",
	[B3PR_EXIT_GUEST_FAULT] = "guest_fault",
	[B3PR_EXIT_MMIO] = "mmio",
	[B3PR_EXIT_DEC] = "dec",
	[B3PR_EXIT_HOST_IRQ] = "host_irq",
	[B3PR_EXIT_FAC_UNAVAIL] = "fac_unavail",
	[B3PR_EXIT_TRACE] = "trace",
	[B3PR_EXIT_TB_WRITE] = "tb_write_ignored",
	[B3PR_EXIT_SIGNAL] = "signal",
	[B3PR_EXIT_IDLE] = "idle",
	[B3PR_EXIT_INTERNAL] = "internal",
	[B3PR_EXIT_OTHER] = "other",
};

/* Lock-free on purpose: a running vcpu holds its mutex for long. */
static int b3pr_vcpu_exits_show(struct seq_file *m, void *unused)
{
	struct b3pr_vcpu *vcpu = m->private;
	unsigned int i;

	for (i = 0; i < B3PR_EXIT_NR_REASONS; i++)
		seq_printf(m, "%s %llu\n", b3pr_exit_names[i],
			   READ_ONCE(vcpu->exits[i]));
	seq_printf(m, "pending_irqs 0x%x\n", READ_ONCE(vcpu->g.pending));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_vcpu_exits);

/* Read through a pinned page: exercises the shadow MMU's way in. */
static ssize_t b3pr_mem_read(struct file *file, char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct b3pr_vm *vm = file->private_data;
	size_t done = 0, chunk, off;
	struct page *page;
	unsigned long left;
	void *kaddr;
	int ret = 0;

	if (current->mm != vm->mm)
		return -EIO;
	while (done < count) {
		off = (*ppos + done) & ~PAGE_MASK;
		chunk = min(count - done, PAGE_SIZE - off);
		ret = b3pr_memslot_pin(vm, *ppos + done, &page);
		if (ret)
			break;
		kaddr = kmap_local_page(page);
		left = copy_to_user(buf + done, kaddr + off, chunk);
		kunmap_local(kaddr);
		b3pr_memslot_unpin(page, false);
		if (left) {
			ret = -EFAULT;
			break;
		}
		done += chunk;
	}
	*ppos += done;
	if (done)
		return done;
	return ret == -ENOENT ? -ENXIO : ret;
}

/* Write through the core's accessor, in small bounce-buffer steps. */
static ssize_t b3pr_mem_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct b3pr_vm *vm = file->private_data;
	struct b3pr_guest_mem mem;
	size_t done = 0, chunk;
	u8 bounce[256];

	if (current->mm != vm->mm)
		return -EIO;
	b3pr_vm_guest_mem(vm, &mem);
	while (done < count) {
		chunk = min(count - done, sizeof(bounce));
		if (copy_from_user(bounce, buf + done, chunk))
			break;
		if (mem.write(mem.ctx, *ppos + done, bounce, chunk))
			break;
		done += chunk;
	}
	*ppos += done;
	return done ? done : -EFAULT;
}

/*
 * hpt: per vcpu, the host PTEs its shadow cache records and those the
 * host hash table really holds under its VSIDs (the second may be lower:
 * the host evicts entries on its own; never higher).
 */
static int b3pr_vm_hpt_show(struct seq_file *m, void *unused)
{
	struct b3pr_vm *vm = m->private;
	unsigned int i;

	mutex_lock(&vm->lock);
	for (i = 0; i < vm->nr_vcpus; i++)
		seq_printf(m, "vcpu%u shadow_ptes %u host_hptes %ld\n",
			   vm->vcpus[i]->id,
			   b3pr_shadow_nr_ptes(vm->vcpus[i]),
			   b3pr_hpt_count_vcpu(vm->vcpus[i]));
	mutex_unlock(&vm->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_vm_hpt);

/* l1d_flush: the guest entry's L1D flush, in the kernel's own words. */
static int b3pr_l1d_flush_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%s\n", b3pr_l1d_flush_name(b3pr_rm_l1d_flush()));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_l1d_flush);

/* entry_flush: the guest exit's, as the kernel's own entry flushes. */
static int b3pr_entry_flush_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%s\n", b3pr_l1d_flush_name(b3pr_rm_entry_flush()));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_entry_flush);

/*
 * rm_reach: where real mode stops reaching, how many pages the page
 * allocator gave above it (refused), and where the real-mode blob's
 * parts are.
 */
static int b3pr_rm_reach_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "limit 0x%llx refused %ld blob", b3pr_rm_reach(),
		   b3pr_rm_pages_refused());
	b3pr_rm_show_parts(m);
	seq_putc(m, '\n');
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_rm_reach);

/* hpt_released: host PTEs under the VSIDs of destroyed vcpus (0). */
static int b3pr_hpt_released_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%ld\n", b3pr_hpt_count_released());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_hpt_released);

static const struct file_operations b3pr_mem_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = b3pr_mem_read,
	.write = b3pr_mem_write,
	.llseek = default_llseek,
};

void b3pr_vm_debugfs_create(struct b3pr_vm *vm)
{
	char name[48];

	snprintf(name, sizeof(name), "vm-%d-%u", task_pid_nr(current),
		 vm->id);
	vm->debugfs = debugfs_create_dir(name, b3pr_debugfs_root);
	debugfs_create_file("mem", 0600, vm->debugfs, vm, &b3pr_mem_fops);
	debugfs_create_file("hpt", 0400, vm->debugfs, vm, &b3pr_vm_hpt_fops);
}

/* vcpuN-rm: where its real-mode area is, for the RMA check of the tests. */
static int b3pr_vcpu_rm_show(struct seq_file *m, void *unused)
{
	struct b3pr_vcpu *vcpu = m->private;

	seq_printf(m, "phys 0x%llx size %zu\n",
		   (u64)__pa(vcpu->run_state.rm), sizeof(*vcpu->run_state.rm));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(b3pr_vcpu_rm);

void b3pr_vcpu_debugfs_create(struct b3pr_vcpu *vcpu)
{
	char name[24];

	snprintf(name, sizeof(name), "vcpu%u", vcpu->id);
	debugfs_create_file(name, 0400, vcpu->vm->debugfs, vcpu,
			    &b3pr_vcpu_exits_fops);
	snprintf(name, sizeof(name), "vcpu%u-rm", vcpu->id);
	debugfs_create_file(name, 0400, vcpu->vm->debugfs, vcpu,
			    &b3pr_vcpu_rm_fops);
}

void b3pr_vm_debugfs_remove(struct b3pr_vm *vm)
{
	debugfs_remove_recursive(vm->debugfs);
}

/* debugfs failures are not fatal: the files are for tests and people. */
void b3pr_debugfs_init(void)
{
	b3pr_debugfs_root = debugfs_create_dir("b3pr", NULL);
	debugfs_create_file("hpt_released", 0400, b3pr_debugfs_root, NULL,
			    &b3pr_hpt_released_fops);
	debugfs_create_file("l1d_flush", 0400, b3pr_debugfs_root, NULL,
			    &b3pr_l1d_flush_fops);
	debugfs_create_file("entry_flush", 0400, b3pr_debugfs_root, NULL,
			    &b3pr_entry_flush_fops);
	debugfs_create_file("rm_reach", 0400, b3pr_debugfs_root, NULL,
			    &b3pr_rm_reach_fops);
	debugfs_create_bool("rm_force_fallback", 0600, b3pr_debugfs_root,
			    &b3pr_rm_force_fallback);
}

void b3pr_debugfs_exit(void)
{
	debugfs_remove_recursive(b3pr_debugfs_root);
}
