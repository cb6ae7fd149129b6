"""Room, microphone, loudspeaker and music simulation, batched in torch (one FFT per stage and batch).

Used on the fly by training (RoomMusicAugment) and, with fixed seeds and a higher image order, by
make_condition_sets.py for the evaluation conditions, so both define the terms the same way:

* **Room impulse response** (`rirs`): a shoebox room (3-10 x 2.5-8 x 2.4-4 m), source and microphone inside it;
  the early part by the image-source method (Allen & Berkley; reflection coefficient from the RT60 by Sabine's
  formula, fractional delays by linear interpolation), the late part as Gaussian noise in four bands whose decay
  follows the RT60 (low frequencies 1.2x longer, highs 0.6x shorter, as furnished rooms do) with its energy set by
  the diffuse-field theory: reverberant/direct energy = (distance / critical distance)^2, critical distance
  0.057 * sqrt(V / RT60). So distance and room together set the direct-to-reverberant ratio.
* **Cheap microphone** (`mic_chain`): band limit (high-pass 80-300 Hz, low-pass 3.4-7.5 kHz, steep), 1-3 resonance
  peaks/dips of a laptop/USB capsule, room noise (pink/brown + fan hum harmonics) and white self-noise at a given
  SNR, automatic gain control with compression (10 ms frames, fast attack / slow release), clipping, quantisation.
* **Loudspeaker path** of music reaching the microphone (`speaker_path`): a small speaker's high-pass, soft
  saturation (tanh), a room impulse response and a delay of 5-60 ms.
* **SIR / SNR** (`active_mask`, `scale_to_ratio`): speech power over the clip's ACTIVE samples (20 ms frames
  whose energy is within 40 dB of the loudest frame and above 1e-7, i.e. -70 dBFS) against the interferer's
  power over those same samples: SIR = 10 log10(P_speech,active / P_interferer,active).
"""
import math
import numpy as np
import torch

SR = 16000
C_SOUND = 343.0
NFFT = 1 << 16  # 3 s windows + a 0.75 s impulse response fit; longer signals use the next power of two


def nfft(T, L=12000):
    return max(NFFT, 1 << int(math.ceil(math.log2(T + L))))


class Rand:
    """Seeded uniform/Bernoulli draws for batches."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)

    def u(self, n, lo, hi):
        return lo + (hi - lo) * torch.rand(n, generator=self.g)

    def logu(self, n, lo, hi):
        return torch.exp(self.u(n, math.log(lo), math.log(hi)))

    def b(self, n, p):
        return torch.rand(n, generator=self.g) < p

    def randn(self, *shape):
        return torch.randn(*shape, generator=self.g)

    def randint(self, lo, hi, n):
        return torch.randint(lo, hi, (n,), generator=self.g)


def _images(max_order):
    """(n, u) combinations per axis with their reflection counts |n - u| + |n|, all three axes, total <= max_order."""
    per_axis = [(n, u, abs(n - u) + abs(n)) for n in range(-max_order, max_order + 1) for u in (0, 1)
                if abs(n - u) + abs(n) <= max_order]
    combos = [(a, b, c) for a in per_axis for b in per_axis for c in per_axis if a[2] + b[2] + c[2] <= max_order]
    n = torch.tensor([[a[0], b[0], c[0]] for a, b, c in combos], dtype=torch.float32)
    u = torch.tensor([[a[1], b[1], c[1]] for a, b, c in combos], dtype=torch.float32)
    order = torch.tensor([a[2] + b[2] + c[2] for a, b, c in combos], dtype=torch.float32)
    return n, u, order


_IMG = {}


def rirs(r, n, length=12000, rt60=(0.2, 1.0), dist=(0.3, 4.0), max_order=2, return_info=False):
    """n room impulse responses [n, length], normalised so the direct path has amplitude 1 at its arrival
    (after the propagation delay, which is kept: distance / 343 m/s)."""
    room = torch.stack([r.u(n, 3.0, 10.0), r.u(n, 2.5, 8.0), r.u(n, 2.4, 4.0)], 1)
    t60 = r.u(n, *rt60)
    V = room.prod(1)
    S = 2 * (room[:, 0] * room[:, 1] + room[:, 0] * room[:, 2] + room[:, 1] * room[:, 2])
    alpha = (0.161 * V / (S * t60)).clamp(0.02, 0.95)
    beta = torch.sqrt(1 - alpha)
    margin = 0.3
    mic = margin + torch.rand(n, 3, generator=r.g) * (room - 2 * margin)
    d = r.u(n, *dist)
    direction = r.randn(n, 3); direction[:, 2] *= 0.3
    direction = direction / direction.norm(dim=1, keepdim=True)
    src = torch.minimum(torch.maximum(mic + direction * d[:, None], torch.full_like(mic, margin)), room - margin)
    d = (src - mic).norm(dim=1).clamp_min(0.1)
    if max_order not in _IMG:
        _IMG[max_order] = _images(max_order)
    nn_, uu, order = _IMG[max_order]
    # image positions [n, K, 3]: (1 - 2u) * src + 2 n L
    img = (1 - 2 * uu)[None] * src[:, None] + 2 * nn_[None] * room[:, None]
    dist_img = (img - mic[:, None]).norm(dim=2).clamp_min(0.1)
    amp = beta[:, None] ** order[None] / dist_img * d[:, None]  # direct path -> 1
    t = dist_img / C_SOUND * SR
    h = torch.zeros(n, length)
    i0 = t.floor().long(); fr = t - i0
    ok = i0 < length - 1
    rows = torch.arange(n)[:, None].expand_as(i0)
    h.index_put_((rows[ok], i0[ok]), (amp * (1 - fr))[ok], accumulate=True)
    h.index_put_((rows[ok], i0[ok] + 1), (amp * fr)[ok], accumulate=True)
    # late reverberation: 4-band decaying noise from the direct arrival on, energy from the diffuse field
    t0 = d / C_SOUND * SR
    tt = torch.arange(length)[None].float()
    rel = ((tt - t0[:, None]) / SR).clamp_min(0)
    onset = (rel / 0.01).clamp(0, 1)
    f = torch.fft.rfftfreq(length, 1 / SR)
    edges = [0, 500, 2000, 4000, SR / 2 + 1]
    scale = [1.2, 1.0, 0.85, 0.6]
    noise = torch.fft.rfft(r.randn(n, length), dim=1)
    tail = torch.zeros(n, length)
    for k in range(4):
        band = ((f >= edges[k]) & (f < edges[k + 1])).float()
        nb = torch.fft.irfft(noise * band, length, dim=1)
        tail += nb * torch.exp(-6.91 * rel / (t60[:, None] * scale[k]))
    tail = tail * onset * (rel > 0)
    rc = 0.057 * torch.sqrt(V / t60)
    e_direct = 1.0
    e_tail = e_direct * (d / rc) ** 2
    tail = tail * torch.sqrt(e_tail / tail.pow(2).sum(1).clamp_min(1e-12))[:, None]
    h = h + tail
    if return_info:
        return h, {"rt60": t60, "distance": d, "drr_db": 10 * torch.log10(e_direct / e_tail), "room": room}
    return h


def fft_conv(x, h):
    """Causal linear convolution of x [B, T] with h [B, L], cut to T samples."""
    T = x.shape[1]
    N = nfft(T, h.shape[1])
    return torch.fft.irfft(torch.fft.rfft(x, N) * torch.fft.rfft(h, N), N)[:, :T]


def active_mask(x, frame=320, rel_db=40.0, floor=1e-7):
    """Samples in active 20 ms frames: frame energy within rel_db of the loudest frame and above floor."""
    B, T = x.shape
    nf = T // frame
    e = x[:, : nf * frame].reshape(B, nf, frame).pow(2).mean(2)
    act = (e > e.amax(1, keepdim=True) * 10 ** (-rel_db / 10)) & (e > floor)
    m = act.repeat_interleave(frame, 1)
    if m.shape[1] < T:
        m = torch.cat([m, torch.zeros(B, T - m.shape[1], dtype=torch.bool)], 1)
    return m


def scale_to_ratio(speech, other, ratio_db, mask=None):
    """Gain for `other` so that 10 log10(P_speech / P_other) over the active samples of `speech` is ratio_db."""
    m = active_mask(speech) if mask is None else mask
    mf = m.float()
    n = mf.sum(1).clamp_min(1)
    ps = (speech.pow(2) * mf).sum(1) / n
    po = (other.pow(2) * mf).sum(1) / n
    return torch.sqrt(ps / po.clamp_min(1e-12) / 10 ** (ratio_db / 10))


def _bandpass(f, hp, lp, hp_w, lp_w):
    """Raised-cosine high- and low-pass magnitude [B, F]."""
    up = ((f[None] - (hp - hp_w)[:, None]) / hp_w[:, None]).clamp(0, 1)
    dn = (((lp + lp_w)[:, None] - f[None]) / lp_w[:, None]).clamp(0, 1)
    return (0.5 - 0.5 * torch.cos(math.pi * up)) * (0.5 - 0.5 * torch.cos(math.pi * dn))


def _peaks(r, B, f, n_max=3, db=(-8.0, 8.0), fc=(800.0, 6500.0)):
    """Product of 1..n_max Gaussian peaks/dips on a log-frequency axis (capsule/casing resonances) [B, F]."""
    lf = torch.log2(f.clamp_min(20.0))
    out = torch.zeros(B, f.numel())
    k = r.randint(1, n_max + 1, B)
    for j in range(n_max):
        on = (k > j).float()[:, None]
        c = torch.log2(r.logu(B, *fc))[:, None]
        w = r.u(B, 0.2, 0.8)[:, None]
        g = r.u(B, *db)[:, None]
        out = out + on * g * torch.exp(-0.5 * ((lf[None] - c) / w) ** 2)
    return 10 ** (out / 20)


def coloured_noise(r, B, T, beta_range=(0.0, 2.0), hum_p=0.3):
    """Room/self noise [B, T]: 1/f^beta noise, plus mains/fan hum harmonics for some rows; unit power."""
    N = 49152 if T <= 49152 else nfft(T, 0)
    f = torch.fft.rfftfreq(N, 1 / SR)
    beta = r.u(B, *beta_range)[:, None]
    shape = (f.clamp_min(20.0)[None] / 1000.0) ** (-beta / 2)
    spec = torch.complex(r.randn(B, f.numel()), r.randn(B, f.numel())) * shape
    x = torch.fft.irfft(spec, N)[:, :T]
    hum = r.b(B, hum_p)
    hum = hum.nonzero().flatten()
    if len(hum):
        n = len(hum)
        tt = torch.arange(T)[None].float() / SR
        f0 = torch.where(r.b(n, 0.5), torch.full((n,), 50.0), torch.full((n,), 60.0)) * r.u(n, 1.0, 2.0).round()
        h = sum(torch.sin(2 * math.pi * f0[:, None] * k * tt + r.u(n, 0, 6.28)[:, None]) / k for k in (1, 2, 3, 4))
        x = x / x.pow(2).mean(1, keepdim=True).sqrt()
        x[hum] = x[hum] + r.u(n, 0.3, 1.5)[:, None] * h
    return x / x.pow(2).mean(1, keepdim=True).sqrt().clamp_min(1e-8)


def agc(x, r, p=1.0, frame=160):
    """Automatic gain control with compression on 10 ms frames: target level -20...-12 dBFS, up to +20...+30 dB of
    gain, compression above a threshold (ratio 2-6), attack 5-20 ms, release 200-800 ms. Rows not drawn (prob 1-p)
    pass unchanged."""
    B, T = x.shape
    on = r.b(B, p)
    if not on.any():
        return x
    nf = (T + frame - 1) // frame
    pad = torch.nn.functional.pad(x, (0, nf * frame - T))
    lev = 10 * torch.log10(pad.reshape(B, nf, frame).pow(2).mean(2) + 1e-10)
    target = r.u(B, -20.0, -12.0); gmax = r.u(B, 20.0, 30.0)
    thr = r.u(B, -30.0, -15.0); ratio = r.u(B, 2.0, 6.0)
    a_att = torch.exp(-frame / (SR * r.u(B, 0.005, 0.02))); a_rel = torch.exp(-frame / (SR * r.u(B, 0.2, 0.8)))
    env = torch.full((B,), -60.0)
    gains = []
    for i in range(nf):
        l = lev[:, i]
        up = l > env
        a = torch.where(up, a_att, a_rel)
        env = torch.where(l > -70, a * env + (1 - a) * l, env)
        g = (target - env).clamp(max=gmax)
        out = env + g
        over = (out - thr).clamp_min(0)
        gains.append(g - over * (1 - 1 / ratio))
    g = torch.stack(gains, 1)
    g = torch.nn.functional.interpolate(g[:, None], size=nf * frame, mode="linear", align_corners=False)[:, 0, :T]
    y = x * 10 ** (g / 20)
    return torch.where(on[:, None], y, x)


def mic_chain(x, r, snr=(10.0, 35.0), p_band=1.0, p_peaks=0.7, p_noise=1.0, p_agc=0.5, p_clip=0.1, p_quant=0.05,
              speech_ref=None):
    """A cheap laptop/USB microphone on x [B, T]; noise SNR measured against the active samples of speech_ref
    (default x itself)."""
    B, T = x.shape
    N = nfft(T)
    f = torch.fft.rfftfreq(N, 1 / SR)
    X = torch.fft.rfft(x, N)
    bl = r.b(B, p_band).float()[:, None]
    band = _bandpass(f, r.u(B, 80.0, 300.0), r.u(B, 3400.0, 7500.0), r.u(B, 30.0, 120.0), r.u(B, 150.0, 700.0))
    X = X * (bl * band + (1 - bl))
    pk = r.b(B, p_peaks).float()[:, None]
    X = X * (pk * _peaks(r, B, f) + (1 - pk))
    y = torch.fft.irfft(X, N)[:, :T]
    nz = r.b(B, p_noise)
    if nz.any():
        noise = coloured_noise(r, B, T)
        ref = y if speech_ref is None else speech_ref
        g = scale_to_ratio(ref, noise, r.u(B, *snr))
        y = y + nz.float()[:, None] * g[:, None] * noise
    y = agc(y, r, p_agc)
    peak = y.abs().amax(1, keepdim=True).clamp_min(1e-6)
    y = y / peak * 10 ** (r.u(B, -12.0, -1.0)[:, None] / 20)  # the converter's full scale
    cl = r.b(B, p_clip)
    if cl.any():
        lim = r.u(B, 0.2, 0.7)[:, None] * y.abs().amax(1, keepdim=True)
        y = torch.where(cl[:, None], torch.maximum(torch.minimum(y, lim), -lim), y)
    q = r.b(B, p_quant)
    if q.any():
        step = 2.0 ** (1 - r.randint(8, 12, B).float())[:, None]
        y = torch.where(q[:, None], torch.round(y / step) * step, y)
    return y


def speaker_path(music, r, rir_dist=(0.5, 2.5), delay_ms=(5.0, 60.0), max_order=2, drive=(0.5, 2.5), p_room=1.0):
    """Music as played -> as it reaches the microphone: small-speaker high-pass (100-300 Hz), soft saturation
    tanh(k x)/tanh(k) at peak-normalised level, room impulse response (rows with prob p_room) and a pure delay."""
    B, T = music.shape
    N = nfft(T)
    f = torch.fft.rfftfreq(N, 1 / SR)
    hp = _bandpass(f, r.u(B, 100.0, 300.0), torch.full((B,), 7800.0), r.u(B, 40.0, 150.0), torch.full((B,), 100.0))
    x = torch.fft.irfft(torch.fft.rfft(music, N) * hp, N)[:, :T]
    pk = x.abs().amax(1, keepdim=True).clamp_min(1e-6)
    k = r.u(B, *drive)[:, None]
    x = torch.tanh(k * x / pk) / torch.tanh(k) * pk
    h = rirs(r, B, 12000, dist=rir_dist, max_order=max_order)
    room = r.b(B, p_room).float()[:, None]
    h = room * h + (1 - room) * torch.nn.functional.one_hot(torch.zeros(B, dtype=torch.long), 12000).float()
    # pure delay: shift the impulse response (its own propagation delay is part of the chosen total)
    dl = (r.u(B, *delay_ms) * SR / 1000).long()
    prop = h.abs().argmax(1)
    shift = (dl - prop).clamp_min(0)
    idx = (torch.arange(12000)[None] - shift[:, None])
    h = torch.where(idx >= 0, torch.gather(h, 1, idx.clamp_min(0)), torch.zeros_like(h))
    return fft_conv(x, h)


def aec_residual(echo, r):
    """What an echo canceller leaves of the echo (to be scaled to a high SIR by the caller): the echo with a random
    spectral tilt/peaks (the adaptive filter misses some bands), a little harmonic distortion, and a slowly varying
    gain (residual-echo suppressors gate in 100-300 ms steps)."""
    B, T = echo.shape
    N = nfft(T)
    f = torch.fft.rfftfreq(N, 1 / SR)
    tilt = 10 ** ((r.u(B, -6.0, 9.0)[:, None] * torch.log2(f.clamp_min(100.0) / 1000.0)[None] / 3.0) / 20)
    X = torch.fft.rfft(echo, N) * tilt * _peaks(r, B, f, 3, (-10.0, 10.0), (200.0, 6000.0))
    y = torch.fft.irfft(X, N)[:, :T]
    pk = y.abs().amax(1, keepdim=True).clamp_min(1e-6)
    y = y + r.u(B, 0.0, 0.3)[:, None] * pk * (y / pk) ** 2
    seg = int(r.u(1, 0.1, 0.3).item() * SR)
    n = T // seg + 2
    g = r.u(B * n, 0.1, 1.0).view(B, n)
    g = torch.nn.functional.interpolate(g[:, None], size=n * seg, mode="linear", align_corners=False)[:, 0, :T]
    return y * g


def frame_energy(x, frame=320):
    """Mean square per 20 ms frame [B, T // frame]."""
    B, T = x.shape
    nf = T // frame
    return x[:, : nf * frame].reshape(B, nf, frame).pow(2).mean(2)


def active_frames(e, rel_db=40.0, floor=1e-7):
    """Active frames from frame energies: within rel_db of the loudest frame and above floor (as active_mask)."""
    return (e > e.amax(1, keepdim=True) * 10 ** (-rel_db / 10)) & (e > floor)


class RoomMusicAugment:
    """Training-time augmentation of clean 3 s speech crops x [B, T] (before the model's own gain normalisation),
    computed in one frequency-domain pass per batch (the terms as in the condition sets, the powers by Parseval):

    1. speech through a room (prob p_room): rirs() (image order 2 + diffuse tail), RT60 0.2-1.0 s, 0.3-4 m;
    2. music under the speech (prob p_music): a random train-split track crop through a loudspeaker path (high-pass,
       soft saturation, with prob p_speaker_room a room impulse response, 5-60 ms delay), at SIR uniform in `sir`;
       a share p_residual of them is instead "what an echo canceller left" (random tilt/peaks of the missed bands,
       100-300 ms suppressor gating) at SIR in `residual_sir`; with prob p_vocal another batch row's speech is
       mixed into the music at 0-10 dB below it (a competing voice, the hard "vocals" case). SIR here: the dry
       speech's power over its active frames times the room's energy gain, against the music's mean power;
    3. another talker (prob p_babble) at 8-25 dB below;
    4. the microphone (prob p_mic): band limit + capsule peaks (on everything that reaches it), room/self noise at
       SNR in `snr`, AGC/compression (prob p_agc), clipping (p_clip);
    5. back to the clean crop's peak level times a random gain (gain_db; the speech-embedding branch is
       level-sensitive).
    """

    def __init__(self, music, seed=0, p_room=0.4, p_music=0.5, sir=(-5.0, 20.0), p_residual=0.25,
                 residual_sir=(12.0, 30.0), p_speaker_room=0.7, p_vocal=0.1, p_mic=0.5, snr=(5.0, 35.0),
                 p_agc=0.4, p_clip=0.05, gain_db=(-20.0, 6.0), p_babble=0.05):
        self.r = Rand(seed)
        self.music = music  # (int16 array, [(offset, length)] of the training tracks)
        self.__dict__.update(dict(p_room=p_room, p_music=p_music, sir=sir, p_residual=p_residual,
                                  residual_sir=residual_sir, p_speaker_room=p_speaker_room, p_vocal=p_vocal,
                                  p_mic=p_mic, snr=snr, p_agc=p_agc, p_clip=p_clip, gain_db=gain_db,
                                  p_babble=p_babble))

    def music_crops(self, n, T):
        audio, tracks = self.music
        idx = self.r.randint(0, len(tracks), n).tolist()
        out = np.zeros((n, T), np.float32)
        for k, i in enumerate(idx):
            o, l = tracks[i]
            s = int(self.r.randint(0, max(1, l - T), 1))
            seg = np.asarray(audio[o + s:o + s + min(T, l)], np.float32) / 32768.0
            out[k, :len(seg)] = seg
        return torch.from_numpy(out)

    def _music_spectra(self, x, mu, N, f, T):
        """Spectra [n, F] of the music reaching the microphone for rows mu, and which rows are residuals."""
        r = self.r
        n = len(mu)
        m = self.music_crops(n, T)
        voc = r.b(n, self.p_vocal)
        if voc.any() and x.shape[0] > 1:
            other = torch.roll(x, 1, 0)[mu]
            eo = frame_energy(other); em = frame_energy(m)
            ao = active_frames(eo).float()
            po = (eo * ao).sum(1) / ao.sum(1).clamp_min(1)
            g = torch.sqrt(em.mean(1) / po.clamp_min(1e-12) / 10 ** (r.u(n, 0.0, 10.0) / 10))
            m = m + (voc.float() * g)[:, None] * other
        hp = _bandpass(f, r.u(n, 100.0, 300.0), torch.full((n,), 7800.0), r.u(n, 40.0, 150.0), torch.full((n,), 100.0))
        m = torch.fft.irfft(torch.fft.rfft(m, N) * hp, N)[:, :T]
        pk = m.abs().amax(1, keepdim=True).clamp_min(1e-6)
        k = r.u(n, 0.5, 2.5)[:, None]
        m = torch.tanh(k * m / pk) / torch.tanh(k) * pk
        res = r.b(n, self.p_residual)
        if res.any():  # suppressor gating (before the room: smeared a little by it)
            seg = int(r.u(1, 0.1, 0.3).item() * SR)
            ns = T // seg + 2
            gate = torch.nn.functional.interpolate(r.u(n * ns, 0.1, 1.0).view(n, 1, ns), size=ns * seg, mode="linear",
                                                   align_corners=False)[:, 0, :T]
            m = torch.where(res[:, None], m * gate, m)
        # the total delay (5-60 ms) as a shift of the played music; the room's own propagation delay is removed
        delay = (r.u(n, 0.005, 0.060) * SR).long()
        md = torch.zeros_like(m)
        for k in range(n):
            md[k, delay[k]:] = m[k, :T - delay[k]]
        M = torch.fft.rfft(md, N)
        room = r.b(n, self.p_speaker_room).nonzero().flatten()
        if len(room):
            h = rirs(r, len(room), 12000, dist=(0.5, 2.5))
            prop = h.abs().argmax(1)
            hs = torch.zeros_like(h)
            for k in range(len(room)):
                hs[k, :h.shape[1] - prop[k]] = h[k, prop[k]:]
            M[room] = M[room] * torch.fft.rfft(hs / hs.abs().amax(1, keepdim=True), N)
        if res.any():
            tilt = 10 ** ((r.u(n, -6.0, 9.0)[:, None] * torch.log2(f.clamp_min(100.0) / 1000.0)[None] / 3.0) / 20)
            shaped = M * tilt * _peaks(r, n, f, 3, (-10.0, 10.0), (200.0, 6000.0))
            M = torch.where(res[:, None], shaped, M)
        return M, res

    @torch.no_grad()
    def __call__(self, x):
        r = self.r
        B, T = x.shape
        N = nfft(T)
        f = torch.fft.rfftfreq(N, 1 / SR)
        e = frame_energy(x)
        act = active_frames(e).float()
        p_speech = (e * act).sum(1) / act.sum(1).clamp_min(1)  # dry speech power over its active frames
        X = torch.fft.rfft(x, N)
        gain_room = torch.ones(B)
        rv = r.b(B, self.p_room).nonzero().flatten()
        if len(rv):
            h = rirs(r, len(rv), 12000, dist=(0.3, 4.0))
            X[rv] = X[rv] * torch.fft.rfft(h, N)
            gain_room[rv] = h.pow(2).sum(1)
        p_here = p_speech * gain_room
        mu = r.b(B, self.p_music).nonzero().flatten()
        if len(mu):
            M, res = self._music_spectra(x, mu, N, f, T)
            p_m = 2 * torch.view_as_real(M).pow(2).sum((1, 2)) / (N * T)  # ~ mean power over the T samples (Parseval)
            ratio = torch.where(res, r.u(len(mu), *self.residual_sir), r.u(len(mu), *self.sir))
            g = torch.sqrt(p_here[mu] / p_m.clamp_min(1e-12) / 10 ** (ratio / 10))
            X[mu] = X[mu] + g[:, None] * M
        bb = r.b(B, self.p_babble).nonzero().flatten()
        if len(bb) and B > 1:
            src = (bb + 2) % B
            g = torch.sqrt(p_here[bb] / p_speech[src].clamp_min(1e-12) / 10 ** (r.u(len(bb), 8.0, 25.0) / 10))
            X[bb] = X[bb] + g[:, None] * X[src] / torch.sqrt(gain_room[src])[:, None]
        mc = r.b(B, self.p_mic).nonzero().flatten()
        if len(mc):
            n = len(mc)
            # room/self noise (1/f^beta), added before the capsule filter, at SNR against the speech
            beta = r.u(n, 0.0, 2.0)[:, None]
            shape = (f.clamp_min(20.0)[None] / 1000.0) ** (-beta / 2)
            spec = torch.complex(r.randn(n, f.numel()), r.randn(n, f.numel())) * shape
            p_n = 2 * torch.view_as_real(spec).pow(2).sum((1, 2)) / (N * N)
            X[mc] = X[mc] + spec * torch.sqrt(p_here[mc] / p_n / 10 ** (r.u(n, *self.snr) / 10))[:, None]
            band = _bandpass(f, r.u(n, 80.0, 300.0), r.u(n, 3400.0, 7500.0), r.u(n, 30.0, 120.0), r.u(n, 150.0, 700.0))
            pk = r.b(n, 0.7).float()[:, None]
            X[mc] = X[mc] * band * (pk * _peaks(r, n, f) + (1 - pk))
        y = torch.fft.irfft(X, N)[:, :T]
        if len(mc):
            ym = agc(y[mc], r, self.p_agc)
            cl = r.b(len(mc), self.p_clip)
            if cl.any():
                lim = r.u(len(mc), 0.2, 0.7)[:, None] * ym.abs().amax(1, keepdim=True)
                ym = torch.where(cl[:, None], torch.maximum(torch.minimum(ym, lim), -lim), ym)
            y[mc] = ym
        g = 10 ** (r.u(B, *self.gain_db) / 20)
        y = y / y.abs().amax(1, keepdim=True).clamp_min(1e-6) * (x.abs().amax(1, keepdim=True)) * g[:, None]
        return y.clamp(-1.0, 1.0)
