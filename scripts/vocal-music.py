# Music with "vocals" for the speech-gate/debouncer measurement (issue 12, 4th bullet): real game music (hedgewars-data,
# frozen-bubble-data) with held-out SER clips laid under it as the vocal line, vocals VOC dB relative to the music.
# usage: /usr/bin/python3 scripts/vocal-music.py CLEAN_MANIFEST.csv OUT_DIR   (needs hedgewars-data, frozen-bubble-data)
# writes OUT_DIR/music.wav (music alone) and OUT_DIR/vocal-6.wav, vocal0.wav (vocals 6 dB below / as loud as the music)
import csv, sys, numpy as np, soundfile as sf, random, glob, os
R = 16000
manifest, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(7)
def load(p):
    x, r = sf.read(p, dtype='float32', always_2d=True); x = x.mean(1)
    if r != R:
        import scipy.signal as ss; x = ss.resample_poly(x, R, r).astype('float32')
    return x
tracks = sorted(glob.glob('/usr/share/games/hedgewars/Data/Music/*.ogg'))[:8] + ['/usr/share/games/frozen-bubble/snd/frozen-mainzik-1p.ogg']
music = np.concatenate([load(t)[:60 * R] for t in tracks])  # up to 60 s of each: ~9 min
music /= np.sqrt(np.mean(music ** 2)) / 0.1               # -20 dBFS RMS
sf.write(os.path.join(out, 'music.wav'), music, R, subtype='PCM_16')
clips = list(csv.DictReader(open(manifest)))
rng.shuffle(clips)
for voc in (-6, 0):
    vocals = np.zeros_like(music); t = 0; i = 0
    while t < len(music) - 4 * R:
        c = load(os.path.join(os.path.dirname(manifest), clips[i]['path'])); i += 1
        c = c / (np.sqrt(np.mean(c ** 2)) + 1e-9) * 0.1 * 10 ** (voc / 20)
        n = min(len(c), len(music) - t); vocals[t:t + n] += c[:n]; t += n + int(R * rng.uniform(0.3, 1.5))
    mix = music + vocals
    mix /= max(1.0, np.abs(mix).max() / 0.99)
    sf.write(os.path.join(out, f'vocal{voc}.wav'), mix, R, subtype='PCM_16')
print(len(music) / R, 's')
