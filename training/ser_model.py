"""OrpheusLive speech-emotion model: hybrid waveform (wav2vec2-style) + log-mel CNN.

The network takes the raw waveform [B, 48000] (16 kHz, 3 s, samples in [-1, 1]) and computes
everything else inside (per-window gain normalisation, STFT as a Conv1d with fixed DFT kernels,
mel filterbank as a MatMul, per-band CMVN), so the exported ONNX needs only the waveform.
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

SR = 16000
WIN = 48000
LABELS = ["neutral", "happy", "sad", "angry", "fearful", "surprised"]


def mel_filterbank(n_freqs, n_mels, sr, f_min=0.0, f_max=None):
    """HTK-mel triangular filters, [n_freqs, n_mels] (same as torchaudio melscale_fbanks, norm=None)."""
    f_max = f_max or sr / 2
    all_freqs = torch.linspace(0, sr // 2, n_freqs)
    m = lambda f: 2595.0 * math.log10(1.0 + f / 700.0)
    m_pts = torch.linspace(m(f_min), m(f_max), n_mels + 2)
    f_pts = 700.0 * (10 ** (m_pts / 2595.0) - 1.0)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts.unsqueeze(0) - all_freqs.unsqueeze(1)
    down = -slopes[:, :-2] / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return torch.clamp(torch.min(down, up), min=0.0)


class WaveNorm(nn.Module):
    """Per-window DC removal + RMS normalisation (gain invariance)."""
    def forward(self, x):
        x = x - x.mean(dim=-1, keepdim=True)
        return x / torch.sqrt((x * x).mean(dim=-1, keepdim=True) + 1e-8).clamp_min(1e-4)


class LogMel(nn.Module):
    """STFT via Conv1d with fixed Hann-windowed DFT kernels + mel MatMul + log + per-band CMVN."""
    def __init__(self, n_fft=400, hop=320, n_mels=64, cmvn="global"):
        super().__init__()
        self.cmvn = cmvn
        n_freqs = n_fft // 2 + 1
        n = torch.arange(n_fft).float()
        k = torch.arange(n_freqs).float()
        win = 0.5 - 0.5 * torch.cos(2 * math.pi * n / n_fft)  # periodic Hann
        ang = 2 * math.pi * k[:, None] * n[None, :] / n_fft
        kern = torch.cat([torch.cos(ang) * win, -torch.sin(ang) * win], 0).unsqueeze(1)  # [2F,1,n_fft]
        self.register_buffer("dft", kern)
        self.register_buffer("mel", mel_filterbank(n_freqs, n_mels, SR))  # [F, M]
        self.hop, self.n_freqs = hop, n_freqs

    def forward(self, x):  # x [B, T] (already RMS-normalised)
        y = F.conv1d(x.unsqueeze(1), self.dft, stride=self.hop)       # [B, 2F, frames]
        re, im = y[:, : self.n_freqs], y[:, self.n_freqs:]
        p = re * re + im * im                                           # [B, F, frames]
        m = torch.matmul(p.transpose(1, 2), self.mel)                   # [B, frames, M]
        m = torch.log(m + 1e-3)
        # per-window normalisation: 'global' = one mean/std over all bands and frames (keeps the spectral
        # envelope/tilt, an arousal cue); 'band' = per-mel-band CMVN over time (removes it)
        dims = (1, 2) if self.cmvn == "global" else (1,)
        mu = m.mean(dim=dims, keepdim=True)
        sd = torch.sqrt(((m - mu) ** 2).mean(dim=dims, keepdim=True) + 1e-5)
        return ((m - mu) / sd).transpose(1, 2)                          # [B, M, frames]


def stats_pool(h):  # h [B, C, T] -> [B, 2C]
    mu = h.mean(dim=-1)
    sd = torch.sqrt(((h - mu.unsqueeze(-1)) ** 2).mean(dim=-1) + 1e-5)
    return torch.cat([mu, sd], dim=1)


class ChanLN(nn.Module):
    """LayerNorm over channels for [B, C, T] (wav2vec2 'layer_norm' feature-extractor mode)."""
    def __init__(self, c):
        super().__init__()
        self.ln = nn.LayerNorm(c)

    def forward(self, x):
        return self.ln(x.transpose(1, 2)).transpose(1, 2)


class WaveBranch(nn.Module):
    """wav2vec2-style: strided 1-D conv feature encoder on the raw waveform + small transformer."""
    def __init__(self, c0=64, d=96, layers=2, heads=4, ff=192, dropout=0.1, n_down=3, norm_groups=1):
        super().__init__()
        # per-window normalisation of the first conv: norm_groups=c0 is wav2vec2's per-channel 'group_norm'
        # (removes each filter's energy = spectral envelope); 1 = one mean/var per window (keeps it)
        fe = [nn.Conv1d(1, c0, 400, stride=160, bias=False), nn.GroupNorm(norm_groups, c0), nn.GELU()]
        cin = c0
        for _ in range(n_down):  # each halves the frame rate: 100 Hz -> 12.5 Hz (38 frames per 3 s) for n_down=3
            fe += [nn.Conv1d(cin, d, 3, stride=2, padding=1, bias=False), ChanLN(d), nn.GELU()]
            cin = d
        self.fe = nn.Sequential(*fe)
        self.ln = nn.LayerNorm(d)
        self.pos = nn.Conv1d(d, d, 15, padding=7, groups=d)  # convolutional relative positions (as wav2vec2)
        layer = nn.TransformerEncoderLayer(d, heads, ff, dropout, activation="gelu", batch_first=True,
                                           norm_first=True)
        self.tf = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out_dim = 2 * d

    def forward(self, x):  # x [B, T]
        h = self.fe(x.unsqueeze(1))                 # [B, d, ~75]
        h = self.ln(h.transpose(1, 2))
        h = h + F.gelu(self.pos(h.transpose(1, 2))).transpose(1, 2)
        h = self.tf(h)
        return stats_pool(h.transpose(1, 2))


class PretrainedW2V2Branch(nn.Module):
    """Optional: torchaudio wav2vec2 (base architecture) with user-supplied weights (state_dict file).

    Only used with --w2v2-checkpoint PATH; no weights are available on the build machine.
    """
    def __init__(self, ckpt_path, n_layers=4, freeze_fe=True):
        super().__init__()
        import torchaudio
        self.m = torchaudio.models.wav2vec2_base()
        sd = torch.load(ckpt_path, map_location="cpu")
        if isinstance(sd, dict) and "state_dict" in sd:
            sd = sd["state_dict"]
        missing, unexpected = self.m.load_state_dict(sd, strict=False)
        print(f"[w2v2] loaded {ckpt_path}: missing={len(missing)} unexpected={len(unexpected)}")
        self.m.encoder.transformer.layers = self.m.encoder.transformer.layers[:n_layers]
        if freeze_fe:
            for p in self.m.feature_extractor.parameters():
                p.requires_grad = False
        self.out_dim = 2 * 768

    def forward(self, x):
        h, _ = self.m(x)                            # [B, frames, 768]
        return stats_pool(h.transpose(1, 2))


class MelBranch(nn.Module):
    """2-D CNN on 64-bin log-mel (16-32-64 channels + pooling)."""
    def __init__(self, n_mels=64, chans=(16, 32, 64), spec_aug=True, cmvn="global", band_stats=False):
        super().__init__()
        self.logmel = LogMel(n_mels=n_mels, cmvn=cmvn)
        self.band_stats = band_stats  # also pass per-band mean/std over time (utterance statistics) to the head
        layers, cin = [], 1
        for c in chans:
            layers += [nn.Conv2d(cin, c, 3, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU(), nn.MaxPool2d(2)]
            cin = c
        self.cnn = nn.Sequential(*layers)
        self.spec_aug = spec_aug
        self.out_dim = 2 * cin + (2 * n_mels if band_stats else 0)

    def _mask(self, m):
        B, M, T = m.shape
        dev = m.device
        for _ in range(2):
            f0 = torch.randint(0, M, (B, 1, 1), device=dev); fw = torch.randint(0, 9, (B, 1, 1), device=dev)
            fi = torch.arange(M, device=dev).view(1, M, 1)
            m = m.masked_fill((fi >= f0) & (fi < f0 + fw), 0.0)
            t0 = torch.randint(0, T, (B, 1, 1), device=dev); tw = torch.randint(0, 16, (B, 1, 1), device=dev)
            ti = torch.arange(T, device=dev).view(1, 1, T)
            m = m.masked_fill((ti >= t0) & (ti < t0 + tw), 0.0)
        return m

    def forward(self, x):
        m = self.logmel(x)
        st = stats_pool(m) if self.band_stats else None
        if self.training and self.spec_aug:
            m = self._mask(m)
        h = self.cnn(m.unsqueeze(1))      # [B, C, M', T']
        h = stats_pool(h.mean(dim=2))     # mean over frequency, stats over time
        return h if st is None else torch.cat([h, st], dim=1)


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lam):
        ctx.lam = lam
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        return -ctx.lam * g, None


class SERNet(nn.Module):
    def __init__(self, branches="hybrid", n_classes=6, n_adv=0, emb=128, dropout=0.3, w2v2_ckpt=None, cfg=None,
                 n_aux=0):
        super().__init__()
        cfg = cfg or {}
        self.norm = WaveNorm()
        self.wave = self.mel = None
        dim = 0
        if branches in ("hybrid", "wave"):
            self.wave = PretrainedW2V2Branch(w2v2_ckpt) if w2v2_ckpt else WaveBranch(**cfg.get("wave", {}))
            dim += self.wave.out_dim
        if branches in ("hybrid", "mel"):
            self.mel = MelBranch(**cfg.get("mel", {}))
            dim += self.mel.out_dim
        self.fuse = nn.Sequential(nn.LayerNorm(dim), nn.Dropout(dropout), nn.Linear(dim, emb), nn.GELU())
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(emb, n_classes))
        # adversaries (gradient reversal) e.g. corpus and speaker classifiers; training only, not exported
        n_adv = [n_adv] if isinstance(n_adv, int) else list(n_adv or [])
        self.advs = nn.ModuleList([nn.Sequential(nn.Linear(emb, 64), nn.ReLU(), nn.Linear(64, n)) for n in n_adv if n])
        # auxiliary head (e.g. BAVED arousal level), training only, not exported
        self.aux = nn.Sequential(nn.Dropout(dropout), nn.Linear(emb, n_aux)) if n_aux else None
        self.export_probs = False

    def embed(self, x):
        x = self.norm(x)
        feats = []
        if self.wave is not None:
            feats.append(self.wave(x))
        if self.mel is not None:
            feats.append(self.mel(x))
        return self.fuse(torch.cat(feats, dim=1))

    def forward(self, x, adv_lambda=0.0):
        e = self.embed(x)
        logits = self.head(e)
        if self.export_probs:
            return torch.softmax(logits, dim=-1)
        if self.training and (len(self.advs) or self.aux is not None):
            r = GradReverse.apply(e, adv_lambda)
            return logits, [a(r) for a in self.advs], (self.aux(e) if self.aux is not None else None)
        return logits


def count_macs(model, n=WIN):
    """Multiply-accumulates per window for Conv/Linear/MatMul/attention (hooks; BN/activations ignored).
    Works on any module; for SERNet the functional log-mel front end is added too."""
    macs = [0]
    hooks = []

    def conv_hook(m, i, o):
        k = m.weight[0].numel()  # (cin/groups)*k...
        macs[0] += o.numel() * k

    def lin_hook(m, i, o):
        macs[0] += o.numel() * m.in_features

    def mha_hook(m, i, o):
        q = i[0]
        B, T, D = q.shape
        macs[0] += 4 * B * T * D * D + 2 * B * T * T * D

    for mod in model.modules():
        if isinstance(mod, (nn.Conv1d, nn.Conv2d)):
            hooks.append(mod.register_forward_hook(conv_hook))
        elif isinstance(mod, nn.Linear) and not isinstance(mod, nn.modules.linear.NonDynamicallyQuantizableLinear):
            hooks.append(mod.register_forward_hook(lin_hook))
        elif isinstance(mod, nn.MultiheadAttention):
            hooks.append(mod.register_forward_hook(mha_hook))
    was = model.training
    model.eval()
    with torch.enable_grad():  # grad on: avoids the fused TransformerEncoder fast path (hooks must fire)
        x = torch.randn(1, n) * 0.1
        model(x)
        # fixed DFT conv + mel matmul are functional calls: add them explicitly (SERNet only)
        if getattr(model, "mel", None) is not None and hasattr(model.mel, "logmel"):
            lm = model.mel.logmel
            frames = (n - lm.dft.shape[-1]) // lm.hop + 1
            macs[0] += frames * lm.dft.shape[0] * lm.dft.shape[-1] + frames * lm.mel.numel()
    for h in hooks:
        h.remove()
    model.train(was)
    return macs[0]
