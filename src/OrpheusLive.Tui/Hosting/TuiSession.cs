using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// One running full-screen UI: the Terminal.Gui application, its theme, and whether the user (or the host) asked to
/// quit. Everything that opens a window or dialog goes through <see cref="Show"/>, so each gets the theme and nothing
/// opens once quitting has begun.
/// </summary>
public sealed class TuiSession
{
    internal TuiSession(IApplication app, TuiTheme theme)
    {
        App = app;
        Theme = theme;
    }

    /// <summary>The Terminal.Gui application (its UI thread runs everything here).</summary>
    public IApplication App { get; }

    /// <summary>Colours or monochrome.</summary>
    public TuiTheme Theme { get; }

    /// <summary>True once <see cref="QuitAll"/> ran (q, Ctrl+C, the host's cancellation): open nothing new.</summary>
    public bool Quitting { get; private set; }

    /// <summary>Runs <paramref name="runnable"/> modally (a nested loop when another one runs) with the theme; returns at once when quitting.</summary>
    public void Show<TRunnable>(TRunnable runnable)
        where TRunnable : View, IRunnable
    {
        ArgumentNullException.ThrowIfNull(runnable);
        if (Quitting)
        {
            return;
        }

        Theme.Apply(runnable);
        App.Run(runnable);
    }

    /// <summary>Stops every open window and dialog, top first (on the UI thread).</summary>
    public void QuitAll()
    {
        Quitting = true;
        foreach (var token in App.SessionStack?.ToArray() ?? [])
        {
            if (token.Runnable is { } runnable)
            {
                App.RequestStop(runnable);
            }
        }
    }
}
