#!/usr/bin/env python3
"""Latency of the shipped model against its peers, measured in ONE run through the app's own C# path
(`orpheus bench --json`, ONNX Runtime 1.30.0, Model:IntraOpThreads=1 like the app), so the ratios hold even when
the shared machine's absolute speed moves:

  * the shipped model (models/orpheus-ser.onnx);
  * the previous release (v1.2.0; its ONNX file kept by this script in .cache/models/ from git: `git show REV:models/orpheus-ser.onnx`);
  * the seed's encoder: torchaudio's wav2vec2_base() (random weights; 12 transformer layers, 95 M parameters) with a
    mean-pool + linear + softmax head over the same six labels, exported to ONNX here (opset 17) so the C# bench
    accepts it — the cost of the encoder the project started from.

The models are timed in rounds, interleaved (A B C A B C ...), so slow phases of the machine hit all of them.
Usage: /usr/bin/python3 training/bench_models.py [--previous-rev e5b8e44] [--rounds 3] [--windows 300]
       (build first: dotnet build src/OrpheusLive -c Release)
Writes training/results/latency_ratios.json.
"""
import argparse, json, os, subprocess, sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from data import CACHE
from ser_model import LABELS, WIN, SR

MODELS = os.path.join(CACHE, "models")


class W2V2Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        import torchaudio
        self.enc = torchaudio.models.wav2vec2_base()
        self.head = torch.nn.Linear(768, len(LABELS))

    def forward(self, x):
        h, _ = self.enc(x)
        return torch.softmax(self.head(h.mean(1)), -1)


def export_w2v2(path):
    import onnx
    torch.manual_seed(0)
    m = W2V2Classifier().eval()
    torch.onnx.export(m, torch.zeros(1, WIN), path, input_names=["waveform"], output_names=["probs"], opset_version=17)
    model = onnx.load(path)
    for k, v in {"labels": ",".join(LABELS), "sample_rate": str(SR), "window_samples": str(WIN), "version": "0.0.0",
                 "name": "wav2vec2-base-random (latency peer only)"}.items():
        p = model.metadata_props.add(); p.key = k; p.value = v
    onnx.save(model, path)


def bench(model, windows, app):
    out = subprocess.run(["dotnet", os.path.join(app, "orpheus.dll"), "bench", "--windows", str(windows), "--warmup", "20",
                          "--json", f"--Model:Path={model}", "--Model:IntraOpThreads=1", "--Log:ConsoleLevel=Warning"],
                         capture_output=True, text=True, check=True, cwd=app).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--previous-rev", default="e5b8e44", help="git revision holding the previous release's model")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--windows", type=int, default=300)
    ap.add_argument("--app", default=os.path.join(ROOT, "src", "OrpheusLive", "bin", "Release", "net10.0"))
    a = ap.parse_args()
    os.makedirs(MODELS, exist_ok=True)
    prev = os.path.join(MODELS, f"orpheus-ser-{a.previous_rev}.onnx")
    if not os.path.exists(prev):
        blob = subprocess.run(["git", "show", f"{a.previous_rev}:models/orpheus-ser.onnx"], cwd=ROOT, capture_output=True,
                              check=True).stdout
        open(prev, "wb").write(blob)
    w2v2 = os.path.join(MODELS, "wav2vec2_base_random.onnx")
    if not os.path.exists(w2v2):
        export_w2v2(w2v2)
    models = {"shipped": os.path.join(ROOT, "models", "orpheus-ser.onnx"), "previous": prev, "wav2vec2_base": w2v2}
    runs = {k: [] for k in models}
    for r in range(a.rounds):
        for k, path in models.items():
            runs[k].append(bench(path, a.windows if k != "wav2vec2_base" else 200, a.app))
            print(f"round {r + 1} {k}: p50 {runs[k][-1]['p50_ms']} ms p95 {runs[k][-1]['p95_ms']} ms", flush=True)
    med = {k: {s: float(np.median([x[s] for x in v])) for s in ("p50_ms", "p95_ms", "max_ms")} for k, v in runs.items()}
    res = {"method": "orpheus bench --json (C#, ONNX Runtime 1.30.0, 1 intra-op thread), models interleaved over rounds; "
                     "medians over rounds", "loadavg": list(os.getloadavg()), "rounds": a.rounds, "median": med, "runs": runs,
           "ratios": {"shipped_over_previous_p50": round(med["shipped"]["p50_ms"] / med["previous"]["p50_ms"], 3),
                      "shipped_over_previous_p95": round(med["shipped"]["p95_ms"] / med["previous"]["p95_ms"], 3),
                      "shipped_over_wav2vec2_base_p50": round(med["shipped"]["p50_ms"] / med["wav2vec2_base"]["p50_ms"], 4),
                      "shipped_over_wav2vec2_base_p95": round(med["shipped"]["p95_ms"] / med["wav2vec2_base"]["p95_ms"], 4)},
           "models": {k: os.path.relpath(v, ROOT) for k, v in models.items()}, "previous_rev": a.previous_rev}
    json.dump(res, open(os.path.join(HERE, "results", "latency_ratios.json"), "w"), indent=1)
    print(json.dumps(res["ratios"]))


if __name__ == "__main__":
    main()
