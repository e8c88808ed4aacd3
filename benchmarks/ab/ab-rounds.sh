#!/usr/bin/env bash
# Paired A/B rounds of the cross-process benchmarks: an old build (BASE, a checkout of another
# commit with its own bin/uipc) against this tree, alternating which goes first, with the C
# baseline at the start of each round, so both see the VM in the same mode (docs/benchmarks.md).
#
#   BASE=/path/to/old/checkout ROUNDS=3 benchmarks/ab/ab-rounds.sh [OUT_DIR]
#
# Writes, per round R: c-R.txt (C spin and futex), pp-{base,new}-R.json (uipc bench, pinned,
# spin and block) and mb-{base,new}-R.json (uipc bench --mailbox, 2,000,000 messages, no paced runs);
# benchmarks/ab/medians.py prints the medians and their ratios.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
base=${BASE:?set BASE to a checkout of the commit to compare against}
rounds=${ROUNDS:-3}
out=${1:-$here/benchmarks/target/ab-$(date +%Y%m%d-%H%M)}
mkdir -p "$out"
for r in $(seq 1 "$rounds"); do
    if (( r % 2 )); then order=(base new); else order=(new base); fi
    bash "$here/benchmarks/c-baseline/ipc-baseline.sh" spin futex > "$out/c-$r.txt" 2>&1
    for v in "${order[@]}"; do
        dir=$base
        [[ $v == new ]] && dir=$here
        "$dir/bin/uipc" bench --pin --json --mechanisms=uipc-spin,uipc-block --idle-ms=0 > "$out/pp-$v-$r.json" 2>&1
        "$dir/bin/uipc" bench --mailbox --json --messages=2000000 --paced-messages=0 > "$out/mb-$v-$r.json" 2>&1
    done
done
echo "$out"
