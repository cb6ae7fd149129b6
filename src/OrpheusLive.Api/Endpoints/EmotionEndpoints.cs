using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Uploads;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Api.Endpoints;

/// <summary><c>POST /api/emotion</c> (score a WAV clip) and <c>GET /api/emotions</c> (the model's labels).</summary>
public static class EmotionEndpoints
{
    /// <summary>Maps the endpoints onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapEmotionEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/emotion", ScoreClipAsync).WithName("ScoreClip");
        api.MapGet("/emotions", GetLabels).WithName("GetEmotions");
        return api;
    }

    /// <summary>Scores an uploaded clip (any format the app's decoder reads) through the live windowing path and the shared model.</summary>
    public static async Task<Results<Ok<EmotionResponse>, JsonHttpResult<ErrorResponse>>> ScoreClipAsync(
        HttpRequest request,
        UploadDecoder decoder,
        ClipAnalyzerPool analyzers,
        IMoodMapStore moods,
        IOptions<ApiOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(analyzers);
        ArgumentNullException.ThrowIfNull(moods);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(EmotionEndpoints).FullName!);
        var limits = options.Value;
        float[] samples;
        try
        {
            var upload = await WavUploadReader.ReadAsync(request, limits.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            samples = decoder.Decode(upload, limits.MaxClipSeconds);
        }
        catch (UploadRejectedException e)
        {
            logger.LogInformation("Rejected an upload ({Status}): {Reason}", e.StatusCode, e.Message);
            return ApiErrors.Create(e.StatusCode, e.Message);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await analyzers.AnalyzeAsync(samples, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Scored a {Duration:F1} s clip in {Elapsed:F0} ms: {Emotion} ({Confidence:P0})",
            result.DurationSeconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds, result.Emotion, result.Confidence);

        var scores = new Dictionary<string, double>(result.Scores.Count);
        foreach (var (label, probability) in result.Scores)
        {
            scores[label] = Finite(probability);
        }

        return TypedResults.Ok(new EmotionResponse(
            result.Emotion,
            Finite(result.Confidence),
            scores,
            moods.Current.MoodFor(result.Emotion),
            result.Windows,
            result.SpeechWindows,
            Math.Round(samples.Length / (double)IAudioSource.SampleRate, 3)));
    }

    // Four decimals like `listen --json`; a NaN from a broken model becomes 0 rather than a JSON writer failure.
    private static double Finite(float probability) => float.IsFinite(probability) ? Math.Round(probability, 4) : 0;

    /// <summary>The labels of the loaded model.</summary>
    public static Ok<EmotionsResponse> GetLabels(IEmotionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return TypedResults.Ok(new EmotionsResponse(
            classifier.Labels,
            Describe(classifier.Info),
            classifier.WindowSamples / (double)IAudioSource.SampleRate));
    }

    /// <summary>The public description of a model (no file paths).</summary>
    public static ModelDescription Describe(ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new ModelDescription(info.Name, info.Version, info.Runtime);
    }
}
