namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// The ids of the warnings the app reports. Adapters may add their own (dotted, lower case, "area.what"); these are
/// the ones several parts of the app refer to.
/// </summary>
public static class WarningIds
{
    /// <summary>No microphone could be opened; the demo input plays instead.</summary>
    public const string MicrophoneMissing = "microphone.missing";

    /// <summary>The microphone was lost during the run (resolved when it comes back).</summary>
    public const string MicrophoneLost = "microphone.lost";

    /// <summary>The requested player is not available; another one plays.</summary>
    public const string PlayerFallback = "player.fallback";

    /// <summary>The player could not start music for a decision.</summary>
    public const string PlayerFailed = "player.failed";

    /// <summary>A mood has no music the active player can play.</summary>
    public const string MoodWithoutMusic = "mood.no-music";

    /// <summary>The user's mapping file could not be read; the shipped mapping is in use.</summary>
    public const string MappingInvalid = "mapping.invalid";

    /// <summary>The Spotify login expired or was revoked; run <c>orpheus login</c>.</summary>
    public const string SpotifyLoginExpired = "spotify.login-expired";

    /// <summary>The decision stream (debouncer → mood → player) failed.</summary>
    public const string DecisionsFailed = "pipeline.decisions-failed";

    /// <summary>The listener's calibration profile could not be used (kept as <c>.bak</c>); calibration started fresh.</summary>
    public const string CalibrationProfileInvalid = "calibration.profile-invalid";

    /// <summary>The listener's calibration profile could not be saved (what was learnt in this run is lost at exit).</summary>
    public const string CalibrationSaveFailed = "calibration.save-failed";

    /// <summary>The input failed and the pipeline stopped.</summary>
    public const string InputFailed = "input.failed";

    /// <summary>
    /// The pipeline could not start: the model, the input or the player could not be set up (added to the first list:
    /// these failures happen before the input is read, so they are not the input's).
    /// </summary>
    public const string StartFailed = "pipeline.start-failed";

    /// <summary>Noise suppression (<c>Audio:NoiseSuppressionDb</c> above 0) cannot run: its native library is missing.</summary>
    public const string NoiseSuppressionUnavailable = "noise.unavailable";

    /// <summary>Echo cancellation was asked for but cannot run (its native library is missing, the music's monitor failed).</summary>
    public const string EchoCancelUnavailable = "echo.unavailable";

    /// <summary>Media keys and <c>playerctl</c> cannot control the app (no D-Bus session bus, or it cannot be reached or went away).</summary>
    public const string MediaKeysUnavailable = "mediakeys.unavailable";

    /// <summary>The echo canceller diverged and reset itself (reported once per run; the pipeline goes on).</summary>
    public const string EchoCancelDiverged = "echo.diverged";
}
