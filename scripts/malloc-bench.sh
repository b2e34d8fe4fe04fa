#!/usr/bin/env bash
# Times `./paretoprune bench step` under each allocator of the launcher, interleaved round by round
# so that every round's ratios come from one stretch of the (shared, noisy) machine:
#   glibc        glibc's malloc as it comes       (PARETOPRUNE_MALLOC=glibc)
#   glibc-tuned  the launcher's glibc tunables    (PARETOPRUNE_MALLOC=glibc-tuned)
#   jemalloc     libjemalloc.so.2 preloaded       (PARETOPRUNE_MALLOC=jemalloc; skipped if absent)
# Per invocation it prints the bench's median ms per SGD and SMGD step and, from /usr/bin/time, the
# process's CPU seconds (user + system) and minor page faults, then each round's ratios to glibc.
# usage: scripts/malloc-bench.sh ROUNDS [bench step options, default: --steps 200 --reps 2 --threads 1]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:?usage: scripts/malloc-bench.sh ROUNDS [bench step options]}"
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--steps 200 --reps 2 --threads 1)
variants=(glibc glibc-tuned)
if PARETOPRUNE_MALLOC=jemalloc "$home/paretoprune" --version >/dev/null 2>&1; then variants+=(jemalloc); fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf 'round\tmalloc\tsgd_ms\tsmgd_ms\tcpu_s\tminor_faults\n'
for ((r = 1; r <= rounds; r++)); do
  declare -A sgd=() smgd=() cpu=() faults=()
  for v in "${variants[@]}"; do
    PARETOPRUNE_MALLOC="$v" /usr/bin/time -f 'TIME %U %S %R' -o "$out.time" \
      "$home/paretoprune" bench step "${args[@]}" >"$out" 2>&1 || { cat "$out" >&2; exit 1; }
    sgd[$v]=$(awk '$1 == "ours" && $2 == "sgd" {print $3}' "$out")
    smgd[$v]=$(awk '$1 == "ours" && $2 == "smgd" {print $3}' "$out")
    read -r _ user sys minor < <(grep '^TIME' "$out.time")
    cpu[$v]=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
    faults[$v]=$minor
    printf '%d\t%s\t%s\t%s\t%s\t%s\n' "$r" "$v" "${sgd[$v]}" "${smgd[$v]}" "${cpu[$v]}" "$minor"
  done
  for v in "${variants[@]}"; do
    [ "$v" = glibc ] && continue
    awk -v r="$r" -v v="$v" -v a="${sgd[$v]}" -v b="${sgd[glibc]}" -v c="${smgd[$v]}" -v d="${smgd[glibc]}" \
      -v e="${cpu[$v]}" -v f="${cpu[glibc]}" -v g="${faults[$v]}" -v h="${faults[glibc]}" \
      'BEGIN {printf "ratio %d\t%s/glibc\tsgd %.3f\tsmgd %.3f\tcpu %.3f\tfaults %.3f\n", r, v, a / b, c / d, e / f, g / h}'
  done
  rm -f "$out.time"
done
