using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Hosting;

/// <summary>
/// The registered <see cref="IPipelineControl"/>: forwards to the app's one <see cref="LivePipeline"/>, which it resolves on
/// first use. Commands (and other front ends) take it in their constructors; resolving them must not create the pipeline,
/// whose options are validated only when the host starts (an invalid <c>Debounce:Threshold</c> is then one clear line).
/// </summary>
/// <param name="pipeline">Resolves the pipeline.</param>
public sealed class DeferredPipelineControl(Func<LivePipeline> pipeline) : IPipelineControl
{
    private readonly Lazy<LivePipeline> _pipeline = new(pipeline);

    /// <inheritdoc />
    public PipelineState Current => _pipeline.Value.Current;

    /// <inheritdoc />
    public IObservable<PipelineState> States => _pipeline.Value.States;

    /// <inheritdoc />
    public IObservable<PipelineEvent> Events => _pipeline.Value.Events;

    /// <inheritdoc />
    public void PauseListening() => _pipeline.Value.PauseListening();

    /// <inheritdoc />
    public void ResumeListening() => _pipeline.Value.ResumeListening();

    /// <inheritdoc />
    public Task PauseMusicAsync(CancellationToken cancellationToken) => _pipeline.Value.PauseMusicAsync(cancellationToken);

    /// <inheritdoc />
    public Task ResumeMusicAsync(CancellationToken cancellationToken) => _pipeline.Value.ResumeMusicAsync(cancellationToken);

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken) => _pipeline.Value.SkipAsync(cancellationToken);

    /// <inheritdoc />
    public Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken) => _pipeline.Value.PlayMoodAsync(mood, cancellationToken);

    /// <inheritdoc />
    public void Report(string id, StatusSeverity severity, string message, string? resolves = null) =>
        _pipeline.Value.Report(id, severity, message, resolves);

    /// <inheritdoc />
    public void DismissWarning(string id) => _pipeline.Value.DismissWarning(id);
}
