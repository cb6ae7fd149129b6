using System.Diagnostics;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// What the capture path's noise suppressor (<c>Audio:NoiseSuppressionDb</c>) costs, for <c>bench</c>: CPU time per
/// 100 ms block of 16 kHz audio (as the microphone delivers it), the windows' audio with its noise estimate settled.
/// </summary>
public static class NoiseSuppressorCost
{
    private const int Block = IAudioSource.SampleRate / 10;

    /// <summary>Times <paramref name="blocks"/> blocks after 2 s of warm-up; null when the suppressor cannot run.</summary>
    /// <param name="windows">Audio to suppress (concatenated and repeated as needed).</param>
    /// <param name="blocks">Timed 100 ms blocks.</param>
    /// <param name="attenuationDb">The configured attenuation.</param>
    public static LatencyStats? Measure(IReadOnlyList<float[]> windows, int blocks, int attenuationDb)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (attenuationDb == 0) return null;
        using var suppressor = new NoiseSuppressor(attenuationDb);
        if (suppressor.UnavailableReason is not null) return null;
        const int warmup = 20;
        var audio = BenchAudio.Repeat(windows, (warmup + blocks) * Block);

        var times = new List<double>(blocks);
        for (var b = 0; b < warmup + blocks; b++)
        {
            var start = Stopwatch.GetTimestamp();
            suppressor.Process(audio.AsSpan(b * Block, Block));
            if (b >= warmup) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.From(times);
    }
}
