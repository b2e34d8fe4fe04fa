#!/usr/bin/python3
"""CTC oracle values from torch.nn.functional.ctc_loss, for CtcTorchOracleTest.

Regenerate the checked-in resource (Debian's python3-torch, /usr/bin/python3):

    /usr/bin/python3 speech/src/test/python/ctc_oracle.py \
        speech/src/test/resources/io/paretoprune/speech/ctc/torch-ctc-oracle.json

The inputs are made here from Python's seeded random module (not torch's generator, so they do
not depend on the torch version) and rounded to multiples of 1/64, which float32 holds exactly:
the Java side reads the same numbers whether it works in float or double. Every case records its
inputs, the per-sample losses (reduction='none'), the 'sum' and 'mean' losses, and the gradients
of both with respect to the logits (log_softmax is taken inside, in float64).
"""
import json
import random
import sys

import torch
import torch.nn.functional as F

ALPHABET = " abcdefghijklmnopqrstuvwxyz'"


def encode(text):
    return [ALPHABET.index(c) for c in text]


def case(name, rng, frames, classes, blank, input_lengths, labels):
    batch = len(labels)
    logits = [[[round(rng.uniform(-3, 3) * 64) / 64 for _ in range(classes)]
               for _ in range(frames)] for _ in range(batch)]
    x = torch.tensor(logits, dtype=torch.float64, requires_grad=True)  # [B, T, C]

    def run(reduction):
        if x.grad is not None:
            x.grad = None
        log_probs = F.log_softmax(x, dim=2).transpose(0, 1)  # torch wants [T, B, C]
        flat = torch.tensor([c for l in labels for c in l], dtype=torch.long)
        loss = F.ctc_loss(log_probs, flat, torch.tensor(input_lengths), torch.tensor([len(l) for l in labels]),
                          blank=blank, reduction=reduction, zero_infinity=False)
        return loss

    none = run("none").detach().tolist()
    out = {"name": name, "blank": blank, "logits": logits, "inputLengths": input_lengths, "labels": labels,
           "negLogLikelihoods": none}
    for reduction in ("sum", "mean"):
        loss = run(reduction)
        loss.backward()
        out["loss_" + reduction] = loss.item()
        out["grad_" + reduction] = x.grad.tolist()
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "torch-ctc-oracle.json"
    rng = random.Random(20261202)
    cases = [
        case("blank-last-padded", rng, 8, 6, 5, [8, 6, 5], [[0, 1, 2], [3, 3], [4, 0, 4, 1]]),
        case("blank-first-tight-and-empty", rng, 5, 4, 0, [4, 5, 3], [[1, 1, 2], [], [3, 3]]),
        case("deepspeech-alphabet", rng, 30, 29, 28, [30, 24],
             [encode("four one"), encode("seven")]),
    ]
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
