using Spectre.Console;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>How the dashboard draws: with colour or without, with Unicode block characters or plain ASCII.</summary>
/// <param name="Color">Colours are used (off with <c>NO_COLOR</c> or a terminal without colour).</param>
/// <param name="Unicode">Unicode symbols are used (off when the terminal's encoding cannot show them).</param>
public sealed record DashboardTheme(bool Color, bool Unicode)
{
    /// <summary>The <c>NO_COLOR</c> convention (https://no-color.org): set and non-empty means no colour.</summary>
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>Bars are drawn with block characters only with colour and Unicode; otherwise with '#' and '.' so they read in plain text.</summary>
    public bool BlockBars => Color && Unicode;

    /// <summary>The theme for <paramref name="console"/>, honouring <c>NO_COLOR</c>.</summary>
    public static DashboardTheme For(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var capabilities = console.Profile.Capabilities;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NoColorVariable));
        return new DashboardTheme(!noColor && capabilities.ColorSystem != ColorSystem.NoColors, capabilities.Unicode);
    }
}
