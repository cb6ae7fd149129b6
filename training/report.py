#!/usr/bin/env python3
"""Step 5: summarise runs into training/results/summary.md (tables used by models/MODEL_CARD.md).

Usage: /usr/bin/python3 training/report.py --shipped hybrid [--ablation hybrid wave_only mel_only ...]
"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")
sys.path.insert(0, HERE)
from ser_model import LABELS


def pct(x):
    return f"{100 * x:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shipped", default="hybrid")
    ap.add_argument("--ablation", nargs="*", default=[])
    a = ap.parse_args()
    m = json.load(open(os.path.join(RESULTS, f"{a.shipped}_metrics.json")))
    v = m["val"]
    L = []
    L.append(f"## Shipped run `{a.shipped}` (best epoch {m['epoch']} of {len(m['history'])})\n")
    L.append(f"Validation = {v['n']} clips from {len(m['val_speakers'])} speakers never seen in training "
             f"(train: {m['train_clips']} clips, {m['train_speakers']} speakers).\n")
    L.append(f"- **UAR {pct(v['uar'])} %**, accuracy {pct(v['acc'])} % (chance UAR 16.7 %), one centred 3 s window per clip")
    L.append(f"- session-adapted UAR (each speaker's mean log-probability subtracted): {pct(v['session_adapted_uar'])} %\n")
    L.append("| corpus | clips | UAR % | accuracy % |\n|---|---|---|---|")
    for c, r in v["per_corpus"].items():
        L.append(f"| {c} | {r['n']} | {pct(r['uar'])} | {pct(r['acc'])} |")
    L.append("\n| class | recall % |\n|---|---|")
    for k, r in v["recall_per_class"].items():
        L.append(f"| {k} | {pct(r)} |")
    L.append("\nConfusion matrix (rows = true, columns = predicted):\n")
    L.append("| true \\ pred | " + " | ".join(LABELS) + " |\n|---|" + "---|" * len(LABELS))
    for k, row in enumerate(v["confusion"]):
        L.append(f"| {LABELS[k]} | " + " | ".join(str(x) for x in row) + " |")
    if a.ablation:
        L.append("\n## Ablation (same split, same augmentation/sampling; best epoch by validation UAR)\n")
        L.append("| run | branches | epochs run | best epoch | params | MACs/window | val UAR % | val acc % | session-adapted UAR % |\n|---|---|---|---|---|---|---|---|---|")
        for r in a.ablation:
            p = os.path.join(RESULTS, f"{r}_metrics.json")
            if not os.path.exists(p):
                continue
            d = json.load(open(p))
            L.append(f"| {r} | {d['cfg']['branches']} | {len(d['history'])} | {d['epoch']} | {d['params']:,} | "
                     f"{d['macs']/1e6:.1f} M | {pct(d['val']['uar'])} | {pct(d['val']['acc'])} | "
                     f"{pct(d['val']['session_adapted_uar'])} |")
    open(os.path.join(RESULTS, "summary.md"), "w").write("\n".join(L) + "\n")
    print("\n".join(L))


if __name__ == "__main__":
    main()
