using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// The built-in player's targets: local folders and audio files (plain paths, <c>~/…</c>, <c>file://</c> URIs), resolved
/// like the player resolves them (<see cref="LocalPlayerOptions.MusicRoot"/>, else the current directory, then the app
/// folder). Asked to check existence, a path found only relative to the current directory is made absolute, so the
/// saved mapping works from anywhere. <c>library:&lt;mood&gt;</c> names the music library's tracks of a mood (checked for
/// its form only: the library may be scanned later).
/// </summary>
/// <param name="options">The player's settings (the music root).</param>
public sealed class LocalTargetValidator(LocalPlayerOptions options) : ITargetValidator
{
    /// <inheritdoc />
    public string Description => "a local folder, or library:<mood> for the music library";

    /// <inheritdoc />
    public TargetCheck? Check(string target, bool mustExist)
    {
        ArgumentNullException.ThrowIfNull(target);
        var text = target.Trim();
        if (LibraryTarget.TryParse(text, out var mood))
        {
            return mood.Length > 0 && mood.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ')
                ? TargetCheck.Valid(LibraryTarget.For(mood))
                : TargetCheck.Invalid($"'{text}' names no mood; write library:<mood>, e.g. library:chill");
        }

        if (!LocalTargetPaths.TryLocalPath(text, out var path))
        {
            return null;
        }

        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return TargetCheck.Invalid($"'{text}' is not a valid folder path");
        }

        if (!mustExist)
        {
            return TargetCheck.Valid(text);
        }

        var full = LocalTargetPaths.Resolve(path, options.MusicRoot, out var fromCurrentDirectoryOnly);
        if (!LocalTargetPaths.Exists(full))
        {
            return TargetCheck.Invalid($"the local folder '{text}' does not exist");
        }

        return TargetCheck.Valid(fromCurrentDirectoryOnly ? full : text);
    }
}
