using OrpheusLive.Audio.Decoding;

namespace OrpheusLive.Library.Tests;

/// <summary>Generated music for the analysis tests: a drum beat at a tempo, a chord pad in a key, brightness and level.</summary>
internal sealed record Synth
{
    public const int Rate = 22_050;
    private static readonly double[] MajorTriad = [0, 4, 7];
    private static readonly double[] MinorTriad = [0, 3, 7];

    public double Seconds { get; init; } = 20;
    public double TempoBpm { get; init; } = 120;
    public bool Drums { get; init; } = true;
    public double DrumLevel { get; init; } = 0.5;
    public double PadLevel { get; init; } = 0.2;
    /// <summary>Harmonics of each pad voice (more = brighter).</summary>
    public int Harmonics { get; init; } = 4;
    /// <summary>Amplitude roll-off per harmonic (1/h^Rolloff: smaller = brighter).</summary>
    public double HarmonicRolloff { get; init; } = 1.5;
    public int Tonic { get; init; }
    public bool Major { get; init; } = true;
    public double Gain { get; init; } = 1;
    public int Seed { get; init; } = 7;

    /// <summary>The whole signal (for short tests).</summary>
    public float[] Render()
    {
        var x = new float[(int)(Seconds * Rate)];
        using var reader = Open();
        reader.Read(x);
        return x;
    }

    /// <summary>The signal as a streaming reader (nothing is held in memory: any length).</summary>
    public IMonoAudioReader Open() => new Reader(this);

    /// <summary>Writes the signal as a 16-bit WAV file.</summary>
    public string WriteWav(string path)
    {
        Audio.Wav.WavFile.Write(path, Audio.Wav.WavFormat.Pcm(Rate, 1), Render());
        return path;
    }

    private sealed class Reader(Synth s) : IMonoAudioReader
    {
        private readonly long _total = (long)(s.Seconds * Rate);
        private readonly Random _noise = new(s.Seed);
        private readonly double[] _chordRoots = [0, 5, 7, 0]; // I–IV–V–I (or i–iv–v–i)
        private long _position;

        public int SampleRate => Rate;
        public string FormatName => "generated";
        public (int SampleRate, int Channels) Source => (Rate, 1);
        public TimeSpan? DeclaredDuration => TimeSpan.FromSeconds(s.Seconds);

        public int Read(Span<float> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _total - _position);
            var beat = 60.0 / s.TempoBpm;
            var triad = s.Major ? MajorTriad : MinorTriad;
            for (var i = 0; i < n; i++, _position++)
            {
                var t = _position / (double)Rate;
                double y = 0;
                if (s.Drums)
                {
                    var sinceBeat = t % beat;
                    var beatIndex = (long)(t / beat);
                    // kick on every beat (a decaying 60→40 Hz thump), a noise hi-hat on every eighth, a snare on 2 and 4
                    y += s.DrumLevel * Math.Exp(-sinceBeat * 30) * Math.Sin(2 * Math.PI * (40 + 20 * Math.Exp(-sinceBeat * 20)) * sinceBeat);
                    var sinceEighth = t % (beat / 2);
                    y += s.DrumLevel * 0.3 * Math.Exp(-sinceEighth * 80) * (_noise.NextDouble() * 2 - 1);
                    if (beatIndex % 2 == 1) y += s.DrumLevel * 0.3 * Math.Exp(-sinceBeat * 25) * (_noise.NextDouble() * 2 - 1);
                }
                var bar = (long)(t / (4 * beat));
                var root = s.Tonic + _chordRoots[bar % _chordRoots.Length];
                foreach (var interval in triad)
                {
                    var f = 261.63 * Math.Pow(2, (root + interval) / 12.0) / 2; // around C4, one octave down
                    for (var h = 1; h <= s.Harmonics; h++)
                        y += s.PadLevel / 3 * Math.Sin(2 * Math.PI * f * h * t) / Math.Pow(h, s.HarmonicRolloff);
                }
                buffer[i] = (float)Math.Clamp(y * s.Gain, -1, 1);
            }
            return n;
        }

        public void Dispose()
        {
        }
    }
}
