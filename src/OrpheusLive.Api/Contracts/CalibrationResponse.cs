using System.Text.Json;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Contracts;

/// <summary>
/// Personal calibration's state (<see cref="CalibrationState"/>) in the API's JSON: the <c>calibration</c> object of
/// <c>GET /api/state</c> and of every calibrated window line (<c>listen --json</c>, <c>/api/events</c>), one shape for all.
/// </summary>
/// <param name="Mode">"auto" (adapting) or "off" (<c>Calibration:Mode</c>).</param>
/// <param name="Profile">The profile the adaptation is kept in (<c>--profile NAME</c>).</param>
/// <param name="SpeechWindows">How much speech the adaptation holds, in model windows (3 s of new speech each).</param>
/// <param name="Gate">How far the correction applies (0..1): 0 until the session has shown several emotions.</param>
/// <param name="Strength">How much of the learnt correction applies now (0..1): the gate times n / (n + prior).</param>
/// <param name="EnrolledClips">Labelled lines from <c>orpheus calibrate</c> or the dashboard's [c] in the profile.</param>
/// <param name="Enrolled">True when the profile holds an enrolment (<paramref name="EnrolledClips"/> above 0).</param>
/// <param name="VoiceChanges">Voice changes detected in this run.</param>
public sealed record CalibrationResponse(
    string Mode,
    string Profile,
    double SpeechWindows,
    double Gate,
    double Strength,
    int EnrolledClips,
    bool Enrolled,
    int VoiceChanges)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary><paramref name="state"/> in the API's shape (rounded for reading).</summary>
    public static CalibrationResponse From(CalibrationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CalibrationResponse(
            state.Enabled ? "auto" : "off",
            state.Profile,
            Math.Round(Finite(state.SpeechWindows), 2),
            Math.Round(Finite(state.Gate), 3),
            Math.Round(Finite(state.Strength), 3),
            state.EnrolledClips,
            state.EnrolledClips > 0,
            state.VoiceChanges);
    }

    /// <summary>Writes <paramref name="state"/> as the <c>calibration</c> object (the names <c>GET /api/state</c> uses).</summary>
    public static void Write(Utf8JsonWriter json, CalibrationState state)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonSerializer.Serialize(json, From(state), Json);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
