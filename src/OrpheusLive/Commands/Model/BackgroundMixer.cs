using NWaves.Operations;
using NWaves.Signals;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>eval --background FILE --sir DB</c>: puts music under every clip as the app's own playback would reach the
/// microphone. The room path, fixed so runs compare: the music plays through a small loudspeaker (2nd-order high-pass
/// at 150 Hz, then tanh saturation at drive 0.8) into a room (a synthetic impulse response: direct path, an early
/// reflection at 5 ms, a decaying noise tail with RT60 0.4 s over 300 ms, seeded) and reaches the microphone
/// <see cref="DelayMilliseconds"/> after it was played, scaled so that over the clip it is <c>SIR</c> dB below the
/// clip's speech; microphone noise at −70 dBFS. Each clip gets the next stretch of the background (looped), with
/// <see cref="LeadInSeconds"/> of music alone before it, as live, where the music plays on before the listener speaks.
/// The reference is the music as played (before loudspeaker and room), aligned with the microphone's time.
/// </summary>
public sealed class BackgroundMixer
{
    /// <summary>Seconds of music alone before each clip.</summary>
    public const int LeadInSeconds = 20;

    /// <summary>The delay from playback to the microphone, in ms (device buffers and air).</summary>
    public const int DelayMilliseconds = 60;

    private const int Rate = IAudioSource.SampleRate;
    private readonly float[] _background;
    private readonly double _sirDb;
    private readonly float[] _room;
    private readonly Random _noise = new(17);
    private long _cursor;

    /// <summary>Prepares the mixer over a decoded background (16 kHz mono, at least one second).</summary>
    /// <exception cref="InvalidDataException">The background is shorter than a second or silent.</exception>
    public BackgroundMixer(float[] background, double sirDb, string name)
    {
        ArgumentNullException.ThrowIfNull(background);
        if (background.Length < Rate || background.All(v => v == 0f))
            throw new InvalidDataException($"{name}: the background must hold at least one second of sound");
        _background = background;
        _sirDb = sirDb;
        _room = Room(0.4, 300 * Rate / 1000, seed: 3);
    }

    /// <summary>One mixture: the microphone (lead-in + clip) and the reference over the same time; the clip starts at <see cref="LeadInSamples"/>.</summary>
    public (float[] Microphone, float[] Reference) Mix(float[] clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var length = LeadInSamples + clip.Length;
        var delay = DelayMilliseconds * Rate / 1000;
        var played = new float[length];
        for (var i = 0; i < length; i++) played[i] = _background[(int)((_cursor + i) % _background.Length)];
        _cursor = (_cursor + length) % _background.Length;

        var echo = Echo(played, delay);
        var speech = Rms(clip);
        var music = Rms(echo.AsSpan(LeadInSamples));
        var gain = music <= 1e-9 || speech <= 1e-9 ? 0f : (float)(speech / music / Math.Pow(10, _sirDb / 20));
        var microphone = new float[length];
        for (var i = 0; i < length; i++)
        {
            var voice = i >= LeadInSamples ? clip[i - LeadInSamples] : 0f;
            microphone[i] = voice + gain * echo[i] + (float)((_noise.NextDouble() * 2 - 1) * 5.5e-4); // ≈ −70 dBFS RMS
        }

        return (microphone, played);
    }

    /// <summary>Samples of music alone before the clip in <see cref="Mix"/>'s result.</summary>
    public static int LeadInSamples => LeadInSeconds * Rate;

    private float[] Echo(float[] played, int delay)
    {
        // Loudspeaker: 2nd-order Butterworth high-pass at 150 Hz (bilinear), then soft saturation.
        var speaker = new float[played.Length];
        var w = Math.Tan(Math.PI * 150 / Rate);
        var k = 1 / (1 + Math.Sqrt(2) * w + w * w);
        double b0 = k, b1 = -2 * k, b2 = k, a1 = 2 * (w * w - 1) * k, a2 = (1 - Math.Sqrt(2) * w + w * w) * k;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < played.Length; i++)
        {
            double x = played[i];
            var y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1; x1 = x; y2 = y1; y1 = y;
            speaker[i] = (float)(Math.Tanh(0.8 * y) / 0.8);
        }

        var wet = Operation.Convolve(new DiscreteSignal(Rate, speaker), new DiscreteSignal(Rate, _room)).Samples;
        var echo = new float[played.Length];
        for (var i = delay; i < echo.Length; i++) echo[i] = wet[i - delay];
        return echo;
    }

    private static float[] Room(double rt60, int taps, int seed)
    {
        var random = new Random(seed);
        var h = new float[taps];
        for (var i = 1; i < taps; i++) h[i] = (float)((random.NextDouble() * 2 - 1) * 0.3 * Math.Exp(-6.9 * i / (rt60 * Rate)));
        h[0] = 1;
        h[5 * Rate / 1000] += 0.5f;
        return h;
    }

    private static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v * (double)v;
        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }
}
