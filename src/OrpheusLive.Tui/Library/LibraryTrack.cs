namespace OrpheusLive.Tui.Library;

/// <summary>One track as the library view shows it; the numbers are null for a track whose analysis failed.</summary>
/// <param name="Name">What the user knows it by (the file name).</param>
/// <param name="Mood">The mood nearest to its point, or null when it is not analysed.</param>
/// <param name="TempoBpm">Tempo in BPM.</param>
/// <param name="Valence">Valence in [-1, 1].</param>
/// <param name="Arousal">Arousal in [-1, 1].</param>
public sealed record LibraryTrack(string Name, string? Mood, double? TempoBpm, double? Valence, double? Arousal);
