namespace OrpheusLive.Cli;

/// <summary>
/// The options of one sub-command: <c>--name value</c>, <c>--name=value</c> and value-less flags.
/// Configuration overrides (<c>--Section:Key=value</c>) are taken out before this is built.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options;

    private CommandArgs(Dictionary<string, string?> options, IReadOnlyList<string> positional)
    {
        _options = options;
        Positional = positional;
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Names of all options given (without the leading dashes).</summary>
    public IEnumerable<string> Names => _options.Keys;

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flags"/> never take a value.</summary>
    /// <exception cref="CommandLineException">An option that needs a value has none.</exception>
    public static CommandArgs Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }

            var body = arg[2..];
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                options[body[..eq]] = body[(eq + 1)..];
                continue;
            }

            if (flags.Contains(body))
            {
                options[body] = null;
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"option --{body} needs a value");
            }

            options[body] = args[++i];
        }

        return new CommandArgs(options, positional);
    }

    /// <summary>True when the flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or null when absent.</summary>
    public string? Value(string name) => _options.TryGetValue(name, out var v) ? v : null;

    /// <summary>The option's value parsed as an integer, or <paramref name="fallback"/>.</summary>
    /// <exception cref="CommandLineException">The value is not an integer.</exception>
    public int Int(string name, int fallback)
    {
        var v = Value(name);
        if (v is null)
        {
            return fallback;
        }

        return int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CommandLineException($"option --{name} expects a whole number, got '{v}'");
    }

    /// <summary>Fails when an option outside <paramref name="known"/> was given (a typo should not be ignored).</summary>
    /// <exception cref="CommandLineException">An unknown option was given.</exception>
    public void RejectUnknown(params string[] known)
    {
        foreach (var name in _options.Keys)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CommandLineException($"unknown option --{name}");
            }
        }
    }
}
