using System.Text.RegularExpressions;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Tui.Mapping;

/// <summary>
/// The mapping being edited: pure state and the edit rules (change an emotion's mood, add a mood, add/remove/validate
/// playlist targets, toggle shuffle). Nothing is written until the editor saves <see cref="ToMap"/> through the store.
/// Edits that would leave the mapping unsavable (a mood without playlists) are refused with a reason.
/// </summary>
public sealed partial class MappingDraft
{
    private readonly byte[] _original;
    private readonly MoodTargetRules _targets;
    private readonly Dictionary<string, string> _emotions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MoodTargets> _moods = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts editing a copy of <paramref name="map"/>.</summary>
    /// <param name="map">The mapping to edit.</param>
    /// <param name="targets">What the installed players accept as targets (<see cref="IMoodMapStore.Targets"/>).</param>
    public MappingDraft(MoodMap map, MoodTargetRules targets)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(targets);
        _targets = targets;
        foreach (var (emotion, mood) in map.Emotions)
        {
            _emotions[emotion.ToLowerInvariant()] = mood.ToLowerInvariant();
        }

        foreach (var (mood, music) in map.Moods)
        {
            _moods[mood.ToLowerInvariant()] = new MoodTargets([.. music.Targets], music.Shuffle);
        }

        _original = MoodMapSerializer.Serialize(ToMap());
    }

    /// <summary>True when the draft differs from the mapping it started from.</summary>
    public bool IsDirty => !MoodMapSerializer.Serialize(ToMap()).AsSpan().SequenceEqual(_original);

    /// <summary>Every canonical emotion (mapped or not) in canonical order, then any other mapped emotion.</summary>
    public IReadOnlyList<EmotionMapping> Emotions =>
    [
        .. EmotionLabels.Canonical.Select(e => new EmotionMapping(e, _emotions.GetValueOrDefault(e))),
        .. _emotions.Keys.Where(e => !EmotionLabels.IsCanonical(e)).Order(StringComparer.Ordinal)
            .Select(e => new EmotionMapping(e, _emotions[e])),
    ];

    /// <summary>The moods, alphabetically.</summary>
    public IReadOnlyList<string> Moods => [.. _moods.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The targets and shuffle setting of <paramref name="mood"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such mood.</exception>
    public MoodTargets TargetsOf(string mood) => _moods[mood];

    /// <summary>The emotions that map to <paramref name="mood"/>.</summary>
    public IReadOnlyList<string> EmotionsUsing(string mood) =>
        [.. Emotions.Where(e => string.Equals(e.Mood, mood, StringComparison.OrdinalIgnoreCase)).Select(e => e.Emotion)];

    /// <summary>Maps <paramref name="emotion"/> to the existing <paramref name="mood"/>.</summary>
    public EditResult SetMood(string emotion, string mood)
    {
        var e = emotion.Trim().ToLowerInvariant();
        var m = mood.Trim().ToLowerInvariant();
        if (!EmotionLabels.IsCanonical(e))
        {
            return EditResult.Rejected($"'{emotion}' is not an emotion the model knows ({string.Join(", ", EmotionLabels.Canonical)}).");
        }

        if (!_moods.ContainsKey(m))
        {
            return EditResult.Rejected($"There is no mood '{mood}'; create it first (it needs at least one playlist).");
        }

        _emotions[e] = m;
        return EditResult.Done($"{e} → {m}");
    }

    /// <summary>Checks a name for a new mood; returns null when it can be used, else why not.</summary>
    public string? CheckNewMoodName(string? name)
    {
        var n = name?.Trim().ToLowerInvariant() ?? "";
        if (n.Length == 0)
        {
            return "A mood needs a name.";
        }

        if (!MoodName().IsMatch(n))
        {
            return "Use letters, digits, spaces, '-' or '_' (at most 40 characters), starting with a letter or digit.";
        }

        return _moods.ContainsKey(n) ? $"The mood '{n}' already exists; choose it from the list instead." : null;
    }

    /// <summary>Creates mood <paramref name="name"/> with its first playlist <paramref name="firstTarget"/> (both validated).</summary>
    public EditResult AddMood(string name, string firstTarget, bool shuffle = true)
    {
        if (CheckNewMoodName(name) is { } nameError)
        {
            return EditResult.Rejected(nameError);
        }

        if (NormalizeTarget(firstTarget, out var error) is not { } target)
        {
            return EditResult.Rejected(error!);
        }

        var n = name.Trim().ToLowerInvariant();
        _moods[n] = new MoodTargets([target], shuffle);
        return EditResult.Done($"New mood '{n}' with {target}");
    }

    /// <summary>Adds a playlist to <paramref name="mood"/> after validating and normalising it.</summary>
    public EditResult AddTarget(string mood, string input)
    {
        if (!_moods.TryGetValue(mood, out var current))
        {
            return EditResult.Rejected($"There is no mood '{mood}'.");
        }

        if (NormalizeTarget(input, out var error) is not { } target)
        {
            return EditResult.Rejected(error!);
        }

        if (current.Targets.Contains(target, StringComparer.Ordinal))
        {
            return EditResult.Rejected($"'{mood}' already has {target}.");
        }

        _moods[mood] = current with { Targets = [.. current.Targets, target] };
        return EditResult.Done($"Added {target} to '{mood}'");
    }

    /// <summary>Removes a playlist from <paramref name="mood"/>; refuses to remove the last one (a mood needs music).</summary>
    public EditResult RemoveTarget(string mood, string target)
    {
        if (!_moods.TryGetValue(mood, out var current))
        {
            return EditResult.Rejected($"There is no mood '{mood}'.");
        }

        if (!current.Targets.Contains(target, StringComparer.Ordinal))
        {
            return EditResult.Rejected($"'{mood}' does not have {target}.");
        }

        if (current.Targets.Count == 1)
        {
            return EditResult.Rejected($"{target} is the only playlist of '{mood}'; add another one before removing it.");
        }

        _moods[mood] = current with { Targets = [.. current.Targets.Where(t => !string.Equals(t, target, StringComparison.Ordinal))] };
        return EditResult.Done($"Removed {target} from '{mood}'");
    }

    /// <summary>Turns shuffle of <paramref name="mood"/> on or off.</summary>
    public EditResult ToggleShuffle(string mood)
    {
        if (!_moods.TryGetValue(mood, out var current))
        {
            return EditResult.Rejected($"There is no mood '{mood}'.");
        }

        _moods[mood] = current with { Shuffle = !current.Shuffle };
        return EditResult.Done($"Shuffle for '{mood}' is {(current.Shuffle ? "off" : "on")}");
    }

    /// <summary>Deletes <paramref name="mood"/> when no emotion uses it.</summary>
    public EditResult RemoveMood(string mood)
    {
        if (!_moods.ContainsKey(mood))
        {
            return EditResult.Rejected($"There is no mood '{mood}'.");
        }

        var users = EmotionsUsing(mood);
        if (users.Count > 0)
        {
            return EditResult.Rejected($"'{mood}' is used by {string.Join(", ", users)}; map them to another mood first.");
        }

        _moods.Remove(mood);
        return EditResult.Done($"Removed the mood '{mood}'");
    }

    /// <summary>The problem that would stop the draft from being saved, or null when it is valid.</summary>
    public string? Validate()
    {
        try
        {
            MoodMapSerializer.Validate(ToMap(), "mapping", _targets, mustExist: false);
            return null;
        }
        catch (MoodMapException e)
        {
            return e.Message;
        }
    }

    /// <summary>The draft as an immutable mapping.</summary>
    public MoodMap ToMap() => new(
        new Dictionary<string, string>(_emotions, StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, MoodTargets>(_moods, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Validates a playlist the user typed with the players' rules: a Spotify URI or open.spotify.com link (converted to
    /// a URI), or an existing local folder or file (made absolute when it exists only relative to the current directory).
    /// Surrounding quotes are dropped. Returns the normalised target, or null with <paramref name="error"/>.
    /// </summary>
    public string? NormalizeTarget(string? input, out string? error)
    {
        var text = input?.Trim().Trim('"', '\'') ?? "";
        if (text.Length == 0)
        {
            error = $"Type {_targets.Accepted}.";
            return null;
        }

        var normalized = _targets.Normalize(text, mustExist: true, out error);
        if (normalized is null)
        {
            error = Capitalize(error ?? "not a valid playlist") + ".";
        }

        return normalized;
    }

    private static string Capitalize(string message) =>
        message.Length > 0 && char.IsLower(message[0]) && !message.StartsWith('\'') ? char.ToUpperInvariant(message[0]) + message[1..] : message;

    [GeneratedRegex("^[a-z0-9][a-z0-9 _-]{0,39}$")]
    private static partial Regex MoodName();
}
