#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the Slurm executor's tests and benchmarks:
#   scripts/slurm-local.sh start    # install (Debian: slurm-wlm, munge) if missing, start, wait idle
#   scripts/slurm-local.sh stop     # end the daemons this script started
#   scripts/slurm-local.sh status   # sinfo, or why not
# munged, slurmctld and slurmd run on localhost as root, configured for a container without
# systemd or cgroups (process tracking by /proc, no task plugin). There is no slurmdbd (it needs
# MariaDB): accounting_storage/none, so sacct has no data; finished jobs are written by
# jobcomp/filetxt to $dir/jobcomp.txt, which paretoprune reads for a task's Slurm state when sacct
# cannot answer. Everything lives under $PARETOPRUNE_SLURM_DIR (default /var/tmp/paretoprune-slurm);
# /etc/slurm/slurm.conf is made a link to its slurm.conf unless a slurm.conf of someone else's is
# there (then export SLURM_CONF=$dir/slurm.conf yourself). Both commands are idempotent.
set -euo pipefail
dir="${PARETOPRUNE_SLURM_DIR:-/var/tmp/paretoprune-slurm}"
conf="$dir/slurm.conf"
node=localhost

die() { echo "slurm-local: $*" >&2; exit 1; }

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "slurm-wlm and munge are not installed and this is not root"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
}

write_config() {
  mkdir -p "$dir"/{state,spool,log,munge}
  local cpus mem
  cpus=$(nproc)
  # Leave the OS some memory: Slurm refuses a node that reports less than its RealMemory.
  mem=$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo)
  cat >"$conf.new" <<EOF
# Written by scripts/slurm-local.sh: a one-node cluster for tests.
ClusterName=paretoprune-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
# No systemd, no cgroups in a container.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
# No slurmdbd: finished jobs go to a text file instead (see the header of slurm-local.sh).
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.txt
# Keep ended jobs in scontrol for 10 minutes, so their state can be read there too.
MinJobAge=600
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=60
KillWait=10
MaxArraySize=10001
# Without a default, a job asks for the whole node's memory and tasks run one at a time.
DefMemPerCPU=$((mem / cpus))
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.new" "$conf"
  mkdir -p /etc/slurm
  if [ -L /etc/slurm/slurm.conf ] || [ ! -e /etc/slurm/slurm.conf ]; then
    ln -sfn "$conf" /etc/slurm/slurm.conf
  elif ! cmp -s /etc/slurm/slurm.conf "$conf"; then
    echo "slurm-local: /etc/slurm/slurm.conf is not ours; export SLURM_CONF=$conf" >&2
  fi
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_munge() {
  if running "$dir/munge/munged.pid"; then
    return
  fi
  [ -f /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null \
    || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
  chown root:root /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  # Root runs munged here (--force): the daemons run as root too, and there is no init system.
  munged --force --socket="$dir/munge/munge.socket.2" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"
  # The Slurm daemons and clients look for the socket at its default place.
  mkdir -p /run/munge
  ln -sfn "$dir/munge/munge.socket.2" /run/munge/munge.socket.2
}

start() {
  install_packages
  write_config
  start_munge
  export SLURM_CONF="$conf"
  if ! running "$dir/slurmctld.pid"; then
    slurmctld -i
  fi
  if ! running "$dir/slurmd.pid"; then
    slurmd -N "$node"
  fi
  for _ in $(seq 1 60); do
    state=$(sinfo -h -n "$node" -o %T 2>/dev/null || true)
    case "$state" in
      idle|mixed|allocated) echo "slurm-local: node $node $state (config $conf)"; return ;;
      down*|drain*) scontrol update NodeName="$node" State=RESUME 2>/dev/null || true ;;
    esac
    sleep 1
  done
  die "the node did not become idle within 60 s; see $dir/log/"
}

stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    if running "$pidfile"; then
      pid=$(cat "$pidfile")
      kill "$pid"
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$pidfile"
  done
  echo "slurm-local: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) SLURM_CONF="$conf" sinfo ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
