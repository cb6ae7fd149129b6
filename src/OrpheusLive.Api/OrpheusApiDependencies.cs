using Microsoft.Extensions.Logging;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Api.Live;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;

using OrpheusLive.Library;

namespace OrpheusLive.Api;

/// <summary>The app's singletons the API serves from; the web host shares them instead of creating its own.</summary>
/// <param name="Decoder">The app's one audio decoder (uploads are decoded like <c>listen --input</c> files).</param>
/// <param name="Classifier">The loaded emotion model (its <c>Classify</c> is safe to call from several threads).</param>
/// <param name="SpeechDetectors">Gives each pooled analyzer its speech gate (owned by the app, never disposed by the API), or null to count every window as speech.</param>
/// <param name="Moods">The mood mapping store.</param>
/// <param name="Listen">Windowing of the live pipeline; uploads are scored with the same hop and speech threshold.</param>
/// <param name="Feed">The live pipeline, when the server listens too.</param>
/// <param name="EventJson">The JSON of pipeline events (the one of <c>listen --json</c>).</param>
/// <param name="Loggers">The app's logger factory (Serilog), so API logs go where the app's logs go.</param>
/// <param name="Library">The music library (<c>/api/tracks</c>, <c>/api/library/map.png</c>), opened on first use; those endpoints answer 503 without it.</param>
/// <param name="NoiseSuppressionDb"><c>Audio:NoiseSuppressionDb</c>: uploads are noise-suppressed as <c>eval</c> hears a clip (0: not).</param>
public sealed record OrpheusApiDependencies(
    IAudioDecoder Decoder,
    IEmotionClassifier Classifier,
    Func<ISpeechDetector>? SpeechDetectors,
    IMoodMapStore Moods,
    ListenOptions Listen,
    LiveFeed Feed,
    PipelineEventJsonWriter EventJson,
    ILoggerFactory Loggers,
    Lazy<MusicLibrary>? Library = null,
    int NoiseSuppressionDb = 0);
