using System.Text.RegularExpressions;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Tui.Mapping;

/// <summary>
/// The mapping being edited: pure state and the edit rules (what an emotion starts — an existing mood, a new one, or
/// nothing; add, remove and validate targets; shuffle). Nothing is written until the editor saves <see cref="ToMap"/>
/// through the store. A new mood may be empty while it is edited (<see cref="ProblemOf"/> says so, and the store's
/// validation refuses to save it); every other edit that would leave the mapping unsavable is refused with a reason.
/// </summary>
public sealed partial class MappingDraft
{
    private byte[] _original;
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
            _moods[mood.ToLowerInvariant()] = new MoodTargets([.. music.Targets], music.Shuffle, music.Policy);
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

    /// <summary>
    /// Sets what <paramref name="emotion"/> starts, as typed in the editor's mood field: an existing mood maps to it, a
    /// new valid name creates that mood (empty: it needs a target before the mapping can be saved), and an empty
    /// field leaves the emotion unmapped (its windows leave the music alone) — unless it is the last mapped one.
    /// </summary>
    public EditResult Assign(string emotion, string? mood)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        var e = emotion.Trim().ToLowerInvariant();
        var m = mood?.Trim().ToLowerInvariant() ?? "";
        if (!EmotionLabels.IsCanonical(e))
        {
            return EditResult.Rejected($"'{emotion}' is not an emotion the model knows ({string.Join(", ", EmotionLabels.Canonical)}).");
        }

        if (m.Length == 0)
        {
            if (!_emotions.ContainsKey(e))
            {
                return EditResult.Done($"{e} stays unmapped");
            }

            if (_emotions.Count == 1)
            {
                return EditResult.Rejected("At least one emotion must start music; map another one first.");
            }

            _emotions.Remove(e);
            return EditResult.Done($"{e} is unmapped: it leaves the music alone");
        }

        if (_moods.ContainsKey(m))
        {
            _emotions[e] = m;
            return EditResult.Done($"{e} → {m}");
        }

        if (!MoodName().IsMatch(m))
        {
            return EditResult.Rejected("A mood name uses letters, digits, spaces, '-' or '_' (at most 40), starting with a letter or digit.");
        }

        _moods[m] = new MoodTargets([], Shuffle: true);
        _emotions[e] = m;
        return EditResult.Done($"New mood '{m}': add its first target below");
    }

    /// <summary>Turns shuffle of <paramref name="mood"/> on or off.</summary>
    public EditResult SetShuffle(string mood, bool shuffle)
    {
        if (!_moods.TryGetValue(mood, out var current))
        {
            return EditResult.Rejected($"There is no mood '{mood}'.");
        }

        _moods[mood] = current with { Shuffle = shuffle };
        return EditResult.Done($"Shuffle for '{mood}' is {(shuffle ? "on" : "off")}");
    }

    /// <summary>What keeps <paramref name="mood"/> from being saved (no targets yet), or null.</summary>
    public string? ProblemOf(string mood) =>
        _moods.TryGetValue(mood, out var targets) && targets.Targets.Count == 0
            ? $"'{mood}' has no targets yet: add a local folder, a Spotify playlist or a library mood."
            : null;

    /// <summary>Makes the current draft the one edits are compared with (after it was saved).</summary>
    public void Rebase() => _original = MoodMapSerializer.Serialize(ToMap());

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
            return EditResult.Rejected($"{target} is the only target of '{mood}'; add another one before removing it.");
        }

        _moods[mood] = current with { Targets = [.. current.Targets.Where(t => !string.Equals(t, target, StringComparison.Ordinal))] };
        return EditResult.Done($"Removed {target} from '{mood}'");
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

    /// <summary>The draft as an immutable mapping (a mood created without targets that no emotion uses any more is left out).</summary>
    public MoodMap ToMap() => new(
        new Dictionary<string, string>(_emotions, StringComparer.OrdinalIgnoreCase),
        _moods.Where(m => m.Value.Targets.Count > 0 || _emotions.ContainsValue(m.Key))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.OrdinalIgnoreCase));

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
