#!/usr/bin/env python3
"""Where the PyTorch peer's LeNet-5 step spends its time: torch.profiler over 200 forward+backward
passes of the peer's network (../shared/bench/ref_lenet_smgd.py) at batch 64 on random data.

usage: /usr/bin/python3 scripts/profile-peer-lenet.py [THREADS]   (Debian's python3-torch)
"""
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.profiler import ProfilerActivity, profile

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
net = nn.Sequential(nn.Conv2d(1, 6, 3), nn.ReLU(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 3), nn.ReLU(),
                    nn.AvgPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84),
                    nn.ReLU(), nn.Linear(84, 10))
x, y = torch.rand(64, 1, 28, 28), torch.randint(0, 10, (64,))
for _ in range(50):
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
with profile(activities=[ProfilerActivity.CPU]) as prof:
    for _ in range(200):
        for p in net.parameters():
            p.grad = None
        F.cross_entropy(net(x), y).backward()
print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=12))
