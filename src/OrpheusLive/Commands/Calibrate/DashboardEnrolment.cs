using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Hosting;
using OrpheusLive.Storage;
using OrpheusLive.Tui.Calibration;

namespace OrpheusLive.Commands.Calibrate;

/// <summary>
/// The dashboard's calibration screen ([c]) over the app: the enrolment continues from the running pipeline's
/// adaptation (<see cref="LiveCalibration.Active"/>; from the saved file when there is no run, or with
/// <c>Calibration:Mode=off</c>), lines are recorded from the run's microphone (<see cref="Microphone"/>: the
/// <c>--device</c> of <c>orpheus run</c>, else the default one), and the save goes through
/// <see cref="LiveCalibration.AdoptAsync"/>: atomic, in order with the run's checkpoints, and the run continues from it.
/// </summary>
public sealed class DashboardEnrolment(EnrolmentSetup setup, LiveCalibration live, IAudioSourceFactory audio) : IEnrolmentStudio
{
    /// <inheritdoc />
    public int LineSeconds => 6;

    /// <summary>The microphone lines are recorded from: a device name as <c>--device</c> takes it, or null for the default.</summary>
    public string? Microphone { get; private init; }

    /// <summary>The same screen recording from <paramref name="device"/> (null: the default microphone), the one the run listens to.</summary>
    public DashboardEnrolment ForMicrophone(string? device) => new(setup, live, audio) { Microphone = device };

    /// <inheritdoc />
    public Task<(EnrolmentSession Session, string? Warning)> BeginAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        if (live.Active is { Step.Enabled: true } run)
        {
            return (setup.FromSnapshot(run.Profile, run.Snapshot()), (string?)null);
        }

        var session = setup.FromFile(live.Active?.Profile ?? FileSpeakerProfileStore.DefaultProfile, out var warning);
        return (session, warning);
    }, cancellationToken);

    /// <inheritdoc />
    public async Task<float[]> RecordAsync(EnrolmentPrompt prompt, Action<RecordingProgress> progress, CancellationToken cancellationToken) =>
        setup.AsHeard(await new EnrolmentRecorder(audio, Microphone).RecordAsync(LineSeconds, progress, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<EnrolmentSaved> SaveAsync(EnrolmentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = setup.Profiles.PathOf(session.ProfileName);
        bool saved;
        try
        {
            saved = await live.AdoptAsync(session.ProfileName, session.Learnt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CalibrationProfileException)
        {
            return new EnrolmentSaved(false, $"Could not save profile '{session.ProfileName}' ({path}): {e.Message}");
        }

        if (!saved)
        {
            return new EnrolmentSaved(false, $"Profile '{session.ProfileName}' was NOT saved: {path} could not be read, so it is not overwritten.");
        }

        return new EnrolmentSaved(true, setup.Options.Mode == CalibrationMode.Off
            ? $"Saved profile '{session.ProfileName}' ({path}). Calibration:Mode is off, so listening does not use it until it is set to auto."
            : $"Saved profile '{session.ProfileName}' ({path}); listening continues from it.");
    }
}
