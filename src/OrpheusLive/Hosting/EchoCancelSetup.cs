using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Players;

namespace OrpheusLive.Hosting;

/// <summary>
/// Puts the echo canceller on the capture path of a run (<c>Audio:EchoCancel</c>): a live microphone is wrapped in an
/// <see cref="EchoCancellingSource"/> whose reference is what the built-in player plays (it writes into the one
/// <see cref="EchoReference"/>), or, for another player, the monitor named by <c>Audio:EchoReferenceMonitor</c>.
/// Files, <c>off</c>, and <c>auto</c> without a reference are left as they are. Problems are pipeline warnings
/// (<see cref="WarningIds.EchoCancelUnavailable"/>, <see cref="WarningIds.EchoCancelDiverged"/>, once per run); the
/// pipeline always goes on.
/// </summary>
public sealed class EchoCancelSetup(EchoReference reference, IOptions<AudioOptions> options, ILogger<EchoCancelSetup> logger)
{
    /// <summary>Returns the source the pipeline should read: <paramref name="source"/> itself or it echo-cancelled.</summary>
    public IAudioSource Apply(IAudioSource source, IPlayer player, LivePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(pipeline);
        var audio = options.Value;
        var mode = audio.EchoCancelMode;
        if (mode == EchoCancelMode.Off || !source.IsLive) return source;
        var builtIn = player.Name == "local" || player is FallbackPlayer;
        var monitor = builtIn || OperatingSystem.IsWindows() || string.IsNullOrWhiteSpace(audio.EchoReferenceMonitor) ? null : audio.EchoReferenceMonitor;
        if (!builtIn && monitor is null)
        {
            if (mode != EchoCancelMode.Auto)
            {
                pipeline.Report(WarningIds.EchoCancelUnavailable, StatusSeverity.Warning,
                    $"Echo cancellation is off: the {player.Name} player plays elsewhere; set Audio:EchoReferenceMonitor to the monitor of the sink it plays to on this machine.");
            }

            return source;
        }

        var canceller = CreateCanceller(mode, pipeline);
        if (canceller is null) return source;
        reference.Clear();
        var reported = 0;
        var wrapped = new EchoCancellingSource(source, reference, canceller, e =>
        {
            logger.LogWarning("The echo canceller diverged (output {Db:F1} dB above the microphone) and was reset ({Count} so far)", e.OutputToCaptureDb, e.ResetCount);
            if (Interlocked.Exchange(ref reported, 1) == 0)
            {
                pipeline.Report(WarningIds.EchoCancelDiverged, StatusSeverity.Warning,
                    "The echo canceller diverged and reset itself; it re-converges on the music within about 20 s.");
            }
        })
        {
            Companion = monitor is null ? null : new MonitorEchoFeed(
                new PulseAudioSource(new PulseAudioSourceOptions { Device = monitor, Server = audio.Server, FragmentMilliseconds = audio.FragmentMilliseconds }),
                reference,
                problem => pipeline.Report(WarningIds.EchoCancelUnavailable, StatusSeverity.Warning, problem)),
        };
        logger.LogInformation("Echo cancellation on ({Mode}) against {Reference}", mode, monitor ?? "the built-in player");
        return wrapped;
    }

    private EchoCanceller? CreateCanceller(EchoCancelMode mode, LivePipeline pipeline)
    {
        var engine = mode == EchoCancelMode.Fdaf ? EchoCancellerEngine.Fdaf : EchoCancellerEngine.Speex;
        var canceller = new EchoCanceller(new EchoCancellerOptions { Engine = engine });
        if (canceller.UnavailableReason is null) return canceller;
        canceller.Dispose();
        if (mode == EchoCancelMode.Auto)
        {
            // auto: the own filter needs no native library (measured weaker, docs/echo-cancellation.md, but far better than none).
            logger.LogInformation("{Reason} Using the built-in FDAF canceller instead.", canceller.UnavailableReason);
            return new EchoCanceller(new EchoCancellerOptions { Engine = EchoCancellerEngine.Fdaf });
        }

        pipeline.Report(WarningIds.EchoCancelUnavailable, StatusSeverity.Warning, canceller.UnavailableReason);
        return null;
    }
}
