#!/usr/bin/env python3
"""Step 4: write the VALIDATION-speaker clips (6 classes) as 16-bit 16 kHz mono WAV files for the C#
`orpheus eval --manifest training/.cache/evalset/manifest.csv` command.

Output: training/.cache/evalset/<corpus>/<original name>.wav + manifest.csv (path,label,speaker,corpus),
paths relative to the manifest's folder. Same speaker split as train.py (config.json val_frac/split_seed).
Usage: /usr/bin/python3 training/make_eval_set.py
"""
import csv, json, os, sys, wave
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS, SR
from data import CACHE, load_index, load_audio, make_split

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    cfg = json.load(open(os.path.join(HERE, "config.json")))
    rows = load_index(); audio = load_audio()
    split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    out_dir = os.path.join(CACHE, "evalset"); os.makedirs(out_dir, exist_ok=True)
    n = 0
    with open(os.path.join(out_dir, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f); w.writerow(["path", "label", "speaker", "corpus"])
        for r in rows:
            if split[r["speaker"]] != "val" or r["label"] not in LABELS:
                continue
            rel = os.path.join(r["corpus"], r["speaker"].replace(":", "_") + "__" +
                               os.path.splitext(os.path.basename(r["path"]))[0] + ".wav")
            os.makedirs(os.path.join(out_dir, r["corpus"]), exist_ok=True)
            o, l = int(r["offset"]), int(r["length"])
            with wave.open(os.path.join(out_dir, rel), "wb") as wf:
                wf.setnchannels(1); wf.setsampwidth(2); wf.setframerate(SR)
                wf.writeframes(np.asarray(audio[o:o + l]).astype("<i2").tobytes())
            w.writerow([rel, r["label"], r["speaker"], r["corpus"]]); n += 1
    print(f"wrote {n} validation clips to {out_dir}/manifest.csv")


if __name__ == "__main__":
    main()
