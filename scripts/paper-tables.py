#!/usr/bin/env python3
"""Markdown tables for BENCHMARKS.md from a suite's results folder (and, optionally, a Pareto
search's): per label the final test accuracy and dense nonzeros with 95% t intervals, the mean c2
chosen per epoch, the paired tests, and where each label lands against the weighted-sum front.

usage: scripts/paper-tables.py RESULTS_DIR [--front PARETO_RESULTS_DIR] [--epochs 1,5,10,20,30]
                               [--grid KEY]

With --grid KEY (a suite whose labels end in " KEY=value"), one more table: a row per optimizer,
a column per value, each cell the mean test accuracy and dense nonzeros over the seeds.
"""
import argparse
import csv
import json
import math
import statistics
from collections import defaultdict
from pathlib import Path

# Two-sided 95% t quantiles for n - 1 degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def ci(values):
    n = len(values)
    m = statistics.fmean(values)
    if n < 2:
        return m, float("nan"), float("nan")
    h = T95.get(n - 1, 1.96) * statistics.stdev(values) / math.sqrt(n)
    return m, m - h, m + h


def read(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def pivot(finals, key):
    """Optimizer x grid value: mean accuracy [95% CI] and mean dense nonzeros."""
    rows, values = {}, []
    for label, (acc, nnz) in finals.items():
        base, _, value = label.rpartition(" " + key + "=")
        if value not in values:
            values.append(value)
        rows.setdefault(base, {})[value] = (acc, nnz)
    print()
    print(f"| optimizer | " + " | ".join(f"{key} {v}" for v in values) + " |")
    print("|---|" + "---|" * len(values))
    for base, cells in rows.items():
        out = []
        for v in values:
            if v not in cells:
                out.append("")
                continue
            acc, nnz = cells[v]
            m, lo, hi = ci(acc)
            out.append(f"{m:.4f} [{lo:.4f}, {hi:.4f}], {statistics.fmean(nnz):,.0f} nz")
        print(f"| {base} | " + " | ".join(out) + " |")


def per_epoch(by_label, epochs, title, column, fmt):
    """A table of one column's mean over seeds at the given epochs, a row per label."""
    print()
    print(f"| {title} (mean over seeds) | " + " | ".join(f"epoch {e}" for e in epochs) + " |")
    print("|---|" + "---|" * len(epochs))
    for label, items in by_label.items():
        cells = []
        for e in epochs:
            vals = [float(r[e - 1][column]) for _, r in items if len(r) >= e]
            cells.append(fmt.format(statistics.fmean(vals)) if vals else "")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results")
    p.add_argument("--front")
    p.add_argument("--epochs", default="1,5,10,20,30")
    p.add_argument("--grid")
    a = p.parse_args()
    res = Path(a.results)
    runs = sorted((res / "runs").glob("*/manifest.json"))
    by_label = defaultdict(list)
    for m in runs:
        man = json.loads(m.read_text())
        rows = read(m.parent / "epochs.csv")
        by_label[man["label"]].append((man, rows))

    print("| optimizer | pairing | seeds | test accuracy | dense nonzeros (of 59,134) | dense sparsity % |")
    print("|---|---|---|---|---|---|")
    finals = {}
    for label, items in by_label.items():
        acc = [float(r[-1]["test_accuracy"]) for _, r in items]
        nnz = [float(r[-1]["dense_nonzeros"]) for _, r in items]
        finals[label] = (acc, nnz)
        ma, la, ha = ci(acc)
        mn, ln, hn = ci(nnz)
        sp = [100 * (1 - x / 59134) for x in nnz]
        ms, ls, hs = ci(sp)
        desc = items[0][0].get("optimizerDescription", "")
        print(f"| {label} | {desc} | {len(items)} | {ma:.4f} [{la:.4f}, {ha:.4f}] | "
              f"{mn:,.0f} [{ln:,.0f}, {hn:,.0f}] | {ms:.1f} [{ls:.1f}, {hs:.1f}] |")

    if a.grid:
        pivot(finals, a.grid)

    epochs = [int(e) for e in a.epochs.split(",")]
    per_epoch(by_label, epochs, "mean c2 chosen", "w_all_f2_mean", "{:.3g}")
    per_epoch(by_label, epochs, "dense nonzeros", "dense_nonzeros", "{:,.0f}")

    stats = res / "stats.csv"
    if stats.exists():
        print()
        print("| metric | a | b | test | n | p | p (Holm) | effect | note |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in read(stats):
            if r["metric"] in ("test_accuracy", "dense_nonzeros"):
                eff = f"{r['effect_name']} {float(r['effect_size']):.2f}" if r["effect_size"] else ""
                p_ = f"{float(r['p']):.3g}" if r["p"] else ""
                ph = f"{float(r['p_holm']):.3g}" if r["p_holm"] else ""
                print(f"| {r['metric']} | {r['label_a']} | {r['label_b']} | {r['test']} | {r['n']} | "
                      f"{p_} | {ph} | {eff} | {r['note']} |")

    if a.front:
        front = read(Path(a.front) / "pareto" / "pareto.csv")
        print()
        print("Weighted-sum front (" + a.front + "), evaluated weightings:")
        print()
        cols = list(front[0].keys())
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for r in front:
            print("| " + " | ".join(r[c] for c in cols) + " |")


if __name__ == "__main__":
    main()
