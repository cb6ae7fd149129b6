using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// Runs one full-screen UI on its own thread (Terminal.Gui's loop blocks, and its Init and Run must share a thread)
/// and guarantees the terminal comes back: the application is disposed — normal screen, cursor, cooked mode — when
/// the UI ends, when it throws, when Ctrl+C is pressed (a key in raw mode), when the host's token is cancelled
/// (SIGINT/SIGTERM) and, as a last resort, when another thread crashes the process.
/// </summary>
internal static class TerminalUi
{
    /// <summary>Runs <paramref name="body"/> (which opens the windows through <see cref="TuiSession.Show"/>) until it returns.</summary>
    public static Task RunAsync(TerminalUiOptions options, Action<TuiSession> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(body);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(options, body, cancellationToken);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            Name = "Terminal UI",
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }

    private static void Run(TerminalUiOptions options, Action<TuiSession> body, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        Application.MaximumIterationsPerSecond = options.IterationsPerSecond;
        var app = Application.Create(options.Time);
        var restoreOnCrash = new UnhandledExceptionEventHandler((_, _) => DisposeQuietly(app));
        AppDomain.CurrentDomain.UnhandledException += restoreOnCrash;
        try
        {
            app.Init(options.Driver);
            if (options.ScreenSize is { } size)
            {
                app.Driver!.SetScreenSize(size.Width, size.Height);
            }

            var session = new TuiSession(app, TuiTheme.Create(options.NoColor ?? TuiTheme.NoColorRequested()));
            app.Keyboard.KeyDown += (_, key) =>
            {
                if (key == Key.C.WithCtrl)
                {
                    key.Handled = true;
                    session.QuitAll();
                }
            };
            using var stop = cancellationToken.Register(() => app.Post(session.QuitAll));
            options.Started?.Invoke(app);
            body(session);
        }
        finally
        {
            AppDomain.CurrentDomain.UnhandledException -= restoreOnCrash;
            app.Dispose();
        }
    }

    private static void DisposeQuietly(IApplication app)
    {
        try
        {
            app.Dispose();
        }
        catch (Exception)
        {
            // Best effort while the process dies: the terminal must not stay in raw mode.
        }
    }
}
