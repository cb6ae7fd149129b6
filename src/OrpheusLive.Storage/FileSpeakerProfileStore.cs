using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Storage;

/// <summary>
/// Personal calibration profiles kept as files: <c>NAME.json</c> in <see cref="UserPaths.ProfileDirectory"/> (or the
/// given directory), written atomically. A profile that cannot be used (corrupt, another model, another label set) is
/// copied to <c>NAME.json.bak</c> before the session starts fresh, so a later save never destroys it; one that cannot
/// even be read is never overwritten.
/// </summary>
public sealed partial class FileSpeakerProfileStore
{
    /// <summary>The profile used without <c>--profile</c>.</summary>
    public const string DefaultProfile = "default";

    private readonly ILogger _logger;
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the store.</summary>
    /// <param name="logger">Where load and save problems are logged.</param>
    /// <param name="directory">Where profiles live; null for <see cref="UserPaths.ProfileDirectory"/>.</param>
    public FileSpeakerProfileStore(ILogger<FileSpeakerProfileStore> logger, string? directory = null)
    {
        _logger = logger;
        Directory = Path.GetFullPath(directory ?? UserPaths.ProfileDirectory);
    }

    /// <summary>The folder holding the profiles.</summary>
    public string Directory { get; }

    /// <summary>Null when <paramref name="name"/> can name a profile, else one line saying what is valid.</summary>
    public static string? ValidateName(string? name) =>
        name is not null && NamePattern().IsMatch(name)
            ? null
            : $"profile name '{name}' is not valid: use 1–64 letters, digits, '-' or '_' (default: {DefaultProfile})";

    /// <summary>The file of profile <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not valid (<see cref="ValidateName"/>).</exception>
    public string PathOf(string name) =>
        ValidateName(name) is { } error ? throw new ArgumentException(error, nameof(name)) : Path.Combine(Directory, name + ".json");

    /// <summary>
    /// Starts <paramref name="calibration"/>'s session from profile <paramref name="name"/> (fresh when there is none).
    /// Returns null, or one warning line naming the file and the problem when the profile could not be used: the session
    /// then starts fresh and the file has been kept as <c>.bak</c> (or, when it could not be read, is left alone and
    /// never saved over).
    /// </summary>
    public string? Open(string name, PersonalCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var path = PathOf(name);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            calibration.StartSession(null);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            calibration.StartSession(null);
            lock (_gate)
            {
                _unreadable.Add(name);
            }

            _logger.LogWarning(e, "Calibration profile {Path} cannot be read", path);
            return $"Calibration profile {path} cannot be read ({e.Message}); starting fresh, and this run will not save over it.";
        }

        string? problem;
        try
        {
            var profile = SpeakerProfileSerializer.Parse(Encoding.UTF8.GetString(bytes), path);
            problem = calibration.StartSession(profile);
        }
        catch (CalibrationProfileException e)
        {
            calibration.StartSession(null);
            problem = e.Message;
        }

        if (problem is null)
        {
            return null;
        }

        var backup = path + ".bak";
        try
        {
            AtomicFile.WriteAllBytesAsync(backup, bytes, ownerOnly: false, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _unreadable.Add(name);
            }

            _logger.LogWarning(e, "Calibration profile {Path} is unusable ({Problem}) and could not be backed up", path, problem);
            return $"Calibration profile {path} could not be used ({problem}) nor backed up ({e.Message}); starting fresh, and this run will not save over it.";
        }

        _logger.LogWarning("Calibration profile {Path} could not be used ({Problem}); kept it as {Backup} and started fresh", path, problem, backup);
        return $"Calibration profile {path} could not be used ({problem}); starting fresh — the old file was kept as {backup}.";
    }

    /// <summary>
    /// Saves <paramref name="profile"/> as profile <paramref name="name"/>, atomically. Returns false (and saves nothing)
    /// when this run found the existing file unreadable.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; the previous one is unchanged.</exception>
    public async Task<bool> SaveAsync(string name, SpeakerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var path = PathOf(name);
        lock (_gate)
        {
            if (_unreadable.Contains(name))
            {
                return false;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(SpeakerProfileSerializer.Serialize(profile));
        await AtomicFile.WriteAllBytesAsync(path, bytes, ownerOnly: false, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Saved calibration profile {Path} ({Windows:F1} windows, {Clips} enrolled clips)", path, profile.Weight, profile.EnrolledClips);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
