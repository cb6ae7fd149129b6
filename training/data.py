"""Cached audio, label mapping, speaker-grouped split, microphone-like augmentation."""
import csv, json, math, os
import numpy as np
import torch

from ser_model import LABELS, WIN, SR

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, ".cache")
CAT_CORPORA = ["ravdess", "nemo", "ased", "emodb", "urdu", "turevdb", "korean_emotiontts"]


def load_index():
    with open(os.path.join(CACHE, "index.csv"), newline="") as f:
        return list(csv.DictReader(f))


def load_audio():
    return np.load(os.path.join(CACHE, "audio_i16.npy"), mmap_mode="r")


def make_split(rows, val_frac=0.2, seed=1234):
    """Speaker-grouped split, stratified by corpus: every corpus gets >=1 validation speaker.

    Within a corpus, speakers are shuffled (seeded) and ~val_frac of them (rounded, at least 1, and
    alternating genders when known) go to validation. Returns {speaker: 'train'|'val'}.
    """
    rng = np.random.RandomState(seed)
    by_corpus = {}
    for r in rows:
        by_corpus.setdefault(r["corpus"], {})[r["speaker"]] = r["gender"]
    split = {}
    for corpus in sorted(by_corpus):
        spk = sorted(by_corpus[corpus])
        rng.shuffle(spk)
        n_val = max(1, int(round(val_frac * len(spk))))
        # prefer a gender mix among validation speakers
        males = [s for s in spk if by_corpus[corpus][s] == "M"]
        females = [s for s in spk if by_corpus[corpus][s] == "F"]
        other = [s for s in spk if by_corpus[corpus][s] not in ("M", "F")]
        val, pools, i = [], [females, males, other], 0
        while len(val) < n_val:
            pool = pools[i % 3]
            if pool:
                val.append(pool.pop(0))
            i += 1
        for s in spk:
            split[s] = "val" if s in val else "train"
    return split


def select(rows, split, labels=LABELS):
    lab = {l: i for i, l in enumerate(labels)}
    tr, va = [], []
    for r in rows:
        if r["label"] not in lab:
            continue
        item = (int(r["offset"]), int(r["length"]), lab[r["label"]], r["corpus"], r["speaker"])
        (va if split[r["speaker"]] == "val" else tr).append(item)
    return tr, va


def select_baved(rows, split):
    """BAVED training clips with their arousal level (0 low, 1 mid, 2 high) for the auxiliary head."""
    lv = {"arousal_low": 0, "arousal_mid": 1, "arousal_high": 2}
    return [(int(r["offset"]), int(r["length"]), lv[r["label"]], r["corpus"], r["speaker"]) for r in rows
            if r["corpus"] == "baved" and split[r["speaker"]] == "train" and r["label"] in lv]


def sample_weights(items, n_classes, corpus_power=0.5):
    """Per-clip sampling weights: uniform class marginal; within a class, corpora ~ n_corpus**power."""
    cell, corp = {}, {}
    for _, _, y, c, _ in items:
        cell[(c, y)] = cell.get((c, y), 0) + 1
        corp[c] = corp.get(c, 0) + 1
    w = np.array([corp[c] ** corpus_power / cell[(c, y)] for _, _, y, c, _ in items], dtype=np.float64)
    ys = np.array([it[2] for it in items])
    for k in range(n_classes):
        m = ys == k
        if m.any():
            w[m] /= w[m].sum()
    return w / w.sum()


def crop_eval(audio, off, length):
    """Deterministic 3 s window for evaluation: centre crop, or centre zero-pad if shorter."""
    x = np.zeros(WIN, np.float32)
    if length >= WIN:
        s = off + (length - WIN) // 2
        x[:] = audio[s:s + WIN] / 32768.0
    else:
        p = (WIN - length) // 2
        x[p:p + length] = audio[off:off + length] / 32768.0
    return x


def crop_train(audio, off, length, rng, speed_p=0.5, speed=(0.88, 1.12)):
    """Random 3 s crop (random placement with zero-padding if shorter) + optional speed perturbation."""
    r = rng.uniform(*speed) if rng.rand() < speed_p else 1.0
    need = int(round(WIN * r))
    seg = np.zeros(need, np.float32)
    if length >= need:
        s = off + rng.randint(0, length - need + 1)
        seg[:] = audio[s:s + need] / 32768.0
    else:
        p = rng.randint(0, need - length + 1)
        seg[p:p + length] = audio[off:off + length] / 32768.0
    if need != WIN:  # resample (changes tempo and pitch together)
        t = np.linspace(0, need - 1, WIN)
        seg = np.interp(t, np.arange(need), seg).astype(np.float32)
    return seg


class MicAugment:
    """Batched, frequency-domain microphone simulation (one FFT per batch):
    synthetic exponential-decay reverb, random band-limiting (high/low-pass), smooth random EQ,
    coloured additive noise at random SNR, babble from another clip, random gain + clipping."""

    def __init__(self, seed=0, p_reverb=0.4, p_band=0.5, p_eq=0.5, p_noise=0.8, p_babble=0.15,
                 snr=(3.0, 30.0), babble_snr=(5.0, 20.0), gain_db=(-20.0, 6.0), p_clip=0.1):
        self.g = torch.Generator().manual_seed(seed)
        self.__dict__.update(dict(p_reverb=p_reverb, p_band=p_band, p_eq=p_eq, p_noise=p_noise,
                                  p_babble=p_babble, snr=snr, babble_snr=babble_snr, gain_db=gain_db,
                                  p_clip=p_clip))
        self.N = 1 << 16
        self.freqs = torch.fft.rfftfreq(self.N, 1.0 / SR)

    def u(self, n, lo, hi):
        return lo + (hi - lo) * torch.rand(n, generator=self.g)

    def b(self, n, p):
        return torch.rand(n, generator=self.g) < p

    @torch.no_grad()
    def __call__(self, x):  # x [B, WIN]
        B, T = x.shape
        N, f = self.N, self.freqs
        F_ = f.numel()
        X = torch.fft.rfft(x, N)
        # reverb (only rows that get it): IR = direct path + exponentially decaying noise tail
        rv = self.b(B, self.p_reverb).nonzero().flatten()
        if len(rv):
            L = SR // 2  # 0.5 s tail
            t = torch.arange(L) / SR
            rt60 = self.u(len(rv), 0.15, 0.9)
            ir = torch.randn(len(rv), L, generator=self.g) * torch.exp(-6.9 * t[None] / rt60[:, None])
            ir[:, : int(0.002 * SR)] = 0
            drr = 10 ** (self.u(len(rv), -3.0, 12.0) / 20)  # direct-to-reverberant ratio
            ir = ir / ir.norm(dim=1, keepdim=True) / drr[:, None]
            ir[:, 0] = 1.0
            X[rv] = X[rv] * torch.fft.rfft(ir, N)
        # band-limiting with raised-cosine roll-offs
        bl = self.b(B, self.p_band).nonzero().flatten()
        if len(bl):
            n = len(bl)
            lp = self.u(n, 2500.0, 7800.0)[:, None]; lw = self.u(n, 200.0, 1500.0)[:, None]
            hp = self.u(n, 40.0, 400.0)[:, None]; hw = self.u(n, 20.0, 200.0)[:, None]
            up = ((f[None] - (hp - hw)) / hw).clamp(0, 1)
            dn = (((lp + lw) - f[None]) / lw).clamp(0, 1)
            X[bl] = X[bl] * ((0.5 - 0.5 * torch.cos(math.pi * up)) * (0.5 - 0.5 * torch.cos(math.pi * dn)))
        # smooth random EQ (+-6 dB, 8 knots on a log-frequency axis)
        eq = self.b(B, self.p_eq).nonzero().flatten()
        if len(eq):
            knots = self.u(len(eq) * 8, -6.0, 6.0).view(len(eq), 8)
            pos = (torch.log2(f.clamp_min(50.0) / 50.0) / math.log2(8000 / 50.0) * 7).clamp(0, 7)
            i0 = pos.floor().long().clamp(max=6); fr = pos - i0
            curve = knots[:, i0] * (1 - fr) + knots[:, i0 + 1] * fr
            X[eq] = X[eq] * (10 ** (curve / 20))
        # additive coloured noise (1/f^beta, beta in [0,2]) at random SNR, added in the frequency domain;
        # powers via Parseval over the 3 s window
        nz = self.b(B, self.p_noise).nonzero().flatten()
        if len(nz):
            n = len(nz)
            sig_pow = torch.fft.irfft(X[nz], N)[:, :T].pow(2).mean(1).clamp_min(1e-10)
            beta = self.u(n, 0.0, 2.0)[:, None]
            shape = (f.clamp_min(20.0)[None] / 1000.0) ** (-beta / 2)
            spec = torch.complex(torch.randn(n, F_, generator=self.g), torch.randn(n, F_, generator=self.g)) * shape
            n_pow = 2 * spec.abs().pow(2).sum(1) / (N * N)  # ~mean power of irfft(spec, N)
            snr = self.u(n, *self.snr)
            X[nz] = X[nz] + spec * torch.sqrt(sig_pow / n_pow / 10 ** (snr / 10))[:, None]
        y = torch.fft.irfft(X, N)[:, :T]
        bb = self.b(B, self.p_babble)
        if bb.any() and B > 1:
            sig_rms = y.pow(2).mean(1).sqrt().clamp_min(1e-5)
            other = torch.roll(y, 1, 0)
            snr = self.u(B, *self.babble_snr)
            y = y + other * (sig_rms / torch.roll(sig_rms, 1, 0) / 10 ** (snr / 20) * bb)[:, None]
        # gain + occasional clipping
        g = 10 ** (self.u(B, *self.gain_db) / 20)
        y = y * g[:, None]
        cl = self.b(B, self.p_clip)
        if cl.any():
            lim = self.u(B, 0.05, 0.5)[:, None] * y.abs().amax(1, keepdim=True)
            y = torch.where(cl[:, None], torch.maximum(torch.minimum(y, lim), -lim), y)
        return y.clamp(-1.0, 1.0)
