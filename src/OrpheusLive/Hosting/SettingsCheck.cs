using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;

namespace OrpheusLive.Hosting;

/// <summary>
/// Checks every configured key of a known section (one an options class is bound from) before anything binds it:
/// a key that matches no property is reported with the nearest known key
/// ("unknown setting Debounce:Treshold (did you mean Debounce:Threshold?)") instead of being silently ignored, and a
/// value the binder could not convert ("high" for a number) names the setting and the expected type instead of the
/// binder's exception. Keys of other sections (environment variables, <c>Serilog</c>) are left alone.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Every problem of <paramref name="configuration"/> against <paramref name="sections"/>, one line each.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IEnumerable<SettingsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var known = sections
            .SelectMany(s => Leaves(s.OptionsType, s.Section, depth: 0))
            .GroupBy(l => l.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var sectionNames = sections.Select(s => s.Section.Split(':')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (value is null || !key.Contains(':', StringComparison.Ordinal) || !sectionNames.Contains(key.Split(':')[0]))
            {
                continue;
            }

            if (known.TryGetValue(key, out var leaf))
            {
                if (TypeProblem(leaf, value) is { } problem)
                {
                    problems.Add(problem);
                }

                continue;
            }

            if (!known.Values.Any(l => l.Open && key.StartsWith(l.Key + ":", StringComparison.OrdinalIgnoreCase)))
            {
                var section = key[..key.LastIndexOf(':')];
                var siblings = known.Keys.Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));
                problems.Add($"unknown setting {key}{Suggestions.DidYouMean(key, siblings.Any() ? siblings : known.Keys)}");
            }
        }

        return problems;
    }

    /// <summary>As <see cref="Problems"/>; throws when there is one.</summary>
    /// <exception cref="OptionsValidationException">Some setting is unknown or of the wrong type (one line each).</exception>
    public static void ThrowIfInvalid(IConfiguration configuration, IEnumerable<SettingsSection> sections)
    {
        var problems = Problems(configuration, sections);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("settings", typeof(SettingsSection), problems);
        }
    }

    private static string? TypeProblem(Leaf leaf, string value)
    {
        if (leaf.Type is null || leaf.Type == typeof(string) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(leaf.Type) ?? leaf.Type;
        try
        {
            TypeDescriptor.GetConverter(leaf.Type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return $"{leaf.Key} must be {Expected(type)} (got '{value}')";
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like 00:05:00",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a {type.Name}",
    };

    // The keys an options type binds: scalar properties are leaves, collections accept any key below them ("open"),
    // other classes are walked.
    private static IEnumerable<Leaf> Leaves(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(propertyType))
            {
                if (settable)
                {
                    yield return new Leaf(key, propertyType, Open: false);
                }

                continue;
            }

            if (typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType) || depth > 4)
            {
                yield return new Leaf(key, null, Open: true);
                continue;
            }

            foreach (var leaf in Leaves(propertyType, key, depth + 1))
            {
                yield return leaf;
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(Uri) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Guid);
    }

    /// <param name="Key">The full key.</param>
    /// <param name="Type">The property type (null for an open key).</param>
    /// <param name="Open">True for a collection: any key below it binds.</param>
    private sealed record Leaf(string Key, Type? Type, bool Open);
}
