#!/usr/bin/env python3
"""Weight-space averaging of train.py runs that share one initialisation (WiSE-FT / "model soups"): the fine-tuned
robust member and the clean model it started from, or several fine-tunes of one start, averaged parameter by
parameter. It costs nothing at inference (one network, the same graph) and, unlike averaging outputs, can keep the
start's clean accuracy while keeping much of the fine-tune's robustness. The batch-norm statistics are the start's
when the fine-tunes froze them (`freeze_bn`), so the average is well defined; integer buffers come from the first run.

Usage: /usr/bin/python3 training/soup.py --runs v120_h0 dist_bn_h0 --weights 0.5 0.5 --name wise_h0
Writes runs/<name>/best.pt (the first run's config, epoch 0), scored like any run by eval_conditions.py / fuse.py.
"""
import argparse, os, sys
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import CACHE


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", nargs="+", required=True)
    ap.add_argument("--weights", nargs="+", type=float, help="one per run, summing to 1 (default: equal)")
    ap.add_argument("--name", required=True)
    a = ap.parse_args()
    w = a.weights or [1.0 / len(a.runs)] * len(a.runs)
    if len(w) != len(a.runs) or abs(sum(w) - 1) > 1e-6:
        sys.exit(f"soup.py: --weights needs one weight per run ({len(a.runs)}) summing to 1; got {w}")
    cks = [torch.load(os.path.join(CACHE, "runs", r, "best.pt"), map_location="cpu") for r in a.runs]
    keys = cks[0]["state_dict"].keys()
    for r, ck in zip(a.runs[1:], cks[1:]):
        if ck["state_dict"].keys() != keys:
            sys.exit(f"soup.py: {r} has other parameters than {a.runs[0]}; only fine-tunes of one architecture average")
    sd = {}
    for k in keys:
        t = cks[0]["state_dict"][k]
        sd[k] = sum(wi * ck["state_dict"][k] for wi, ck in zip(w, cks)) if t.is_floating_point() else t.clone()
    out = dict(cks[0], state_dict=sd, epoch=0)
    out["cfg"] = dict(cks[0]["cfg"], soup={"runs": a.runs, "weights": w})
    d = os.path.join(CACHE, "runs", a.name)
    os.makedirs(d, exist_ok=True)
    torch.save(out, os.path.join(d, "best.pt.tmp"))
    os.replace(os.path.join(d, "best.pt.tmp"), os.path.join(d, "best.pt"))
    print(f"{a.name}: " + " + ".join(f"{wi:.2f} x {r}" for wi, r in zip(w, a.runs)))


if __name__ == "__main__":
    main()
