using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Hosting;

/// <summary>
/// Puts the noise suppressor on a run's input (<c>Audio:NoiseSuppressionDb</c>, after echo cancellation): files and
/// the microphone alike, as <c>orpheus eval</c> scores clips, so a <c>--fast</c> file run decides like a live one.
/// 0 leaves the input as it is; a missing native library is the pipeline warning
/// <see cref="WarningIds.NoiseSuppressionUnavailable"/> and the run goes on without it.
/// </summary>
public sealed class NoiseSuppressionSetup(IOptions<AudioOptions> options, ILogger<NoiseSuppressionSetup> logger)
{
    /// <summary>Returns the source the pipeline should read: <paramref name="source"/> itself or it noise-suppressed.</summary>
    public IAudioSource Apply(IAudioSource source, LivePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pipeline);
        var db = options.Value.NoiseSuppressionDb;
        if (db == 0) return source;
        var suppressor = new NoiseSuppressor(db);
        if (suppressor.UnavailableReason is { } reason)
        {
            suppressor.Dispose();
            pipeline.Report(WarningIds.NoiseSuppressionUnavailable, StatusSeverity.Warning, reason);
            return source;
        }

        logger.LogInformation("Noise suppression on ({Db} dB)", db);
        return new NoiseSuppressingSource(source, suppressor);
    }
}
