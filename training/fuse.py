#!/usr/bin/env python3
"""Build the fused model (trained hybrid run + frozen speech-embedding branch with its trained head), check the
PyTorch port of the frozen branch against ONNX Runtime's features, and measure the fused model end to end on the
validation speakers, window by window exactly as the app scores them.

Usage: /usr/bin/python3 training/fuse.py --base hybrid_ft hybrid_baved_ft --oww oww_s2_aug --name fused
       (--weight W: the speech-embedding branch's share; default an equal average of all members)
Writes training/.cache/runs/<name>/fusion.json + val_probs.npy and training/results/<name>_metrics.json
(the same schema as train.py, so export.py --run <name> and report.py work on it).
"""
import argparse, json, os, sys, time
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS, WIN, count_macs
from data import CACHE, load_index, load_audio, make_split, select, crop_eval
from train import metrics
from oww_branch import OwwMel, OwwEmbedding, MEL_WIN, MEL_STEP

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


def check_port(audio, rows, n_clips=12):
    """Embeddings of the PyTorch port vs oww_embed.js (official ONNX Runtime on the original ONNX files)."""
    emb = np.fromfile(os.path.join(CACHE, "oww_emb.f32"), np.float32).reshape(-1, 96)
    spans = json.load(open(os.path.join(CACHE, "oww_emb.json")))
    meta = os.path.join(CACHE, "oww_emb.meta.json")
    stride = json.load(open(meta))["stride"] if os.path.exists(meta) else 1
    mel, net = OwwMel().eval(), OwwEmbedding().eval()
    worst = 0.0
    for i in np.random.RandomState(0).choice([k for k, s in enumerate(spans) if s[1] > 0], n_clips, replace=False):
        o, l = int(rows[i]["offset"]), int(rows[i]["length"])
        n = max(l, WIN); x = np.zeros(n, np.float32); p = (n - l) // 2
        x[p:p + l] = np.asarray(audio[o:o + l], np.float32) / 32768.0
        with torch.no_grad():
            m = mel(torch.tensor(x)[None])[0]
            starts = range(0, m.shape[0] - MEL_WIN + 1, MEL_STEP * stride)
            e = net(torch.stack([m[s:s + MEL_WIN] for s in starts])).numpy()
        first, count = spans[i]
        assert e.shape[0] == count, (e.shape, count)
        worst = max(worst, float(np.abs(e - emb[first:first + count]).max()))
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", nargs="+", default=["hybrid_ft"], help="trained hybrid runs (train.py)")
    ap.add_argument("--oww", default="oww_s2_aug", help="speech-embedding heads (train_oww.py)")
    ap.add_argument("--weight", type=float, default=None, help="share of the speech-embedding branch (default 1/(runs+1))")
    ap.add_argument("--name", default="fused")
    a = ap.parse_args()
    torch.set_num_threads(2)
    from export import load_run  # the fused model is built the same way at export time
    rows = load_index(); audio = load_audio()
    diff = check_port(audio, rows)
    print(f"PyTorch port vs ONNX Runtime embeddings: max abs diff {diff:.3g}", flush=True)
    assert diff < 1e-2, diff

    run_dir = os.path.join(CACHE, "runs", a.name); os.makedirs(run_dir, exist_ok=True)
    weight = a.weight if a.weight is not None else 1.0 / (len(a.base) + 1)
    json.dump({"bases": a.base, "oww": a.oww, "weight": weight}, open(os.path.join(run_dir, "fusion.json"), "w"))
    model, ck = load_run(a.name)
    base_m = json.load(open(os.path.join(RESULTS, f"{a.base[0]}_metrics.json")))
    split = make_split(rows, base_m["cfg"]["val_frac"], base_m["cfg"]["split_seed"])
    _, va = select(rows, split)
    t0 = time.time()
    probs, oww_probs = [], []
    with torch.no_grad():
        for i in range(0, len(va), 32):
            x = torch.tensor(np.stack([crop_eval(audio, o, l) for o, l, *_ in va[i:i + 32]]))
            probs.append(model(x).numpy())
            oww_probs.append(torch.softmax(model.oww(x), -1).numpy())
    probs, oww_probs = np.concatenate(probs), np.concatenate(oww_probs)
    m, mo = metrics(probs, va), metrics(oww_probs, va)
    print(f"fused: UAR {m['uar']:.4f} acc {m['acc']:.4f}; speech-embedding branch alone: UAR {mo['uar']:.4f} "
          f"({time.time() - t0:.0f} s for {len(va)} windows)", flush=True)
    np.save(os.path.join(run_dir, "val_probs.npy"), probs)
    oww_m = json.load(open(os.path.join(RESULTS, f"{a.oww}_metrics.json")))
    macs = sum(count_macs(h) for h in model.hybrids) + oww_macs(model.oww)
    out = dict(base_m)
    out.update({"name": a.name, "fusion": {"bases": a.base, "oww": a.oww, "weight": weight,
                                           "bases_val_uar": {b: json.load(open(os.path.join(RESULTS, f"{b}_metrics.json")))["val"]["uar"]
                                                             for b in a.base},
                                           "port_max_abs_diff": diff, "oww_alone_val": mo,
                                           "oww_head": {k: oww_m.get(k) for k in ("step", "epochs", "params", "heads", "aug", "dim")}},
                "params": int(sum(p.numel() for n_, p in model.named_parameters() if ".advs." not in n_ and ".aux." not in n_)),
                "macs": int(macs), "val": m})
    json.dump(out, open(os.path.join(RESULTS, f"{a.name}_metrics.json"), "w"), indent=1)


def oww_macs(branch):
    """MACs of the speech-embedding branch for one window: its layers (count_macs) plus the functional STFT and mel."""
    frames = (WIN - 512) // 160 + 1
    return count_macs(branch) + frames * (2 * 257 * 512 + 257 * 32)


if __name__ == "__main__":
    main()
