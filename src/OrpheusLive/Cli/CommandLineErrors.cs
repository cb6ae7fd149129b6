using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace OrpheusLive.Cli;

/// <summary>
/// A bad command line as the one line `orpheus` prints (exit code 2): an unknown option or command with the nearest
/// known one, or System.CommandLine's own error (a missing or unparsable value, a value not among the valid ones).
/// </summary>
public static partial class CommandLineErrors
{
    /// <summary>The first problem of <paramref name="result"/> as one line, or null when it parsed (or asks for help).</summary>
    public static string? OneLine(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors.Count == 0 || result.Action is { ClearsParseErrors: true })
        {
            return null;
        }

        var command = result.CommandResult.Command;
        if (result.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            if (token.StartsWith('-'))
            {
                var name = token.Split('=')[0];
                return $"unknown option {name}{Suggestions.DidYouMean(name, OptionNames(command))}";
            }

            return command.Subcommands.Count > 0
                ? $"unknown command '{token}'{Suggestions.DidYouMean(token, command.Subcommands.Select(c => c.Name))}; '{Prefix(result)} --help' lists them"
                : $"unexpected argument '{token}'";
        }

        return Whitespace().Replace(result.Errors[0].Message, " ").Trim();
    }

    /// <summary>"orpheus listen" (or "orpheus library scan") for a command's problem, "orpheus" for the root's: what the line starts with.</summary>
    public static string Prefix(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = new List<string>();
        for (var r = result.CommandResult; r.Command is not RootCommand && r.Parent is CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }

        return string.Join(' ', ["orpheus", .. names]);
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)));
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();
}
