namespace OrpheusLive.Hosting;

/// <summary>
/// Turns console logging off while a full-screen command owns the terminal (set once the command is known, before the
/// host starts); the log file still gets everything.
/// </summary>
public sealed class ConsoleLogSwitch
{
    /// <summary>True while the terminal belongs to a full-screen UI.</summary>
    public bool TerminalOwned { get; set; }
}
