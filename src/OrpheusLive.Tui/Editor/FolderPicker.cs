using OrpheusLive.Tui.Hosting;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Editor;

/// <summary>Picks a local music folder with Terminal.Gui's folder dialog (type or browse a path, Enter selects, Esc cancels).</summary>
internal static class FolderPicker
{
    /// <summary>The folder picked, or null; starts in <paramref name="start"/> when it exists, else the home folder.</summary>
    public static string? Pick(TuiSession session, string? start)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        using var dialog = new OpenDialog
        {
            Title = "Pick a music folder",
            OpenMode = OpenMode.Directory,
            MustExist = true,
            Path = (start is not null && Directory.Exists(start) ? Path.GetFullPath(start) : home).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar,
        };
        session.Show(dialog);
        return dialog.Canceled ? null : dialog.FilePaths.FirstOrDefault() ?? dialog.Path;
    }
}
