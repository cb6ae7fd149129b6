#!/usr/bin/env python3
"""A measurement, not a shipped stage: online single-channel WPE dereverberation (weighted prediction error with a
recursive-least-squares update, as in Caroselli et al. 2017 and nara_wpe's OnlineWPE) over a condition set of
make_condition_sets.py, written as another set with the same manifest, for `orpheus eval` to score through the app
(which then noise-suppresses it as live). STFT 512/128 at 16 kHz (sqrt-Hann, perfect reconstruction), per bin a
prediction filter of --taps frames --delay frames back, forgetting factor --alpha. Each clip is heard --passes times and
the last pass is written: the filter has converged on the room, as it would live (eval primes the noise suppressor the
same way). Results: training/results/conditions.md, "Dereverberation in front of the model".

Usage: /usr/bin/python3 training/wpe_condition.py training/.cache/conditions/room training/.cache/conditions/room_wpe
       [--taps 10] [--delay 3] [--alpha 0.99] [--passes 2] [--power input|output] [--shard 0/2]   (~6 min for 1990 clips with 2 shards)"""
import argparse, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from condition_transform import transform_set

N_FFT, HOP = 512, 128
WIN = np.sqrt(np.hanning(N_FFT + 1)[:-1])  # sqrt-Hann analysis and synthesis: perfect reconstruction at 75 % overlap


def stft(x):
    pad = np.concatenate([np.zeros(N_FFT - HOP), x, np.zeros(N_FFT)])
    n = (len(pad) - N_FFT) // HOP + 1
    frames = np.stack([pad[i * HOP:i * HOP + N_FFT] * WIN for i in range(n)])
    return np.fft.rfft(frames, axis=1)


def istft(X, length):
    frames = np.fft.irfft(X, n=N_FFT, axis=1) * WIN
    out = np.zeros((len(X) - 1) * HOP + N_FFT)
    for i, f in enumerate(frames):
        out[i * HOP:i * HOP + N_FFT] += f
    out /= (WIN ** 2).sum() / HOP
    return out[N_FFT - HOP:N_FFT - HOP + length]


class OnlineWpe:
    def __init__(self, bins, taps, delay, alpha, power="input"):
        self.K, self.D, self.alpha, self.power_from = taps, delay, alpha, power
        self.Rinv = np.tile(np.eye(taps, dtype=complex), (bins, 1, 1)) * 1e2
        self.g = np.zeros((bins, taps), complex)
        self.hist = np.zeros((bins, taps + delay), complex)  # newest first
        self.power = None

    def step(self, X):
        xt = self.hist[:, self.D:self.D + self.K]  # X_{t-D} ... X_{t-D-K+1}
        Y = X - np.einsum("bk,bk->b", self.g.conj(), xt)
        # The desired signal's power: of the input, or of this frame dereverberated by the filter so far (a priori),
        # which leaves out the late reverberation the filter already predicts.
        p = np.abs(X if self.power_from == "input" else Y) ** 2
        self.power = p if self.power is None else 0.5 * self.power + 0.5 * p
        lam = np.maximum(self.power, 1e-10)
        Rx = np.einsum("bij,bj->bi", self.Rinv, xt)
        den = self.alpha * lam + np.einsum("bi,bi->b", xt.conj(), Rx).real
        k = Rx / den[:, None]
        self.Rinv = (self.Rinv - np.einsum("bi,bj->bij", k, np.einsum("bi,bij->bj", xt.conj(), self.Rinv))) / self.alpha
        self.g = self.g + k * Y.conj()[:, None]
        self.hist = np.roll(self.hist, 1, axis=1)
        self.hist[:, 0] = X
        return Y


def process(x, args):
    X = stft(x)
    w = OnlineWpe(X.shape[1], args.taps, args.delay, args.alpha, args.power)
    for _ in range(args.passes - 1):
        for t in range(len(X)):
            w.step(X[t])
    Y = np.stack([w.step(X[t]) for t in range(len(X))])
    return istft(Y, len(x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("dst")
    ap.add_argument("--taps", type=int, default=10); ap.add_argument("--delay", type=int, default=3)
    ap.add_argument("--alpha", type=float, default=0.99); ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--power", choices=["input", "output"], default="input")
    ap.add_argument("--limit", type=int, default=0); ap.add_argument("--shard", default="0/1")
    args = ap.parse_args()
    transform_set(args.src, args.dst, lambda x: process(x, args), args.shard, args.limit)


if __name__ == "__main__":
    main()
