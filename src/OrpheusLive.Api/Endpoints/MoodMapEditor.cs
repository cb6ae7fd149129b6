using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// Applies one API edit to the mood mapping: read, change, validate, save. Edits run one at a time, so two concurrent
/// requests never save a map that lost the other's change.
/// </summary>
public sealed class MoodMapEditor(IMoodMapStore store, ILogger<MoodMapEditor> logger) : IDisposable
{
    private readonly SemaphoreSlim _edits = new(1, 1);

    /// <summary>Maps <paramref name="emotion"/> to the request's mood (and updates that mood's music when given).</summary>
    public async Task<MoodEditResult> UpdateAsync(string emotion, MoodUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = (emotion ?? "").Trim().ToLowerInvariant();
        if (!EmotionLabels.IsCanonical(key))
        {
            return MoodEditResult.Fail(StatusCodes.Status404NotFound,
                $"Unknown emotion '{emotion}' (known: {string.Join(", ", EmotionLabels.Canonical)}).");
        }

        var mood = request.Mood?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(mood))
        {
            return MoodEditResult.Fail(StatusCodes.Status400BadRequest, "\"mood\" is required: send {\"mood\":\"chill\"}.");
        }

        List<string>? targets = null;
        if (request.Targets is not null)
        {
            targets = [];
            for (var i = 0; i < request.Targets.Count; i++)
            {
                // The player runs on this machine, so a local folder must exist here.
                var normalized = store.Targets.Normalize(request.Targets[i], mustExist: true, out var error);
                if (normalized is null)
                {
                    return MoodEditResult.Fail(StatusCodes.Status400BadRequest, $"targets[{i}] of mood '{mood}': {error}.");
                }

                targets.Add(normalized);
            }

            if (targets.Count == 0)
            {
                return MoodEditResult.Fail(StatusCodes.Status400BadRequest,
                    $"\"targets\" of mood '{mood}' is empty; list at least one: {store.Targets.Accepted}.");
            }
        }

        await _edits.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ApplyAsync(key, mood, targets, request.Shuffle, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _edits.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _edits.Dispose();

    private async Task<MoodEditResult> ApplyAsync(string emotion, string mood, List<string>? targets, bool? shuffle, CancellationToken cancellationToken)
    {
        var current = store.Current;
        var existing = current.TargetsFor(mood);
        if (existing is null && targets is null)
        {
            return MoodEditResult.Fail(StatusCodes.Status400BadRequest,
                $"Mood '{mood}' is not defined yet; send \"targets\" (Spotify URIs or local folders) to create it.");
        }

        var moodTargets = new MoodTargets(
            targets ?? existing!.Targets,
            shuffle ?? existing?.Shuffle ?? true,
            existing?.Policy);
        var emotions = new Dictionary<string, string>(current.Emotions, StringComparer.OrdinalIgnoreCase) { [emotion] = mood };
        var moods = new Dictionary<string, MoodTargets>(current.Moods, StringComparer.OrdinalIgnoreCase) { [mood] = moodTargets };
        var map = new MoodMap(emotions, moods);
        try
        {
            MoodMapSerializer.Validate(map, "mapping", store.Targets, mustExist: false);
        }
        catch (MoodMapException e)
        {
            return MoodEditResult.Fail(StatusCodes.Status400BadRequest, e.Message);
        }

        try
        {
            await store.SaveAsync(map, cancellationToken).ConfigureAwait(false);
        }
        catch (MoodMapException e)
        {
            // Validated above, so this is the disk refusing the write; the old file is still in place.
            logger.LogError("Could not save the mapping: {Problem}", e.Message);
            return MoodEditResult.Fail(StatusCodes.Status500InternalServerError, e.Message);
        }

        logger.LogInformation("Mapped {Emotion} to {Mood} through the API", emotion, mood);
        return new MoodEditResult(new MoodUpdateResponse(emotion, mood, moodTargets.Targets, moodTargets.Shuffle), StatusCodes.Status200OK, null);
    }
}
