#!/usr/bin/env python3
"""Ablation: a classifier on the frozen openWakeWord speech embeddings, alone and fused with a trained run.

Issue 3 asks to try "the frozen speech-embedding model from the npm package named in STACK.md as an extra branch".
The frozen part cannot be trained, so its features are computed once (oww_embed.js, ONNX Runtime in Node) and only
a small head is trained here: per-frame MLP -> 2 temporal convolutions -> mean+std pooling -> 6 classes, on random
3 s crops (28 embeddings), with feature noise and time masking as augmentation. Evaluation uses the same centred 3 s
window as train.py, on the same speaker split, so the numbers are comparable and the probabilities can be fused.

Usage: /usr/bin/python3 training/train_oww.py --name oww_s2 --step 2 --epochs 30 --heads 5 [--fuse hybrid_ft]
Writes training/results/<name>_metrics.json (+ _train_log.txt); heads in .cache/runs/<name>/head.pt.
"""
import argparse, json, os, sys, time
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS
from data import CACHE, load_index, make_split, sample_weights
from train import metrics, set_seed
from oww_branch import OwwHead

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")
T = 28  # embeddings per 3 s window (one per 80 ms)


def crop(emb, first, count, rng=None, step=1, stride=1):
    """A 3 s window of embeddings (28, every step-th kept): random (training) or centred (evaluation).
    oww_embed.js pads clips to >= 3 s, so every clip has at least 28. Windows stored with every stride-th embedding
    only (oww_embed.js STRIDE, stride == step) hold T/stride of them."""
    if stride > 1:
        n = (T + stride - 1) // stride
        s = (count - n) // 2 if rng is None else rng.randint(0, count - n + 1)
        return emb[first + s:first + s + n]
    s = (count - T) // 2 if rng is None else rng.randint(0, count - T + 1)
    return emb[first + s:first + s + T:step]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.path.join(HERE, "config.json"))
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--step", type=int, default=1, help="keep every step-th embedding (2: 14 per window, half the cost)")
    ap.add_argument("--name", default="oww_head")
    ap.add_argument("--aug", type=float, default=0.0,
                    help="probability of training on an augmented window (oww_augment.py) instead of the clean clip")
    ap.add_argument("--aug-set", default="aug", help="augmented windows: oww_<set>.f32 (oww_augment.py --set, oww_embed.js)")
    ap.add_argument("--dim", type=int, default=128, help="width of each head")
    ap.add_argument("--heads", type=int, default=1, help="heads trained with seeds seed..seed+K-1; their logits are averaged")
    ap.add_argument("--fuse", nargs="*", default=["hybrid_ft"], help="runs whose val_probs.npy are fused with this head")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    cfg = json.load(open(a.config))
    torch.set_num_threads(a.threads)
    emb = np.fromfile(os.path.join(CACHE, "oww_emb.f32"), np.float32).reshape(-1, 96)
    spans = json.load(open(os.path.join(CACHE, "oww_emb.json")))
    meta = os.path.join(CACHE, "oww_emb.meta.json")
    clean_stride = json.load(open(meta))["stride"] if os.path.exists(meta) else 1
    assert clean_stride in (1, a.step), f"oww_emb holds every {clean_stride}. embedding; --step {a.step} needs 1 or {a.step}"
    rows = load_index()
    assert len(rows) == len(spans), "oww_emb.json does not match index.csv: re-run oww_embed.js"
    split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    lab = {l: i for i, l in enumerate(LABELS)}
    tr, va = [], []
    for row, (r, (first, count)) in enumerate(zip(rows, spans)):
        if r["label"] not in lab:
            continue
        item = (first, count, lab[r["label"]], r["corpus"], r["speaker"], row)
        (va if split[r["speaker"]] == "val" else tr).append(item)
    mu, sd = emb.mean(0), emb.std(0) + 1e-5
    emb = (emb - mu) / sd
    aug_of = {}  # index.csv row -> [(first, count)] of its augmented windows (oww_augment.py + oww_embed.js aug)
    if a.aug > 0:
        name = a.aug_set
        aug_emb = (np.fromfile(os.path.join(CACHE, f"oww_{name}.f32"), np.float32).reshape(-1, 96) - mu) / sd
        aug_spans = json.load(open(os.path.join(CACHE, f"oww_{name}.json")))
        meta = os.path.join(CACHE, f"oww_{name}.meta.json")
        stride = json.load(open(meta))["stride"] if os.path.exists(meta) else 1
        assert stride in (1, a.step), f"oww_{name} holds every {stride}. embedding; --step {a.step} needs 1 or {a.step}"
        with open(os.path.join(CACHE, f"{name}_index.csv")) as f:
            srcs = [int(line.split(",")[2]) for line in f.read().split("\n")[1:] if line]
        assert len(srcs) == len(aug_spans), f"oww_{name}.json does not match {name}_index.csv: re-run oww_embed.js"
        for src_row, (first, count) in zip(srcs, aug_spans):
            # (first, count, stride): windows stored with every step-th embedding only are read with step 1
            aug_of.setdefault(src_row, []).append((first + len(emb), count, stride))
        emb = np.concatenate([emb, aug_emb])
    logf = open(os.path.join(RESULTS, f"{a.name}_train_log.txt"), "w")

    def log(s):
        print(s, flush=True); logf.write(s + "\n"); logf.flush()

    log(f"train clips={len(tr)} val clips={len(va)} embeddings={len(emb)} heads={a.heads} step={a.step}")
    w = torch.tensor(sample_weights([it[:5] for it in tr], len(LABELS), cfg["corpus_power"]))
    xv = torch.tensor(np.stack([crop(emb, f, c, None, a.step, clean_stride) for f, c, *_ in va]))
    heads, logits, history = [], [], []
    for k in range(a.heads):
        seed = cfg["seed"] + k
        set_seed(seed)
        model = OwwHead(d=a.dim)
        gen = torch.Generator().manual_seed(seed); rng = np.random.RandomState(seed)
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.05)

        def pick(item):
            """The clean clip, or with probability --aug one of its augmented windows."""
            copies = aug_of.get(item[5])
            if copies and rng.rand() < a.aug:
                return copies[rng.randint(len(copies))]
            return item[0], item[1], clean_stride

        steps, bs = 64, 64
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, a.epochs * steps)
        for ep in range(a.epochs):
            t0 = time.time(); model.train()
            for _ in range(steps):
                idx = torch.multinomial(w, bs, replacement=True, generator=gen).numpy()
                x = torch.tensor(np.stack([crop(emb, *p[:2], rng, a.step, p[2]) for p in (pick(tr[i]) for i in idx)]))
                x = x + 0.1 * torch.randn_like(x)
                m = torch.rand(bs, x.shape[1], 1) < 0.1  # time masking
                x = x.masked_fill(m, 0.0)
                y = torch.tensor([tr[i][2] for i in idx])
                loss = F.cross_entropy(model(x), y, label_smoothing=0.1)
                opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            model.eval()
            with torch.no_grad():
                z = model(xv)
            mt = metrics(torch.softmax(z, -1).numpy(), va)
            history.append({"head": k, "epoch": ep + 1, "val_uar": mt["uar"], "sec": round(time.time() - t0, 1)})
            log(json.dumps(history[-1]))
        # Each head is kept as it is at the end of its fixed schedule: choosing epochs on validation would flatter
        # the number reported for unseen speakers.
        heads.append(model.state_dict()); logits.append(z)
    head_probs = torch.softmax(torch.stack(logits).mean(0), -1).numpy()
    head_m = metrics(head_probs, va)
    run_dir = os.path.join(CACHE, "runs", a.name); os.makedirs(run_dir, exist_ok=True)
    torch.save({"state_dicts": heads, "mu": mu, "sd": sd, "step": a.step, "epochs": a.epochs, "dim": a.dim},
               os.path.join(run_dir, "head.pt"))
    np.save(os.path.join(run_dir, "val_probs.npy"), head_probs)
    result = {"name": a.name, "step": a.step, "epochs": a.epochs, "heads": a.heads, "aug": a.aug, "dim": a.dim,
              "params": a.heads * sum(p.numel() for p in model.parameters()), "val": head_m, "history": history, "fusion": {}}
    log(f"speech-embedding heads (logits averaged) alone: val UAR {head_m['uar']:.4f}")
    for run in a.fuse:
        p = os.path.join(CACHE, "runs", run, "val_probs.npy")
        if not os.path.exists(p):
            continue
        other = np.load(p)
        for wt in (0.25, 0.5):
            fused = np.exp((1 - wt) * np.log(other + 1e-8) + wt * np.log(head_probs + 1e-8))
            fm = metrics(fused, va)
            result["fusion"][f"{run}+oww@{wt}"] = {"uar": fm["uar"], "acc": fm["acc"],
                                                   "per_corpus": {c: v["uar"] for c, v in fm["per_corpus"].items()}}
            log(f"fused with {run} (oww weight {wt}): UAR {fm['uar']:.4f} (alone {metrics(other, va)['uar']:.4f})")
    json.dump(result, open(os.path.join(RESULTS, f"{a.name}_metrics.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
