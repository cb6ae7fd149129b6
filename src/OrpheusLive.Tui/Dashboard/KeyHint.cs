namespace OrpheusLive.Tui.Dashboard;

/// <summary>A key the user can press and what it does now ("p", "pause").</summary>
/// <param name="Key">The key, as printed between brackets.</param>
/// <param name="Label">What it does in the current state.</param>
public sealed record KeyHint(string Key, string Label);
