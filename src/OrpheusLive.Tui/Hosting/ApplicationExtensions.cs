using Terminal.Gui.App;

namespace OrpheusLive.Tui.Hosting;

/// <summary>Posting work to the UI thread from other threads.</summary>
internal static class ApplicationExtensions
{
    /// <summary>Runs <paramref name="action"/> on the UI thread soon; does nothing when the UI has closed meanwhile.</summary>
    public static void Post(this IApplication app, Action action)
    {
        try
        {
            app.Invoke(action);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The UI is gone: there is nobody to tell.
        }
    }
}
