using OrpheusLive.Tui.Hosting;
using Terminal.Gui.App;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// Runs the pipeline's asynchronous controls (pause/resume the music, skip, move to a device) off the UI thread, one
/// of each kind at a time, with a timeout; their outcome comes back to the UI thread as a notice. A failure never
/// escapes into the UI loop: it becomes a plain-words notice.
/// </summary>
internal sealed class BackgroundCalls(IApplication app, Action<string> notify, TimeSpan timeout)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts <paramref name="call"/> unless a call of the same <paramref name="kind"/> is still running (then false).
    /// <paramref name="done"/> is shown when it succeeds; "<paramref name="failed"/>: why" when it throws or times out.
    /// </summary>
    public bool Start(string kind, Func<CancellationToken, Task> call, string? done, string failed) =>
        Start<bool>(kind, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, _ => done, failed);

    /// <summary>
    /// Starts <paramref name="call"/> unless a call of the same <paramref name="kind"/> is still running (then false);
    /// its answer becomes the notice <paramref name="done"/> makes of it (none when null), a failure or timeout
    /// "<paramref name="failed"/>: why".
    /// </summary>
    public bool Start<T>(string kind, Func<CancellationToken, Task<T>> call, Func<T, string?> done, string failed)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(kind, out var running) && !running.IsCompleted)
            {
                return false;
            }

            _running[kind] = Task.Run(() => RunAsync(call, done, failed));
            return true;
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) for the calls still running; their failures were already reported.</summary>
    public async Task WhenIdleAsync(TimeSpan limit)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running.Values];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Quitting: a slow device is abandoned.
        }
    }

    private async Task RunAsync<T>(Func<CancellationToken, Task<T>> call, Func<T, string?> done, string failed)
    {
        string? message;
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout);
            message = done(await call(timeoutSource.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            message = $"{failed}: no answer within {timeout.TotalSeconds:0} s";
        }
        catch (Exception e)
        {
            message = $"{failed}: {e.Message}";
        }

        if (message is null)
        {
            return;
        }

        app.Post(() => notify(message));
    }
}
