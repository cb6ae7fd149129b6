namespace OrpheusLive.Tui.Terminal;

/// <summary>Whether the process can draw a full-screen UI (both standard input and output are a terminal; tmux is one).</summary>
public static class TerminalCheck
{
    /// <summary>
    /// True when standard input and output are a terminal. Otherwise <paramref name="problem"/> says which is not, in
    /// words fit for an error message.
    /// </summary>
    public static bool IsInteractive(out string? problem)
    {
        problem = (Console.IsInputRedirected, Console.IsOutputRedirected) switch
        {
            (true, true) => "standard input and output are not a terminal",
            (true, false) => "standard input is not a terminal",
            (false, true) => "standard output is not a terminal",
            _ => null,
        };
        return problem is null;
    }
}
