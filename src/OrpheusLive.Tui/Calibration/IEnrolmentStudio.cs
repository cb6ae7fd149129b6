using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Tui.Calibration;

/// <summary>
/// What the dashboard's calibration screen ([c]) needs from the host: an <see cref="EnrolmentSession"/> for the
/// running pipeline's profile, one prompted line recorded at a time, and the save that the running pipeline picks up.
/// The host implements it over its model, microphone and profile store (so this project has no audio or model code);
/// the screen calls every member off its UI thread, and their exceptions' messages are shown as they are.
/// </summary>
public interface IEnrolmentStudio
{
    /// <summary>Seconds recorded per line.</summary>
    int LineSeconds { get; }

    /// <summary>Starts an enrolment (loads the model: slow the first time).</summary>
    /// <returns>The session and null, or with the line saying why the saved profile could not be used (it then starts fresh).</returns>
    Task<(EnrolmentSession Session, string? Warning)> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Records the reading of <paramref name="prompt"/> (<see cref="LineSeconds"/> of audio), reporting progress (on any thread).</summary>
    Task<float[]> RecordAsync(EnrolmentPrompt prompt, Action<RecordingProgress> progress, CancellationToken cancellationToken);

    /// <summary>Saves what <paramref name="session"/> learnt (after <see cref="EnrolmentSession.Enrol"/>), atomically, and hands it to the running pipeline.</summary>
    Task<EnrolmentSaved> SaveAsync(EnrolmentSession session, CancellationToken cancellationToken);
}
