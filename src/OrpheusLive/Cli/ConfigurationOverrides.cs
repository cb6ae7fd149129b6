namespace OrpheusLive.Cli;

/// <summary>
/// Configuration overrides on the command line: <c>--Section:Key=value</c> or <c>--Section:Key value</c> (a colon in
/// the name), on any command. They are taken out before System.CommandLine parses the rest, and go to the configuration.
/// </summary>
public static class ConfigurationOverrides
{
    /// <summary>Splits <paramref name="args"/> into the overrides (in order) and the command line proper.</summary>
    public static (IReadOnlyList<string> Overrides, IReadOnlyList<string> CommandLine) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var overrides = new List<string>();
        var commandLine = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOverride(arg))
            {
                commandLine.Add(arg);
                continue;
            }

            overrides.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                overrides.Add(args[++i]);
            }
        }

        return (overrides, commandLine);
    }

    private static bool IsOverride(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=')[0].Contains(':', StringComparison.Ordinal);
}
