using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using OrpheusLive.Core.Pipeline.State;
using Tmds.DBus.Protocol;

namespace OrpheusLive.Mpris;

/// <summary>
/// Exports OrpheusLive as the MPRIS player <c>org.mpris.MediaPlayer2.orpheus</c> on the session bus for as long as the
/// host runs, so media keys, desktop status bars and <c>playerctl</c> show what plays and pause, resume or skip it.
/// It exports the player once the pipeline listens (not while it starts, nor when it fails or ends before that).
/// Does nothing on other systems than Linux or when <see cref="MprisOptions.Enabled"/> is false. Without a session
/// bus (or when it cannot be reached, or goes away) it logs one warning and stops; the rest of the app is untouched.
/// With <see cref="ReportToPipeline"/> (the dashboard, whose screen the log does not reach) that warning is also in the
/// pipeline state's warnings as <see cref="WarningIds.MediaKeysUnavailable"/>.
/// </summary>
internal sealed class MprisService(
    IPipelineControl control,
    ISessionBusLocator bus,
    IOptions<MprisOptions> options,
    ILogger<MprisService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<string?> _exported = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes with the bus name once the player is exported (and answers calls), or with null when it will not be
    /// (not Linux, disabled, no bus).
    /// </summary>
    public Task<string?> Exported => _exported.Task;

    /// <summary>Whether a "media keys are off" warning also goes to the pipeline state (the dashboard's warnings), not only to the log.</summary>
    public bool ReportToPipeline { get; init; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            // Media keys are a convenience: whatever happens on the bus must not stop the host.
            logger.LogWarning("Media keys (MPRIS) are off: {Error}", ex.Message);
            Report($"Media keys (MPRIS) are off: {ex.Message}");
        }
        finally
        {
            _exported.TrySetResult(null);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux() || !options.Value.Enabled)
        {
            return;
        }

        // Export only once the pipeline really listens: a command that fails on bad input says its one line and
        // nothing about media keys, and a run that never starts never touches the bus.
        var started = await control.States
            .FirstAsync(s => s.Status is not PipelineStatus.Starting)
            .ToTask(stoppingToken)
            .ConfigureAwait(false);
        if (started.Status is PipelineStatus.Ended or PipelineStatus.Failed)
        {
            return;
        }

        var address = bus.Address;
        if (string.IsNullOrWhiteSpace(address))
        {
            const string NoBus = "No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): media keys and playerctl cannot control OrpheusLive; everything else works (set Mpris:Enabled=false to silence this).";
            logger.LogWarning(NoBus);
            Report(NoBus);
            return;
        }

        using var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DBusConnectionException or DBusExceptionBase or IOException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning("The D-Bus session bus at {Address} cannot be reached ({Error}): media keys and playerctl cannot control OrpheusLive; everything else works.", address, ex.Message);
            Report($"The D-Bus session bus at {address} cannot be reached ({ex.Message}): media keys and playerctl cannot control OrpheusLive; everything else works.");
            return;
        }

        var player = new MprisObject(control, logger, stoppingToken);
        using var states = control.States.Subscribe(player.OnState);
        player.Attach(connection);
        connection.AddMethodHandler(player);
        var name = await RequestNameAsync(connection).ConfigureAwait(false);
        logger.LogInformation("Media keys: OrpheusLive is the MPRIS player {Name} on the session bus", name);
        _exported.TrySetResult(name);

        var disconnected = connection.DisconnectedAsync();
        await Task.WhenAny(disconnected, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
        if (!stoppingToken.IsCancellationRequested)
        {
            var reason = await disconnected.ConfigureAwait(false);
            logger.LogWarning("The D-Bus session bus went away ({Error}): media keys no longer control OrpheusLive; everything else works.", reason?.Message ?? "closed");
            Report($"The D-Bus session bus went away ({reason?.Message ?? "closed"}): media keys no longer control OrpheusLive; everything else works.");
        }
    }

    private void Report(string message)
    {
        if (ReportToPipeline)
        {
            control.Report(WarningIds.MediaKeysUnavailable, OrpheusLive.Core.Pipeline.StatusSeverity.Warning, message);
        }
    }

    /// <summary>
    /// The well-known name; when another OrpheusLive already has it, the specification's per-instance name
    /// <c>org.mpris.MediaPlayer2.orpheus.instance&lt;pid&gt;</c> (playerctl lists it as <c>orpheus.instance…</c>).
    /// </summary>
    private static async Task<string> RequestNameAsync(DBusConnection connection)
    {
        if (await connection.TryRequestNameAsync(MprisNames.BusName, RequestNameOptions.None).ConfigureAwait(false))
        {
            return MprisNames.BusName;
        }

        var instance = $"{MprisNames.BusName}.instance{Environment.ProcessId}";
        await connection.RequestNameAsync(instance, RequestNameOptions.None).ConfigureAwait(false);
        return instance;
    }
}
