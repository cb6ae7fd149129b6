namespace OrpheusLive.Tui.Editor;

/// <summary>One target a catalog offers.</summary>
/// <param name="Name">What the user sees ("Morning run (42 tracks)").</param>
/// <param name="Target">What goes into the mapping (<c>spotify:playlist:…</c>, a folder); validated like a typed target.</param>
public sealed record TargetChoice(string Name, string Target);
