using System.Text.Json;

namespace OrpheusLive.Api.Contracts;

/// <summary>The live state (<c>GET /api/state</c>).</summary>
/// <param name="Session">"none" when the server does not listen (start it with <c>--listen</c>), else "live".</param>
/// <param name="Listening">True while audio is being analysed.</param>
/// <param name="Input">The audio input, or null without a session.</param>
/// <param name="Emotion">The stable (debounced) emotion, or null.</param>
/// <param name="Mood">The current mood, or null.</param>
/// <param name="Confidence">Smoothed confidence of <paramref name="Emotion"/>.</param>
/// <param name="Player">The player's name, or null without a session.</param>
/// <param name="Playing">What is playing, or null.</param>
/// <param name="LastWindow">The latest window, as on the event stream, or null.</param>
/// <param name="Warnings">Active warnings.</param>
public sealed record StateResponse(
    string Session,
    bool Listening,
    string? Input,
    string? Emotion,
    string? Mood,
    double Confidence,
    string? Player,
    PlayingResponse? Playing,
    JsonElement? LastWindow,
    IReadOnlyList<string> Warnings);
