#!/usr/bin/env bash
# Model-checks uipc's send/await and slot-reuse protocol (model/uipc.pml) with SPIN.
#
#   model/check.sh [quick|full]
#
# quick (default, CI; about a minute on 2 vCPUs): every property in its bounded
#   configurations must hold, exhaustively; every mutant must be caught.
# full: quick plus larger configurations (more senders, more sends), several minutes.
#
# Needs spin and gcc on PATH (Debian/Ubuntu: apt-get install -y spin gcc). Installs nothing.
# Environment: JOBS (parallel pan runs, default 2), MEMLIM (MB per run, default 2048 quick,
# 4096 full), RUN_TIMEOUT (seconds per run, default 300), KEEP=1 keeps the work directory.
set -uo pipefail

mode=${1:-quick}
case $mode in quick|full) ;; *) echo "usage: $0 [quick|full]" >&2; exit 2 ;; esac
JOBS=${JOBS:-2}
if [[ $mode == full ]]; then MEMLIM=${MEMLIM:-4096}; else MEMLIM=${MEMLIM:-2048}; fi
RUN_TIMEOUT=${RUN_TIMEOUT:-300}
DEPTH=300000

die() { echo "model/check.sh: $*" >&2; exit 2; }
command -v spin >/dev/null 2>&1 || die "spin is not installed (Debian/Ubuntu: apt-get install -y spin)"
command -v gcc >/dev/null 2>&1 || die "gcc is not installed (Debian/Ubuntu: apt-get install -y gcc)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is not installed"

here=$(cd "$(dirname "$0")" && pwd)
model="$here/uipc.pml"
[[ -f $model ]] || die "missing $model"
work=$(mktemp -d "${TMPDIR:-/tmp}/uipc-spin.XXXXXX") || die "cannot create a work directory"
if [[ ${KEEP:-0} == 1 ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi

# Scenario defines (see the header of uipc.pml).
WAKE=""
SAMEWORD="-DSAMEWORD"
CONTROL="-DCTL_MASK -DCTL_SN -DCTL_WAKEUP -DONE_SENDER"
CONTROLSW="-DCTL_SN -DCTL_WAKEUP -DSAMEWORD -DONE_SENDER"
REUSE="-DREUSE -DS2_SENDS=1"
REGRACE="-DREUSE -DREG_RACE -DNO_S1"
REAPER="-DREUSE -DREAPER -DNO_S1 -DS2_SENDS=0"

# name|expect|kind|defines. kind safety: assertions, the watchdog and invalid end states;
# kind ltl: the LTL formula no_lost_wakeup under weak fairness, with the assertions.
CHECKS=(
  "wake/safety|pass|safety|$WAKE"
  "wake/liveness|pass|ltl|$WAKE"
  "sameword/safety|pass|safety|$SAMEWORD"
  "control/safety|pass|safety|$CONTROL"
  "control/liveness|pass|ltl|$CONTROL"
  "control-sameword/safety|pass|safety|$CONTROLSW"
  "reuse/safety|pass|safety|$REUSE"
  "register-race/safety|pass|safety|$REGRACE"
  "reaper/safety|pass|safety|$REAPER"
)
if [[ $mode == full ]]; then
  CHECKS+=(
    "full/sameword/liveness|pass|ltl|$SAMEWORD"
    "full/control-mask/safety|pass|safety|-DCTL_MASK"
    "full/control-sn/safety|pass|safety|-DCTL_SN"
    "full/control-wakeup/safety|pass|safety|-DCTL_WAKEUP"
    "full/control-sameword-mask/safety|pass|safety|-DCTL_MASK -DCTL_SN -DSAMEWORD -DONE_SENDER"
    "full/reuse/liveness|pass|ltl|$REUSE"
    "full/register-race-s1/safety|pass|safety|-DREUSE -DREG_RACE"
    "full/reuse-2sends/safety|pass|safety|-DREUSE -DS2_SENDS=2"
    "full/reaper-stale-sender/safety|pass|safety|-DREUSE -DREAPER -DS2_SENDS=0"
  )
fi

# Each mutant breaks one protocol step; the model must catch it. BUG_ORIG_* are ipc-core's
# code as it was before the model found those bugs. Retired with protocol v1 (uipc.pml's
# header says why): MUT_TAKE_BITS_FIRST, BUG_ORIG_BLOCK_RECHECK.
MUTANTS=(
  "MUT_FUTEX_NO_VALUE_CHECK|safety|$WAKE"            # FUTEX_WAIT sleeps without comparing
  "MUT_SENDER_NOTIFY_FIRST|safety|$WAKE"             # sender reads the state before its PIR CAS
  "MUT_SEND_NO_BLKD_CHECK|safety|$WAKE"              # sender newly sets ON, never looks at BLKD
  "MUT_SEND_BLKD_IF_ON_SET|safety|$WAKE"             # sender looks at BLKD only if ON was set
  "MUT_NO_BLKD_RECHECK|safety|$WAKE"                 # no PIR re-check after announcing BLKD
  "MUT_TAKE_TWO_STEPS|safety|$SAMEWORD"              # take clears ON, then takes in a second CAS
  "MUT_NOTIFY_IGNORES_ON|safety|$CONTROL"            # sender wakes whether or not it set ON
  "MUT_SUPPRESS_NO_ON|safety|$CONTROL"               # suppress does not hold ON
  "MUT_SELFNOTIFY_ON_ONLY|safety|$CONTROL"           # selfNotify skips BLKD when ON was set
  "MUT_TAKE_SN_ONCE|safety|$CONTROL"                 # take reads suppressed only before it starts
  "MUT_TAKE_NO_ON_RESTORE|safety|$CONTROL"           # take never puts back ON it cleared while SN
  "MUT_UNMASK_NO_NOTIFY|safety|$CONTROL"             # unmask forgets to notify
  "MUT_RESUME_NO_NOTIFY|safety|$CONTROL"             # resume forgets to notify
  "MUT_NO_GEN_CHECK|safety|$REUSE"                   # post's CAS loop ignores the generation
  "MUT_NO_TAG_CHECK|safety|$REUSE"                   # sender clears BLKD in any generation's state
  "MUT_NO_UITT_RECHECK|safety|$REUSE"                # sender does not re-read the UITT control
  "MUT_COAL_UNTAGGED|safety|$REUSE"                  # coalesced counter incremented untagged
  "MUT_RELEASE_LOW_FIRST|safety|$REAPER"             # release retags PIR low before the state
  "MUT_RELEASE_WAKE_IF_BLKD|safety|$REUSE"           # release wakes only if it saw BLKD
  "BUG_ORIG_RELEASE|safety|$REUSE"                   # release: PIR low, PIR high, state getAndSet
  "BUG_ORIG_RECEIVER|safety|$REUSE"                  # take/await without generation checks
  "BUG_ORIG_UITT_INVALIDATE|safety|$REGRACE"         # invalidateTargeting frees CLAIMING entries
  "MUT_CAS_PUBLISH|safety|$REGRACE"                  # ...and a CAS publish (the first, partial fix)
  "MUT_RELEASE_NOT_RESUMABLE|safety|$REAPER"         # a release cut short is never finished
  "MUT_RETAG_UNCONDITIONAL|safety|$REAPER"           # release retags PIR words of any generation
)

# run NAME EXPECT KIND DEFINES: writes one result line to $work/<id>.result
run() {
  local name=$1 expect=$2 kind=$3 defines=$4
  local id=${name//\//_}; id=${id// /_}
  local dir="$work/$id" opt cflags pargs t0 t1 rc errors states line what
  mkdir -p "$dir" && cp "$model" "$dir/uipc.pml" && cd "$dir" || return
  # gcc -O2 costs 4 s per pan.c and pays back only beyond ~10 million states (full mode)
  if [[ $expect == pass && $mode == full ]]; then opt=-O2; else opt=-O0; fi
  if [[ $kind == ltl ]]; then cflags="-DNFAIR=6"; pargs="-a -f -N no_lost_wakeup"
  else cflags="-DSAFETY -DNOCLAIM"; pargs=""; fi
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  if ! spin $defines -a uipc.pml >spin.out 2>&1 || [[ ! -f pan.c ]]; then
    echo "ERROR|$name|spin -a $defines failed: $(head -c 300 spin.out)" >"$work/$id.result"; return
  fi
  # shellcheck disable=SC2086
  if ! gcc $opt $cflags -DCOLLAPSE -DMEMLIM="$MEMLIM" -o pan pan.c >gcc.out 2>&1; then
    echo "ERROR|$name|gcc failed: $(head -c 300 gcc.out)" >"$work/$id.result"; return
  fi
  # shellcheck disable=SC2086
  timeout "$RUN_TIMEOUT" ./pan -m"$DEPTH" -w24 $pargs >pan.out 2>&1; rc=$?
  t1=$(date +%s.%N)
  local secs; secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  errors=$(sed -n 's/.*errors: \([0-9][0-9]*\).*/\1/p' pan.out | tail -1)
  states=$(sed -n 's/^ *\([0-9.e+]*\) states, stored.*/\1/p' pan.out | tail -1)
  if [[ $rc == 124 ]]; then
    echo "FAIL|$name|timed out after ${RUN_TIMEOUT}s" >"$work/$id.result"; return
  fi
  if [[ -z $errors ]]; then
    echo "ERROR|$name|pan gave no verdict (exit $rc): $(tail -c 300 pan.out)" >"$work/$id.result"; return
  fi
  if [[ $expect == pass ]]; then
    if [[ $errors != 0 ]]; then
      echo "FAIL|$name|$(grep -m1 '^pan:1:' pan.out) (KEEP=1 and spin -t -p in $dir replay it)" >"$work/$id.result"
    elif grep -q -e 'max search depth too small' -e 'reached -DMEMLIM' pan.out; then
      echo "FAIL|$name|search incomplete: $(grep -o -m1 -e 'max search depth too small' -e 'reached -DMEMLIM bound' pan.out)" >"$work/$id.result"
    else
      echo "PASS|$name|$states states, $secs s" >"$work/$id.result"
    fi
  else
    if [[ $errors == 0 ]]; then
      echo "SURVIVED|$name|the model did not catch this mutant ($states states, $secs s)" >"$work/$id.result"
    else
      line=$(grep -m1 '^pan:1:' pan.out)
      what=$line
      if [[ $line == *"assertion violated"* ]]; then
        # replay the trail to find the assertion's source line; print its comment
        local ln
        # shellcheck disable=SC2086
        ln=$(spin $defines -t uipc.pml 2>&1 | sed -n 's/^spin: uipc.pml:\([0-9]*\), Error: assertion violated.*/\1/p' | head -1)
        if [[ -n $ln ]]; then
          local said; said=$(sed -n "${ln}p" uipc.pml | sed -n 's|.*/\* *\(.*[^ ]\) *\*/.*|\1|p')
          [[ -n $said ]] || said=$(sed -n 's/^pan:1: assertion violated \(.*\) (at depth.*/\1/p' pan.out | head -c 120)
          what="assertion at uipc.pml:$ln: $said"
        fi
      elif [[ $line == *"acceptance cycle"* ]]; then
        what="LTL no_lost_wakeup violated: a deliverable vector is never taken (acceptance cycle)"
      elif [[ $line == *"invalid end state"* ]]; then
        what="invalid end state: a process is stuck"
      fi
      echo "CAUGHT|$name|$what ($secs s)" >"$work/$id.result"
    fi
  fi
}

echo "SPIN model check of $model ($mode mode, $JOBS jobs): $(spin -V 2>&1 | head -1)"
start=$(date +%s)
order=()
launch() {
  while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n; done
  ( run "$@" ) &
  local id=${1//\//_}; order+=("${id// /_}")
}
for c in "${CHECKS[@]}"; do
  IFS='|' read -r name expect kind defines <<<"$c"
  launch "$name" "$expect" "$kind" "$defines"
done
for m in "${MUTANTS[@]}"; do
  IFS='|' read -r macro kind defines <<<"$m"
  launch "mutant ${macro%% *}${macro#"${macro%% *}"}" fail "$kind" "-D$macro $defines"
done
wait

failed=0
for id in "${order[@]}"; do
  f="$work/$id.result"
  if [[ ! -f $f ]]; then echo "ERROR     $id: no result"; failed=1; continue; fi
  IFS='|' read -r verdict name detail <"$f"
  printf '%-9s %-50s %s\n' "$verdict" "$name" "$detail"
  case $verdict in PASS|CAUGHT) ;; *) failed=1 ;; esac
done
echo "total $(( $(date +%s) - start )) s"
if (( failed )); then
  echo "model/check.sh: FAILED: a property does not hold, a run did not finish, or a mutant survived" >&2
  exit 1
fi
echo "model/check.sh: all properties hold and every mutant is caught"
