# SPDX-License-Identifier: GPL-2.0
#
# Guest memory against the VMM's address space and the dirty log
# (tests/e2e/b3pr-mem.c). Sourced by /init beside scenarios.sh (pass,
# fail and check come from there).

# Every b3pr-mem check on DEVICE, check names prefixed with PREFIX.
mem_checks() { # DEVICE [PREFIX]
	{
		for mode in unmap dirty dirty-args; do
			b3pr-mem $mode "$1"
		done
		b3pr-mem race "$1" 2
		b3pr-mem dirty-race "$1" 2
	} | sed -e "s|^E2E-PASS |&${2:-}|" -e "s|^E2E-FAIL |&${2:-}|"
}

# b3pr alone; ends with b3pr unloaded and nothing leaked.
b3pr_mem() {
	check mem/modprobe-b3pr modprobe b3pr
	mem_checks /dev/b3pr
	check mem/rmmod-b3pr rmmod b3pr
	dmesg | grep -q 'b3pr: .*leaked' && fail mem/no-leak-at-unload "$(dmesg | grep leaked)" ||
		pass mem/no-leak-at-unload
}

# Upstream kvm-pr beside b3pr (the reference kernel). Where it differs
# its checks become E2E-INFO lines naming the difference:
# - an access to memory the VMM unmapped is retried for ever (KVM_RUN
#   ends only at a signal), logging "Couldn't get guest page" each time
#   (book3s_64_mmu_host.c kvmppc_mmu_map_page returns -EINVAL, not -EIO);
# - pages the guest only loaded from are in the dirty log: a load maps
#   the page writable where the host PTE is, and marks it dirty;
# - a slot whose log starts keeps its writable mappings
#   (kvmppc_core_commit_memory_region_pr does nothing): stores through
#   them are never logged.
kvmpr_mem() {
	mem_checks /dev/kvm kvmpr- |
		sed -E -e 's/^E2E-FAIL (kvmpr-mem\/(munmapped-load|mremapped-store)-efault)/E2E-INFO known-kvm-pr-retries-unmapped \1/' \
			-e 's/^E2E-FAIL (kvmpr-mem\/dirty-log-round[12]-exact)/E2E-INFO known-kvm-pr-logs-loads \1/' \
			-e 's/^E2E-FAIL (kvmpr-mem\/late-log-sees-store)/E2E-INFO known-kvm-pr-late-log-misses-stores \1/'
}
