// SPDX-License-Identifier: GPL-2.0
/*
 * Relocation-on interrupts (AIL) off while any b3pr VM exists.
 *
 * A guest runs with translation on: with AIL on, its interrupts would be
 * taken at EA 0xc000000000004000 + vector, in supervisor state, through
 * the guest's SLB, in memory the guest may map as it likes. AIL is
 * partition-wide on pseries and the OS cannot read LPCR; the kernel
 * changes it only through pseries_enable_reloc_on_exc() and
 * pseries_disable_reloc_on_exc() (H_SET_MODE), and records the last
 * success in pseries_reloc_on_exception(). Besides boot, in 6.1 only
 * kvm-pr calls them, keeping its own count: when its last VM goes it
 * turns AIL back on, whatever b3pr's VMs need.
 *
 * So b3pr watches both calls with kprobes. While b3pr VMs exist, a call
 * to turn AIL on is answered "not done" without reaching the hypervisor,
 * and remembered; when b3pr's last VM goes, AIL comes back if the rest
 * of the kernel (boot, kvm-pr) last asked for it. b3pr's own calls are
 * not recorded as anyone's wish.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <asm/firmware.h>
#include <asm/setup.h>

#include "b3pr/ail.h"

static DEFINE_MUTEX(b3pr_ail_lock);
static unsigned int b3pr_ail_vms;	/* under b3pr_ail_lock */
/* Read by the probes: */
static bool b3pr_ail_held;		/* b3pr VMs exist: no AIL */
static bool b3pr_ail_wanted;		/* the kernel's last wish, but ours */
static atomic_t b3pr_ail_disables;	/* disables asked for by others */
static struct task_struct *b3pr_ail_self;	/* b3pr is calling */
static bool b3pr_ail_probed;

static int b3pr_ail_enable_probe(struct kprobe *p, struct pt_regs *regs)
{
	if (READ_ONCE(b3pr_ail_self) == current)
		return 0;
	/* Ordered against b3pr_ail_vm_get: held first, then the wait. */
	if (!READ_ONCE(b3pr_ail_held))
		return 0;
	WRITE_ONCE(b3pr_ail_wanted, true);
	/* Return false ("not enabled") to the caller at once. */
	regs_set_return_value(regs, 0);
	instruction_pointer_set(regs, regs->link);
	return 1;
}

static int b3pr_ail_disable_probe(struct kprobe *p, struct pt_regs *regs)
{
	if (READ_ONCE(b3pr_ail_self) == current)
		return 0;
	WRITE_ONCE(b3pr_ail_wanted, false);
	/* The wish is visible before the count b3pr_ail_vm_put compares. */
	smp_mb__before_atomic();
	atomic_inc(&b3pr_ail_disables);
	return 0;
}

static struct kprobe b3pr_ail_enable_kp = {
	.symbol_name = "pseries_enable_reloc_on_exc",
	.pre_handler = b3pr_ail_enable_probe,
};

static struct kprobe b3pr_ail_disable_kp = {
	.symbol_name = "pseries_disable_reloc_on_exc",
	.pre_handler = b3pr_ail_disable_probe,
};

/* Without H_SET_MODE, AIL is never on (PAPR's default is off). */
static bool b3pr_ail_possible(void)
{
	return firmware_has_feature(FW_FEATURE_SET_MODE);
}

int b3pr_ail_init(void)
{
	int ret;

	if (!b3pr_ail_possible())
		return 0;
	ret = register_kprobe(&b3pr_ail_enable_kp);
	if (ret) {
		pr_err("cannot watch pseries_enable_reloc_on_exc (kprobe: %d); guests need relocation-on interrupts kept off\n",
		       ret);
		return ret;
	}
	ret = register_kprobe(&b3pr_ail_disable_kp);
	if (ret) {
		unregister_kprobe(&b3pr_ail_enable_kp);
		pr_err("cannot watch pseries_disable_reloc_on_exc (kprobe: %d); guests need relocation-on interrupts kept off\n",
		       ret);
		return ret;
	}
	b3pr_ail_probed = true;
	return 0;
}

void b3pr_ail_exit(void)
{
	if (!b3pr_ail_probed)
		return;
	unregister_kprobe(&b3pr_ail_disable_kp);
	unregister_kprobe(&b3pr_ail_enable_kp);
	b3pr_ail_probed = false;
}

/* b3pr's own H_SET_MODE calls, under b3pr_ail_lock. */
static void b3pr_ail_set(bool on)
{
	WRITE_ONCE(b3pr_ail_self, current);
	if (on)
		pseries_enable_reloc_on_exc();
	else
		pseries_disable_reloc_on_exc();
	WRITE_ONCE(b3pr_ail_self, NULL);
}

int b3pr_ail_vm_get(void)
{
	int ret = 0;

	/*
	 * With AIL off, scv (ISA 3.0) vectors to real 0x17000, where the
	 * host kernel has no handler: a host that offers scv to its
	 * programs cannot have AIL turned off under them.
	 */
	if (cur_cpu_spec->cpu_user_features2 & PPC_FEATURE2_SCV) {
		pr_warn_once("guests need relocation-on interrupts off, which this host's scv system calls do not allow\n");
		return -EOPNOTSUPP;
	}
	if (!b3pr_ail_possible())
		return 0;
	mutex_lock(&b3pr_ail_lock);
	if (b3pr_ail_vms++)
		goto out;
	WRITE_ONCE(b3pr_ail_wanted, pseries_reloc_on_exception());
	WRITE_ONCE(b3pr_ail_held, true);
	/*
	 * An enable that passed its probe before "held" was seen may still
	 * be on its way to the hypervisor. kvm-pr calls it under a
	 * spinlock: once an RCU grace period has passed, it has finished.
	 */
	synchronize_rcu();
	/* Whatever the kernel believes: a disable when off is harmless. */
	b3pr_ail_set(false);
	if (pseries_reloc_on_exception()) {
		pr_err("cannot turn relocation-on interrupts off (H_SET_MODE failed): no guest can run\n");
		ret = -EIO;
		b3pr_ail_vms--;
		WRITE_ONCE(b3pr_ail_held, false);
	}
out:
	mutex_unlock(&b3pr_ail_lock);
	return ret;
}

void b3pr_ail_vm_put(void)
{
	int disables;

	if (!b3pr_ail_possible())
		return;
	mutex_lock(&b3pr_ail_lock);
	if (--b3pr_ail_vms)
		goto out;
	WRITE_ONCE(b3pr_ail_held, false);
	disables = atomic_read(&b3pr_ail_disables);
	/* Pairs with the disable probe: the count, then the wish. */
	smp_mb__after_atomic();
	if (READ_ONCE(b3pr_ail_wanted)) {
		b3pr_ail_set(true);
		/*
		 * Someone (a new kvm-pr VM) asked for AIL off meanwhile: its
		 * H_SET_MODE may have reached the hypervisor before ours.
		 */
		if (atomic_read(&b3pr_ail_disables) != disables)
			b3pr_ail_set(false);
	}
out:
	mutex_unlock(&b3pr_ail_lock);
}

/*
 * The kernel's own record of the last H_SET_MODE that succeeded: with the
 * probes in place it says on only if something turned AIL on behind
 * them, and then no guest may run.
 */
int b3pr_ail_entry_check(void)
{
	if (likely(!pseries_reloc_on_exception()))
		return 0;
	pr_err_ratelimited("relocation-on interrupts are on: guest entry refused\n");
	return -EIO;
}
