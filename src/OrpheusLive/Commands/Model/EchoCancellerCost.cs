using System.Diagnostics;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// What the live capture path's echo canceller costs, for <c>bench</c>: CPU time per 100 ms block of 16 kHz capture
/// (as the microphone delivers it) with the canceller aligned and adapting: the capture is the windows' audio played
/// back 100 ms late at half level, the reference is that audio itself.
/// </summary>
public static class EchoCancellerCost
{
    private const int Block = IAudioSource.SampleRate / 10;

    /// <summary>Times <paramref name="blocks"/> blocks after 4 s of warm-up (the delay is found in about 1 s); null when the engine cannot run.</summary>
    /// <param name="windows">Audio to play (concatenated and repeated as needed).</param>
    /// <param name="blocks">Timed 100 ms blocks.</param>
    /// <param name="engine">The engine the live path would use.</param>
    public static LatencyStats? Measure(IReadOnlyList<float[]> windows, int blocks, EchoCancellerEngine engine = EchoCancellerEngine.Speex)
    {
        ArgumentNullException.ThrowIfNull(windows);
        using var canceller = new EchoCanceller(new EchoCancellerOptions { Engine = engine });
        if (canceller.UnavailableReason is not null) return null;
        var warmup = 40;
        var total = (warmup + blocks) * Block;
        var played = BenchAudio.Repeat(windows, total + Block);

        var capture = new float[total];
        for (var i = Block; i < total; i++) capture[i] = 0.5f * played[i - Block];
        var output = new float[Block];
        var times = new List<double>(blocks);
        for (var b = 0; b < warmup + blocks; b++)
        {
            var start = Stopwatch.GetTimestamp();
            canceller.Process(capture.AsSpan(b * Block, Block), played.AsSpan(b * Block, Block), output);
            if (b >= warmup) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.From(times);
    }
}
