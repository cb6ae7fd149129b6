#!/usr/bin/env python3
"""Step 2: train the SER model with a speaker-grouped split and early stopping on validation UAR.

Usage:
  /usr/bin/python3 training/train.py --name hybrid                      # defaults from training/config.json
  /usr/bin/python3 training/train.py --name wave --branches wave --epochs 12
  /usr/bin/python3 training/train.py --name w2v2 --w2v2-checkpoint /path/wav2vec2_base_state_dict.pt
Outputs: training/.cache/runs/<name>/best.pt (checkpoint, ignored by git),
         training/results/<name>_metrics.json, training/results/<name>_train_log.txt
"""
import argparse, json, math, os, random, sys, time
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import SERNet, LABELS, WIN, count_macs
from data import (CACHE, CAT_CORPORA, load_index, load_audio, make_split, select, select_baved, sample_weights,
                  crop_eval, crop_train, MicAugment)
from acoustics import RoomMusicAugment

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


def set_seed(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s)


def evaluate(model, audio, items, bs=64):
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(items), bs):
            x = torch.tensor(np.stack([crop_eval(audio, o, l) for o, l, *_ in items[i:i + bs]]))
            probs.append(torch.softmax(model(x), -1).numpy())
    model.train()
    return np.concatenate(probs)


def evaluate_windows(model, X, bs=64):
    """Probabilities for prepared windows X [N, WIN] (float32 tensor)."""
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(X), bs):
            probs.append(torch.softmax(model(X[i:i + bs]), -1).numpy())
    model.train()
    return np.concatenate(probs)


def train_music():
    """The training split of prepare_music.py: (int16 samples, [(offset, length)])."""
    import csv
    with open(os.path.join(CACHE, "music", "tracks.csv")) as f:
        tracks = [(int(t["offset"]), int(t["length"])) for t in csv.DictReader(f) if t["split"] == "train"]
    return np.load(os.path.join(CACHE, "music", "tracks_i16.npy"), mmap_mode="r"), tracks


def augmented_val(audio, va, cfg, seed=4242):
    """The centred validation windows through RoomMusicAugment (training music, fixed seed), as float32."""
    aug = RoomMusicAugment(train_music(), seed=seed, **cfg["room_music"])
    out = []
    for i in range(0, len(va), 64):
        x = torch.tensor(np.stack([crop_eval(audio, o, l) for o, l, *_ in va[i:i + 64]]))
        out.append(aug(x))
    return torch.cat(out)


def metrics(probs, items, n_classes=len(LABELS)):
    y = np.array([it[2] for it in items]); p = probs.argmax(1)
    cm = np.zeros((n_classes, n_classes), int)
    for a, b in zip(y, p):
        cm[a, b] += 1
    rec = {LABELS[k]: float(cm[k, k] / cm[k].sum()) for k in range(n_classes) if cm[k].sum()}
    out = {"n": int(len(y)), "uar": float(np.mean(list(rec.values()))), "acc": float((y == p).mean()),
           "recall_per_class": rec, "confusion": cm.tolist()}
    corp = np.array([it[3] for it in items])
    out["per_corpus"] = {}
    for c in sorted(set(corp)):
        m = corp == c
        r = [float(((p[m] == k) & (y[m] == k)).sum() / (y[m] == k).sum()) for k in range(n_classes) if (y[m] == k).any()]
        out["per_corpus"][c] = {"n": int(m.sum()), "uar": float(np.mean(r)), "acc": float((y[m] == p[m]).mean())}
    # "session" view: subtract each validation speaker's mean log-probability (adapts to the voice;
    # assumes a session covers several emotions, as the app's running-statistics normalisation would)
    spk = np.array([it[4] for it in items]); lp = np.log(probs + 1e-8)
    adj = lp.copy()
    for s in set(spk):
        m = spk == s
        adj[m] -= lp[m].mean(0, keepdims=True)
    pa = adj.argmax(1)
    ra = [float(((pa == k) & (y == k)).sum() / (y == k).sum()) for k in range(n_classes) if (y == k).any()]
    out["session_adapted_uar"] = float(np.mean(ra))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.path.join(HERE, "config.json"))
    ap.add_argument("--name", default="hybrid")
    ap.add_argument("--branches", choices=["hybrid", "wave", "mel"])
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--threads", type=int)
    ap.add_argument("--lr", type=float)
    ap.add_argument("--init-from", default=None, help="run name whose best.pt initialises the model (fine-tuning)")
    ap.add_argument("--w2v2-checkpoint", default=None,
                    help="optional torchaudio wav2vec2_base state_dict (.pt) for the waveform branch")
    a = ap.parse_args()
    cfg = json.load(open(a.config))
    for k in ("branches", "epochs", "seed", "lr"):
        if getattr(a, k) is not None:
            cfg[k] = getattr(a, k)
    torch.set_num_threads(a.threads or cfg.get("threads", 2))
    set_seed(cfg["seed"])
    run_dir = os.path.join(CACHE, "runs", a.name); os.makedirs(run_dir, exist_ok=True); os.makedirs(RESULTS, exist_ok=True)
    logf = open(os.path.join(RESULTS, f"{a.name}_train_log.txt"), "w")

    def log(*s):
        msg = " ".join(str(x) for x in s)
        print(msg, flush=True); logf.write(msg + "\n"); logf.flush()

    rows = load_index(); audio = load_audio()
    split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    tr, va = select(rows, split)
    train_spk = sorted({it[4] for it in tr}); spk_id = {s: i for i, s in enumerate(train_spk)}
    corp_id = {c: i for i, c in enumerate(CAT_CORPORA)}
    log(f"run {a.name} cfg={json.dumps(cfg)}")
    log(f"train clips={len(tr)} speakers={len(train_spk)} | val clips={len(va)} speakers={len({it[4] for it in va})}")

    n_adv = []
    if cfg["adv_corpus"]: n_adv.append(len(CAT_CORPORA))
    if cfg["adv_speaker"]: n_adv.append(len(train_spk))
    p_aux = cfg.get("baved_aux_frac", 0.0)
    bav = select_baved(rows, split) if p_aux else []
    n_aux = 3 if bav else 0
    if bav:
        log(f"BAVED arousal auxiliary: {len(bav)} train clips, {len({it[4] for it in bav})} speakers, "
            f"{p_aux:.0%} of each batch, loss weight {cfg.get('baved_aux_weight', 0.3)}")
    model = SERNet(cfg["branches"], len(LABELS), n_adv, cfg["emb"], cfg["dropout"], a.w2v2_checkpoint, cfg.get("arch"),
                   n_aux=n_aux)
    if a.init_from:
        ck0 = torch.load(os.path.join(CACHE, "runs", a.init_from, "best.pt"), map_location="cpu")
        cfg["init_from"] = f"{a.init_from} (epoch {ck0['epoch']})"
        missing, unexpected = model.load_state_dict(ck0["state_dict"], strict=False)
        log(f"initialised from {a.init_from} epoch {ck0['epoch']}: missing={missing} unexpected={unexpected}")
    teacher = None
    if cfg.get("distill"):
        # robustness by distillation: a frozen copy of the starting model (--init-from) labels the CLEAN version of
        # each crop; the student learns those soft labels on the augmented version (plus the true labels)
        assert a.init_from, "distill needs --init-from (the teacher)"
        import copy
        teacher = copy.deepcopy(model).eval()
        for p in teacher.parameters():
            p.requires_grad_(False)
        log(f"distillation from the frozen {a.init_from}: {json.dumps(cfg['distill'])}")
    n_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    macs = count_macs(model)
    log(f"params(trainable)={n_params} MACs/window={macs/1e6:.1f}M")

    w = torch.tensor(sample_weights(tr, len(LABELS), cfg["corpus_power"]))
    gen = torch.Generator().manual_seed(cfg["seed"]); rng = np.random.RandomState(cfg["seed"])
    if "room_music" in cfg:  # real music under the speech + room/microphone simulation (acoustics.py)
        aug = RoomMusicAugment(train_music(), seed=cfg["seed"], **cfg["room_music"])
        log(f"augmentation: RoomMusicAugment {json.dumps(cfg['room_music'])} over {len(aug.music[1])} training tracks")
        # validation windows under the same kind of augmentation, with TRAINING music and a fixed seed (the
        # validation music of the condition sets stays unseen); used with the clean windows to choose the epoch
        va_aug = augmented_val(audio, va, cfg)
    else:
        aug = MicAugment(seed=cfg["seed"], **cfg["augment"])
        va_aug = None
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    bs = cfg["batch_size"]; steps_ep = cfg["samples_per_epoch"] // bs; total = steps_ep * cfg["epochs"]
    warm = steps_ep // 2
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / total))))
    ema_decay = cfg.get("ema", 0.0)
    ema = None
    if ema_decay:  # exponential moving average of weights (and BN buffers); the EMA model is evaluated/saved
        import copy
        ema = copy.deepcopy(model)
        for p in ema.parameters():
            p.requires_grad_(False)
    best, best_ep, bad, step = -1.0, -1, 0, 0
    history = []
    for ep in range(cfg["epochs"]):
        t0 = time.time(); model.train(); tl = tc = ta = 0.0
        if cfg.get("freeze_bn"):  # keep the starting model's normalisation statistics (fine-tuning on augmented audio)
            for mod in model.modules():
                if isinstance(mod, torch.nn.modules.batchnorm._BatchNorm):
                    mod.eval()
        for it in range(steps_ep):
            n_b = int(round(bs * p_aux)) if bav else 0
            idx = torch.multinomial(w, bs - n_b, replacement=True, generator=gen).numpy()
            bidx = rng.randint(0, len(bav), n_b) if n_b else []
            x = torch.tensor(np.stack([crop_train(audio, tr[i][0], tr[i][1], rng, cfg["speed_p"]) for i in idx] +
                                      [crop_train(audio, bav[i][0], bav[i][1], rng, cfg["speed_p"]) for i in bidx]))
            if teacher is not None:  # the teacher sees the clean crops, the student the augmented ones
                with torch.no_grad():
                    t_logits = teacher(x[: bs - n_b])
            x = aug(x)
            y = torch.tensor([tr[i][2] for i in idx])
            prog = step / total
            lam = cfg["adv_lambda"] * (2 / (1 + math.exp(-10 * prog)) - 1)
            out = model(x, lam)
            logits, advs, aux = (out if isinstance(out, tuple) else (out, [], None))
            if n_b:
                ya = torch.tensor([bav[i][2] for i in bidx])
                la_aux = F.cross_entropy(aux[bs - n_b:], ya)
                logits, advs = logits[: bs - n_b], [o[: bs - n_b] for o in advs]
            loss = F.cross_entropy(logits, y, label_smoothing=cfg["label_smoothing"])
            if n_b:
                loss = loss + cfg.get("baved_aux_weight", 0.3) * la_aux
            if teacher is not None:
                tau = cfg["distill"].get("temperature", 2.0)
                kd = F.kl_div(F.log_softmax(logits / tau, -1), F.log_softmax(t_logits / tau, -1), log_target=True,
                              reduction="batchmean") * tau * tau
                loss = loss + cfg["distill"].get("weight", 1.0) * kd
            la = torch.zeros(())
            targets = []
            if cfg["adv_corpus"]: targets.append(torch.tensor([corp_id[tr[i][3]] for i in idx]))
            if cfg["adv_speaker"]: targets.append(torch.tensor([spk_id[tr[i][4]] for i in idx]))
            for o, t in zip(advs, targets):
                la = la + F.cross_entropy(o, t)
            opt.zero_grad(); (loss + la).backward()
            gn = torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            if not torch.isfinite(gn):  # guard: skip a non-finite update
                log(f"skip step {step}: non-finite grad"); opt.zero_grad(); sched.step(); step += 1; continue
            opt.step(); sched.step(); step += 1
            if ema is not None:
                d = min(ema_decay, (1 + step) / (10 + step))
                with torch.no_grad():
                    for (k, ve), vm in zip(ema.state_dict().items(), model.state_dict().values()):
                        if ve.dtype.is_floating_point:
                            ve.mul_(d).add_(vm, alpha=1 - d)
                        else:
                            ve.copy_(vm)
            tl += loss.item(); ta += la.item(); tc += (logits.argmax(1) == y).float().mean().item()
        eval_model = ema if ema is not None else model
        probs = evaluate(eval_model, audio, va)
        m = metrics(probs, va)
        rec = {"epoch": ep + 1, "train_loss": tl / steps_ep, "adv_loss": ta / steps_ep, "train_acc": tc / steps_ep,
               "val_uar": m["uar"], "val_acc": m["acc"], "val_session_uar": m["session_adapted_uar"],
               "per_corpus_uar": {c: round(v["uar"], 3) for c, v in m["per_corpus"].items()},
               "sec": round(time.time() - t0, 1), "lambda": round(lam, 3)}
        score = m["uar"]
        if va_aug is not None:
            ma = metrics(evaluate_windows(eval_model, va_aug), va)
            rec["val_aug_uar"] = ma["uar"]
            score = 0.5 * (m["uar"] + ma["uar"])
            rec["select"] = score
        history.append(rec)
        log(json.dumps(rec))
        if score > best:
            best, best_ep, bad = score, ep + 1, 0
            torch.save({"state_dict": eval_model.state_dict(), "cfg": cfg, "n_adv": n_adv, "n_aux": n_aux, "epoch": ep + 1,
                        "labels": LABELS, "w2v2_checkpoint": a.w2v2_checkpoint}, os.path.join(run_dir, "best.pt"))
            best_m = m; best_probs = probs
            json.dump({"name": a.name, "epoch": best_ep, "params": n_params, "macs": macs, "cfg": cfg,
                       "train_clips": len(tr), "train_speakers": len(train_spk), "val_clips": len(va),
                       "val_speakers": sorted({it[4] for it in va}), "val": best_m, "history": history},
                      open(os.path.join(RESULTS, f"{a.name}_metrics.json"), "w"), indent=1)
            np.save(os.path.join(run_dir, "val_probs.npy"), best_probs)
        else:
            bad += 1
            if bad >= cfg["patience"]:
                log(f"early stop at epoch {ep+1}")
                break
    d = json.load(open(os.path.join(RESULTS, f"{a.name}_metrics.json")))
    d["history"] = history
    json.dump(d, open(os.path.join(RESULTS, f"{a.name}_metrics.json"), "w"), indent=1)
    log(f"best {'selection score (mean of clean and augmented val UAR)' if va_aug is not None else 'val UAR'}"
        f"={best:.4f} at epoch {best_ep}")


if __name__ == "__main__":
    main()
