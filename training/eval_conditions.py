#!/usr/bin/env python3
"""Score runs on the condition sets of make_condition_sets.py (clean, room, music10, music0), one centred 3 s window
per clip as train.py/fuse.py score validation (clips shorter than 3 s centred in zeros).

A run is a train.py run (runs/<run>/best.pt), a train_oww.py run (runs/<run>/head.pt: its heads on the frozen
speech embeddings of the windows, computed once per set by ONNX Runtime in Node with oww_embed.js) or a fused run (runs/<run>/fusion.json: log-probabilities of its
members averaged with the fusion weight, exactly as oww_branch.FusedSER computes them; members are scored first and
their log-probabilities cached in runs/<member>/cond_<set>.npy).

Usage: /usr/bin/python3 training/eval_conditions.py --run v120 [--sets clean room music10 music0] [--threads 1]
Writes training/results/<run>_conditions.json: per set UAR, accuracy, recall per class, per-corpus UAR, and the
drop from clean in UAR points.
"""
import argparse, csv, json, os, subprocess, sys, time, wave
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS, WIN
from data import CACHE
from train import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")
COND = os.path.join(CACHE, "conditions")
SETS = ["clean", "room", "music10", "music0"]


def windows(name):
    """[N, 48000] int16 centred windows of a set (cached next to its manifest) and the items for metrics()."""
    d = os.path.join(COND, name)
    rows = list(csv.DictReader(open(os.path.join(d, "manifest.csv"))))
    lab = {l: i for i, l in enumerate(LABELS)}
    items = [(0, 0, lab[r["label"]], r["corpus"], r["speaker"]) for r in rows]
    cache = os.path.join(d, "windows_i16.npy")
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(os.path.join(d, "manifest.csv")):
        return np.load(cache, mmap_mode="r"), items
    X = np.zeros((len(rows), WIN), np.int16)
    for i, r in enumerate(rows):
        with wave.open(os.path.join(d, r["path"])) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), "<i2")
        if len(x) >= WIN:
            s = (len(x) - WIN) // 2
            X[i] = x[s:s + WIN]
        else:
            p = (WIN - len(x)) // 2
            X[i, p:p + len(x)] = x
    np.save(cache + ".tmp.npy", X); os.replace(cache + ".tmp.npy", cache)
    return X, items


def oww_embeddings(name, step):
    """Speech embeddings of a set's windows, every step-th of 28, by ONNX Runtime in Node (oww_embed.js, the same
    features train_oww.py trains on; the PyTorch port in the shipped graph matches them to ~1e-4): [N, 28 // step, 96]."""
    tag = f"cond_{name}"
    f32, spans = os.path.join(CACHE, f"oww_{tag}.f32"), os.path.join(CACHE, f"oww_{tag}.json")
    X, _ = windows(name)
    src = os.path.join(COND, name, "windows_i16.npy")
    if not (os.path.exists(f32) and os.path.getmtime(f32) >= os.path.getmtime(src)):
        link = os.path.join(CACHE, f"{tag}_i16.npy")
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(src, link)
        with open(os.path.join(CACHE, f"{tag}_index.csv"), "w") as f:
            f.write("offset,length\n" + "".join(f"{i * WIN},{WIN}\n" for i in range(len(X))))
        env = dict(os.environ, NODE_PATH=os.path.join(CACHE, "ortnode", "node_modules"))
        subprocess.run(["node", os.path.join(HERE, "oww_embed.js"), "1", tag, str(step)], env=env, check=True)
    meta = json.load(open(os.path.join(CACHE, f"oww_{tag}.meta.json")))
    assert meta["stride"] == step, f"oww_{tag} has stride {meta['stride']}, heads need {step}: delete it to recompute"
    emb = np.fromfile(f32, np.float32).reshape(len(X), -1, 96)
    return emb


def member_logprobs(run, name, bs=32):
    """Log-probabilities [N, 6] of one member run on one set (cached)."""
    out = os.path.join(CACHE, "runs", run, f"cond_{name}.npy")
    X, _ = windows(name)
    src = [os.path.join(CACHE, "runs", run, f) for f in ("best.pt", "head.pt")]
    stamp = max(os.path.getmtime(p) for p in src if os.path.exists(p))
    if os.path.exists(out) and os.path.getmtime(out) >= max(stamp, os.path.getmtime(os.path.join(COND, name, "manifest.csv"))):
        return np.load(out)
    if not os.path.exists(src[0]):  # speech-embedding heads: on the embeddings of the windows
        from oww_branch import load_oww_branch
        branch = load_oww_branch(os.path.join(CACHE, "runs", run))
        e = (torch.from_numpy(oww_embeddings(name, branch.step)) - branch.mu) / branch.sd
        with torch.no_grad():
            lp = F.log_softmax(torch.stack([h(e) for h in branch.heads]).mean(0), -1).numpy()
        np.save(out, lp)
        return lp
    from export import load_run
    model, _ = load_run(run)
    model.export_probs = False
    model.eval()
    res = []
    with torch.no_grad():
        for i in range(0, len(X), bs):
            x = torch.from_numpy(np.asarray(X[i:i + bs], np.float32) / 32768.0)
            res.append(F.log_softmax(model(x), -1).numpy())
    lp = np.concatenate(res)
    np.save(out, lp)
    return lp


def run_logprobs(run, name):
    fusion = os.path.join(CACHE, "runs", run, "fusion.json")
    if not os.path.exists(fusion):
        return member_logprobs(run, name)
    f = json.load(open(fusion))
    lh = np.mean([member_logprobs(b, name) for b in f["bases"]], 0)
    lo = member_logprobs(f["oww"], name)
    z = (1 - f["weight"]) * lh + f["weight"] * lo
    return z - np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)) - z.max(1, keepdims=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", nargs="+", required=True)
    ap.add_argument("--sets", nargs="+", default=SETS)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for run in a.run:
        t0 = time.time()
        res = {}
        for name in a.sets:
            lp = run_logprobs(run, name)
            _, items = windows(name)
            m = metrics(np.exp(lp), items)
            m.pop("confusion", None)
            res[name] = m
        if "clean" in res:
            for name in res:
                res[name]["drop_points"] = round(100 * (res["clean"]["uar"] - res[name]["uar"]), 2)
        json.dump({"run": run, "method": "one centred 3 s window per clip (PyTorch)", "sets": res},
                  open(os.path.join(RESULTS, f"{run}_conditions.json"), "w"), indent=1)
        print(f"{run}: " + ", ".join(f"{n} {100 * res[n]['uar']:.1f}" for n in res) + f" ({time.time() - t0:.0f} s)",
              flush=True)


if __name__ == "__main__":
    main()
