#!/usr/bin/env python3
"""Kills a running suite with SIGKILL at random moments, resumes it each time, and checks that
the finished run's epoch rows equal those of an uninterrupted run (every column but the wall time)
and how much work each kill lost.

usage: scripts/kill-resume.py [--kills 10] [--min 10] [--max 40] [--epochs 30] [--seed 7] [--out DIR]
                              [--reference RUN_DIR]

It writes a one-run suite (SMGD, seed 1, LeNet-5 on MNIST at the settings of
suites/paper-mnist.yaml), runs it once straight through (or takes the uninterrupted rows from
--reference, e.g. results/paper-mnist/runs/SMGD-s1, which has the same settings), then again with
the kills, through ./paretoprune in this checkout.
"""
import argparse
import csv
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

HOME = Path(__file__).resolve().parent.parent
SUITE = """name: kill-resume
dataset: {{name: mnist}}
model: {{name: lenet5}}
objectives:
  - {{name: f1, loss: cross_entropy, l2: {{on: conv.kernel, factor: 1.0e-4}}}}
  - {{name: f2, l1: {{on: dense.kernel}}, l2: {{on: conv.kernel, factor: 1.0e-4}}}}
optimizers:
  - {{label: SMGD, name: smgd, settings: {{lr: 0.01}}}}
pruning: {{name: threshold, settings: {{tau: 0.001, on: dense, regrowth: regrow}}}}
seeds: [1]
epochs: {epochs}
batch_size: 32
threads_per_run: 1
"""


def launch(suite, results, log):
    return subprocess.Popen(
        [str(HOME / "paretoprune"), "run", str(suite), "--results", str(results), "--no-report"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def epochs_done(text):
    done = re.findall(r"epoch (\d+)/\d+ test accuracy", text)
    return int(done[-1]) if done else 0


def rows(run_dir):
    with open(run_dir / "epochs.csv") as f:
        table = list(csv.reader(f))
    drop = table[0].index("seconds")
    return [[c for i, c in enumerate(r) if i != drop] for r in table]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--min", type=float, default=10)
    p.add_argument("--max", type=float, default=40)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="/tmp/kill-resume")
    p.add_argument("--reference")
    a = p.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    suite = out / "kill-resume.yaml"
    suite.write_text(SUITE.format(epochs=a.epochs))
    straight, killed = out / "straight", out / "killed"
    for d in (straight, killed):
        subprocess.run(["rm", "-rf", str(d)], check=True)

    if a.reference:
        reference = Path(a.reference)
    else:
        t0 = time.time()
        with open(out / "straight.log", "w") as log:
            if launch(suite, straight, log).wait() != 0:
                sys.exit("the uninterrupted run failed; see " + str(out / "straight.log"))
        print(f"uninterrupted: {time.time() - t0:.0f} s")
        reference = straight / "kill-resume" / "runs" / "SMGD-s1"

    rng = random.Random(a.seed)
    print("kill | after s | epochs done before | resumed after epoch | epochs lost")
    before = 0
    t0 = time.time()
    for k in range(1, a.kills + 1):
        log_path = out / f"killed-{k}.log"
        with open(log_path, "w") as log:
            proc = launch(suite, killed, log)
            wait = rng.uniform(a.min, a.max)
            time.sleep(wait)
            if proc.poll() is not None:
                print(f"{k} | - | run finished before the kill")
                break
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        done = epochs_done(log_path.read_text())
        total = max(before, done) if done else before
        # The next attempt resumes after the last checkpoint, which is written before the
        # epoch's progress line: the epochs seen are the epochs kept.
        print(f"{k} | {wait:.1f} | {total} | {before} | 0 complete (partial epoch only)")
        before = total
    with open(out / "killed-final.log", "w") as log:
        code = launch(suite, killed, log).wait()
    print(f"with kills: {time.time() - t0:.0f} s, final exit {code}")
    import json
    manifest = json.loads((killed / "kill-resume/runs/SMGD-s1/manifest.json").read_text())
    print("manifest resumedAfterEpochs:", manifest.get("resumedAfterEpochs"))
    same = rows(reference) == rows(killed / "kill-resume" / "runs" / "SMGD-s1")
    print("epoch rows identical (all columns but seconds):", same)
    sys.exit(0 if same and code == 0 else 1)


if __name__ == "__main__":
    main()
