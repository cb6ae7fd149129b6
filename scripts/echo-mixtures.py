#!/usr/bin/python3
"""Builds the echo-cancellation measurement streams: validation speech clips spoken into a room in which the app
plays real music, as the microphone hears it, plus what the app played (the reference).

Each stream is ~2 minutes: --lead-in seconds of music alone (default 3), then a run of clips (shuffled, 1 s of music alone between them) with
the music going on underneath. Per stream, drawn at random (seeded, the same for every SIR):
  - a music track (from --music, looped, random start), played at -18 dBFS RMS times a per-clip volume chosen so that
    the echo at the microphone is --sir dB below the clip's speech (ramped between clips, like a volume knob);
  - a small loudspeaker: 2nd-order high-pass at 120-250 Hz and a mild tanh saturation (drive 0.5-1.5);
  - a room: synthetic impulse response (exponentially decaying noise, RT60 0.2-0.8 s, a direct path with a
    direct-to-reverberant ratio of -3..+8 dB, three early reflections within 2-20 ms, tail darkening);
  - a delay from playback to capture of 0-480 ms and a capture clock drift of -100..+100 ppm;
  - microphone noise at -70 dBFS.
The voice is dry (its own room is the model's problem, not the canceller's).

Output (float32 WAV, 16 kHz mono): OUT/sir<S>/NNN_mic.wav, NNN_ref.wav and OUT/sir<S>/segments.csv with
stream,start,length,path,label,speaker,sir (sample offsets into the stream; path relative to the manifest's folder;
sir the realised speech-to-echo ratio in dB), and OUT/streams.csv with each stream's room.

Usage: /usr/bin/python3 scripts/echo-mixtures.py --manifest training/.cache/evalset/manifest.csv \
           --music /usr/share/games/hedgewars/Data/Music --out /tmp/aec --sir 0 10 [--every N] [--seed 7]
           [--lead-in S] [--linear] [--no-drift]   (ablations: no loudspeaker saturation / no clock drift)
Never use the wesnoth-*-music or planetblupi-music-* packages here: they are kept for acceptance.
"""
import argparse, csv, glob, math, os, random
import numpy as np
import soundfile as sf
from scipy import signal

SR = 16000
LEAD_IN = 3.0
GAP = 1.0
CLIPS_PER_STREAM = 24


def load_music(path):
    x, sr = sf.read(path, dtype="float32", always_2d=True)
    x = x.mean(axis=1)
    g = math.gcd(sr, SR)
    x = signal.resample_poly(x, SR // g, sr // g).astype(np.float32)
    rms = np.sqrt(np.mean(x ** 2)) + 1e-9
    return x * (10 ** (-18 / 20) / rms)


def load_clip(path):
    x, sr = sf.read(path, dtype="float32", always_2d=True)
    assert sr == SR, path
    return x.mean(axis=1)


def room_impulse(rng, rt60):
    n = int(min(1.0, 1.2 * rt60) * SR)
    t = np.arange(n) / SR
    tail = rng.standard_normal(n) * np.exp(-6.9078 * t / rt60)
    b, a = signal.butter(1, rng.uniform(2500, 6000) / (SR / 2))
    tail = signal.lfilter(b, a, tail)
    tail[: int(0.002 * SR)] = 0
    drr = rng.uniform(-3, 8)
    direct = math.sqrt(np.sum(tail ** 2) * 10 ** (drr / 10))
    h = tail.copy()
    h[0] += direct
    for _ in range(3):
        h[int(rng.uniform(0.002, 0.02) * SR)] += direct * rng.uniform(0.2, 0.6) * rng.choice([-1, 1])
    return (h / np.max(np.abs(h))).astype(np.float32)


def loudspeaker(x, hp_hz, drive):
    b, a = signal.butter(2, hp_hz / (SR / 2), "highpass")
    y = signal.lfilter(b, a, x)
    return (np.tanh(drive * y) / drive).astype(np.float32)


def drift(x, ppm):
    """x as a capture clock running ppm faster hears it: y[n] = x(n * (1 + ppm 1e-6))."""
    up = 4
    xu = signal.resample_poly(x, up, 1)
    pos = np.arange(len(x)) * (1 + ppm * 1e-6) * up
    return np.interp(pos, np.arange(len(xu)), xu, right=0).astype(np.float32)


def echo_at_mic(played_nl, h, delay, ppm):
    e = signal.fftconvolve(played_nl, h)[: len(played_nl)]
    e = np.concatenate([np.zeros(delay, np.float32), e])[: len(played_nl)]
    return drift(e, ppm)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--music", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sir", type=float, nargs="+", default=[0, 10])
    ap.add_argument("--every", type=int, default=1, help="use every N-th clip (quick runs)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lead-in", type=float, default=LEAD_IN, help="seconds of music alone before the first clip")
    ap.add_argument("--linear", action="store_true", help="ablation: no loudspeaker saturation")
    ap.add_argument("--no-drift", action="store_true", help="ablation: playback and capture clocks agree")
    args = ap.parse_args()
    if "wesnoth" in args.music or "planetblupi" in args.music:
        raise SystemExit("echo-mixtures: that music is kept for acceptance")

    base = os.path.dirname(os.path.abspath(args.manifest))
    rows = list(csv.DictReader(open(args.manifest)))[:: args.every]
    rng0 = random.Random(args.seed)
    rng0.shuffle(rows)
    tracks = sorted(glob.glob(os.path.join(args.music, "*.ogg")) + glob.glob(os.path.join(args.music, "*.wav")))
    if not tracks:
        raise SystemExit(f"echo-mixtures: no .ogg/.wav music in {args.music}")
    os.makedirs(args.out, exist_ok=True)
    music_cache = {}
    streams = [rows[i:i + CLIPS_PER_STREAM] for i in range(0, len(rows), CLIPS_PER_STREAM)]
    seg_files = {}
    for s in args.sir:
        d = os.path.join(args.out, f"sir{s:g}")
        os.makedirs(d, exist_ok=True)
        f = open(os.path.join(d, "segments.csv"), "w", newline="")
        w = csv.writer(f)
        w.writerow(["stream", "start", "length", "path", "label", "speaker", "sir"])
        seg_files[s] = (f, w, d)
    rooms = csv.writer(open(os.path.join(args.out, "streams.csv"), "w", newline=""))
    rooms.writerow(["stream", "track", "rt60", "delay_ms", "drift_ppm", "hp_hz", "drive"])

    for si, clips in enumerate(streams):
        rng = np.random.default_rng(args.seed * 1000 + si)
        voice_parts, spans, t = [], [], int(args.lead_in * SR)
        for r in clips:
            v = load_clip(os.path.join(base, r["path"]))
            spans.append((t, len(v), r))
            voice_parts.append((t, v))
            t += len(v) + int(GAP * SR)
        n = t
        voice = np.zeros(n, np.float32)
        for start, v in voice_parts:
            voice[start:start + len(v)] = v

        track = tracks[rng.integers(len(tracks))]
        if track not in music_cache:
            music_cache[track] = load_music(track)
        m = music_cache[track]
        reps = int(np.ceil((n + len(m)) / len(m))) + 1
        off = int(rng.integers(len(m)))
        music = np.tile(m, reps)[off:off + n]
        rt60 = float(rng.uniform(0.2, 0.8))
        h = room_impulse(rng, rt60)
        delay = int(rng.uniform(0, 0.48) * SR)
        ppm = float(rng.uniform(-100, 100))
        hp_hz = float(rng.uniform(120, 250))
        drive = float(rng.uniform(0.5, 1.5))
        if args.linear:
            drive = 1e-3
        if args.no_drift:
            ppm = 0.0
        nl = loudspeaker(music, hp_hz, drive)
        noise = (rng.standard_normal(n) * 10 ** (-70 / 20)).astype(np.float32)
        unit_echo = echo_at_mic(nl, h, delay, ppm)
        rooms.writerow([si, os.path.basename(track), f"{rt60:.3f}", f"{1000 * delay / SR:.1f}", f"{ppm:.1f}",
                        f"{hp_hz:.0f}", f"{drive:.2f}"])

        for s in args.sir:
            f, w, d = seg_files[s]
            # A volume per clip so that the echo is s dB below the speech; ramps in the gaps between clips.
            gains = []
            for start, length, _ in spans:
                es = np.mean(voice[start:start + length] ** 2)
                ee = np.mean(unit_echo[start:start + length] ** 2) + 1e-12
                gains.append(math.sqrt(es / (ee * 10 ** (s / 10))))
            knots_t, knots_g = [0], [gains[0]]
            for (start, length, _), g in zip(spans, gains):
                knots_t += [start, start + length]
                knots_g += [g, g]
            knots_t.append(n)
            knots_g.append(gains[-1])
            gain = np.interp(np.arange(n), knots_t, knots_g).astype(np.float32)
            reference = gain * music
            echo = echo_at_mic(gain * nl, h, delay, ppm)
            mic = voice + echo + noise
            sf.write(os.path.join(d, f"{si:03d}_mic.wav"), mic, SR, subtype="FLOAT")
            sf.write(os.path.join(d, f"{si:03d}_ref.wav"), reference, SR, subtype="FLOAT")
            for start, length, r in spans:
                es = np.mean(voice[start:start + length] ** 2)
                ee = np.mean(echo[start:start + length] ** 2) + 1e-12
                w.writerow([si, start, length, r["path"], r["label"], r.get("speaker", ""),
                            f"{10 * math.log10(es / ee + 1e-12):.2f}"])
            f.flush()
        print(f"stream {si + 1}/{len(streams)}: {len(clips)} clips, {n / SR:.0f} s, {os.path.basename(track)}, "
              f"RT60 {rt60:.2f} s, delay {1000 * delay / SR:.0f} ms, drift {ppm:+.0f} ppm", flush=True)


if __name__ == "__main__":
    main()
