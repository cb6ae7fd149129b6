using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Commands.Calibrate;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;
using OrpheusLive.Players;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Live;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// <c>orpheus run</c> (and plain <c>orpheus</c>): the live dashboard. Listens to the microphone, or to the demo input
/// when no microphone can be opened (with the <c>microphone.missing</c> warning), or to <c>--input FILE</c>. The hosted
/// pipeline runs it; the dashboard shows its state and sends the user's keys to its controls.
/// </summary>
public sealed class RunCommand(
    PipelineRunner runner,
    IPipelineControl pipeline,
    IPlayerFactory players,
    IMoodMapStore moods,
    IConfiguration configuration,
    IEnumerable<PlaybackDevicesFactory> deviceSelection,
    IEnumerable<IPlayerProvider> playerProviders,
    IOptions<PlayerOptions> playerOptions,
    MappingTargetCatalogs catalogs,
    MusicLibraryCatalog library,
    DashboardEnrolment enrolment,
    ILogger<RunCommand> logger) : CliCommand(OrpheusCommandLine.DefaultCommand, "Open the live dashboard (the default): emotions, mood and music, with keys to control them")
{
    /// <summary>How long the pipeline may take to stop after the dashboard closed.</summary>
    private static readonly TimeSpan PipelineStopTimeout = TimeSpan.FromSeconds(5);

    private readonly ListenArguments _listen = new(players, "who plays the music (default: Player:Default, normally 'auto' = Spotify if logged in, else local files)");

    /// <inheritdoc />
    public override bool OwnsTerminal => true;

    /// <inheritdoc />
    public override string Details => """
        Without --input the microphone is used; when it cannot be opened the demo input (samples/demo.wav) plays instead.
        Keys: [p] pause/resume listening  [space] pause/resume the music  [n] skip  [d] Spotify device  [m] mapping editor
              [l] music library (moods, tracks, the valence–arousal map)  [c] calibrate (read ~10 lines in given emotions)
              [x] dismiss the selected warning  [q] quit
        Without an interactive terminal it prints one line per window and music change instead (see also 'orpheus listen').
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => _listen.All;

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var player = playerOptions.Value.Default is { Length: > 0 } configured ? configured : "auto";
        if (!players.Names.Contains(player, StringComparer.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(PlayerOptions.SectionName, typeof(PlayerOptions),
                [$"{PlayerOptions.SectionName}:Default is '{player}'; use {string.Join(", ", players.Names)}."]);
        }

        var request = _listen.ToRequest(args, configuration, player) with { DemoWhenNoMicrophone = true };
        var interactive = TerminalCheck.IsInteractive(out var problem);
        if (!interactive)
        {
            return await RunHeadlessAsync(request, problem, cancellationToken);
        }

        // [d] only where the run can end up on Spotify (the only player with devices to pick); the status bar stays short.
        var spotifyPossible = request.Player is "spotify" or "auto"
            && playerProviders.Any(p => p.Name == "spotify" && p.IsAvailable(out _));
        IPlaybackDevices? devices = spotifyPossible ? new PipelinePlayerDevices(pipeline, [.. deviceSelection]) : null;
        using var stopPipeline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => runner.RunAsync(request, stopPipeline.Token), CancellationToken.None);
        using (NativeErrorCapture.Start(logger))
        {
            // Native libraries' own stderr lines (libspeexdsp's reset warning) go to the log, not over the screen.
            await TerminalDashboard.RunAsync(pipeline, moods, devices, new DashboardOptions { TargetCatalogs = catalogs.Available(), Library = library, LibraryRescan = library, Enrolment = enrolment.ForMicrophone(request.Device) }, cancellationToken);
        }

        await stopPipeline.CancelAsync();
        try
        {
            var outcome = await run.WaitAsync(PipelineStopTimeout, CancellationToken.None);
            outcome.ThrowIfFailed();
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The pipeline did not stop within {Timeout} s after the dashboard closed", PipelineStopTimeout.TotalSeconds);
        }

        return 0;
    }

    /// <summary>
    /// Without a terminal (a pipe, CI, a service) the same pipeline runs and prints one readable line per event, so
    /// `./run` on a fresh headless machine still shows the whole pipeline working.
    /// </summary>
    private async Task<int> RunHeadlessAsync(ListenRequest request, string? problem, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync(
            $"orpheus run: no interactive terminal ({problem}); printing the pipeline as text. Use 'orpheus listen --json' for machine-readable lines.");
        var gate = new object();
        using var subscription = pipeline.Events.Subscribe(e =>
        {
            lock (gate)
            {
                HumanEventWriter.Write(Console.Out, e);
            }
        });
        var outcome = await runner.RunAsync(request, cancellationToken);
        outcome.ThrowIfFailed();
        return 0;
    }
}
