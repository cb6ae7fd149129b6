namespace OrpheusLive.Players;

/// <summary>The <c>Player</c> section.</summary>
public sealed class PlayerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Player";

    /// <summary>Who plays the music in the dashboard when <c>--player</c> is not given ("auto", "console", "local", "spotify").</summary>
    public string Default { get; set; } = "auto";
}
