using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>eval</c>'s echo cancellation: a clip and the reference of what was playing, through the live capture path's
/// <see cref="EchoCanceller"/> (same options, 100 ms blocks). Live, the canceller has heard the music for a while
/// before the listener speaks and its filter has converged; a fresh canceller on a 3 s clip would cancel almost nothing
/// (it needs about 1 s to find the delay and 10–30 s to converge, <c>docs/echo-cancellation.md</c>). So the pair is
/// first run through the canceller as a loop for <see cref="PrimeSeconds"/> (the echo path is the same on every
/// pass), and the clip's last pass is what the model hears. A background that starts before the clip
/// (<see cref="BackgroundMixer"/>) is cancelled from its start instead, like live.
/// </summary>
public sealed class EvalEchoPath(EchoCancellerOptions? options = null)
{
    /// <summary>Seconds of the looped pair the canceller converges on before the clip's own pass.</summary>
    public const int PrimeSeconds = 20;

    private readonly EchoCancellerOptions _options = options ?? new EchoCancellerOptions();

    /// <summary>Why no cancellation can run (libspeexdsp missing), or null.</summary>
    public string? UnavailableReason
    {
        get
        {
            using var probe = new EchoCanceller(_options);
            return probe.UnavailableReason;
        }
    }

    /// <summary>Cancels <paramref name="reference"/> (as long as the clip or longer) in <paramref name="clip"/> after priming on the looped pair.</summary>
    public float[] CancelClip(float[] clip, float[] reference)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(reference);
        if (clip.Length == 0) return clip;
        var passes = 1 + (PrimeSeconds * IAudioSource.SampleRate + clip.Length - 1) / clip.Length;
        var capture = new float[clip.Length * passes];
        var played = new float[clip.Length * passes];
        for (var p = 0; p < passes; p++)
        {
            clip.CopyTo(capture, p * clip.Length);
            reference.AsSpan(0, clip.Length).CopyTo(played.AsSpan(p * clip.Length));
        }

        return CancelStream(capture, played, capture.Length - clip.Length);
    }

    /// <summary>Cancels a whole stream from its start and returns its part from <paramref name="keepFrom"/> on.</summary>
    public float[] CancelStream(float[] capture, float[] reference, int keepFrom)
    {
        using var canceller = new EchoCanceller(_options);
        var output = canceller.CancelWhole(capture, reference);
        return output.AsSpan(keepFrom).ToArray();
    }
}
