#!/usr/bin/env bash
# Wall time of one small suite run locally and through the slurm executor on the one-node cluster
# of scripts/slurm-local.sh, alternating, in one session; then through Slurm at array widths
# (max_parallel) 1 and 2. BENCHMARKS.md ("Suites on Slurm") has the figures and this command:
#   scripts/bench-slurm.sh [REPEATS]        (default 2)
# 20 runs (2 optimizers x 10 seeds) of LeNet-5 on 500 MNIST images for 1 epoch.
#   scripts/bench-slurm.sh pareto [REPEATS]
# instead times a small Pareto search (bisection, 3 weightings in 2 rounds, then the knee: 4 runs
# of 1 epoch on 320 images) locally and through Slurm, alternating; each line ends with the load.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
mode=suite
if [ "${1:-}" = pareto ]; then mode=pareto; shift; fi
repeats="${1:-2}"
work="$(mktemp -d /tmp/bench-slurm.XXXXXX)"
trap 'rm -rf "$work"' EXIT
suite() { # name pack extra...
  cat >"$work/$1.yaml" <<YAML
name: $1
dataset: {name: mnist, train_limit: 500, test_limit: 500}
model: {name: lenet5}
objectives:
  - {name: f1, loss: cross_entropy}
  - {name: f2, l1: {on: dense.kernel}}
optimizers:
  - {label: SMGD, name: smgd, settings: {lr: 0.01}}
  - {label: SGD+L1, name: weighted, settings: {weights: [1.0, 3.0e-4], step: sgd, lr: 0.01}}
pruning: {name: threshold}
seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
epochs: 1
batch_size: 32
threads_per_run: 1
parallel: 2
runner: {pack: $2}
slurm: {mem: 3G, $3}
YAML
}
timed() { # label suite executor
  local t0 t1
  t0=$(date +%s.%N)
  "$home/paretoprune" run "$work/$2.yaml" --executor "$3" --results "$work/r-$RANDOM$RANDOM" \
    --data "$home/data" --no-report >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  t1=$(date +%s.%N)
  printf '%s %.1f load %s\n' "$1" "$(echo "$t1 - $t0" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}
timed_pareto() { # executor
  local t0 t1
  t0=$(date +%s.%N)
  "$home/paretoprune" pareto "$work/search.yaml" --executor "$1" --results "$work/r-$RANDOM$RANDOM" \
    --data "$home/data" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  t1=$(date +%s.%N)
  printf 'pareto-%s %.1f load %s\n' "$1" "$(echo "$t1 - $t0" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}
if [ "$mode" = pareto ]; then
  cat >"$work/search.yaml" <<YAML
name: search
dataset: {name: mnist, train_limit: 320, test_limit: 200}
model: {name: lenet5}
objectives:
  - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
  - {name: f2, l1: {on: dense.kernel}}
optimizers:
  - {label: SMGD, name: smgd, settings: {lr: 0.01}}
pruning: {name: threshold}
seeds: [1]
epochs: 1
batch_size: 32
threads_per_run: 1
pareto: {search: bisection, max_evaluations: 3, epochs: 1, knee: chord, retrain: true}
slurm: {mem: 3G}
YAML
  "$home/paretoprune" list datasets >/dev/null
  mkdir -p "$work/cp" && cp -r "$home/cli/target/paretoprune-cli.jar" "$home/cli/target/lib" "$work/cp/"
  export PARETOPRUNE_CLASSPATH="$work/cp/paretoprune-cli.jar:$work/cp/lib/*"
  for i in $(seq 1 "$repeats"); do
    timed_pareto local
    timed_pareto slurm
  done
  exit 0
fi
suite overhead auto "max_parallel: 2"
suite width1 2 "max_parallel: 1"
suite width2 2 "max_parallel: 2"
"$home/paretoprune" list datasets >/dev/null # build once, outside the timings
# Time a copy of the build, so that editing the sources meanwhile does not rebuild mid-run.
mkdir -p "$work/cp" && cp -r "$home/cli/target/paretoprune-cli.jar" "$home/cli/target/lib" "$work/cp/"
export PARETOPRUNE_CLASSPATH="$work/cp/paretoprune-cli.jar:$work/cp/lib/*"
for i in $(seq 1 "$repeats"); do
  timed "local" overhead local
  timed "slurm" overhead slurm
done
for i in $(seq 1 "$repeats"); do
  timed "width1" width1 slurm
  timed "width2" width2 slurm
done
