// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/b3pr, and /dev/kvm where no other driver has it: the system-level
 * ioctls of the KVM ABI (linux/kvm.h) and b3pr's own module-wide ones
 * (uapi/b3pr/b3pr.h).
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/fs.h>
#include <linux/kvm.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "b3pr/module.h"
#include "b3pr/vm.h"
#include "uapi/b3pr/b3pr.h"

static long b3pr_get_module_stats(void __user *argp)
{
	struct b3pr_module_stats st = {
		.live_objects = b3pr_live_objects(),
		.vms = b3pr_nr_vms(),
		.vcpus = b3pr_nr_vcpus(),
	};

	if (copy_to_user(argp, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

static long b3pr_dev_ioctl(struct file *filp, unsigned int ioctl,
			   unsigned long arg)
{
	switch (ioctl) {
	case KVM_GET_API_VERSION:
		if (arg)
			return -EINVAL;
		return KVM_API_VERSION;
	case KVM_CREATE_VM:
		return b3pr_create_vm(arg);
	case KVM_CHECK_EXTENSION:
		return b3pr_check_extension(arg);
	case KVM_GET_VCPU_MMAP_SIZE:
		if (arg)
			return -EINVAL;
		return PAGE_SIZE;
	case B3PR_GET_MODULE_STATS:
		return b3pr_get_module_stats((void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations b3pr_dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = b3pr_dev_ioctl,
	.compat_ioctl = b3pr_dev_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice b3pr_miscdev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "b3pr",
	.fops = &b3pr_dev_fops,
	.mode = 0660,
};

/*
 * The same device as /dev/kvm, for VMMs that open only that (QEMU). No
 * mode and no module alias, as kvm.ko's own node: udev gives it the
 * distribution's kvm permissions, and opening /dev/kvm still loads
 * kvm.ko where b3pr is not loaded.
 */
static struct miscdevice b3pr_kvm_miscdev = {
	.minor = KVM_MINOR,
	.name = "kvm",
	.fops = &b3pr_dev_fops,
};

static bool kvm_node = true;
module_param(kvm_node, bool, 0444);
MODULE_PARM_DESC(kvm_node,
		 "Also serve /dev/kvm (misc minor 232) when no other driver does (default: yes)");

static bool b3pr_kvm_node_registered;

static void b3pr_kvm_node_register(void)
{
	int ret;

	if (!kvm_node)
		return;
	ret = misc_register(&b3pr_kvm_miscdev);
	if (!ret) {
		b3pr_kvm_node_registered = true;
		return;
	}
	if (ret == -EBUSY)
		pr_info("/dev/kvm belongs to another driver (kvm.ko): use /dev/b3pr, e.g. mount --bind /dev/b3pr /dev/kvm\n");
	else
		pr_warn("cannot register /dev/kvm (%d): use /dev/b3pr\n", ret);
}

int b3pr_dev_init(void)
{
	int ret;

	b3pr_debugfs_init();
	ret = misc_register(&b3pr_miscdev);
	if (ret) {
		pr_err("cannot register /dev/b3pr: %d\n", ret);
		b3pr_debugfs_exit();
		return ret;
	}
	b3pr_kvm_node_register();
	return 0;
}

void b3pr_dev_exit(void)
{
	if (b3pr_kvm_node_registered)
		misc_deregister(&b3pr_kvm_miscdev);
	misc_deregister(&b3pr_miscdev);
	b3pr_debugfs_exit();
}
