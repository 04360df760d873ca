# SPDX-License-Identifier: GPL-2.0
# Shared settings for the emulated-host harness scripts (sourced, not run).

B3PR_CACHE=${B3PR_CACHE:-$HOME/.cache/b3pr}
B3PR_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CROSS_COMPILE=${CROSS_COMPILE:-powerpc64le-linux-gnu-}
export B3PR_CACHE B3PR_SRC CROSS_COMPILE
mkdir -p "$B3PR_CACHE"

say() { printf '[b3pr-host] %s\n' "$*" >&2; }
die() { printf '[b3pr-host] error: %s\n' "$*" >&2; exit 1; }

# Run as root, or through sudo when we are not.
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Every step writes its product into a cache directory keyed by what it
# was made from, and marks it complete last, so an interrupted step is redone.
is_built() { [ -e "$1/.complete" ]; }
mark_built() { touch "$1/.complete"; }
