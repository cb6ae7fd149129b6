namespace OrpheusLive.Tui.Hosting;

/// <summary>What a piece of text means, so the theme can draw it (in colour, or with styles only under <c>NO_COLOR</c>).</summary>
public enum TuiTone
{
    /// <summary>Plain text.</summary>
    Normal,

    /// <summary>Emphasised (bold).</summary>
    Strong,

    /// <summary>The thing that matters most in a panel (the stable emotion, its bar, the current point).</summary>
    Accent,

    /// <summary>Working as it should (listening, speech, a successful edit).</summary>
    Good,

    /// <summary>Something to look at (a warning, a change that is waiting).</summary>
    Warning,

    /// <summary>Something failed.</summary>
    Error,

    /// <summary>Background detail (axes, silence, empty bar cells, hints).</summary>
    Muted,

    /// <summary>A state the user must not miss (listening paused): a full-width reverse line.</summary>
    Alert,
}
