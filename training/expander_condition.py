#!/usr/bin/env python3
"""A measurement, not a shipped stage: a downward expander over a condition set of make_condition_sets.py, written as
another set with the same manifest, for `orpheus eval` to score through the app (which then noise-suppresses it as
live). The room condition's largest cost is a microphone's automatic gain control raising the noise between words
(training/results/conditions.md, "What the room condition is made of"); the expander pushes 10 ms frames that fall more
than --below dB under the running speech peak (release ~2 s) further down at --ratio, at most 30 dB, with a gain that
falls in ~30 ms and recovers in ~10 ms. Results: training/results/conditions.md, "Dereverberation in front of the model".

Usage: /usr/bin/python3 training/expander_condition.py training/.cache/conditions/room training/.cache/conditions/room_exp
       [--below 25] [--ratio 2]   (seconds for 1990 clips)"""
import argparse, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from condition_transform import transform_set

FRAME = 160  # 10 ms at 16 kHz
PEAK_RELEASE = np.exp(-1 / 200.0)  # the running peak falls back over ~2 s of frames
GAIN_FALL, GAIN_RISE = np.exp(-1 / 3.0), np.exp(-1 / 1.0)


def expand(x, below, ratio):
    n = len(x) // FRAME
    level = 10 * np.log10((x[:n * FRAME].reshape(n, FRAME) ** 2).mean(1) + 1e-10)
    peak, gain, gains = -60.0, 0.0, np.zeros(n)
    for i, l in enumerate(level):
        peak = l if l > peak else PEAK_RELEASE * peak + (1 - PEAK_RELEASE) * l
        threshold = peak - below
        want = max(-30.0, (l - threshold) * (ratio - 1)) if l < threshold else 0.0
        a = GAIN_FALL if want < gain else GAIN_RISE
        gain = a * gain + (1 - a) * want
        gains[i] = gain
    y = x.copy()
    y[:n * FRAME] *= np.repeat(10 ** (gains / 20), FRAME)
    return y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("dst")
    ap.add_argument("--below", type=float, default=25.0); ap.add_argument("--ratio", type=float, default=2.0)
    args = ap.parse_args()
    transform_set(args.src, args.dst, lambda x: expand(x, args.below, args.ratio))


if __name__ == "__main__":
    main()
