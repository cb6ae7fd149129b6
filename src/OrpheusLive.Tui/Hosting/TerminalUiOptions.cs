using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Time;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// How a full-screen UI (dashboard, mapping editor) runs. The defaults are the real terminal; headless tests set a
/// virtual clock, the ANSI driver, a screen size and a hook that receives the application.
/// </summary>
public sealed class TerminalUiOptions
{
    /// <summary>The clock of the UI's timers (redraw throttle, notices); the system clock when null.</summary>
    public ITimeProvider? Time { get; init; }

    /// <summary>The Terminal.Gui driver ("ansi", "dotnet", …); the platform's default when null.</summary>
    public string? Driver { get; init; }

    /// <summary>A fixed screen size (headless drivers only); the terminal's size when null.</summary>
    public Size? ScreenSize { get; init; }

    /// <summary>Draw without colour (bold/reverse/underline only); when null, decided by the <c>NO_COLOR</c> environment variable.</summary>
    public bool? NoColor { get; init; }

    /// <summary>
    /// How often the UI loop looks for input, resizes and due timers. 20 a second keeps keys snappy (≤ 50 ms) and an
    /// idle dashboard cheap; headless tests raise it so they do not wait.
    /// </summary>
    public ushort IterationsPerSecond { get; init; } = 20;

    /// <summary>Called on the UI thread once the application is initialised, before the first iteration (tests attach here).</summary>
    public Action<IApplication>? Started { get; init; }
}
