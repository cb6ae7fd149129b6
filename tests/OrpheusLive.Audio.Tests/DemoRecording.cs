using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;

namespace OrpheusLive.Audio.Tests;

/// <summary>The repository's demo recording (<c>samples/demo.wav</c>: real speech), decoded once at 16 kHz.</summary>
internal static class DemoRecording
{
    private static readonly Lazy<float[]> Decoded = new(() =>
        new AudioDecoder([new WavAudioFormat()]).DecodeAll(Path.Combine(RepoPaths.Root, "samples", "demo.wav"), TimeSpan.FromMinutes(5)));

    /// <summary>All of it (do not write to it: shared by the tests).</summary>
    public static float[] Samples => Decoded.Value;
}
