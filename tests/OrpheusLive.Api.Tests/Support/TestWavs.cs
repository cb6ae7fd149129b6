using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>WAV files made on the fly.</summary>
internal static class TestWavs
{
    /// <summary>A sine tone as a WAV file in memory.</summary>
    public static byte[] Tone(double frequency, double seconds, double amplitude = 0.5, int sampleRate = 16_000, int channels = 1, int bits = 16)
    {
        var frames = (int)Math.Round(seconds * sampleRate);
        var samples = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var value = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
            for (var c = 0; c < channels; c++)
            {
                samples[i * channels + c] = value;
            }
        }

        return Encode(WavFormat.Pcm(sampleRate, channels, bits), samples);
    }

    /// <summary>Tones one after another (mono, 16 kHz).</summary>
    public static byte[] Tones(params (double Frequency, double Seconds)[] parts)
    {
        var samples = new List<float>();
        foreach (var (frequency, seconds) in parts)
        {
            var frames = (int)Math.Round(seconds * 16_000);
            for (var i = 0; i < frames; i++)
            {
                samples.Add((float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / 16_000)));
            }
        }

        return Encode(WavFormat.Pcm(16_000, 1), [.. samples]);
    }

    public static byte[] Encode(WavFormat format, float[] interleaved)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, format, leaveOpen: true))
        {
            writer.WriteFrames(interleaved);
        }

        return stream.ToArray();
    }

    public static string WriteFile(string directory, string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
