using System.Reactive.Linq;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OrpheusLive.Cli;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;

namespace OrpheusLive.Commands;

/// <summary>
/// <c>orpheus listen</c>: the headless pipeline. Prints one JSON object per window and per music change with
/// <c>--json</c>, or a readable line per change without it. Parses its options, hands them to the hosted pipeline and
/// waits: exits 0 at the end of a file input (or on Ctrl+C), 1 with one line when the input fails.
/// </summary>
public sealed class ListenCommand(PipelineRunner runner, IPipelineControl pipeline, IPlayerFactory players, IConfiguration configuration) : ICliCommand
{
    /// <inheritdoc />
    public string Name => "listen";

    /// <inheritdoc />
    public string Summary => "Listen headless (microphone or --input FILE.wav) and print emotions and music changes";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus listen [--input FILE.wav] [--fast] [--player auto|console|local|spotify] [--device NAME] [--profile NAME] [--json]

          --input FILE   analyse an audio file (WAV) instead of the microphone (any rate/channels; resampled to 16 kHz mono)
          --fast         read the file as fast as possible instead of in real time
          --player NAME  who plays the music (default: console; 'auto' = Spotify if logged in, else local files)
          --device NAME  microphone (PulseAudio source name; default: the system default)
          --profile NAME calibration profile to adapt and save (default: default; see orpheus calibrate)
          --json         one JSON object per line: {"type":"window",…} and {"type":"decision",…}
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fast", "json", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("input", "fast", "player", "device", "profile", "json", "help");
        var json = args.Has("json");
        var request = ListenRequest.From(args, configuration, defaultPlayer: "console", players.Names);
        var output = Console.Out;
        using var writer = new Utf8JsonWriter(Console.OpenStandardOutput());
        var gate = new object();
        using var subscription = pipeline.Events.Subscribe(e =>
        {
            lock (gate)
            {
                if (json)
                {
                    PipelineEventJson.Write(writer, e);
                    writer.Flush();
                    writer.Reset();
                    output.Write('\n');
                    output.Flush();
                    return;
                }

                HumanEventWriter.Write(output, e);
            }
        });

        var outcome = await runner.RunAsync(request, cancellationToken);
        outcome.ThrowIfFailed();
        return 0;
    }
}
