using System.Runtime.ExceptionServices;

namespace OrpheusLive.Hosting;

/// <summary>How a pipeline run ended, for the command that asked for it (the state tells front ends the same).</summary>
/// <param name="Kind">Ended (the input ended), Stopped (Ctrl+C, the host stopping, the user quitting) or Failed.</param>
/// <param name="Error">What failed, or null.</param>
public sealed record PipelineOutcome(PipelineOutcomeKind Kind, Exception? Error)
{
    /// <summary>The input ended.</summary>
    public static PipelineOutcome Ended { get; } = new(PipelineOutcomeKind.Ended, null);

    /// <summary>The run was stopped before its input ended.</summary>
    public static PipelineOutcome Stopped { get; } = new(PipelineOutcomeKind.Stopped, null);

    /// <summary>The run failed with <paramref name="error"/>.</summary>
    public static PipelineOutcome Failed(Exception error) => new(PipelineOutcomeKind.Failed, error);

    /// <summary>Rethrows the failure (with its stack), so the app reports it like any command error; else does nothing.</summary>
    public void ThrowIfFailed()
    {
        if (Error is not null)
        {
            ExceptionDispatchInfo.Throw(Error);
        }
    }
}
