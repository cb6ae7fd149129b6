#!/usr/bin/env python3
"""Times the shipped model in PyTorch (eager, CPU) the way `orpheus bench` times it in C#: one 3 s window → probabilities,
p50/p95/max over N windows after a warm-up, with the same thread count. Used by scripts/perf-report.py for the
C#-vs-PyTorch comparison (needs Debian's python3-torch and the training checkpoint in training/.cache/runs/RUN/).

Usage: /usr/bin/python3 training/bench_torch.py [--run fused] [--threads 1] [--windows 300] [--json]
"""
import argparse, json, os, sys, time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export import load_run, tone  # noqa: E402  (the same model construction the export uses)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="fused")  # the shipped model (models/MODEL_CARD.md): hybrid runs + speech-embedding branch
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--windows", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model, _ = load_run(a.run)
    x = torch.tensor(tone(220, 0.1))[None] + 0.01 * torch.randn(1, 48000, generator=torch.Generator().manual_seed(0))
    times = []
    with torch.no_grad():
        for i in range(a.warmup + a.windows):
            t0 = time.perf_counter()
            model(x)
            if i >= a.warmup:
                times.append((time.perf_counter() - t0) * 1000)
    t = np.sort(np.array(times))
    rank = lambda p: float(t[max(0, int(np.ceil(p * len(t))) - 1)])  # nearest rank, as the C# bench
    result = {"p50_ms": round(rank(0.50), 3), "p95_ms": round(rank(0.95), 3), "max_ms": round(float(t[-1]), 3),
              "windows": a.windows, "threads": a.threads, "torch": torch.__version__, "run": a.run}
    print(json.dumps(result) if a.json else
          f"PyTorch {torch.__version__} ({a.threads} thread): p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms  max {result['max_ms']} ms")


if __name__ == "__main__":
    main()
