namespace OrpheusLive.Api.Contracts;

/// <summary>The answer of <c>POST /api/play</c> when the mood plays (202): <c>{"mood","target","message"}</c>.</summary>
/// <param name="Mood">The mood as the mapping spells it.</param>
/// <param name="Target">What the player started (URI, folder or <c>library:&lt;mood&gt;</c>).</param>
/// <param name="Message">One line for a person ("Playing chill (your pick); …").</param>
public sealed record PlayMoodResponse(string Mood, string? Target, string Message);
