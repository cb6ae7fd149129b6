#!/usr/bin/env python3
"""Real music for training and for the condition sets: the soundtracks of Debian game-data packages, decoded once
to 16 kHz mono and split BY TRACK into train / validation (validation music is never used in training).

The packages are fetched with apt (`apt-get download`, nothing is installed) into .cache/music/debs/ and unpacked
with dpkg-deb into .cache/music/raw/. The Debian packages `wesnoth-*-music` and `planetblupi-music-*` are reserved
for acceptance and are refused here.

Usage: /usr/bin/python3 training/prepare_music.py            (~3 min download at 40 MB/s + ~4 min decoding)
Writes .cache/music/tracks_i16.npy (int16, tracks back to back, each peak-normalised to -1 dBFS) and
.cache/music/tracks.csv (package, group, track, split, offset, length, seconds_in_source, licence, source).

Per track: mono mix, resampled to 16 kHz, the first 2 s skipped, at most MAX_SECONDS kept, leading/trailing
digital silence trimmed. Tracks are grouped into works (SuperTuxKart's `x` and `x_fast`, Warzone's `trackN` and
`trackN_enhanced`, a Frets-on-Fire song's stems mixed into one track) and the split is by work: in every package,
works whose md5(package/work) is 0 mod 5 go to validation (at least one per package with three or more works).
"""
import csv, fnmatch, glob, hashlib, io, os, re, subprocess, sys, zipfile
import numpy as np
import soundfile as sf
import torch
import torchaudio.functional as AF

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from data import CACHE

MUSIC = os.path.join(CACHE, "music")
SR = 16000
MAX_SECONDS = 120
SKIP_SECONDS = 2
MIN_SECONDS = 20
RESERVED = re.compile(r"^(wesnoth-.*-music|wesnoth-music|planetblupi-music-.*)$")

# package -> (music licence as stated in the package's debian/copyright, [(archive inside the package or None,
# pattern of the music files)]). Only soundtracks; sound effects are left out.
SOURCES = {
    "0ad-data": ("CC-BY-SA-3.0 (Wildfire Games)",
                 [("usr/share/games/0ad/mods/public/public.zip", "audio/music/*.ogg")]),
    "freedroidrpg-data": ("GPL-2+ (FreedroidRPG team)", [(None, "usr/share/freedroidrpg/data/sound/music/*.ogg")]),
    "hedgewars-data": ("GPL-2 (Hedgewars project; some CC-BY-SA-3.0)", [(None, "usr/share/games/hedgewars/Data/Music/*.ogg")]),
    "supertuxkart-data": ("CC-BY-SA-3.0 / CC-BY-SA-4.0 / GPL per track", [(None, "usr/share/games/supertuxkart/data/music/*.ogg")]),
    "frozen-bubble-data": ("GPL-2", [(None, "usr/share/games/frozen-bubble/snd/*zik*.ogg")]),
    "warzone2100-music": ("GPL-2+ (Warzone 2100 Project; some CC-BY-SA-3.0)", [(None, "usr/share/games/warzone2100/music/**/*.opus")]),
    "hyperrogue-music": ("CC-BY-SA-3.0 (S. Parrotte, L. Domina, W. Savino)", [(None, "usr/share/hyperrogue/music/*.ogg")]),
    "ufoai-music": ("GPL-2+ / CC-BY-SA-3.0 / CC-BY-3.0 / public domain per track",
                    [("usr/share/games/ufoai/base/0music.pk3", "music/*.ogg")]),
    "nexuiz-music": ("GPL-2+", [("usr/share/games/nexuiz/data/music.pk3", "sound/cdtracks/*.ogg")]),
    "singularity-music": ("CC-BY-SA-3.0 US (Max McCracken)", [(None, "usr/share/games/singularity/music/**/*.ogg")]),
    # rock/metal band recordings (Muldjord, Sectoid): the one source here with band vocals possible
    "fretsonfire-songs-muldjord": ("CC-BY-SA-3.0 (El Senator / Muldjord)",
                                   [(None, "usr/share/games/fretsonfire/data/songs/muldjord/*/song.ogg")]),
    "fretsonfire-songs-sectoid": ("GPL (Sectoid)", [(None, "usr/share/games/fretsonfire/data/songs/sectoid/*/song.ogg")]),
}


def fetch(pkg):
    """apt-get download + dpkg-deb -x (once); returns the unpacked root."""
    assert not RESERVED.match(pkg), f"{pkg} is reserved for acceptance"
    raw = os.path.join(MUSIC, "raw", pkg)
    if os.path.isdir(raw):
        return raw
    debs = os.path.join(MUSIC, "debs"); os.makedirs(debs, exist_ok=True)
    if not glob.glob(os.path.join(debs, f"{pkg}_*.deb")):
        subprocess.run(["apt-get", "download", pkg], cwd=debs, check=True)
    deb = glob.glob(os.path.join(debs, f"{pkg}_*.deb"))[0]
    os.makedirs(raw + ".tmp", exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", deb, raw + ".tmp"], check=True)
    os.replace(raw + ".tmp", raw)
    return raw


def files_of(pkg, root):
    """(name, opener) for every music file of the package, sorted by name."""
    out = []
    for archive, pattern in SOURCES[pkg][1]:
        if archive is None:
            for p in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
                out.append((os.path.relpath(p, root), (lambda p=p: open(p, "rb"))))
        else:
            z = zipfile.ZipFile(os.path.join(root, archive))
            for n in sorted(z.namelist()):
                if fnmatch.fnmatch(n, pattern):
                    out.append((f"{archive}:{n}", (lambda n=n, z=z: io.BytesIO(z.read(n)))))
    return out


def work_of(pkg, name):
    """The work a file belongs to (versions of one tune share it, so they land in the same split)."""
    if pkg.startswith("fretsonfire"):
        return os.path.basename(os.path.dirname(name))
    base = os.path.splitext(os.path.basename(name))[0]
    return re.sub(r"(_fast|_enhanced)$", "", base)


def decode(opener):
    with opener() as f:
        info = sf.info(f)
        f.seek(0)
        start = int(SKIP_SECONDS * info.samplerate)
        stop = start + int(MAX_SECONDS * info.samplerate)
        x, sr = sf.read(f, start=start, stop=min(stop, info.frames), dtype="float32", always_2d=True)
    x = x.mean(1)
    if sr != SR:
        x = AF.resample(torch.from_numpy(x), sr, SR).numpy()
    nz = np.flatnonzero(np.abs(x) > 1e-4)
    if len(nz) == 0:
        return None, info.frames / info.samplerate
    x = x[nz[0]:nz[-1] + 1]
    return x / max(np.abs(x).max(), 1e-6) * 10 ** (-1 / 20), info.frames / info.samplerate


def main():
    torch.set_num_threads(1)
    os.makedirs(MUSIC, exist_ok=True)
    rows, chunks, offset = [], [], 0
    for pkg in SOURCES:
        root = fetch(pkg)
        items = []
        for name, opener in files_of(pkg, root):
            x, secs = decode(opener)
            if x is None or len(x) < MIN_SECONDS * SR:
                continue
            items.append((name, work_of(pkg, name), x, secs))
        works = sorted({w for _, w, _, _ in items})
        val = {w for w in works if int(hashlib.md5(f"{pkg}/{w}".encode()).hexdigest(), 16) % 5 == 0}
        if len(works) >= 3 and not val:  # every package with three or more works has validation music
            val = {min(works, key=lambda w: hashlib.md5(f"{pkg}/{w}".encode()).hexdigest())}
        if len(works) >= 3 and val == set(works):
            val.discard(max(works))
        for name, w, x, secs in items:
            q = np.round(x * 32767).astype(np.int16)
            chunks.append(q)
            rows.append({"package": pkg, "group": w, "track": os.path.basename(name.split(":")[-1]),
                         "split": "val" if w in val else "train", "offset": offset, "length": len(q),
                         "seconds_in_source": round(secs, 1), "licence": SOURCES[pkg][0], "source": name})
            offset += len(q)
        n_val = sum(1 for r in rows if r["package"] == pkg and r["split"] == "val")
        print(f"{pkg}: {len(items)} tracks in {len(works)} works, {n_val} tracks for validation", flush=True)
    np.save(os.path.join(MUSIC, "tracks_i16.npy.tmp.npy"), np.concatenate(chunks))
    os.replace(os.path.join(MUSIC, "tracks_i16.npy.tmp.npy"), os.path.join(MUSIC, "tracks_i16.npy"))
    with open(os.path.join(MUSIC, "tracks.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader(); w.writerows(rows)
    for s in ("train", "val"):
        sel = [r for r in rows if r["split"] == s]
        print(f"{s}: {len(sel)} tracks, {sum(r['length'] for r in sel) / SR / 3600:.2f} h")


if __name__ == "__main__":
    main()
