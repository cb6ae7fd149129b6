#!/usr/bin/env python3
"""Recover the trained weights of a shipped fused model (an ONNX file written by export.py) as run checkpoints.

The training cache was rebuilt after v1.2.0 shipped, so its checkpoints are gone; only models/orpheus-ser.onnx is
left. The export folded each BatchNorm into the convolution before it and stored Linear weights transposed under
generated names, so the weights cannot be read back by name alone. This script builds the same PyTorch model with
random weights, exports it the same way, identifies what every initializer of that fresh export is (a parameter, its
transpose, or a BN-folded convolution) and reads the shipped file's initializer at the same place of the (identical)
graph. Folded BatchNorms are restored so that the eval-mode function is exactly the shipped one and the training-mode
batch statistics start close to it: weight = sqrt(var + eps), bias = folded bias + mean, with mean/var measured on
training windows.

Usage: /usr/bin/python3 training/recover_onnx.py [--onnx models/orpheus-ser.onnx] [--prefix v120]
Writes .cache/runs/<prefix>_h0/best.pt, <prefix>_h1/best.pt (SERNet checkpoints, as train.py writes them),
<prefix>_oww/head.pt (as train_oww.py writes it), <prefix>/fusion.json (as fuse.py writes it) and checks the
recovered fused model against the golden vectors of the shipped model.
"""
import argparse, io, json, os, sys
import numpy as np
import torch
import torch.nn as nn
import onnx
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import SERNet, LABELS, WIN
from data import CACHE, load_index, load_audio, make_split, select, crop_train
from oww_branch import OwwHead, OwwBranch, FusedSER
from export import slow_path_encoder_layers, tone, lcg_noise

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def _values(model_proto):
    """Initializer name -> array, with the float16 storage (X__f16 + Cast -> X) undone; and the nodes without those Casts."""
    vals = {t.name: numpy_helper.to_array(t) for t in model_proto.graph.initializer}
    nodes, alias = [], {}
    for n in model_proto.graph.node:
        if n.op_type == "Cast" and n.name.endswith("__cast") and n.input[0] in vals:
            vals[n.output[0]] = vals[n.input[0]].astype(np.float32)
            continue
        if n.op_type == "Identity" and n.input[0] in vals:  # the exporter's aliases of shared initializers
            alias[n.output[0]] = n.input[0]
            continue
        nodes.append(n)
    for n in nodes:
        for i, x in enumerate(n.input):
            if x in alias:
                n.input[i] = alias[x]
    return vals, nodes


def build(cfgs, n_heads):
    hybrids = []
    for cfg, n_aux in cfgs:
        h = SERNet(cfg["branches"], len(LABELS), [], cfg["emb"], cfg["dropout"], None, cfg.get("arch"), n_aux=n_aux)
        h.eval(); slow_path_encoder_layers(h); hybrids.append(h)
    oww = OwwBranch([OwwHead() for _ in range(n_heads)], np.zeros(96, np.float32), np.ones(96, np.float32), 2)
    model = FusedSER(hybrids, oww, 1.0 / (len(hybrids) + 1)).eval()
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", default=os.path.join(ROOT, "models", "orpheus-ser.onnx"))
    ap.add_argument("--prefix", default="v120")
    ap.add_argument("--heads", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    cfg0 = json.load(open(os.path.join(HERE, "config.json")))
    cfg1 = json.load(open(os.path.join(HERE, "config_baved.json")))
    model = build([(cfg0, 0), (cfg1, 3)], a.heads)
    # distinct random values everywhere (fresh LayerNorms are all ones, which the exporter would merge into one
    # initializer) and non-degenerate BN statistics, so every initializer can be told apart by value
    bns = [(n, m) for n, m in model.named_modules() if isinstance(m, nn.BatchNorm2d)]
    with torch.no_grad():
        for n, p in model.named_parameters():
            if p.requires_grad:
                p.uniform_(-0.1, 0.1)
        for _, m in bns:
            m.running_mean.uniform_(-0.5, 0.5); m.running_var.uniform_(0.5, 2.0)
            m.weight.uniform_(0.5, 1.5); m.bias.uniform_(-0.5, 0.5)
    buf = io.BytesIO()
    torch.onnx.export(model, torch.tensor(tone(440, 0.1))[None], buf, input_names=["waveform"], output_names=["probs"],
                      opset_version=17, do_constant_folding=True)
    fresh = onnx.load_from_string(buf.getvalue())
    shipped = onnx.load(a.onnx)
    fv, fnodes = _values(fresh)
    sv, snodes = _values(shipped)
    assert [n.op_type for n in fnodes] == [n.op_type for n in snodes], "graphs differ: not the same architecture"
    # fresh initializer name -> shipped initializer name, by position in the graph
    f2s = {}
    for fn, sn in zip(fnodes, snodes):
        for fi, si in zip(fn.input, sn.input):
            if fi in fv:
                assert si in sv, (fn.name, fi, si)
                f2s.setdefault(fi, si)
    params = dict(model.named_parameters()); buffers = dict(model.named_buffers())
    tensors = {**params, **buffers}
    # the convolution feeding each BatchNorm (Sequential: conv at i, BN at i+1)
    conv_of_bn = {}
    for name, _ in bns:
        parent, idx = name.rsplit(".", 1)
        conv_of_bn[f"{parent}.{int(idx) - 1}.weight"] = name
    recovered, folded = {}, {}
    for fname, arr in fv.items():
        if fname not in f2s:
            continue
        sarr = sv[f2s[fname]]
        if fname in tensors:
            recovered[fname] = sarr; continue
        hit = None
        for pname, t in tensors.items():
            tv = t.detach().numpy()
            if tv.size == arr.size and np.array_equal(tv.reshape(-1), arr.reshape(-1)):
                hit = (pname, "same"); break  # also reshaped (GroupNorm's affine is a Mul/Add by [C, 1])
            if tv.ndim == 2 and tv.T.shape == arr.shape and np.array_equal(tv.T, arr):
                hit = (pname, "T"); break
        if hit is None:  # a BN-folded convolution: weight or bias
            for cname, bname in conv_of_bn.items():
                w = tensors[cname].detach().numpy(); bn = dict(model.named_modules())[bname]
                s = (bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach().numpy()
                if arr.shape == w.shape and np.allclose(arr, w * s[:, None, None, None], rtol=1e-4, atol=1e-6):
                    hit = (cname, "fold_w"); break
                b = (bn.bias - bn.running_mean * bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach().numpy()
                if arr.shape == b.shape and np.allclose(arr, b, rtol=1e-4, atol=1e-6):
                    hit = (cname, "fold_b"); break
        if hit is None:
            if arr.size <= 4:
                continue  # scalar constants of the graph (eps, shapes)
            raise SystemExit(f"cannot identify fresh initializer {fname} {arr.shape}")
        pname, kind = hit
        if kind == "same":
            recovered[pname] = sarr.reshape(tensors[pname].shape)
        elif kind == "T":
            recovered[pname] = sarr.T
        else:
            folded.setdefault(pname, {})[kind] = sarr
    # fixed buffers (DFT and mel matrices) that the fresh export shared between members: read each member's own
    # from the shipped node that uses it (node names carry the member: /hybrids.1/mel/logmel/Conv)
    for fn, sn in zip(fnodes, snodes):
        for fi, si in zip(fn.input, sn.input):
            if fi in buffers and si in sv:
                own = fn.name.strip("/").rsplit("/", 1)[0].replace("/", ".") + "." + fi.rsplit(".", 1)[1]
                if own in buffers:
                    recovered[own] = sv[si]
    missing = [n for n in params if n not in recovered and n not in folded and not any(n.startswith(b + ".") for b in
               [bn for bn, _ in bns])]
    missing = [n for n in missing if ".aux." not in n]  # the auxiliary head is not exported
    assert not missing, f"not recovered: {missing}"
    with torch.no_grad():
        for n, v in recovered.items():
            tensors[n].copy_(torch.tensor(np.ascontiguousarray(v)).reshape(tensors[n].shape))
        mods = dict(model.named_modules())
        for cname, fb in folded.items():
            tensors[cname].copy_(torch.tensor(fb["fold_w"]))
            bn = mods[conv_of_bn[cname]]
            bn.running_mean.zero_(); bn.running_var.fill_(1.0 - bn.eps); bn.weight.fill_(1.0)
            bn.bias.copy_(torch.tensor(fb["fold_b"]))
    # exact check against the golden vectors (computed by ONNX Runtime on the shipped file)
    golden = json.load(open(os.path.join(os.path.dirname(a.onnx), "orpheus-ser.golden.json")))
    import wave
    xs = []
    for c in golden["cases"]:
        inp = c["input"]
        if inp["kind"] == "tone":
            xs.append(tone(inp["freq"], inp["amp"]))
        elif inp["kind"] == "noise_lcg":
            xs.append(lcg_noise(inp["seed"], inp["amp"]))
        else:
            with wave.open(os.path.join(os.path.dirname(a.onnx), inp["file"])) as w:
                xs.append(np.frombuffer(w.readframes(WIN), "<i2").astype(np.float32) / 32768.0)
    with torch.no_grad():
        got = model(torch.tensor(np.stack(xs))).numpy()
    want = np.array([c["expected_probs"] for c in golden["cases"]])
    diff = float(np.abs(got - want).max())
    print(f"recovered model vs golden probabilities: max abs diff {diff:.2e}")
    assert diff < 1e-4, diff
    # BN statistics for training mode: measured on training windows (eval-mode function unchanged)
    rows = load_index(); audio = load_audio()
    split = make_split(rows, cfg0["val_frac"], cfg0["split_seed"])
    tr, _ = select(rows, split)
    rng = np.random.RandomState(0)
    idx = rng.choice(len(tr), 256, replace=False)
    x = torch.tensor(np.stack([crop_train(audio, tr[i][0], tr[i][1], rng, 0.0) for i in idx]))
    stats = {}
    hooks = []
    for cname in folded:
        conv = mods[cname.rsplit(".", 1)[0]]
        def hook(m, i, o, cname=cname):
            stats[cname] = (o.mean((0, 2, 3)), o.var((0, 2, 3), unbiased=False))
        hooks.append(conv.register_forward_hook(hook))
    with torch.no_grad():
        for h in model.hybrids:
            h(x)
    for hk in hooks:
        hk.remove()
    with torch.no_grad():
        for cname, (mu, var) in stats.items():
            conv = mods[cname.rsplit(".", 1)[0]]
            bn = mods[conv_of_bn[cname]]
            b = bn.bias.clone()
            # conv output y = w*x (bias-free); BN eval: (y - mu)/sqrt(var+eps)*g + beta with g = sqrt(var+eps),
            # beta = b + mu  ==  y + b, the folded function
            bn.running_mean.copy_(mu); bn.running_var.copy_(var)
            bn.weight.copy_(torch.sqrt(var + bn.eps)); bn.bias.copy_(b + mu)
        got2 = model(torch.tensor(np.stack(xs))).numpy()
    diff2 = float(np.abs(got2 - want).max())
    print(f"after restoring BN statistics: max abs diff {diff2:.2e}")
    assert diff2 < 1e-4, diff2
    runs = os.path.join(CACHE, "runs")
    meta = {"recovered_from": os.path.relpath(a.onnx, ROOT),
            "version": {p.key: p.value for p in shipped.metadata_props}.get("version")}
    for k, (h, cfg, n_aux, src) in enumerate([(model.hybrids[0], cfg0, 0, "hybrid_ft2"), (model.hybrids[1], cfg1, 3, "hybrid_baved_ft")]):
        d = os.path.join(runs, f"{a.prefix}_h{k}"); os.makedirs(d, exist_ok=True)
        c = dict(cfg); c["recovered"] = dict(meta, member=src)
        torch.save({"state_dict": h.state_dict(), "cfg": c, "n_adv": [], "n_aux": n_aux, "epoch": 0, "labels": LABELS,
                    "w2v2_checkpoint": None}, os.path.join(d, "best.pt"))
    d = os.path.join(runs, f"{a.prefix}_oww"); os.makedirs(d, exist_ok=True)
    torch.save({"state_dicts": [h.state_dict() for h in model.oww.heads], "mu": model.oww.mu.numpy(),
                "sd": model.oww.sd.numpy(), "step": model.oww.step, "epochs": 30, "dim": 128},
               os.path.join(d, "head.pt"))
    d = os.path.join(runs, a.prefix); os.makedirs(d, exist_ok=True)
    json.dump({"bases": [f"{a.prefix}_h0", f"{a.prefix}_h1"], "oww": f"{a.prefix}_oww", "weight": model.weight},
              open(os.path.join(d, "fusion.json"), "w"))
    print(f"wrote {runs}/{a.prefix}_h0, {a.prefix}_h1, {a.prefix}_oww, {a.prefix} (fusion.json)")


if __name__ == "__main__":
    main()
