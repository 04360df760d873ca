# SPDX-License-Identifier: GPL-2.0
#
# Real-mode data below the RMA (issue 13 finding 3). On a POWER8 LPAR
# real mode reaches only the first memory block, at most 1 GB (the
# kernel's ppc64_rma_size, hash__setup_initial_memory_limit); b3pr must
# put nothing its real-mode code touches above it, whatever the page
# allocator offers.

rm_reach_field() { # N: field N of b3pr's rm_reach line
	awk -v n="$1" '{ print $n }' /sys/kernel/debug/b3pr/rm_reach
}

# Four guests at once; each vcpu's real-mode area, read while they run,
# must end at or below RMA.
rm_areas_below() { # CHECK RMA
	printf '\110\000\000\000' >/tmp/loop.bin
	pids=
	for n in 1 2 3 4; do
		b3pr-run --device /dev/b3pr --load 0x100 --entry 0x100 --timeout 60 \
			/tmp/loop.bin >/dev/null 2>&1 &
		pids="$pids $!"
	done
	i=0
	while [ "$(ls /sys/kernel/debug/b3pr/vm-*/vcpu*-rm 2>/dev/null | wc -l)" -lt 4 ] &&
	      [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	areas=0 bad=
	for f in /sys/kernel/debug/b3pr/vm-*/vcpu*-rm; do
		line=$(cat "$f" 2>/dev/null)
		[ -n "$line" ] || continue
		set -- "$1" "$2" $line
		areas=$((areas + 1))
		[ $(($4 + $6)) -le $(($2)) ] || bad="$bad $4"
		echo "E2E-INFO $1: area $4, $6 bytes"
	done
	kill $pids
	wait $pids 2>/dev/null
	[ $areas = 4 ] && [ -z "$bad" ] && pass "$1 ($areas areas)" ||
		fail "$1" "$areas areas, above the RMA:$bad"
}

rm_reach_checks() { # PREFIX
	rma=$(kpeek ppc64_rma_size)
	echo "E2E-INFO $1: kernel ppc64_rma_size $rma, b3pr $(cat /sys/kernel/debug/b3pr/rm_reach)"
	limit=$(rm_reach_field 2)
	[ -n "$rma" ] && [ "$limit" = "$rma" ] && pass "$1-limit-is-kernels-rma" ||
		fail "$1-limit-is-kernels-rma" "b3pr '$limit', kernel '$rma'"
	rm_areas_below "$1-rm-areas-below-rma" "$rma"
}

# The same with every page the allocator offers treated as above the RMA
# (b3pr's debugfs knob rm_force_fallback): each area is then taken from
# inside the RMA (alloc_contig_range), as on a host where the allocator's
# pages lie above it. The refusals are counted.
rm_reach_forced() { # PREFIX
	rma=$(kpeek ppc64_rma_size)
	before=$(rm_reach_field 4)
	echo 1 >/sys/kernel/debug/b3pr/rm_force_fallback
	rm_areas_below "$1-rm-areas-from-inside-rma" "$rma"
	echo 0 >/sys/kernel/debug/b3pr/rm_force_fallback
	after=$(rm_reach_field 4)
	echo "E2E-INFO $1: pages refused: $before before, $after after"
	[ "$after" -ge $((before + 4)) ] && pass "$1-allocator-pages-refused" ||
		fail "$1-allocator-pages-refused" "refused $before then $after"
}
