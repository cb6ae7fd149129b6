using Spectre.Console;

namespace OrpheusLive.Tui.Terminal;

/// <summary>
/// Whether the process can draw a full-screen UI: standard input and output are a terminal (tmux is one) that
/// understands ANSI escape sequences (Spectre's live display and list prompts need them).
/// </summary>
public static class TerminalCheck
{
    /// <summary>
    /// True when the full-screen UI can run on <paramref name="console"/>. Otherwise <paramref name="problem"/> says what
    /// is missing, in words fit for an error message.
    /// </summary>
    public static bool IsInteractive(IAnsiConsole console, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(console);
        problem = (Console.IsInputRedirected, Console.IsOutputRedirected) switch
        {
            (true, true) => "standard input and output are not a terminal",
            (true, false) => "standard input is not a terminal",
            (false, true) => "standard output is not a terminal",
            _ when !console.Profile.Capabilities.Ansi => $"the terminal (TERM={Environment.GetEnvironmentVariable("TERM") ?? "unset"}) does not support ANSI escape sequences",
            _ => null,
        };
        return problem is null;
    }
}
