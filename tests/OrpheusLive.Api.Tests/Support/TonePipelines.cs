using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Windowing;
using OrpheusLive.Players;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>The live pipeline the live-endpoint tests listen with: default windowing and debouncing, tones heard as emotions, the console player.</summary>
internal static class TonePipelines
{
    public static LivePipeline Create(IMoodMapStore store) =>
        new(store, new ListenOptions(), new DebounceOptions(), NullLogger.Instance);

    public static Task RunAsync(LivePipeline pipeline, IAudioSource source) => pipeline.RunAsync(
        source,
        new WindowAnalyzer(new ToneClassifier(), new AlwaysSpeech(), 0.25),
        new ConsolePlayer(NullLogger<ConsolePlayer>.Instance),
        TestContext.Current.CancellationToken);
}
