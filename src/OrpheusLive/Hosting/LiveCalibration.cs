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
/// With <c>Calibration:Mode=off</c> the profile is neither read nor written. An enrolment made while the run goes on
/// (the dashboard's calibration screen) is handed to the run and saved in order with its checkpoints (<see cref="AdoptAsync"/>).
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
    private CalibrationRun? _active;

    /// <summary>The calibration of the pipeline run that started last (null before one started).</summary>
    public CalibrationRun? Active => Volatile.Read(ref _active);

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
            return Activate(new CalibrationRun(step, profile));
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
        return Activate(new CalibrationRun(step, profile, snapshot =>
        {
            var number = Interlocked.Increment(ref _snapshots);
            _ = Task.Run(() => SaveAsync(profile, snapshot, number, pipeline, CancellationToken.None));
        }));
    }

    /// <summary>
    /// Saves <paramref name="learnt"/> (an enrolment) as profile <paramref name="profile"/> and, when it is the profile
    /// of the <see cref="Active"/> run, makes the run continue from it (from its next window). Saved in order with the
    /// run's checkpoints: no checkpoint taken before it is written over it. Returns false when the existing file was
    /// found unreadable (nothing saved; see <see cref="FileSpeakerProfileStore.SaveAsync"/>).
    /// </summary>
    /// <exception cref="IOException">The file could not be written; the previous one is unchanged.</exception>
    /// <exception cref="CalibrationProfileException">The profile does not fit the running model.</exception>
    public async Task<bool> AdoptAsync(string profile, SpeakerProfile learnt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnt);
        if (Active is { } run && run.Profile == profile)
        {
            run.Replace(learnt);
        }

        return await SaveInOrderAsync(profile, learnt, Interlocked.Increment(ref _snapshots), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves what <paramref name="run"/> learnt (after the run; with Mode=off, nothing).</summary>
    public Task SaveAsync(CalibrationRun run, LivePipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Step.Enabled
            ? SaveAsync(run.Profile, run.Snapshot(), Interlocked.Increment(ref _snapshots), pipeline, cancellationToken)
            : Task.CompletedTask;
    }

    private CalibrationRun Activate(CalibrationRun run)
    {
        Volatile.Write(ref _active, run);
        return run;
    }

    // A failure is a warning on the pipeline, never a crash.
    private async Task SaveAsync(string profile, SpeakerProfile snapshot, long number, LivePipeline pipeline, CancellationToken cancellationToken)
    {
        try
        {
            await SaveInOrderAsync(profile, snapshot, number, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not save calibration profile {Profile}", profile);
            pipeline.Report(WarningIds.CalibrationSaveFailed, StatusSeverity.Warning,
                $"Could not save calibration profile {profiles.PathOf(profile)}: {e.Message}");
        }
    }

    // Saves one at a time, never an older snapshot over a newer one (a late checkpoint after the final save or an
    // enrolment is dropped). False when the store refused (an unreadable file it must not overwrite).
    private async Task<bool> SaveInOrderAsync(string profile, SpeakerProfile snapshot, long number, CancellationToken cancellationToken)
    {
        await _saves.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (number < _saved)
            {
                return true;
            }

            var saved = await profiles.SaveAsync(profile, snapshot, cancellationToken).ConfigureAwait(false);
            _saved = number;
            return saved;
        }
        finally
        {
            _saves.Release();
        }
    }
}
