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
        for r in a.ablation:
            p = os.path.join(RESULTS, f"{r}_metrics.json")
            if not os.path.exists(p):
                continue
            d = json.load(open(p))
            ep_run = f"{len(d['history'])}/{d['cfg']['epochs']}" + (" (+40 of `hybrid`)" if d['cfg'].get('init_from') else "")
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
    A.append(f"Version {ex['metadata']['version']}, run `{a.shipped}` (epoch {ex['epoch']}). "
             f"**{ex['params']:,} parameters** (float32), **{ex['macs_per_window'] / 1e6:.1f} M multiply-adds per 3 s window** "
             f"(of which {ex.get('frontend_macs', 0) / 1e6:.1f} M are the fixed DFT Conv1d + mel MatMul of the log-mel front end). "
             "This is above the ~40 M target: the DFT-as-convolution costs 24 M by itself (402 × 400 taps × 149 frames); "
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
    A.append(f"  └ concat → LayerNorm → Dropout → Linear(→{cfg['emb']}) + GELU → Dropout → Linear(→6) → softmax → probs\n```")
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
    if cfg.get("baved_aux_frac"):
        A.append(f"BAVED (Arabic, arousal levels only) was used as an auxiliary 3-level arousal target "
                 f"({cfg['baved_aux_frac']:.0%} of every batch, loss weight {cfg.get('baved_aux_weight', 0.3)}; the head is not exported).")
    D = [f"`/work/shared/ser` (16 kHz mono Opus). Six classes: {', '.join(LABELS)} (calm folded into neutral); disgust "
         "and boredom dropped (190 and 58 clips); BAVED " + ("used only as auxiliary arousal target." if cfg.get("baved_aux_frac") else "not used (arousal levels only).")
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
    lat = ex.get("latency", {})
    T = ["| runtime | threads | p50 ms | p95 ms |\n|---|---|---|---|"]
    for r in lat.get("results", []):
        T.append(f"| PyTorch 1.13 eager (Python) | {r['threads']} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} |")
    for r in lat.get("onnxruntime_node_1.30.0", []):
        T.append(f"| ONNX Runtime 1.30.0 (onnxruntime-node) | {r['threads']} | {r['p50']:.2f} | {r['p95']:.2f} |")
    T.append(f"\n{lat.get('runs', 200) if False else 200} timed runs after 20 warm-up runs, batch 1, on {lat.get('cpu', '?').split(':')[-1].strip()} (2 cores); "
             f"the machine was shared with other jobs (load average {lat.get('loadavg_before', ['?'])[0]:.1f} before), "
             f"so these are pessimistic. ONNX Runtime vs PyTorch max abs difference over {ex['n_windows_checked']} windows "
             f"(golden inputs, validation clips, random noise): **{ex['max_abs_diff_ort_vs_torch']:.2e}**. "
             "Raw numbers: `training/results/python_latency.json`.")
    notes = open(os.path.join(HERE, "model_card_notes.md")).read()
    t = open(os.path.join(HERE, "model_card_template.md")).read()
    t = (t.replace("@@SIZE@@", size).replace("@@ARCH@@", "\n".join(A)).replace("@@DATA@@", "\n".join(D))
          .replace("@@RESULTS@@", summary.replace("## ", "### ")).replace("@@LATENCY@@", "\n".join(T))
          .replace("@@NOTES@@", notes))
    open(os.path.join(os.path.dirname(HERE), "models", "MODEL_CARD.md"), "w").write(t)
    print("wrote models/MODEL_CARD.md")


if __name__ == "__main__":
    main()
