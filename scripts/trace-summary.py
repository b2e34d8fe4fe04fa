#!/usr/bin/env python3
"""Self time per operator in a PyTorch profiler trace (Chrome trace JSON), per training step.

usage: scripts/trace-summary.py TRACE.json STEPS [ROWS]
The trace comes from `./paretoprune bench step --profile TRACE.json --steps STEPS`. Self time is
an event's duration minus its children's on the same thread. Profiling adds a fixed cost to every
op, so small ops look dearer than they are; read the shares, not the absolute figures.
"""
import collections
import json
import sys

trace, steps = sys.argv[1], int(sys.argv[2])
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 20
data = json.load(open(trace))
events = [e for e in (data['traceEvents'] if isinstance(data, dict) else data) if e.get('ph') == 'X']
by_thread = collections.defaultdict(list)
for e in events:
    by_thread[e.get('tid')].append(e)
self_us, calls = collections.Counter(), collections.Counter()
for es in by_thread.values():
    es.sort(key=lambda e: (e['ts'], -e['dur']))
    stack = []
    for e in es:
        while stack and stack[-1]['ts'] + stack[-1]['dur'] <= e['ts']:
            stack.pop()
        e['self'] = e['dur']
        if stack:
            stack[-1]['self'] -= e['dur']
        stack.append(e)
    for e in es:
        self_us[e['name']] += e['self']
        calls[e['name']] += 1
total = sum(self_us.values())
print(f"profiled self time {total / 1000 / steps:.3f} ms/step")
for name, us in self_us.most_common(rows):
    print(f"{100 * us / total:5.1f}%  {us / 1000 / steps:7.3f} ms/step  {calls[name] / steps:6.1f} calls/step  {name[:60]}")
