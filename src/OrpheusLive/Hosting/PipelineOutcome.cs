using System.Runtime.ExceptionServices;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Hosting;

/// <summary>How a pipeline run ended, for the command that asked for it (the state tells front ends the same).</summary>
/// <param name="Status"><see cref="PipelineStatus.Ended"/> (the input ended), <see cref="PipelineStatus.Failed"/>, or
/// <see cref="PipelineStatus.Listening"/> when it was stopped (Ctrl+C, the host stopping, the user quitting).</param>
/// <param name="Error">What failed, or null.</param>
public sealed record PipelineOutcome(PipelineStatus Status, Exception? Error)
{
    /// <summary>The input ended.</summary>
    public static PipelineOutcome Ended { get; } = new(PipelineStatus.Ended, null);

    /// <summary>The run was stopped before its input ended.</summary>
    public static PipelineOutcome Stopped { get; } = new(PipelineStatus.Listening, null);

    /// <summary>The run failed with <paramref name="error"/>.</summary>
    public static PipelineOutcome Failed(Exception error) => new(PipelineStatus.Failed, error);

    /// <summary>Rethrows the failure (with its stack), so the app reports it like any command error; else does nothing.</summary>
    public void ThrowIfFailed()
    {
        if (Error is not null)
        {
            ExceptionDispatchInfo.Throw(Error);
        }
    }
}
