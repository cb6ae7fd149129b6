using System.Threading.Channels;

namespace OrpheusLive.Hosting;

/// <summary>
/// How a command hands the hosted <see cref="LivePipelineService"/> what to listen to and waits for the pipeline: the
/// command = parse options → <see cref="RunAsync"/> → map the outcome to an exit code. The pipeline runs once per
/// process; its state and controls are the registered <c>IPipelineControl</c>.
/// </summary>
public sealed class PipelineRunner
{
    private readonly Channel<PipelineRun> _runs = Channel.CreateBounded<PipelineRun>(1);
    private int _requested;

    /// <summary>
    /// Asks the hosted service to listen as <paramref name="request"/> says and returns when the pipeline has ended: its
    /// input ended, it failed, or <paramref name="cancellationToken"/> stopped it (pending playback finishes first).
    /// </summary>
    /// <exception cref="InvalidOperationException">A run was already requested in this process.</exception>
    public async Task<PipelineOutcome> RunAsync(ListenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.Exchange(ref _requested, 1) == 1)
        {
            throw new InvalidOperationException("The live pipeline runs once per process.");
        }

        var run = new PipelineRun(request, cancellationToken);
        using var unclaimed = cancellationToken.Register(() => run.TryCancelUnclaimed());
        _runs.Writer.TryWrite(run);
        return await run.Completion.ConfigureAwait(false);
    }

    /// <summary>The next requested run (for the hosted service).</summary>
    internal ValueTask<PipelineRun> NextAsync(CancellationToken cancellationToken) => _runs.Reader.ReadAsync(cancellationToken);
}

/// <summary>One requested run: what to listen to, who may stop it, and its outcome.</summary>
internal sealed class PipelineRun(ListenRequest request, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<PipelineOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    public ListenRequest Request { get; } = request;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<PipelineOutcome> Completion => _completion.Task;

    /// <summary>The service takes the run; false when it was cancelled before anyone took it.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    public void Complete(PipelineOutcome outcome) => _completion.TrySetResult(outcome);

    // Cancelled while no service has taken it (the host is stopping or never started): nothing will run it.
    public void TryCancelUnclaimed()
    {
        if (TryClaim())
        {
            Complete(PipelineOutcome.Stopped);
        }
    }
}
