#!/usr/bin/env python3
"""Step 1: decode every clip of the SER manifest once into a cached numpy file.

Output (training/.cache/):
  audio_i16.npy   all clips concatenated, int16 PCM at 16 kHz
  index.csv       manifest rows + offset,length (samples) into audio_i16.npy
Usage: /usr/bin/python3 training/prepare.py [--data /work/shared/ser] [--jobs 2]
"""
import argparse, csv, os, sys, time
from multiprocessing import Pool
import numpy as np
import soundfile as sf

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, ".cache")


def decode(args):
    root, rel = args
    x, sr = sf.read(os.path.join(root, rel), dtype="float32", always_2d=True)
    x = x.mean(axis=1)
    if sr != 16000:
        raise RuntimeError(f"{rel}: sr={sr}")
    return np.clip(np.round(x * 32767.0), -32768, 32767).astype(np.int16)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/ser")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(a.data, "manifest.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    t0 = time.time()
    with Pool(a.jobs) as p:
        waves = p.map(decode, [(a.data, r["path"]) for r in rows], chunksize=32)
    lens = np.array([len(w) for w in waves], dtype=np.int64)
    offs = np.concatenate([[0], np.cumsum(lens)[:-1]])
    np.save(os.path.join(CACHE, "audio_i16.npy"), np.concatenate(waves))
    cols = list(rows[0].keys()) + ["offset", "length"]
    with open(os.path.join(CACHE, "index.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r, o, l in zip(rows, offs, lens):
            r = dict(r); r["offset"] = int(o); r["length"] = int(l); w.writerow(r)
    print(f"decoded {len(rows)} clips, {lens.sum()/16000/3600:.2f} h in {time.time()-t0:.0f} s -> {CACHE}")


if __name__ == "__main__":
    main()
