namespace OrpheusLive.Core.Moods;

/// <summary>Where the mapping comes from. Bound from configuration section <c>Moods</c>.</summary>
public sealed class MoodMapOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Moods";

    /// <summary>The shipped default mapping (relative paths are resolved against the app's folder).</summary>
    public string DefaultFile { get; set; } = "config/moods.json";

    /// <summary>The user's mapping, created on the first save; empty means <c>moods.json</c> in the user config directory.</summary>
    public string UserFile { get; set; } = "";

    /// <summary>Returns null when valid, or a message naming the bad setting.</summary>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(DefaultFile) ? $"{SectionName}:DefaultFile must name the default mapping file." : null;
}
