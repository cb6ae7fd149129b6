#!/usr/bin/env python3
"""Personal calibration research (issue 13): replays speaker-adaptation methods on the shipped model's per-window
outputs for the validation speakers and writes `results/calibration.md` + `results/calibration.json`.

Input: the per-window probabilities dumped through the app's own path (WAV reader, Silero gate, ClipAnalyzer's
window cutting, ONNX Runtime) by the C# harness:
  dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- dump-windows \
      --manifest training/.cache/evalset/manifest.csv --out training/.cache/calib/windows_clips_v1.3.0.csv
Usage: /usr/bin/python3 training/calibration.py [--dump PATH] [--manifest PATH] [--out-md PATH] [--out-json PATH]

Protocol: every validation speaker is one session (its clips in manifest order, or shuffled, or only one emotion);
the adapter starts fresh per session, sees each clip's speech windows in turn (scores the window with the state it
has, then updates), and the clip's prediction is the mean of its adapted window probabilities, as ClipAnalyzer
averages. UAR is pooled over all clips of all speakers, as `orpheus eval` computes it. Anything fitted on labelled
outputs (the class templates of the "template" methods) is fitted leave-one-speaker-out: the speaker being scored
never contributes to its own templates.
"""
import argparse, csv, json, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, ".cache")
LOG_FLOOR = 1e-4          # probabilities below this are clamped before the log (the C# component does the same)
MIN_SPEECH_FRACTION = 0.25


# ----------------------------------------------------------------------------------------------------------- data
class Data:
    """Per-clip windows of centred log-probabilities, with labels and speakers in manifest order."""

    def __init__(self, dump, manifest):
        man = list(csv.DictReader(open(manifest)))
        with open(dump) as f:
            header_line = f.readline()
            rows = list(csv.reader(f))
        self.meta = dict(kv.split("=", 1) for kv in header_line.strip("# \n").split() if "=" in kv)
        head, rows = rows[0], rows[1:]
        self.labels = [h[2:] for h in head if h.startswith("p_")]
        self.K = len(self.labels)
        col = {h: i for i, h in enumerate(head)}
        first_p = col["p_" + self.labels[0]]
        wins = [[] for _ in man]
        for r in rows:
            c = int(r[col["clip"]])
            p = np.array([float(x) for x in r[first_p:first_p + self.K]])
            speech = float(r[col["speech_fraction"]]) >= MIN_SPEECH_FRACTION
            wins[c].append((p, speech, float(r[col["level_dbfs"]])))
        self.windows = []   # per clip: (n_windows, K) centred log-probs of the windows the clip is scored on
        self.levels = []
        for ws in wins:
            use = [w for w in ws if w[1]] or ws
            self.windows.append(np.array([center(np.log(np.maximum(p, LOG_FLOOR))) for p, _, _ in use]))
            self.levels.append(np.array([lv for _, _, lv in use]))
        self.y = np.array([self.labels.index(m["label"]) for m in man])
        self.spk = np.array([m["speaker"] for m in man])
        self.corpus = np.array([m["corpus"] for m in man])
        self.speakers = list(dict.fromkeys(self.spk))
        self.n = len(man)
        self.clip_logp = np.array([w.mean(0) for w in self.windows])


def center(l):
    return l - l.mean(-1, keepdims=True)


def softmax(l):
    e = np.exp(l - l.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def uar(pred, y, K):
    r = [(pred[y == k] == k).mean() for k in range(K) if (y == k).any()]
    return float(np.mean(r))


# ------------------------------------------------------------------------------------------------------- sessions
def sessions(d, order, seed=0):
    """Index arrays, one per session: 'manifest', 'shuffled', 'interleaved' (round-robin over the speaker's
    classes) or 'single' (one session per speaker and emotion with >= 3 clips)."""
    rng = np.random.RandomState(seed)
    out = []
    for s in d.speakers:
        idx = np.where(d.spk == s)[0]
        if order == "manifest":
            out.append(idx)
        elif order == "shuffled":
            out.append(rng.permutation(idx))
        elif order == "interleaved":
            by = [list(idx[d.y[idx] == k]) for k in range(d.K)]
            seq = []
            while any(by):
                for b in by:
                    if b:
                        seq.append(b.pop(0))
            out.append(np.array(seq))
        elif order == "single":
            for k in range(d.K):
                sel = idx[d.y[idx] == k]
                if len(sel) >= 3:
                    out.append(sel)
        else:
            raise ValueError(order)
    return out


def replay(d, make, sess, enrol=0, trace=None):
    """Runs one fresh adapter per session. `make(speaker)` builds it. With enrol=N the first N clips of a session
    are given with their labels (`adapter.enrol`) and not scored. Returns predictions (-1 = not scored)."""
    pred = np.full(d.n, -1)
    for idx in sess:
        a = make(d.spk[idx[0]])
        if enrol:
            a.enrol([(d.windows[c], d.y[c]) for c in idx[:enrol]])
            idx = idx[enrol:]
        for j, c in enumerate(idx):
            ws = d.windows[c]
            probs = np.zeros(d.K)
            for l in ws:
                probs += softmax(a.adapt(l))
                a.update(l, 1.0 / len(ws))
            pred[c] = probs.argmax()
            if trace is not None:
                trace.append((c, j))
    return pred


# ------------------------------------------------------------------------------------------------------- adapters
# Every adapter: adapt(l) -> adapted centred log-probs for one window (state before this window), update(l, w) learns
# from it (w = the window's weight: 1 / windows of its clip, so one clip counts once), enrol(list of (windows, label)).

class NoAdapt:
    """Per-clip scoring: the model's output as it is."""
    def adapt(self, l): return l
    def update(self, l, w): pass
    def enrol(self, clips): pass


class RunningMean(NoAdapt):
    """(b) Naive running mean subtraction of log-probabilities, exponential forgetting over `memory` windows,
    shrunk toward no correction by `kappa` windows of prior: b = n / (n + kappa) * mean."""
    def __init__(self, memory=200, kappa=0.0):
        self.N, self.k, self.n, self.m = memory, kappa, 0.0, None
    def adapt(self, l):
        return l if self.m is None else l - self.n / (self.n + self.k) * self.m
    def update(self, l, w):
        self.n = (1 - w / self.N) * self.n + w
        self.m = l.copy() if self.m is None else self.m + (w / self.n) * (l - self.m)


class SaerensPrior(NoAdapt):
    """(a) Online EM re-estimation of the speaker's class prior (Saerens et al. 2002) with forgetting and a floor:
    the adapted posterior is p(y|x) * pi(y) / (1/K); pi is the forgetting average of adapted posteriors."""
    def __init__(self, K, memory=30, floor=0.02, alpha0=1.0):
        self.K, self.N, self.f = K, memory, floor
        self.c = np.full(K, alpha0 / K)
    def pi(self):
        p = np.maximum(self.c / self.c.sum(), self.f); return p / p.sum()
    def adapt(self, l): return l + np.log(self.pi() * self.K)
    def update(self, l, w):
        g = softmax(l + np.log(self.pi()))
        self.c = (1 - w / self.N) * self.c + w * g


class TemplateEM(NoAdapt):
    """Joint MAP estimate of a speaker offset b and class prior pi under a class-conditional Gaussian model of the
    log-prob vectors, l = mu_y + b + e (templates mu, within-class covariance W and offset prior S fitted on the
    OTHER speakers): online EM with forgetting. The principled way to tell "a sad speaker" from "a voice that
    sounds sad" -- if the classes were separable enough in the output space (they are not, see results)."""
    def __init__(self, fit, memory=200, floor=0.02):
        self.mu, Wc, Sc = fit
        K = len(self.mu); eps = 1e-2 * np.eye(K)
        self.Wi, self.Si = np.linalg.inv(Wc + eps), np.linalg.inv(Sc + eps)
        self.N, self.f, self.n, self.r, self.c, self.b = memory, floor, 0.0, np.zeros(K), np.full(K, 1.0 / K), np.zeros(K)
    def pi(self):
        p = np.maximum(self.c / self.c.sum(), self.f); return p / p.sum()
    def adapt(self, l): return l - self.b
    def update(self, l, w):
        dlt = (l - self.b) - self.mu
        g = softmax(-0.5 * np.einsum("kj,ji,ki->k", dlt, self.Wi, dlt) + np.log(self.pi()))
        lam = 1 - w / self.N
        self.n = lam * self.n + w; self.r = lam * self.r + w * (l - g @ self.mu); self.c = lam * self.c + w * g
        self.b = np.linalg.solve(self.n * self.Wi + self.Si, self.Wi @ self.r)


class GatedMean(NoAdapt):
    """THE CHOSEN METHOD (mirrors src/OrpheusLive.Core/Calibration/SpeakerAdaptation.cs).

    A shrunk running mean of the centred log-probabilities is subtracted -- but only as far as the session has shown
    that it holds several emotions. The gate is the mutual information between window and class of the model's own
    (unadapted) outputs over the session, I = H(mean p) - mean H(p): near 0 when every window says the same thing
    (a single-emotion session: leave it alone), large when windows disagree confidently (several emotions: the mean
    is then mostly the voice's bias). g = clip((I - lo) / (hi - lo), 0, 1); b = g * n / (n + kappa) * mean.
    Each window's step toward its log-probs is clamped to +-`clamp` nats, so one outlier window moves the mean by at
    most clamp * w / n and the bias by at most clamp * w / (n + kappa) per class.
    Enrolment (labelled clips, >= `min_classes` distinct emotions) fits a per-class bias d on the adapted log-probs
    by L2-regularised multinomial logistic regression (strength `lam`); the enrolment clips also feed the statistics.
    """
    def __init__(self, K, memory=200, kappa=10.0, gate=(0.2, 0.4), clamp=3.0, lam=2.0, min_classes=3, voice_keep=2.0):
        self.K, self.N, self.k, self.lo, self.hi, self.R = K, memory, kappa, gate[0], gate[1], clamp
        self.lam, self.mc, self.keep = lam, min_classes, voice_keep
        self.n, self.m, self.pm, self.hm = 0.0, np.zeros(K), np.full(K, 1.0 / K), 0.0
        self.b, self.d = np.zeros(K), np.zeros(K)
    def gate(self):
        pm = np.maximum(self.pm, 1e-12)
        return float(np.clip((-(pm * np.log(pm)).sum() - self.hm - self.lo) / (self.hi - self.lo), 0, 1))
    def adapt(self, l): return l - self.b + self.d
    def update(self, l, w):
        self.n = (1 - w / self.N) * self.n + w
        a = w / self.n
        p = softmax(l)
        self.m += a * np.clip(l - self.m, -self.R, self.R)
        self.pm += a * (p - self.pm)
        self.hm += a * (-(p * np.log(np.maximum(p, 1e-12))).sum() - self.hm)
        self.b = self.gate() * self.n / (self.n + self.k) * self.m
    def voice_changed(self):
        """Soft reset: what was learnt now counts as only `voice_keep` windows against the new voice."""
        self.n = min(self.n, self.keep); self.b = self.gate() * self.n / (self.n + self.k) * self.m
    def enrol(self, clips):
        for ws, _ in clips:
            for l in ws:
                self.update(l, 1.0 / len(ws))
        if len({y for _, y in clips}) >= self.mc:
            self.d = fit_class_bias([(np.array([l - self.b for l in ws]), y) for ws, y in clips], self.K, self.lam)


class GatedMeanWithPrior(GatedMean):
    """Measured, not chosen: the chosen method plus a session class prior (Saerens-style forgetting average of the
    posteriors, floor 0.05) added with weight `beta` while the gate is closed. It helps single-emotion sessions and
    emotion-blocked orders by *persistence* (the emotion of the last minute is made likelier) -- the live debouncer's
    job already -- and costs mixed sessions."""
    def __init__(self, K, beta=0.3, prior_memory=30, floor=0.05, **kw):
        super().__init__(K, **{**CHOSEN, **kw})
        self.beta, self.pmem, self.pf, self.q, self.qn = beta, prior_memory, floor, np.full(K, 1.0 / K), 0.0
    def prior(self):
        p = np.maximum(self.q, self.pf); return np.log(p / p.sum() * self.K)
    def adapt(self, l): return super().adapt(l) + self.beta * (1 - self.gate()) * self.prior()
    def update(self, l, w):
        g = softmax(l + self.prior())
        self.qn = (1 - w / self.pmem) * self.qn + w; self.q += (w / self.qn) * (g - self.q)
        super().update(l, w)


def fit_class_bias(clips, K, lam, iters=25):
    """argmin_d sum_clips mean_windows -log softmax(l + d)[y] + lam/2 |d|^2 (Newton; convex). Returns centred d."""
    X = np.concatenate([ws for ws, _ in clips]); Y = np.concatenate([[y] * len(ws) for ws, y in clips])
    Wt = np.concatenate([[1.0 / len(ws)] * len(ws) for ws, _ in clips])
    d = np.zeros(K); onehot = np.eye(K)[Y]
    for _ in range(iters):
        P = softmax(X + d)
        grad = ((P - onehot) * Wt[:, None]).sum(0) + lam * d
        hess = np.einsum("t,tk,kj->kj", Wt, P, np.eye(K)) - np.einsum("t,tk,tj->kj", Wt, P, P) + lam * np.eye(K)
        step = np.linalg.solve(hess, grad); d -= step
        if np.abs(step).max() < 1e-9:
            break
    return d - d.mean()


class ClassBiasOnly(NoAdapt):
    """(d) Enrolment alone: the per-class bias of GatedMean's enrolment, without any unsupervised adaptation."""
    def __init__(self, K, lam=2.0, min_classes=1):
        self.K, self.lam, self.mc, self.d = K, lam, min_classes, np.zeros(K)
    def adapt(self, l): return l + self.d
    def enrol(self, clips):
        if len({y for _, y in clips}) >= self.mc:
            self.d = fit_class_bias(clips, self.K, self.lam)


class TemplateEnrol(NoAdapt):
    """(d) Enrolment as a shared speaker offset: b = sum(l_i - mu_{y_i}) / (N + kappa) with class templates mu fitted
    on the other speakers (the "oracle bias" model with N labels)."""
    def __init__(self, mu, kappa=2.0):
        self.mu, self.k, self.b = mu, kappa, np.zeros(mu.shape[1])
    def adapt(self, l): return l - self.b
    def enrol(self, clips):
        r = np.array([ws.mean(0) - self.mu[y] for ws, y in clips]); self.b = r.sum(0) / (len(r) + self.k)


def template_fit(d, mask):
    """Class templates, within-class covariance and speaker-offset covariance of clip log-probs (mask = speakers used)."""
    X, Y = d.clip_logp[mask], d.y[mask]
    mu = np.array([X[Y == k].mean(0) for k in range(d.K)])
    offs, res, counts = [], [], []
    for s in set(d.spk[mask]):
        m = d.spk[mask] == s; r = X[m] - mu[Y[m]]; offs.append(r.mean(0)); res.append(r - r.mean(0)); counts.append(m.sum())
    Wc = np.cov(np.concatenate(res).T)
    Sc = np.cov(np.array(offs).T) - Wc * np.mean(1.0 / np.array(counts))
    w, V = np.linalg.eigh(Sc); Sc = (V * np.maximum(w, 1e-3)) @ V.T
    return mu, Wc, Sc


def label_bounds(d, lam=1e-3):
    """What per-speaker correction could reach if every label were known (upper bounds, not methods): each speaker's
    best shared offset of the log-probabilities (the enrolment bias fitted on all of that speaker's clips, scored on
    them), and each speaker's own class means (nearest mean of the centred clip log-probabilities, leave-one-clip-out)."""
    offset = np.full(d.n, -1); means = np.full(d.n, -1)
    for s in d.speakers:
        idx = np.flatnonzero(d.spk == s)
        dv = fit_class_bias([(d.windows[i], d.y[i]) for i in idx], d.K, lam)
        offset[idx] = (d.clip_logp[idx] + dv).argmax(1)
        for i in idx:
            others = idx[idx != i]
            cls = [k for k in range(d.K) if (d.y[others] == k).any()]
            mu = np.array([d.clip_logp[others][d.y[others] == k].mean(0) for k in cls])
            means[i] = cls[int(((mu - d.clip_logp[i]) ** 2).sum(1).argmin())]
    return {"best_shared_offset_uar": metrics(d, offset)["uar"], "own_class_means_loo_uar": metrics(d, means)["uar"]}


# ------------------------------------------------------------------------------------------------------ evaluation
def metrics(d, pred):
    m = pred >= 0
    spk_u = [uar(pred[m & (d.spk == s)], d.y[m & (d.spk == s)], d.K) for s in d.speakers if (m & (d.spk == s)).any()]
    return {"uar": uar(pred[m], d.y[m], d.K), "acc": float((pred[m] == d.y[m]).mean()), "n": int(m.sum()),
            "spk_uar_mean": float(np.mean(spk_u)), "spk_uar_sd": float(np.std(spk_u)), "spk_uar_min": float(np.min(spk_u))}


def evaluate(d, make, seeds=3):
    """UAR in manifest, shuffled (mean of `seeds` orders), interleaved order and on single-emotion sessions
    (with the per-clip UAR of the same clips and the worst per-class recall change)."""
    out = {"manifest": metrics(d, replay(d, make, sessions(d, "manifest"))),
           "interleaved": metrics(d, replay(d, make, sessions(d, "interleaved")))}
    sh = [metrics(d, replay(d, make, sessions(d, "shuffled", s))) for s in range(seeds)]
    out["shuffled"] = {k: float(np.mean([r[k] for r in sh])) for k in sh[0]}
    ss = sessions(d, "single")
    p, b = replay(d, make, ss), replay(d, lambda s: NoAdapt(), ss)
    m = p >= 0
    out["single"] = {"uar": uar(p[m], d.y[m], d.K), "base_uar": uar(b[m], d.y[m], d.K), "sessions": len(ss),
                     "worst_class_delta": float(min((p[m] == d.y[m])[d.y[m] == k].mean() - (b[m] == d.y[m])[d.y[m] == k].mean()
                                                    for k in range(d.K)))}
    return out


def evaluate_enrol(d, make, ns=(3, 6, 12)):
    """--enrol N: first N clips of each speaker (manifest order, and round-robin over its emotions) given with labels,
    the rest scored; 'base' is per-clip UAR of exactly the scored clips."""
    out = {}
    for order in ("manifest", "interleaved"):
        for n in ns:
            ss = sessions(d, order)
            p, b = replay(d, make, ss, enrol=n), replay(d, lambda s: NoAdapt(), ss, enrol=n)
            out[f"{order}_{n}"] = {"uar": metrics(d, p)["uar"], "base_uar": metrics(d, b)["uar"],
                                   "spk_uar_sd": metrics(d, p)["spk_uar_sd"]}
    return out


def convergence(d, make, seeds=3, bins=((0, 5), (5, 10), (10, 20), (20, 40), (40, 80), (80, 10000))):
    """UAR by position in the (shuffled) session: how many clips (~3 s windows) the adaptation needs."""
    rows = []
    for lo, hi in bins:
        ua, ub = [], []
        for s in range(seeds):
            ss = sessions(d, "shuffled", s)
            pa, pb = replay(d, make, ss), replay(d, lambda sp: NoAdapt(), ss)
            pos = np.full(d.n, -1)
            for idx in ss:
                pos[idx] = np.arange(len(idx))
            m = (pos >= lo) & (pos < hi)
            ua.append(uar(pa[m], d.y[m], d.K)); ub.append(uar(pb[m], d.y[m], d.K))
        rows.append({"from": lo, "to": hi, "adapted": float(np.mean(ua)), "per_clip": float(np.mean(ub)), "clips": int(m.sum())})
    return rows


def outlier(d, make, burst=3, at=10, after=10, seeds=3):
    """A burst of `burst` windows of maximal shouting (the model certain of 'angry', clamped at LOG_FLOOR) inserted
    after `at` clips of each shuffled session: the largest change of the adapted log-probs it causes on the
    following clip, and the UAR of the next `after` clips with and without it."""
    k_angry = d.labels.index("angry") if "angry" in d.labels else 0
    shout = np.full(d.K, LOG_FLOOR); shout[k_angry] = 1.0
    shout = center(np.log(shout / shout.sum()))
    moves, ua, ub = [], [], []
    for s in range(seeds):
        for idx in sessions(d, "shuffled", s):
            if len(idx) < at + after + 1:
                continue
            preds = []
            for with_burst in (False, True):
                a = make(d.spk[idx[0]])
                for c in idx[:at]:
                    for l in d.windows[c]:
                        a.adapt(l); a.update(l, 1.0 / len(d.windows[c]))
                probe = d.windows[idx[at]][0]
                before = a.adapt(probe)
                if with_burst:
                    for _ in range(burst):
                        a.adapt(shout); a.update(shout, 1.0)
                    moves.append(float(np.abs((a.adapt(probe) - before) - (a.adapt(probe) - before).mean()).max()))
                p = []
                for c in idx[at:at + after]:
                    pr = np.zeros(d.K)
                    for l in d.windows[c]:
                        pr += softmax(a.adapt(l)); a.update(l, 1.0 / len(d.windows[c]))
                    p.append(pr.argmax())
                preds.append(p)
            ys = d.y[idx[at:at + after]]
            ua.append((np.array(preds[1]) == ys).mean()); ub.append((np.array(preds[0]) == ys).mean())
    return {"burst_windows": burst, "max_logprob_move": float(np.max(moves)), "median_logprob_move": float(np.median(moves)),
            "acc_next_clips_with_burst": float(np.mean(ua)), "acc_next_clips_without": float(np.mean(ub))}


def stream_eval(stream_dump, d, make, weight):
    """Live-like check: each speaker's clips joined into one recording, 3 s windows every 1 s (the C# stream dump);
    speech windows adapt with `weight` each (1 s of new speech in a 3 s window = 1/3), a window's label is that of
    the clip it overlaps most (windows that are mostly one clip only, overlap >= 0.5, are scored)."""
    with open(stream_dump) as f:
        f.readline(); rows = list(csv.reader(f))
    head, rows = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(head)}; p0 = col["p_" + d.labels[0]]
    yw, pa, pb, spk = [], [], [], []
    cur, a = None, None
    for r in rows:
        c = int(r[col["clip"]]); s = d.spk[c]
        if s != cur:
            cur, a = s, make(s)
        if float(r[col["speech_fraction"]]) < MIN_SPEECH_FRACTION:
            continue
        l = center(np.log(np.maximum(np.array([float(x) for x in r[p0:p0 + d.K]]), LOG_FLOOR)))
        out = a.adapt(l); a.update(l, weight)
        if float(r[col["overlap"]]) >= 0.5:
            yw.append(d.y[c]); pa.append(out.argmax()); pb.append(l.argmax()); spk.append(s)
    yw, pa, pb = np.array(yw), np.array(pa), np.array(pb)
    return {"windows": int(len(yw)), "uar": uar(pa, yw, d.K), "per_window_uar": uar(pb, yw, d.K)}


# --------------------------------------------------------------------------------------------------- voice change
# Mirrors src/OrpheusLive.Core/Calibration/VoiceFeatures.cs and VoiceChangeDetector.cs.
VF_SR, VF_FRAME, VF_HOP, VF_NFFT, VF_BANDS, VF_LO, VF_HI = 16000, 400, 480, 512, 24, 100.0, 7000.0
VF_KEEP_DB = 30.0


def _mel(f): return 2595.0 * np.log10(1.0 + f / 700.0)
def _imel(m): return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def mel_filters():
    edges = _imel(np.linspace(_mel(VF_LO), _mel(VF_HI), VF_BANDS + 2))
    freqs = np.arange(VF_NFFT // 2 + 1) * VF_SR / VF_NFFT
    fb = np.zeros((VF_BANDS, len(freqs)))
    for b in range(VF_BANDS):
        lo, c, hi = edges[b:b + 3]
        fb[b] = np.clip(np.minimum((freqs - lo) / (c - lo), (hi - freqs) / (hi - c)), 0, None)
    return fb


_FB = mel_filters()
_HANN = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(VF_FRAME) / (VF_FRAME - 1))


def voice_shape(window):
    """Long-term spectral shape of one window: mean over its loud frames (within 30 dB of the loudest) of the
    24 log-mel band energies minus their mean over bands (so level does not matter)."""
    n = 1 + (len(window) - VF_FRAME) // VF_HOP
    fr = np.stack([window[i * VF_HOP:i * VF_HOP + VF_FRAME] for i in range(n)]) * _HANN
    power = np.abs(np.fft.rfft(fr, VF_NFFT)) ** 2
    logmel = np.log(power @ _FB.T + 1e-10)
    energy = 10 * np.log10((fr ** 2).sum(1) + 1e-10)
    keep = energy >= energy.max() - VF_KEEP_DB
    e = logmel[keep]
    return (e - e.mean(1, keepdims=True)).mean(0)


def voice_features_all(cache_file):
    """voice_shape of every clip's centred 3 s window (zero-padded when shorter, as the app pads), all clips."""
    if os.path.exists(cache_file):
        return np.load(cache_file)
    sys.path.insert(0, HERE)
    from data import load_index, load_audio
    rows, audio = load_index(), load_audio()
    out = np.zeros((len(rows), VF_BANDS))
    for i, r in enumerate(rows):
        o, l = int(r["offset"]), int(r["length"])
        x = np.asarray(audio[o:o + l], np.float64) / 32768.0
        w = np.zeros(48000)
        if l <= 48000:
            w[(48000 - l) // 2:(48000 - l) // 2 + l] = x
        else:
            s = (l - 48000) // 2; w[:] = x[s:s + 48000]
        out[i] = voice_shape(w)
    np.save(cache_file, out)
    return out


def fit_voice_projection(F, speakers, dims):
    """LDA over speakers (training speakers only): directions where voices differ most relative to how one voice
    varies across emotions and sentences; scaled so the within-speaker variance is 1 per direction."""
    mean = F.mean(0)
    Sw = np.zeros((F.shape[1],) * 2); Sb = np.zeros_like(Sw)
    for s in set(speakers):
        m = speakers == s; dv = F[m] - F[m].mean(0); Sw += dv.T @ dv
        c = F[m].mean(0) - mean; Sb += m.sum() * np.outer(c, c)
    Sw /= len(F); Sb /= len(F); Sw += 1e-4 * np.trace(Sw) / len(Sw) * np.eye(len(Sw))
    ev, V = np.linalg.eig(np.linalg.solve(Sw, Sb)); o = np.argsort(-ev.real)
    V = V.real[:, o[:dims]]
    V = V / np.sqrt(np.einsum("id,ij,jd->d", V, Sw, V))
    V *= np.sign(V[np.abs(V).argmax(0), range(dims)])  # deterministic sign
    return mean, V, ev.real[o[:dims]]


class VoiceChangeDetector:
    """Short-term mean (over ~`short` windows) of the projected voice shape vs the long-term mean of the current
    voice (over up to `long` windows); a change when the mean squared difference, normalised by its variance
    under "same voice", exceeds `threshold` after `warmup` windows. Then it starts over on the new voice. While the
    statistic is above half the threshold the long-term mean is not updated (a suspected new voice must not be
    averaged into the old one before it is confirmed)."""
    def __init__(self, mean, proj, short=4.0, long=40.0, warmup=6.0, threshold=4.0):
        self.mean, self.P, self.M, self.N, self.warm, self.th = mean, proj, short, long, warmup, threshold
        self.reset()
    def reset(self):
        self.n, self.mu, self.st = 0.0, None, None
    def process(self, shape, w=1.0):
        z = (shape - self.mean) @ self.P
        if self.mu is None:
            self.mu, self.st, self.n = z.copy(), z.copy(), w
            return False, 0.0
        self.st += (w / self.M) * (z - self.st)
        stat = float(((self.st - self.mu) ** 2).mean() / (1.0 / self.M + 1.0 / min(self.n, self.N)))
        if self.n >= self.warm and stat > self.th:
            self.reset(); self.mu, self.st, self.n = z.copy(), z.copy(), w
            return True, stat
        if stat <= self.th / 2:  # a suspected change does not leak into the current voice's average
            self.n += w
            self.mu += (w / min(self.n, self.N)) * (z - self.mu)
        return False, stat


def voice_change_study(d, F_all, rows, split, dims=6, thresholds=(3.0, 4.0, 5.0, 6.0), pairs_n=300, seed=0):
    """Miss / false alarm on pairs of validation speakers joined (A's clips then B's), A in manifest order (with its
    emotion changes) and shuffled; LDA fitted on the training speakers only."""
    labels = set(d.labels)
    tr = np.array([split[r["speaker"]] == "train" and r["label"] in labels for r in rows])
    val_rows = [i for i, r in enumerate(rows) if split[r["speaker"]] == "val" and r["label"] in labels]
    assert len(val_rows) == d.n
    Fv = F_all[val_rows]
    mean, P, ev = fit_voice_projection(F_all[tr], np.array([r["speaker"] for r in rows])[tr], dims)
    gender = {r["speaker"]: r["gender"] for r in rows}
    rng = np.random.RandomState(seed)
    vs = [s for s in d.speakers if (d.spk == s).sum() >= 12]
    pairs = [(a, b) for a in vs for b in vs if a != b]; rng.shuffle(pairs); pairs = pairs[:pairs_n]
    out = {"dims": dims, "lda_eigen": [float(e) for e in ev], "rows": []}
    for order in ("manifest", "shuffled"):
        seqs = []
        for a, b in pairs:
            ia = np.where(d.spk == a)[0]; ia = (ia if order == "manifest" else rng.permutation(ia))[:60]
            ib = rng.permutation(np.where(d.spk == b)[0])[:15]
            seqs.append((d.corpus[ia[0]] == d.corpus[ib[0]], gender[a] != gender[b], ia, ib))
        for th in thresholds:
            res = []
            for same, gchange, ia, ib in seqs:
                det = VoiceChangeDetector(mean, P, threshold=th)
                alarms = np.array([det.process(Fv[c])[0] for c in np.concatenate([ia, ib])])
                res.append((same, gchange, alarms[:len(ia)], alarms[len(ia):len(ia) + 10]))
            row = {"order": order, "threshold": th}
            for name, sel in (("all", lambda r: True), ("same_corpus", lambda r: r[0]), ("gender_change", lambda r: r[1]),
                              ("same_gender", lambda r: not r[1])):
                R = [r for r in res if sel(r)]
                row[name] = {"pairs": len(R),
                             "false_alarm_per_100_windows": float(100 * np.mean(np.concatenate([r[2] for r in R]))),
                             "sessions_with_false_alarm": float(np.mean([r[2].any() for r in R])),
                             "hit_within_10": float(np.mean([r[3].any() for r in R])),
                             "median_delay": float(np.median([np.argmax(r[3]) + 1 for r in R if r[3].any()] or [0]))}
            out["rows"].append(row)
    return out, mean, P, Fv


def voice_end_to_end(d, Fv, mean, P, make, threshold, pairs_n=200, seed=1):
    """What the detector is for: speaker A (shuffled, 40 clips) then speaker B (shuffled, up to 40 clips); UAR on B's
    clips with no reset, with the detector's soft resets, with a soft reset exactly at the change and with a fresh
    adapter for B. And the cost of false alarms: manifest-order sessions of one speaker with the detector running."""
    rng = np.random.RandomState(seed)
    vs = [s for s in d.speakers if (d.spk == s).sum() >= 40]
    pairs = [(a, b) for a in vs for b in vs if a != b]; rng.shuffle(pairs); pairs = pairs[:pairs_n]
    preds = {k: [] for k in ("none", "detector", "oracle_soft", "fresh")}
    ys = []
    for a, b in pairs:
        ia = rng.permutation(np.where(d.spk == a)[0])[:40]; ib = rng.permutation(np.where(d.spk == b)[0])[:40]
        ys.extend(d.y[ib])
        for mode in preds:
            ad = make(a); det = VoiceChangeDetector(mean, P, threshold=threshold)
            for part, idx in ((0, ia), (1, ib)):
                if part == 1 and mode == "oracle_soft":
                    ad.voice_changed()
                if part == 1 and mode == "fresh":
                    ad = make(b)
                for c in idx:
                    if mode == "detector" and det.process(Fv[c])[0]:
                        ad.voice_changed()
                    pr = np.zeros(d.K)
                    for l in d.windows[c]:
                        pr += softmax(ad.adapt(l)); ad.update(l, 1.0 / len(d.windows[c]))
                    if part == 1:
                        preds[mode].append(pr.argmax())
    ys = np.array(ys)
    out = {k: uar(np.array(v), ys, d.K) for k, v in preds.items()}
    # false alarms on single-speaker manifest-order sessions
    alarms, windows, pred = 0, 0, np.full(d.n, -1)
    for idx in sessions(d, "manifest"):
        ad = make(d.spk[idx[0]]); det = VoiceChangeDetector(mean, P, threshold=threshold)
        for c in idx:
            if det.process(Fv[c])[0]:
                alarms += 1; ad.voice_changed()
            windows += 1
            pr = np.zeros(d.K)
            for l in d.windows[c]:
                pr += softmax(ad.adapt(l)); ad.update(l, 1.0 / len(d.windows[c]))
            pred[c] = pr.argmax()
    out["manifest_with_detector_uar"] = metrics(d, pred)["uar"]
    out["manifest_false_alarms_per_100_windows"] = 100.0 * alarms / windows
    return out


# ------------------------------------------------------------------------------------------ embedding-level study
def hidden_study(d, dump):
    """(c) Per-speaker normalisation of the model's embeddings: the 7 members' 128-d hidden vectors (inputs of their
    last layer, dumped by calib_hidden.py/.js), a shrunk running mean subtracted (re-centred on the training mean)
    before the last layers, either fully or only inside the top-r speaker subspace learnt on the training speakers
    (nuisance attribute projection). Returns None when the dump is missing."""
    hd = os.path.join(CACHE, "calib", "hidden")
    if not os.path.exists(os.path.join(hd, "hidden.f32")):
        return None
    spec = json.load(open(os.path.join(hd, "windows.json"))); W = spec["windows"]
    H = np.fromfile(os.path.join(hd, "hidden.f32"), np.float32).reshape(len(W), 7, 128).astype(np.float64)
    hz = np.load(os.path.join(hd, "heads.npz")); names = list(hz["names"])
    Ws = [hz[nm + ".W"] for nm in names]; bs = [hz[nm + ".b"] for nm in names]; wh, wo = float(hz["w_hybrid"]), float(hz["w_oww"])

    def lsm(z): z = z - z.max(-1, keepdims=True); return z - np.log(np.exp(z).sum(-1, keepdims=True))

    def head(h):
        lg = [h[:, j] @ Ws[j].T + bs[j] for j in range(7)]
        return lsm(wh * (lsm(lg[0]) + lsm(lg[1])) / 2 + wo * lsm(np.mean(lg[2:], 0)))
    setname = np.array([w[0] for w in W]); rowi = np.array([w[1] for w in W])
    val_rows = list(dict.fromkeys(rowi[setname == "val"])); pos = {r: i for i, r in enumerate(val_rows)}
    clipw = [[] for _ in range(d.n)]
    for i in np.where(setname == "val")[0]:
        clipw[pos[rowi[i]]].append(i)
    # the same windows the clip is scored on (speech windows, else all), from the C# dump's speech flags
    with open(dump) as f:
        f.readline(); rr = list(csv.reader(f))[1:]
    flags = [[] for _ in range(d.n)]
    for r in rr:
        flags[int(r[0])].append(float(r[4]) >= MIN_SPEECH_FRACTION)
    use = [np.array([w for w, s in zip(clipw[c], flags[c]) if s] or clipw[c]) for c in range(d.n)]
    rows = list(csv.DictReader(open(os.path.join(CACHE, "index.csv"))))
    tidx = np.where(setname == "train")[0]
    tr_spk = np.array([rows[r]["speaker"] for r in rowi[tidx]]); tr_lab = np.array([rows[r]["label"] for r in rowi[tidx]])
    Htr = H[tidx]; gm = Htr.mean(0)
    cells = {(s, k): Htr[(tr_spk == s) & (tr_lab == k)].mean(0) for s in set(tr_spk) for k in d.labels
             if ((tr_spk == s) & (tr_lab == k)).sum() >= 2}
    emo = {k: np.mean([v for (s, kk), v in cells.items() if kk == k], 0) for k in d.labels}
    eff = np.array([np.mean([cells[(s, k)] - emo[k] for k in d.labels if (s, k) in cells], 0)
                    for s in set(tr_spk) if sum((s, k) in cells for k in d.labels) >= 3])
    emo_eff = np.array([emo[k] - np.mean(list(emo.values()), 0) for k in d.labels])

    def subspace(r):
        return [np.linalg.svd(eff[:, j] - eff[:, j].mean(0), full_matrices=False)[2][:r].T for j in range(7)]

    def run(sess, U, kappa=20.0, memory=200.0):
        pred = np.full(d.n, -1)
        for idx in sess:
            n, m = 0.0, np.zeros((7, 128))
            for c in idx:
                h = H[use[c]]
                if U == "none" or n == 0:
                    ha = h
                else:
                    dev = (m - gm) * n / (n + kappa)
                    if U is not None:
                        dev = np.stack([U[j] @ (U[j].T @ dev[j]) for j in range(7)])
                    ha = h - dev[None]
                pred[c] = np.exp(head(ha)).mean(0).argmax()
                n = (1 - 1 / memory) * n + 1; m += (1 / n) * (h.mean(0) - m)
        return pred
    base_check = metrics(d, run(sessions(d, "manifest"), "none"))["uar"]
    out = {"per_clip_from_hidden": base_check, "rows": []}
    ss = sessions(d, "single"); pb = run(ss, "none"); mb = pb >= 0
    for name, U in (("mean", None), ("nap_r4", subspace(4)), ("nap_r16", subspace(16))):
        share = None if U is None else float(sum(((emo_eff[:, j] @ U[j]) ** 2).sum() for j in range(7)) / (emo_eff ** 2).sum())
        ps = run(ss, U)
        out["rows"].append({"method": name, "emotion_energy_in_subspace": share,
                            "manifest": metrics(d, run(sessions(d, "manifest"), U))["uar"],
                            "shuffled": float(np.mean([metrics(d, run(sessions(d, "shuffled", s), U))["uar"] for s in range(2)])),
                            "single": uar(ps[mb], d.y[mb], d.K), "single_base": uar(pb[mb], d.y[mb], d.K)})
    return out


# ------------------------------------------------------------------------------------------------------------ main
CHOSEN = dict(memory=200, kappa=10.0, gate=(0.2, 0.4), clamp=3.0, lam=2.0, min_classes=3, voice_keep=2.0)
VOICE = dict(dims=6, short=4.0, long=40.0, warmup=6.0, threshold=4.0)


def loco_selection(d, grid):
    """Leave-one-corpus-out choice of the gate/shrinkage: for each corpus, pick the grid point with the best shuffled
    UAR on the OTHER corpora among those that keep single-emotion sessions within 0.5 point of per-clip there, and
    score the held-out corpus with it. Pooled UAR over all held-out corpora = an honest estimate for new speakers."""
    cache = {}
    for gi, kw in enumerate(grid):
        make = lambda s, kw=kw: GatedMean(d.K, **{**CHOSEN, **kw})
        cache[gi] = {o: replay(d, make, sessions(d, o)) for o in ("manifest", "single")}
        cache[gi]["shuffled"] = replay(d, make, sessions(d, "shuffled", 0))
    base = {o: replay(d, lambda s: NoAdapt(), sessions(d, o)) for o in ("manifest", "single")}
    pooled = {o: np.full(d.n, -1) for o in ("manifest", "shuffled", "single")}
    picks = {}
    for c in sorted(set(d.corpus)):
        other = d.corpus != c
        best, best_u = None, -1
        for gi in cache:
            ps, pb = cache[gi]["single"], base["single"]
            m = other & (ps >= 0)
            if uar(ps[m], d.y[m], d.K) < uar(pb[m], d.y[m], d.K) - 0.005:
                continue
            u = uar(cache[gi]["shuffled"][other], d.y[other], d.K)
            if u > best_u:
                best, best_u = gi, u
        best = 0 if best is None else best
        picks[c] = grid[best]
        for o in pooled:
            sel = d.corpus == c
            pooled[o][sel] = cache[best][o][sel]
    res = {o: metrics(d, pooled[o])["uar"] for o in ("manifest", "shuffled")}
    m = pooled["single"] >= 0
    res["single"] = uar(pooled["single"][m], d.y[m], d.K)
    res["picks"] = {c: {k: (list(v) if isinstance(v, tuple) else v) for k, v in p.items()} for c, p in picks.items()}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default=os.path.join(CACHE, "calib", "windows_clips_v1.3.0.csv"))
    ap.add_argument("--stream", default=os.path.join(CACHE, "calib", "windows_stream_v1.3.0.csv"))
    ap.add_argument("--manifest", default=os.path.join(CACHE, "evalset", "manifest.csv"))
    ap.add_argument("--out-md", default=os.path.join(HERE, "results", "calibration.md"))
    ap.add_argument("--out-json", default=os.path.join(HERE, "results", "calibration.json"))
    ap.add_argument("--csharp", default=os.path.join(HERE, "..", "src", "OrpheusLive.Core", "Calibration", "VoiceProjection.cs"))
    ap.add_argument("--golden", default=os.path.join(HERE, "..", "tests", "OrpheusLive.Core.Tests", "Calibration", "calibration-golden.json"))
    ap.add_argument("--quick", action="store_true", help="skip the slow studies (voice, embeddings, grid)")
    ap.add_argument("--golden-only", action="store_true", help="only rewrite the C# voice table and the parity file")
    ap.add_argument("--report-only", action="store_true", help="only rewrite calibration.md from calibration.json")
    a = ap.parse_args()
    d = Data(a.dump, a.manifest)
    K = d.K
    if a.report_only:
        R = json.load(open(a.out_json))
        missing = {k: f for k, f in (("per_corpus", per_corpus), ("label_bounds", label_bounds)) if k not in R}
        for k, f in missing.items():
            R[k] = f(d)
        if missing:
            json.dump(R, open(a.out_json, "w"), indent=1, default=float)
        write_md(a.out_md, R, d)
        return
    if a.golden_only:
        rows = list(csv.DictReader(open(os.path.join(CACHE, "index.csv"))))
        sys.path.insert(0, HERE)
        from data import make_split
        cfg = json.load(open(os.path.join(HERE, "config.json")))
        split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
        labels = set(d.labels)
        tr = np.array([split[r["speaker"]] == "train" and r["label"] in labels for r in rows])
        F_all = voice_features_all(os.path.join(CACHE, "calib", "voice_shape_all.npy"))
        vmean, vproj, _ = fit_voice_projection(F_all[tr], np.array([r["speaker"] for r in rows])[tr], VOICE["dims"])
        write_csharp_projection(a.csharp, vmean, vproj)
        write_golden(a.golden, d, vmean, vproj, a.dump)
        return
    print(f"{d.n} clips, {len(d.speakers)} speakers, model {d.meta.get('model')} {d.meta.get('version')}", flush=True)
    R = {"model": d.meta, "chosen": {**CHOSEN, "gate": list(CHOSEN["gate"])}, "log_floor": LOG_FLOOR}

    fits = {s: template_fit(d, d.spk != s) for s in d.speakers}
    oracle = np.zeros(d.n, int)
    for s in d.speakers:
        m = d.spk == s; oracle[m] = (d.clip_logp[m] - d.clip_logp[m].mean(0)).argmax(1)
    R["oracle_session_mean_uar"] = metrics(d, oracle)["uar"]
    R["label_bounds"] = label_bounds(d)
    print("label bounds", R["label_bounds"], flush=True)
    chosen = lambda s: GatedMean(K, **CHOSEN)
    methods = [
        ("per-clip (no adaptation)", lambda s: NoAdapt()),
        ("(b) running mean subtracted (200 windows)", lambda s: RunningMean(200, 0.0)),
        ("(b) running mean, shrunk (kappa 10)", lambda s: RunningMean(200, 10.0)),
        ("(a) EM class prior (Saerens; 30 windows, floor 0.02)", lambda s: SaerensPrior(K, 30, 0.02)),
        ("template EM: speaker offset + prior (LOSO templates)", lambda s: TemplateEM(fits[s])),
        ("**gated shrunk mean (chosen)**", chosen),
        ("chosen + session prior while the gate is closed (beta 0.3; not chosen)", lambda s: GatedMeanWithPrior(K)),
    ]
    R["methods"] = {}
    for name, make in methods:
        R["methods"][name] = evaluate(d, make)
        r = R["methods"][name]
        print(f"{name:55s} manifest {r['manifest']['uar']*100:5.1f} shuffled {r['shuffled']['uar']*100:5.1f} "
              f"interleaved {r['interleaved']['uar']*100:5.1f} single {r['single']['uar']*100:5.1f} (per-clip {r['single']['base_uar']*100:5.1f})", flush=True)

    enrolers = [("chosen: gated mean + class bias (>= 3 emotions)", chosen),
                ("class bias only (lambda 2, any enrolment)", lambda s: ClassBiasOnly(K, 2.0, 1)),
                ("shared offset from templates (LOSO, kappa 2)", lambda s: TemplateEnrol(fits[s][0], 2.0)),
                ("gated mean, enrolment clips unlabelled", lambda s: GatedMean(K, **{**CHOSEN, "min_classes": 99}))]
    R["enrol"] = {}
    for name, make in enrolers:
        R["enrol"][name] = evaluate_enrol(d, make)
        print(name, {k: round(v["uar"] * 100, 1) for k, v in R["enrol"][name].items()}, flush=True)

    R["per_corpus"] = per_corpus(d)
    R["convergence"] = {"chosen": convergence(d, chosen), "running mean": convergence(d, lambda s: RunningMean(200, 0.0))}
    R["outlier"] = {"chosen": outlier(d, chosen), "running mean": outlier(d, lambda s: RunningMean(200, 0.0))}
    print("outlier", R["outlier"], flush=True)
    if os.path.exists(a.stream):
        R["stream"] = {"chosen (weight 1/3 per 1 s hop)": stream_eval(a.stream, d, chosen, 1.0 / 3.0)}
        print("stream", R["stream"], flush=True)

    if not a.quick:
        grid = [dict(kappa=k, gate=g) for k in (5.0, 10.0, 20.0) for g in ((0.1, 0.3), (0.15, 0.35), (0.2, 0.4), (0.25, 0.5))]
        R["sensitivity"] = []
        for kw in grid + [dict(memory=100), dict(memory=400), dict(clamp=1e9), dict(clamp=1.5)]:
            r = evaluate(d, lambda s, kw=kw: GatedMean(K, **{**CHOSEN, **kw}), seeds=1)
            R["sensitivity"].append({"params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()},
                                     "manifest": r["manifest"]["uar"], "shuffled": r["shuffled"]["uar"], "single": r["single"]["uar"]})
        R["loco"] = loco_selection(d, grid)
        print("loco", R["loco"], flush=True)
        rows = list(csv.DictReader(open(os.path.join(CACHE, "index.csv"))))
        sys.path.insert(0, HERE)
        from data import make_split
        cfg = json.load(open(os.path.join(HERE, "config.json")))
        split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
        F_all = voice_features_all(os.path.join(CACHE, "calib", "voice_shape_all.npy"))
        R["voice"], vmean, vproj, Fv = voice_change_study(d, F_all, rows, split, VOICE["dims"])
        R["voice_end_to_end"] = voice_end_to_end(d, Fv, vmean, vproj, chosen, VOICE["threshold"])
        print("voice", R["voice_end_to_end"], flush=True)
        write_csharp_projection(a.csharp, vmean, vproj)
        write_golden(a.golden, d, vmean, vproj, a.dump)
        R["hidden"] = hidden_study(d, a.dump)
        print("hidden", R["hidden"], flush=True)
    json.dump(R, open(a.out_json, "w"), indent=1, default=float)
    write_md(a.out_md, R, d)
    print(f"wrote {a.out_md} and {a.out_json}")


def write_csharp_projection(path, mean, proj):
    """The voice-shape LDA (fitted on training speakers' audio only; model-independent) as C# constants."""
    def arr(v): return ",\n        ".join(", ".join(f"{x:.7g}f" for x in v[i:i + 6]) for i in range(0, len(v), 6))
    src = f"""// <auto-generated>
// Written by training/calibration.py (fit_voice_projection): linear discriminant directions of the voice shape
// (VoiceFeatures) over the {VF_BANDS}-band log-mel spectrum, fitted on the training speakers only. It depends on the
// audio, not on the emotion model, so a new model does not need a new table. Regenerate, don't edit.
// </auto-generated>
namespace OrpheusLive.Core.Calibration;

/// <summary>Projects a voice shape onto the directions in which voices differ most (within-voice variance 1).</summary>
internal static class VoiceProjection
{{
    /// <summary>Bands of the voice shape.</summary>
    public const int Bands = {VF_BANDS};

    /// <summary>Projected dimensions.</summary>
    public const int Dimensions = {proj.shape[1]};

    /// <summary>Mean voice shape of the training speakers (subtracted before projecting).</summary>
    public static ReadOnlySpan<float> Mean =>
    [
        {arr(mean)},
    ];

    /// <summary>Projection, row-major: <see cref="Bands"/> rows of <see cref="Dimensions"/>.</summary>
    public static ReadOnlySpan<float> Matrix =>
    [
        {arr(proj.reshape(-1))},
    ];
}}
"""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(src)


def golden_signal(n=48000):
    """A deterministic test voice: a 180 Hz glottal-like pulse train (43 harmonics falling 1/sqrt(k)) with a slow
    amplitude envelope and a vowel-like resonance around 700 Hz; the C# test builds the same signal."""
    t = np.arange(n) / VF_SR
    x = np.zeros(n)
    for k in range(1, 44):
        f = 180.0 * k
        x += np.sin(2 * np.pi * f * t) / np.sqrt(k) * (1.0 + 2.0 / (1.0 + ((f - 700.0) / 150.0) ** 2))
    env = 0.5 + 0.5 * np.sin(2 * np.pi * 1.5 * t)
    return 0.05 * x * env


def write_golden(path, d, vmean, vproj, dump):
    """Parity data for the C# component: a session of real windows (probabilities as the model gave them), the
    adapted probabilities Python computes for each, the final state, an enrolment, and the voice features of
    golden_signal()."""
    K = d.K
    idx = sessions(d, "shuffled", 7)[0][:40]
    raw = []
    with open(dump) as f:
        f.readline(); rows = list(csv.reader(f))[1:]
    by_clip = {}
    for r in rows:
        if float(r[4]) >= MIN_SPEECH_FRACTION:
            by_clip.setdefault(int(r[0]), []).append([float(x) for x in r[6:6 + K]])
    g = GatedMean(K, **CHOSEN)
    steps = []
    for c in idx:
        ws = by_clip.get(c, [])
        for p in ws:
            l = center(np.log(np.maximum(np.array(p), LOG_FLOOR)))
            out = softmax(g.adapt(l)); g.update(l, 1.0 / len(ws))
            steps.append({"probabilities": p, "weight": 1.0 / len(ws), "adapted": [float(v) for v in out]})
    state = {"weight": g.n, "mean": list(g.m), "mean_posterior": list(g.pm), "mean_entropy": g.hm, "gate": g.gate()}
    e = GatedMean(K, **CHOSEN)
    enrol_idx = sessions(d, "interleaved")[0][:6]
    clips = [{"label": d.labels[d.y[c]], "windows": by_clip[c]} for c in enrol_idx if c in by_clip]
    e.enrol([(np.array([center(np.log(np.maximum(np.array(p), LOG_FLOOR))) for p in cl["windows"]]), d.labels.index(cl["label"]))
             for cl in clips])
    x = golden_signal()
    shape = voice_shape(x)
    golden = {"labels": d.labels, "options": {**CHOSEN, "gate": list(CHOSEN["gate"])}, "log_floor": LOG_FLOOR,
              "steps": steps, "final_state": state,
              "enrolment": {"clips": clips, "class_bias": list(e.d), "weight": e.n},
              "voice": {"shape": list(shape), "projected": list((shape - vmean) @ vproj)}}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    json.dump(golden, open(path, "w"), default=float)


def pct(x): return f"{100 * x:.1f}"


def per_corpus(d):
    """Per-corpus UAR, per-clip vs the chosen method, manifest and shuffled order."""
    out = {}
    for order in ("manifest", "shuffled"):
        ss = sessions(d, order)
        pa, pb = replay(d, lambda s: GatedMean(d.K, **CHOSEN), ss), replay(d, lambda s: NoAdapt(), ss)
        out[order] = {c: {"per_clip": uar(pb[d.corpus == c], d.y[d.corpus == c], d.K), "chosen": uar(pa[d.corpus == c], d.y[d.corpus == c], d.K),
                          "speakers": int(len(set(d.spk[d.corpus == c]))), "clips": int((d.corpus == c).sum())} for c in sorted(set(d.corpus))}
    return out


def findings(R):
    """The summary at the top of calibration.md: targets against the chosen method's numbers."""
    base = R["methods"]["per-clip (no adaptation)"]
    c = R["methods"]["**gated shrunk mean (chosen)**"]
    e = R["enrol"]["chosen: gated mean + class bias (>= 3 emotions)"]
    b = base["manifest"]["uar"]
    lb = R["label_bounds"]
    def pts(x, ref=b): return f"{100 * (x - ref):+.1f}"
    L = ["## Findings\n",
         "| | per-clip | chosen | target |", "|---|---|---|---|",
         f"| `--session`, manifest order | {pct(b)} | {pct(c['manifest']['uar'])} ({pts(c['manifest']['uar'])}) | +5 (goal +10) |",
         f"| `--session`, shuffled order | {pct(b)} | {pct(c['shuffled']['uar'])} ({pts(c['shuffled']['uar'])}) | |",
         f"| single-emotion sessions | {pct(c['single']['base_uar'])} | {pct(c['single']['uar'])} ({pts(c['single']['uar'], c['single']['base_uar'])}; worst class {100 * c['single']['worst_class_delta']:+.1f}) | no loss |"]
    for n in (3, 6, 12):
        for o in ("manifest", "interleaved"):
            r = e[f"{o}_{n}"]
            L.append(f"| `--enrol {n}`, {o} order | {pct(r['base_uar'])} | {pct(r['uar'])} ({pts(r['uar'], r['base_uar'])}) | {'+8 (goal +15)' if n == 6 else ''} |")
    L += ["",
          "- **What works**: subtracting a shrunk running mean of the log-probabilities, *gated* by how many different "
          "emotions the session has shown. It keeps single-emotion sessions intact and gains on mixed sessions; the "
          "leave-one-corpus-out estimate of its tuning is within a point of the tuned numbers.",
          "- **What fails**: the plain running mean (the training report's 'session-adapted UAR', "
          f"{pts(R['oracle_session_mean_uar'])} non-causal) "
          "normalises a single-emotion session into other emotions and, in manifest order, each emotion block; "
          "EM re-estimation of the class prior latches onto early mistakes; a joint offset+prior EM over class "
          "templates cannot separate the classes in the 6-d output space; per-speaker normalisation of the model's "
          "embeddings gains less than the output-level mean and the speaker subspace overlaps the emotion directions "
          "(no model change is justified by it).",
          "- **Why the targets are not met**: even with every label known, one shared per-speaker offset of the "
          f"log-probabilities fitted on all of the speaker's clips and scored on them gains {pts(lb['best_shared_offset_uar'])} "
          f"points ({pct(lb['best_shared_offset_uar'])} %): the enrolment target is at the limit of what an offset can do "
          "when it is fitted in-sample, and 6 clips estimate it far less well. The larger per-speaker effects are "
          "emotion-specific (own-speaker class means, all labels, leave-one-clip-out: "
          f"{pct(lb['own_class_means_loo_uar'])} %), which an unlabelled session cannot reveal without "
          "assuming its emotion mix. In manifest order most speakers' clips come in blocks of one emotion, so "
          "early blocks look like single-emotion sessions (gate closed); the first N clips of an enrolment are then all "
          "one emotion, from which no per-emotion bias can be learnt (interleaved = the prompted `orpheus calibrate` case).",
          "- **Persistence is not calibration**: adding a fast session prior (row 'session prior while the gate is "
          "closed') raises manifest-order and single-emotion numbers by making the last minute's emotion likelier; "
          "it costs mixed sessions and duplicates the debouncer, so it is not the default.", ""]
    return L


def write_md(path, R, d):
    L = [f"# Personal calibration: measurements (issue 13)\n",
         f"Model `{R['model'].get('model')}` {R['model'].get('version')}, its per-window outputs dumped through the app's own "
         f"path (`OrpheusLive.Benchmarks dump-windows`); {d.n} validation clips of {len(d.speakers)} speakers the model never "
         f"heard. Regenerate: see the header of `training/calibration.py`. UAR pooled over all clips, as `orpheus eval`.\n",
         "Sessions: **manifest** = each speaker's clips in manifest order (for most corpora that is one emotion after "
         "another in blocks of 4–90 clips); **shuffled** = random order (mean of 3); **interleaved** = round-robin over "
         "the speaker's emotions; **single** = one session per speaker *and* emotion (117 sessions), compared with "
         "per-clip scoring of the same clips. The adapter starts fresh per session and is causal (scores a window, then learns from it).\n",
         f"Reference (not causal, needs the whole session): each speaker's mean log-probability subtracted = "
         f"{pct(R['oracle_session_mean_uar'])} % (the training report's \"session-adapted UAR\").\n",
         *findings(R),
         "## Unsupervised (`--session`)\n",
         "| method | manifest | shuffled | interleaved | single-emotion (per-clip) | worst class in single | per-speaker UAR sd (shuffled) |",
         "|---|---|---|---|---|---|---|"]
    for name, r in R["methods"].items():
        L.append(f"| {name} | {pct(r['manifest']['uar'])} | {pct(r['shuffled']['uar'])} | {pct(r['interleaved']['uar'])} | "
                 f"{pct(r['single']['uar'])} ({pct(r['single']['base_uar'])}) | {100 * r['single']['worst_class_delta']:+.1f} | "
                 f"{pct(r['shuffled']['spk_uar_sd'])} |")
    if "per_corpus" in R:
        L += ["", "Per corpus (per-clip → chosen), manifest / shuffled order:\n", "| corpus | speakers | clips | manifest | shuffled |", "|---|---|---|---|---|"]
        for c, m in R["per_corpus"]["manifest"].items():
            sh = R["per_corpus"]["shuffled"][c]
            L.append(f"| {c} | {m['speakers']} | {m['clips']} | {pct(m['per_clip'])} → {pct(m['chosen'])} | {pct(sh['per_clip'])} → {pct(sh['chosen'])} |")
    L += ["", "## Enrolment (`--enrol N`): the first N clips labelled, the rest scored (per-clip UAR of the same clips in brackets)\n",
          "| method | manifest N=3 | N=6 | N=12 | interleaved N=3 | N=6 | N=12 |", "|---|---|---|---|---|---|---|"]
    for name, r in R["enrol"].items():
        cells = [f"{pct(r[f'{o}_{n}']['uar'])} ({pct(r[f'{o}_{n}']['base_uar'])})" for o in ("manifest", "interleaved") for n in (3, 6, 12)]
        L.append(f"| {name} | " + " | ".join(cells) + " |")
    L += ["", "## Convergence (shuffled sessions): UAR of the clips at each position of the session\n",
          "| clips seen | per-clip | chosen | running mean |", "|---|---|---|---|"]
    for a, b in zip(R["convergence"]["chosen"], R["convergence"]["running mean"]):
        L.append(f"| {a['from']}–{a['to'] - 1 if a['to'] < 10000 else '…'} | {pct(a['per_clip'])} | {pct(a['adapted'])} | {pct(b['adapted'])} |")
    o = R["outlier"]
    L += ["", "## One loud moment\n",
          f"A burst of {o['chosen']['burst_windows']} windows of maximal shouting (the model certain of *angry*) after 10 clips of each shuffled session:",
          f"- chosen: the adapted log-probabilities of the next window move by at most {o['chosen']['max_logprob_move']:.3f} nats "
          f"(median {o['chosen']['median_logprob_move']:.3f}); accuracy on the next 10 clips {pct(o['chosen']['acc_next_clips_with_burst'])} % "
          f"with the burst vs {pct(o['chosen']['acc_next_clips_without'])} % without.",
          f"- running mean: at most {o['running mean']['max_logprob_move']:.3f} nats; {pct(o['running mean']['acc_next_clips_with_burst'])} % vs "
          f"{pct(o['running mean']['acc_next_clips_without'])} %.", ""]
    if "stream" in R:
        s = list(R["stream"].values())[0]
        L += ["## Live-like stream\n",
              f"Each speaker's clips joined into one recording (0.25 s gaps), 3 s windows every 1 s, speech windows only, "
              f"weight 1/3 per window: per-window UAR {pct(s['per_window_uar'])} % → {pct(s['uar'])} % with the chosen "
              f"adaptation ({s['windows']} windows, manifest order).\n"]
    if "loco" in R:
        lo = R["loco"]
        L += ["## Honest estimate of the tuning\n",
              "The gate and shrinkage were chosen on these speakers. Leave-one-corpus-out: for each corpus the grid point "
              "with the best shuffled UAR on the *other* corpora (keeping single-emotion sessions within 0.5 point of "
              f"per-clip there) scores the held-out corpus: manifest {pct(lo['manifest'])} %, shuffled {pct(lo['shuffled'])} %, "
              f"single-emotion {pct(lo['single'])} %.\n",
              "| params | manifest | shuffled | single |", "|---|---|---|---|"]
        for s in R["sensitivity"]:
            L.append(f"| {s['params']} | {pct(s['manifest'])} | {pct(s['shuffled'])} | {pct(s['single'])} |")
        L.append("")
    if "voice" in R:
        v = R["voice"]
        L += ["## Voice change\n",
              f"Voice shape (24-band log-mel long-term spectrum, level removed) → {v['dims']} LDA directions fitted on the "
              f"training speakers (between/within ratios {', '.join(f'{e:.2f}' for e in v['lda_eigen'])}); short-term mean "
              f"(4 windows) vs the voice's long-term mean (40). Pairs of validation speakers joined (A: 60 clips, B: 15):\n",
              "| A's order | threshold | false alarms per 100 windows of A | A sessions with a false alarm | change found within 10 windows of B | same corpus: hit | gender change: hit | same gender: hit |",
              "|---|---|---|---|---|---|---|---|"]
        for r in v["rows"]:
            L.append(f"| {r['order']} | {r['threshold']} | {r['all']['false_alarm_per_100_windows']:.1f} | {pct(r['all']['sessions_with_false_alarm'])} % | "
                     f"{pct(r['all']['hit_within_10'])} % (median {r['all']['median_delay']:.0f}) | {pct(r['same_corpus']['hit_within_10'])} % | "
                     f"{pct(r['gender_change']['hit_within_10'])} % | {pct(r['same_gender']['hit_within_10'])} % |")
        e = R["voice_end_to_end"]
        L += ["", f"End to end (A 40 clips then B 40 clips, UAR on B's clips): no reset {pct(e['none'])} %, detector + soft reset "
              f"{pct(e['detector'])} %, soft reset exactly at the change {pct(e['oracle_soft'])} %, fresh adapter for B {pct(e['fresh'])} %. "
              f"False alarms on single-speaker manifest sessions: {e['manifest_false_alarms_per_100_windows']:.1f} per 100 windows; "
              f"manifest UAR with the detector running {pct(e['manifest_with_detector_uar'])} %.\n"]
    if R.get("hidden"):
        h = R["hidden"]
        L += ["## Embedding-level normalisation (research copy of the model with its 7 × 128-d hidden vectors as outputs)\n",
              f"Per-clip UAR recomputed from the hidden vectors: {pct(h['per_clip_from_hidden'])} % (matches).\n",
              "| method | emotion energy inside the speaker subspace | manifest | shuffled | single (per-clip) |", "|---|---|---|---|---|"]
        for r in h["rows"]:
            sh = "–" if r["emotion_energy_in_subspace"] is None else f"{100 * r['emotion_energy_in_subspace']:.0f} %"
            L.append(f"| {r['method']} | {sh} | {pct(r['manifest'])} | {pct(r['shuffled'])} | {pct(r['single'])} ({pct(r['single_base'])}) |")
        L.append("")
    else:
        L += ["## Embedding-level normalisation\n",
              "Not run for this model (it needs the research copy with hidden outputs, step 6b of training/README.md); "
              "model 1.2.0's study is in `calibration_v1.2.0.md`.\n"]
    open(path, "w").write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
