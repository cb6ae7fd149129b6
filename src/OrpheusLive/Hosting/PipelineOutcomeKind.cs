namespace OrpheusLive.Hosting;

/// <summary>How a pipeline run ended.</summary>
public enum PipelineOutcomeKind
{
    /// <summary>The input ended (a file); exit 0.</summary>
    Ended,

    /// <summary>It was stopped before its input ended (Ctrl+C, SIGTERM, the user quit the dashboard); exit 0.</summary>
    Stopped,

    /// <summary>The model, the input or the player failed; the error is in <see cref="PipelineOutcome.Error"/>; exit 1.</summary>
    Failed,
}
