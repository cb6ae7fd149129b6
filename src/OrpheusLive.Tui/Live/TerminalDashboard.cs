using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Hosting;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The dashboard's entry point for the host (<c>orpheus</c> / <c>orpheus run</c>): shows <see cref="DashboardWindow"/>
/// for a running pipeline until the user quits (q, Ctrl+C) or the host cancels (SIGINT/SIGTERM), then
/// restores the terminal. The pipeline is the caller's: it is neither started nor stopped here.
/// </summary>
public static class TerminalDashboard
{
    private static readonly TimeSpan ControlsStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs the dashboard; completes when it closed (and the terminal is back).</summary>
    /// <param name="pipeline">The pipeline to show and control.</param>
    /// <param name="moods">The mapping the editor ([m]) changes; a running pipeline reads its changes.</param>
    /// <param name="devices">Device selection for the active player ([d]), or null when it has none.</param>
    /// <param name="options">Timing, target catalogs for the editor, and the terminal; defaults when null.</param>
    /// <param name="cancellationToken">Closes the dashboard (the host's Ctrl+C / SIGTERM).</param>
    public static async Task RunAsync(IPipelineControl pipeline, IMoodMapStore moods, IPlaybackDevices? devices,
        DashboardOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(moods);
        options ??= new DashboardOptions();
        BackgroundCalls? calls = null;
        await TerminalUi.RunAsync(options.Terminal, session =>
        {
            using var window = new DashboardWindow(session, pipeline, moods, devices, options);
            calls = window.Calls;
            session.Show(window);
        }, cancellationToken).ConfigureAwait(false);

        if (calls is not null)
        {
            await calls.WhenIdleAsync(ControlsStopTimeout).ConfigureAwait(false);
        }
    }
}
