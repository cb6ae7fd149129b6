namespace OrpheusLive.Audio.Playback;

/// <summary>Settings of the built-in <see cref="LocalPlayer"/> (configuration section <c>LocalPlayer</c>).</summary>
public sealed record LocalPlayerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "LocalPlayer";

    /// <summary>
    /// Folder that relative music targets ("samples/music/chill") are resolved against. When empty: the current
    /// directory, else the application's folder (where the build copies samples/music).
    /// </summary>
    public string? MusicRoot { get; init; }

    /// <summary>Fade-in/out length on start, stop, pause and skip, in ms (0 = hard cuts). 0–5000.</summary>
    public int FadeMilliseconds { get; init; } = 300;

    /// <summary>Playback volume, 0–1.</summary>
    public double Volume { get; init; } = 0.8;

    /// <summary>Play the folder again from the start when it ends (music keeps going until the mood changes).</summary>
    public bool Repeat { get; init; } = true;

    /// <summary>Every problem, each naming the setting and its valid range; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FadeMilliseconds is < 0 or > 5000) problems.Add($"{SectionName}:FadeMilliseconds must be between 0 and 5000 (got {FadeMilliseconds}).");
        if (Volume is < 0 or > 1 || double.IsNaN(Volume)) problems.Add($"{SectionName}:Volume must be between 0 and 1 (got {Volume}).");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Problems() is [var first, ..]) throw new ArgumentException(first);
    }
}
