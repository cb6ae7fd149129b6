using System.CommandLine;
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
public sealed class ListenCommand(PipelineRunner runner, IPipelineControl pipeline, IPlayerFactory players, IConfiguration configuration)
    : CliCommand("listen", "Listen headless (microphone or --input FILE) and print emotions and music changes")
{
    private readonly ListenArguments _listen = new(players, "who plays the music (default: console; 'auto' = Spotify if logged in, else local files)");

    private readonly Option<bool> _json = new("--json")
    {
        Description = """one JSON object per line: {"type":"window",…}, {"type":"decision",…} and {"type":"status",…}""",
    };

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [.. _listen.All, _json];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var json = args.GetValue(_json);
        var request = _listen.ToRequest(args, configuration, defaultPlayer: "console");
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
