#!/usr/bin/env python3
"""Augmented training windows for the speech-embedding heads: the frozen features are computed once, so the
microphone simulation has to happen before them. For every training clip (labelled, training speaker) this writes
COPIES random 3 s crops with speed perturbation and the same MicAugment settings train.py uses (config.json);
oww_embed.js then turns them into embeddings and train_oww.py --aug mixes them into training.

Usage: /usr/bin/python3 training/oww_augment.py [--copies 2]
       NODE_PATH=training/.cache/ortnode/node_modules node training/oww_embed.js 2 aug
   or, with real music and the room/microphone simulation of acoustics.py (config_robust.json's room_music):
       /usr/bin/python3 training/oww_augment.py --copies 4 --set augrm --config training/config_robust.json
       NODE_PATH=training/.cache/ortnode/node_modules node training/oww_embed.js 1 augrm 2
Writes training/.cache/<set>_i16.npy (int16 windows, back to back) and <set>_index.csv (offset, length, src = index.csv row).
"""
import argparse, csv, json, os, sys
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS, WIN
from data import CACHE, load_index, load_audio, make_split, crop_train, MicAugment

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--set", default="aug", help="output name: .cache/<set>_i16.npy + <set>_index.csv")
    ap.add_argument("--config", default=os.path.join(HERE, "config.json"),
                    help="with a 'room_music' section (config_robust.json): acoustics.RoomMusicAugment (training music, "
                         "rooms, microphones) instead of MicAugment")
    a = ap.parse_args()
    torch.set_num_threads(1)
    cfg = json.load(open(a.config))
    rows = load_index(); audio = load_audio()
    split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    src = [i for i, r in enumerate(rows) if r["label"] in LABELS and split[r["speaker"]] == "train"]
    rng = np.random.RandomState(cfg["seed"] + 100)
    if "room_music" in cfg:
        from train import train_music
        from acoustics import RoomMusicAugment
        aug = RoomMusicAugment(train_music(), seed=cfg["seed"] + 100, **cfg["room_music"])
    else:
        aug = MicAugment(seed=cfg["seed"] + 100, **cfg["augment"])
    npy, index = os.path.join(CACHE, f"{a.set}_i16.npy"), os.path.join(CACHE, f"{a.set}_index.csv")
    out = np.lib.format.open_memmap(npy + ".tmp", mode="w+", dtype=np.int16,
                                    shape=(a.copies * len(src) * WIN,))
    order = [i for _ in range(a.copies) for i in src]
    for b in range(0, len(order), 64):
        idx = order[b:b + 64]
        x = torch.tensor(np.stack([crop_train(audio, int(rows[i]["offset"]), int(rows[i]["length"]), rng, cfg["speed_p"])
                                   for i in idx]))
        y = aug(x).clamp(-1, 1).numpy()
        out[b * WIN:(b + len(idx)) * WIN] = np.round(y * 32767).astype(np.int16).reshape(-1)
    out.flush(); del out
    os.replace(npy + ".tmp", npy)
    with open(index, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["offset", "length", "src"])
        for k, i in enumerate(order):
            w.writerow([k * WIN, WIN, i])
    print(f"{len(order)} augmented windows from {len(src)} training clips")


if __name__ == "__main__":
    main()
