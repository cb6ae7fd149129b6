using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Hosting;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Live;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// <c>orpheus run</c> (and plain <c>orpheus</c>): the live dashboard. Listens to the microphone, or to the demo input
/// when no microphone can be opened (with a visible warning), or to <c>--input FILE.wav</c>.
/// </summary>
public sealed class RunCommand(
    LiveSessionFactory sessions,
    IAudioSourceFactory audio,
    IMoodMapStore moods,
    IConfiguration configuration,
    IEnumerable<PlaybackDevicesFactory> deviceSelection,
    ILogger<RunCommand> logger) : ICliCommand
{
    /// <summary>The warning shown when the demo input replaces a missing microphone.</summary>
    public const string NoMicrophoneWarning = "No microphone — playing the demo input";

    /// <summary>How long the pipeline may take to stop after the dashboard closed.</summary>
    private static readonly TimeSpan PipelineStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the microphone probe waits for the first audio before trusting a device that opened.</summary>
    private static readonly TimeSpan MicrophoneProbeTimeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "Open the live dashboard (the default): emotions, mood and music, with keys to control them";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus [run] [--input FILE.wav] [--fast] [--player auto|console|local|spotify] [--device NAME]

          --input FILE   analyse a WAV file instead of the microphone
          --fast         read the file as fast as possible instead of in real time
          --player NAME  who plays the music (default: Player:Default, normally 'auto' = Spotify if logged in, else local files)
          --device NAME  microphone (PulseAudio source name; default: the system default)

        Without --input the microphone is used; when it cannot be opened the demo input (samples/demo.wav) plays instead.
        Keys: p pause/resume listening  space pause/resume the music  n skip  d device (Spotify)  m mapping editor
              x dismiss the selected warning  q quit
        Without an interactive terminal it prints one line per window and music change instead (see also 'orpheus listen').
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fast", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("input", "fast", "player", "device", "help");
        var interactive = TerminalCheck.IsInteractive(out var problem);
        var request = ListenRequest.From(args, configuration, configuration.GetValue("Player:Default", "auto") is { Length: > 0 } player ? player : "auto");

        string? fallbackWarning = null;
        if (request.InputFile is null && await ProbeMicrophoneAsync(request.Device, cancellationToken) is { } microphoneProblem)
        {
            (request, fallbackWarning) = DemoInstead(request, microphoneProblem);
        }

        var (session, openWarning) = OpenSession(request);
        fallbackWarning ??= openWarning;
        await using (session)
        {
            foreach (var warning in fallbackWarning is null ? session.Warnings : [fallbackWarning, .. session.Warnings])
            {
                session.Pipeline.Report(StatusSeverity.Warning, warning);
            }

            if (!interactive)
            {
                return await RunHeadlessAsync(session, problem, cancellationToken);
            }

            var devices = deviceSelection.Select(select => select(session.Pipeline.Player)).FirstOrDefault(d => d is not null);
            using var control = new SessionStateBridge(session.Pipeline, request.InputFile is null, TimeProvider.System);
            using var stopPipeline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pipeline = Task.Run(() => control.RunAsync(session.Pipeline.RunAsync, stopPipeline.Token), CancellationToken.None);
            await TerminalDashboard.RunAsync(control, moods, devices, null, cancellationToken);
            await stopPipeline.CancelAsync();
            try
            {
                await pipeline.WaitAsync(PipelineStopTimeout, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("The pipeline did not stop within {Timeout} s after the dashboard closed", PipelineStopTimeout.TotalSeconds);
            }

            return 0;
        }
    }

    /// <summary>
    /// Without a terminal (a pipe, CI, a service) the same session runs and prints one readable line per event, so
    /// `./run` on a fresh headless machine still shows the whole pipeline working.
    /// </summary>
    private static async Task<int> RunHeadlessAsync(LiveSession session, string? problem, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync(
            $"orpheus run: no interactive terminal ({problem}); printing the pipeline as text. Use 'orpheus listen --json' for machine-readable lines.");
        foreach (var warning in session.Pipeline.Snapshot.Warnings)
        {
            await Console.Out.WriteLineAsync($"Warning: {warning}"); // reported before this subscription
        }

        var gate = new object();
        using var subscription = session.Pipeline.Events.Subscribe(e =>
        {
            lock (gate)
            {
                HumanEventWriter.Write(Console.Out, e);
            }
        });
        await session.Pipeline.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>Opens the requested input; without a file, falls back from a missing microphone to the demo input.</summary>
    private (LiveSession Session, string? Warning) OpenSession(ListenRequest request)
    {
        try
        {
            return (sessions.Create(request), null);
        }
        catch (AudioSourceException e) when (request.InputFile is null)
        {
            var (demo, warning) = DemoInstead(request, e.Message);
            return (sessions.Create(demo), warning);
        }
        catch (ArgumentException e) when (e.ParamName == "name")
        {
            throw new CommandLineException(e.Message.Split(" (Parameter")[0]);
        }
    }

    /// <summary>
    /// Microphones open lazily (PulseAudio connects on the first read), so a missing one shows only when read:
    /// reads once, briefly. Returns the problem in plain words, or null when the microphone works (or is just quiet).
    /// </summary>
    private async Task<string?> ProbeMicrophoneAsync(string? device, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = audio.Open(null, fast: false, device);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MicrophoneProbeTimeout);
            await source.ReadAsync(new float[IAudioSource.SampleRate / 10], timeout.Token);
            return null;
        }
        catch (AudioSourceException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // Opened but silent so far (bursty virtual sources): let the pipeline use it.
        }
    }

    /// <summary>The request with the demo input instead of the microphone, and the warning that says so.</summary>
    /// <exception cref="AudioSourceException">The demo input is missing too.</exception>
    private (ListenRequest Request, string Warning) DemoInstead(ListenRequest request, string problem)
    {
        // A fresh machine without a microphone must still show the whole pipeline working.
        var demo = Path.Combine(AppContext.BaseDirectory, "samples", "demo.wav");
        if (!File.Exists(demo))
        {
            throw new AudioSourceException($"{problem} The demo input {demo} is missing too; use --input FILE.wav.");
        }

        logger.LogWarning("No microphone ({Reason}); playing the demo input {Demo}", problem, demo);
        var firstSentence = problem.Split(". ", 2)[0].TrimEnd('.');
        return (request with { InputFile = demo, Fast = false }, $"{NoMicrophoneWarning}: {firstSentence}.");
    }
}
