#!/usr/bin/env python3
"""Condition evaluation sets from the validation speakers' clips (the 1990 of make_eval_set.py), one command:

  clean    the clips as recorded (16-bit WAV, as make_eval_set.py writes them)
  room     each clip through a simulated room (acoustics.rirs with image order 8: RT60 0.2-1.0 s, speaker 0.5-2.5 m
           from the microphone) and a cheap microphone (acoustics.mic_chain: band limit 80-300 Hz ... 3.4-7.5 kHz,
           capsule resonances, room + self noise at 10-30 dB SNR, AGC/compression for half, clipping for 10 %)
  music10  the clean clip + VALIDATION-split music (prepare_music.py; never used in training) reaching the
           microphone through a loudspeaker path (acoustics.speaker_path: small-speaker high-pass, soft saturation,
           room impulse response of image order 8, total delay 5-60 ms) at SIR 10 dB; no cancellation
  music0   the same music segment and path for every clip as music10, at SIR 0 dB

SIR = 10 log10(P_speech / P_music), both powers over the clip's ACTIVE samples (acoustics.active_mask: 20 ms frames
whose energy is within 40 dB of the clip's loudest frame and above -70 dBFS), the music as it reaches the microphone.
If a mixture would clip, mixture (not reference) is scaled down as a whole, which keeps the SIR.

music0/music10 also write, per clip, the reference: the dry music as played (`ref/<clip>.wav`, 16-bit, same
length as the clip, its first sample played when the clip's first sample was recorded), in the manifest's optional
`reference` column (relative to the manifest's folder). Extra columns: sir_db, music (track), delay_ms.

Usage: /usr/bin/python3 training/make_condition_sets.py [--sets clean room music10 music0]   (~2 min)
Writes training/.cache/conditions/<set>/manifest.csv (+ WAVs); fixed seeds, so the sets are reproducible.
"""
import argparse, csv, json, os, sys
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ser_model import LABELS, SR
from data import CACHE, load_index, load_audio, make_split
import acoustics as A
from condition_transform import write_wav

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(CACHE, "conditions")
SETS = ["clean", "room", "music10", "music0"]


def val_clips():
    cfg = json.load(open(os.path.join(HERE, "config.json")))
    rows = load_index()
    split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    return [r for r in rows if split[r["speaker"]] == "val" and r["label"] in LABELS]


def rel_name(r):
    return os.path.join(r["corpus"], r["speaker"].replace(":", "_") + "__" +
                        os.path.splitext(os.path.basename(r["path"]))[0] + ".wav")


def val_music():
    mus = np.load(os.path.join(CACHE, "music", "tracks_i16.npy"), mmap_mode="r")
    with open(os.path.join(CACHE, "music", "tracks.csv")) as f:
        tracks = [t for t in csv.DictReader(f) if t["split"] == "val"]
    return mus, tracks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="+", default=SETS, choices=SETS)
    a = ap.parse_args()
    torch.set_num_threads(1)
    clips = val_clips(); audio = load_audio()
    xs = [np.asarray(audio[int(r["offset"]):int(r["offset"]) + int(r["length"])], np.float32) / 32768.0 for r in clips]
    pick = [None] * len(clips)
    if any(name.startswith("music") for name in a.sets):  # clean and room need no music (nor prepare_music.py)
        mus, tracks = val_music()
        rng = np.random.RandomState(20261201)
        # per clip, drawn once for every set (so music0 and music10 share music, path and delay): a validation track
        # (cycled through in a shuffled order, so every track is used about equally) and a start inside it
        order = rng.permutation(len(clips))
        for k, i in enumerate(order):
            t = tracks[k % len(tracks)]
            n = len(xs[i])
            pick[i] = (t, rng.randint(0, int(t["length"]) - n))
    summary = {}
    for name in a.sets:
        d = os.path.join(OUT, name)
        os.makedirs(d, exist_ok=True)
        cols = ["path", "label", "speaker", "corpus"] + (["reference", "sir_db", "music", "delay_ms"] if name.startswith("music") else [])
        out_rows = []
        if name == "clean":
            for r, x in zip(clips, xs):
                write_wav(os.path.join(d, rel_name(r)), x)
                out_rows.append([rel_name(r), r["label"], r["speaker"], r["corpus"]])
        elif name == "room":
            rr = A.Rand(1001)
            stats = {"rt60": [], "drr_db": [], "distance": []}
            for i, (r, x) in enumerate(zip(clips, xs)):
                t = torch.from_numpy(x)[None]
                h, info = A.rirs(rr, 1, 12000, dist=(0.5, 2.5), max_order=8, return_info=True)
                y = A.mic_chain(A.fft_conv(t, h), rr, snr=(10.0, 30.0), p_band=1.0, p_peaks=0.7, p_noise=1.0,
                                p_agc=0.5, p_clip=0.1, p_quant=0.05, speech_ref=t)
                for k in stats:
                    stats[k].append(float(info[k][0]))
                write_wav(os.path.join(d, rel_name(r)), y[0].numpy())
                out_rows.append([rel_name(r), r["label"], r["speaker"], r["corpus"]])
            summary["room"] = {k: [float(np.percentile(v, p)) for p in (5, 50, 95)] for k, v in stats.items()}
        else:
            sir = 10.0 if name == "music10" else 0.0
            rr = A.Rand(2002)  # the same stream for both music sets: same path and delay per clip
            for i, (r, x) in enumerate(zip(clips, xs)):
                t, start = pick[i]
                o = int(t["offset"]) + start
                ref = np.asarray(mus[o:o + len(x)], np.float32) / 32768.0
                delay = float(rr.u(1, 5.0, 60.0))
                echo = A.speaker_path(torch.from_numpy(ref)[None], rr, delay_ms=(delay, delay), max_order=8)
                sp = torch.from_numpy(x)[None]
                g = A.scale_to_ratio(sp, echo, torch.tensor([sir]))
                mix = sp + g[:, None] * echo
                pk = float(mix.abs().max())
                if pk > 0.99:
                    mix = mix * (0.99 / pk)
                rel = rel_name(r)
                write_wav(os.path.join(d, rel), mix[0].numpy())
                ref_rel = os.path.join("ref", rel)
                write_wav(os.path.join(d, ref_rel), ref)
                out_rows.append([rel, r["label"], r["speaker"], r["corpus"], ref_rel, f"{sir:.1f}",
                                 f"{t['package']}/{t['track']}", f"{delay:.1f}"])
        with open(os.path.join(d, "manifest.csv.tmp"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n"); w.writerow(cols); w.writerows(out_rows)
        os.replace(os.path.join(d, "manifest.csv.tmp"), os.path.join(d, "manifest.csv"))
        print(f"{name}: {len(out_rows)} clips -> {d}/manifest.csv", flush=True)
    if summary:
        json.dump(summary, open(os.path.join(OUT, "room_stats.json"), "w"), indent=1)
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
