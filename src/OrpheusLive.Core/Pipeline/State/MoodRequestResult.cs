namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The answer to a user's "play this mood now" (<see cref="IPipelineControl.PlayMoodAsync"/>).</summary>
/// <param name="Status">What happened.</param>
/// <param name="Mood">The mood as the mapping spells it (lower case), or the requested text when it is unknown.</param>
/// <param name="Message">One plain-words line for the user: what plays, or why nothing changed and what is valid.</param>
/// <param name="Target">What the player started, when <paramref name="Status"/> is <see cref="MoodRequestStatus.Playing"/>.</param>
public sealed record MoodRequestResult(MoodRequestStatus Status, string Mood, string Message, string? Target = null);
