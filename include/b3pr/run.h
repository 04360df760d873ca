/* SPDX-License-Identifier: GPL-2.0 */
/* The run loop: what KVM_RUN calls (book3s_64/run.c). */
#ifndef B3PR_RUN_H
#define B3PR_RUN_H

struct b3pr_vcpu;

/* KVM_RUN, with vcpu->mutex held: 0 with vcpu->run filled, or -errno. */
long b3pr_vcpu_run(struct b3pr_vcpu *vcpu);

#endif /* B3PR_RUN_H */
