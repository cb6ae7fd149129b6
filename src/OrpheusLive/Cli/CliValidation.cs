using System.CommandLine;

namespace OrpheusLive.Cli;

/// <summary>Command-line checks phrased the app's way: one line naming the option and what is valid.</summary>
public static class CliValidation
{
    /// <summary>
    /// Accepts only <paramref name="values"/> (case-insensitive) for <paramref name="option"/>, e.g.
    /// "--player: 'vlc' is not a player; use auto, console, local or spotify"; they also become its completions.
    /// </summary>
    public static Option<string> OnlyFrom(this Option<string> option, string what, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{option.Name}: '{value}' is not {what}; use {Or(values)}");
            }
        });
        option.CompletionSources.Add([.. values]);
        return option;
    }

    /// <summary>Accepts only values of at least <paramref name="minimum"/>: "--windows must be at least 200 (got 20)".</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum, string? why = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            // Only a given, well-formed value: a default is valid and a malformed one already has its own error.
            if (result.Tokens is [{ } token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}{why} (got {value})");
            }
        });
        return option;
    }

    private static string Or(IReadOnlyCollection<string> values) =>
        values.Count < 2 ? string.Join(", ", values) : $"{string.Join(", ", values.Take(values.Count - 1))} or {values.Last()}";
}
