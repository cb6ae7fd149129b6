using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Moods;

/// <summary>
/// What a mood may list as music: whatever one of the installed players accepts (<see cref="ITargetValidator"/>s,
/// asked in turn; the first that recognises a target decides). The mapping store, the mapping editor and the HTTP API
/// validate through this one place.
/// </summary>
public sealed class MoodTargetRules
{
    private readonly ITargetValidator[] _validators;

    /// <summary>Creates the rules over the players' validators.</summary>
    public MoodTargetRules(IEnumerable<ITargetValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        _validators = [.. validators];
    }

    /// <summary>What a target may be, for messages ("a Spotify URI, an open.spotify.com link or a local folder").</summary>
    public string Accepted => _validators.Length switch
    {
        0 => "nothing (no player is installed)",
        1 => _validators[0].Description,
        _ => $"{string.Join(", ", _validators[..^1].Select(v => v.Description))} or {_validators[^1].Description}",
    };

    /// <summary>
    /// Normalises <paramref name="input"/>; returns null and sets <paramref name="error"/> (lower case, no final period)
    /// when no player accepts it.
    /// </summary>
    /// <param name="input">The target as typed or stored.</param>
    /// <param name="mustExist">Also require targets that can be checked here (local folders) to exist.</param>
    /// <param name="error">Why the target is invalid.</param>
    public string? Normalize(string? input, bool mustExist, out string? error)
    {
        error = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty";
            return null;
        }

        foreach (var validator in _validators)
        {
            if (validator.Check(text, mustExist) is not { } check)
            {
                continue;
            }

            error = check.Error;
            return check.Target;
        }

        error = _validators.Length switch
        {
            0 => $"'{text}' is not a target any installed player plays",
            1 => $"'{text}' is not {_validators[0].Description}",
            _ => $"'{text}' is neither {string.Join(", ", _validators[..^1].Select(v => v.Description))} nor {_validators[^1].Description}",
        };
        return null;
    }
}
