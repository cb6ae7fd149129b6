using OrpheusLive.Tui.Library;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>A rescan that reports one step and then waits until the test finishes it (or the view cancels it).</summary>
public sealed class GatedLibraryRescan(LibraryScanProgress step) : ILibraryRescan
{
    private readonly TaskCompletionSource<string> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _sawCancellation;

    public int Calls { get; private set; }

    /// <summary>True once the view cancelled the running rescan.</summary>
    public bool SawCancellation => _sawCancellation;

    /// <summary>Completes when the view has started the rescan and its step was reported.</summary>
    public Task Started => _started.Task;

    public async Task<string> RescanAsync(IProgress<LibraryScanProgress> progress, CancellationToken cancellationToken)
    {
        Calls++;
        progress.Report(step);
        _started.TrySetResult();
        try
        {
            return await _finish.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _sawCancellation = true;
            throw;
        }
    }

    public void Finish(string summary) => _finish.TrySetResult(summary);
}
