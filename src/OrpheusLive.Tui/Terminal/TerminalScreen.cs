using Spectre.Console;
using Spectre.Console.Advanced;

namespace OrpheusLive.Tui.Terminal;

/// <summary>
/// Switches to the terminal's alternate screen for the lifetime of the object and restores the normal screen and the
/// cursor when disposed, so quitting (q or Ctrl+C) leaves the shell exactly as it was.
/// </summary>
public sealed class TerminalScreen : IDisposable
{
    private readonly IAnsiConsole _console;
    private bool _disposed;

    private TerminalScreen(IAnsiConsole console)
    {
        _console = console;
    }

    /// <summary>Enters the alternate screen (when the terminal supports ANSI) and clears it.</summary>
    public static TerminalScreen Enter(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (console.Profile.Capabilities.Ansi)
        {
            console.WriteAnsi("\u001b[?1049h\u001b[H\u001b[2J");
        }

        return new TerminalScreen(console);
    }

    /// <summary>Clears the screen and puts the cursor at the top left (before a prompt, after the live display).</summary>
    public void Clear()
    {
        if (_console.Profile.Capabilities.Ansi)
        {
            _console.WriteAnsi("\u001b[H\u001b[2J\u001b[3J");
            return;
        }

        _console.Clear(home: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _console.Cursor.Show(true);
        if (_console.Profile.Capabilities.Ansi)
        {
            _console.WriteAnsi("\u001b[?1049l");
        }
    }
}
