namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// Whether the process can draw a full-screen UI: standard input and output are a terminal (tmux is one) that is not
/// <c>TERM=dumb</c>. Commands check this first and fall back to plain text (or explain what to use instead).
/// </summary>
public static class TerminalCheck
{
    /// <summary>True when the full-screen UI can run; otherwise <paramref name="problem"/> says what is missing, in words fit for an error message.</summary>
    public static bool IsInteractive(out string? problem)
    {
        var term = Environment.GetEnvironmentVariable("TERM");
        problem = (Console.IsInputRedirected, Console.IsOutputRedirected) switch
        {
            (true, true) => "standard input and output are not a terminal",
            (true, false) => "standard input is not a terminal",
            (false, true) => "standard output is not a terminal",
            _ when string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase) => "the terminal (TERM=dumb) cannot draw a full-screen UI",
            _ => null,
        };
        return problem is null;
    }
}
