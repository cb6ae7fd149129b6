"""A condition set of make_condition_sets.py turned into another one by a per-clip transform (the measurement scripts
wpe_condition.py and expander_condition.py): the same manifest (without the `reference` column: the transform has
already acted on what the microphone heard), the same relative clip paths, 16-bit WAV at 16 kHz. Also the sets'
one WAV writer."""
import csv, os, wave
import numpy as np

SR = 16000


def write_wav(path, x):
    """x (float, full scale ±1) as 16-bit mono WAV at 16 kHz, clipped, creating the folder."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with wave.open(path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(SR)
        w.writeframes(np.round(np.clip(x, -1, 32767 / 32768) * 32768).astype("<i2").tobytes())


def read_wav(path):
    with wave.open(path) as f:
        return np.frombuffer(f.readframes(f.getnframes()), "<i2").astype(np.float64) / 32768


def transform_set(src, dst, transform, shard="0/1", limit=0):
    """Writes transform(clip) for every clip of src's manifest (every `of`-th from `me` for shard "me/of", so shards
    run side by side) under dst; shard 0 writes the manifest."""
    rows = list(csv.DictReader(open(os.path.join(src, "manifest.csv"))))
    if limit: rows = rows[:limit]
    me, of = map(int, shard.split("/"))
    for i, r in enumerate(rows):
        if i % of == me:
            write_wav(os.path.join(dst, r["path"]), transform(read_wav(os.path.join(src, r["path"]))))
    if me == 0:
        os.makedirs(dst, exist_ok=True)
        cols = [c for c in rows[0].keys() if c != "reference"]
        with open(os.path.join(dst, "manifest.csv"), "w", newline="") as f:
            wr = csv.DictWriter(f, cols, extrasaction="ignore"); wr.writeheader(); wr.writerows(rows)
