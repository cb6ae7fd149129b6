using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>
/// Personal calibration for a pipeline run: creates the step for the loaded model (<c>Calibration</c> options), starts it
/// from the listener's profile (an unusable profile → one <see cref="WarningIds.CalibrationProfileInvalid"/> warning and a
/// fresh start, the file kept as <c>.bak</c>), saves checkpoints while the run adapts and the profile when it ends.
/// With <c>Calibration:Mode=off</c> the profile is neither read nor written.
/// </summary>
public sealed class LiveCalibration(
    Lazy<IEmotionClassifier> classifier,
    FileSpeakerProfileStore profiles,
    IOptions<CalibrationOptions> options,
    ILogger<LiveCalibration> logger)
{
    private readonly SemaphoreSlim _saves = new(1, 1);
    private long _snapshots;
    private long _saved;

    /// <summary>The identity a profile is tied to: the model's name and version.</summary>
    public static string ModelIdentity(ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return $"{info.Name} {info.Version}";
    }

    /// <summary>Creates this run's calibration from profile <paramref name="profile"/>, reporting an unusable profile to <paramref name="pipeline"/>.</summary>
    /// <exception cref="ModelException">The model is missing or invalid.</exception>
    public CalibrationRun Start(string profile, LivePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var model = classifier.Value;
        var step = new PersonalCalibration(options.Value, model.Labels, ModelIdentity(model.Info));
        if (!step.Enabled)
        {
            step.StartSession(null);
            return new CalibrationRun(step, profile);
        }

        if (profiles.Open(profile, step) is { } problem)
        {
            pipeline.Report(WarningIds.CalibrationProfileInvalid, StatusSeverity.Warning, problem);
        }
        else if (step.Adaptation.Weight > 0)
        {
            logger.LogInformation("Calibration continues from profile {Profile} ({Windows:F1} windows, {Clips} enrolled clips)",
                profile, step.Adaptation.Weight, step.Adaptation.EnrolledClips);
        }

        // Checkpoints are saved off the window thread (an atomic save flushes to disk).
        return new CalibrationRun(step, profile, snapshot =>
        {
            var number = Interlocked.Increment(ref _snapshots);
            _ = Task.Run(() => SaveAsync(profile, snapshot, number, pipeline, CancellationToken.None));
        });
    }

    /// <summary>Saves what <paramref name="run"/> learnt (after the run; with Mode=off, nothing).</summary>
    public Task SaveAsync(CalibrationRun run, LivePipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Step.Enabled
            ? SaveAsync(run.Profile, run.Step.Adaptation.Profile, Interlocked.Increment(ref _snapshots), pipeline, cancellationToken)
            : Task.CompletedTask;
    }

    // Saves one at a time, never an older snapshot over a newer one (a late checkpoint after the final save is
    // dropped); a failure is a warning, never a crash.
    private async Task SaveAsync(string profile, SpeakerProfile snapshot, long number, LivePipeline pipeline, CancellationToken cancellationToken)
    {
        await _saves.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (number < _saved)
            {
                return;
            }

            await profiles.SaveAsync(profile, snapshot, cancellationToken).ConfigureAwait(false);
            _saved = number;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not save calibration profile {Profile}", profile);
            pipeline.Report(WarningIds.CalibrationSaveFailed, StatusSeverity.Warning,
                $"Could not save calibration profile {profiles.PathOf(profile)}: {e.Message}");
        }
        finally
        {
            _saves.Release();
        }
    }
}
